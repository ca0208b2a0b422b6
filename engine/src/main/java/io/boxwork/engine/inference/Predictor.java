package io.boxwork.engine.inference;

import io.boxwork.annotations.model.Split;
import io.boxwork.annotations.storage.Project;
import io.boxwork.engine.data.DecodedImage;
import io.boxwork.engine.data.ImageDecoder;
import io.boxwork.engine.device.NativeMemory;
import io.boxwork.engine.tensor.Tensors;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a detector over image files or a project split. Each batch runs inside its own
 * PointerScope, so memory stays flat over any number of images; results come out as plain
 * Java values (with the raw candidates the review screen re-thresholds). Images are decoded on
 * the CPU and run on the model's device.
 */
public final class Predictor {
    private final DetectorModel model;
    private final int batchSize;

    public Predictor(DetectorModel model, int batchSize) {
        if (batchSize <= 0) throw new IllegalArgumentException("batch size must be positive, was " + batchSize);
        this.model = model;
        this.batchSize = batchSize;
    }

    public List<ImagePrediction> predictFiles(List<Path> files) throws IOException {
        List<String> names = files.stream().map(Path::toString).toList();
        return predict(names, files, p -> { });
    }

    /** Every image of {@code split} (all images when null), named by its project path. */
    public List<ImagePrediction> predictProject(Project project, Split split, Consumer<ImagePrediction> each) throws IOException {
        List<String> names = split == null ? project.images() : project.images(split);
        return predict(names, names.stream().map(project::imageFile).toList(), each);
    }

    private List<ImagePrediction> predict(List<String> names, List<Path> files, Consumer<ImagePrediction> each) throws IOException {
        List<ImagePrediction> out = new ArrayList<>();
        boolean wasTraining = model.module().is_training();
        model.module().train(false);
        try {
            for (int start = 0; start < files.size(); start += batchSize) {
                int end = Math.min(files.size(), start + batchSize);
                List<DecodedImage> decoded = new ArrayList<>();
                for (int i = start; i < end; i++) decoded.add(ImageDecoder.decode(files.get(i)));
                try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
                    Device device = model.device();
                    List<Tensor> images = decoded.stream()
                        .map(d -> Tensor.create(d.chw(), 3, d.height(), d.width()).to(device, torch.ScalarType.Float)).toList();
                    List<DetectorModel.ImageResult> results = model.detect(images);
                    for (int k = 0; k < results.size(); k++) {
                        ImagePrediction p = toPrediction(names.get(start + k), decoded.get(k), results.get(k));
                        out.add(p);
                        each.accept(p);
                    }
                }
            }
        } finally {
            model.module().train(wasTraining);
            NativeMemory.returnFreePages();
        }
        return out;
    }

    private ImagePrediction toPrediction(String name, DecodedImage image, DetectorModel.ImageResult r) {
        float[] boxes = Tensors.toFloats(r.detections().boxes());
        float[] scores = Tensors.toFloats(r.detections().scores());
        long[] labels = Tensors.toLongs(r.detections().labels());
        List<ImagePrediction.Detected> found = new ArrayList<>();
        List<String> classes = model.classNames();
        for (int i = 0; i < scores.length; i++) {
            int label = (int) labels[i];
            String cls = label >= 1 && label <= classes.size() ? classes.get(label - 1) : "class " + label;
            found.add(new ImagePrediction.Detected(boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3], scores[i], label, cls));
        }
        return new ImagePrediction(name, image.width(), image.height(), found, r.candidates());
    }
}
