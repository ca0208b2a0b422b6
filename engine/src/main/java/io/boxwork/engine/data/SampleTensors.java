package io.boxwork.engine.data;

import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.Tensor;

/**
 * A sample as LibTorch tensors, in the shapes torchvision's detectors take: image 3 x H x W
 * float in [0, 1], boxes N x 4 float (image pixels), labels N int64. Made on the CPU; {@link #to}
 * puts it where the model is.
 */
public record SampleTensors(String imagePath, Tensor image, Tensor boxes, Tensor labels) {

    /** One bulk copy per array into native memory (no per-element calls). */
    public static SampleTensors of(DetectionSample s) {
        DecodedImage img = s.image();
        Tensor image = Tensor.create(img.chw(), 3, img.height(), img.width());
        Tensor boxes = Tensor.create(s.boxes(), s.boxCount(), 4);
        Tensor labels = Tensor.create(s.labels(), s.boxCount());
        return new SampleTensors(s.imagePath(), image, boxes, labels);
    }

    /** The sample on {@code device}: decoding happens on the CPU, the model may be elsewhere. No copy when it is already there. */
    public SampleTensors to(Device device) {
        return new SampleTensors(imagePath, image.to(device, image.scalar_type()), boxes.to(device, boxes.scalar_type()),
            labels.to(device, labels.scalar_type()));
    }
}
