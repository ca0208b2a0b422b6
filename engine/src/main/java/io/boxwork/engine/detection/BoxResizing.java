package io.boxwork.engine.detection;

import io.boxwork.engine.tensor.Tensors;
import org.bytedeco.pytorch.Tensor;

import java.util.Arrays;

/**
 * torchvision's {@code resize_boxes}: scales x by the width ratio and y by the height ratio, each
 * ratio a float32 division of the new side by the old one.
 */
public final class BoxResizing {

    private BoxResizing() {
    }

    /**
     * @param boxes    N x 4 boxes (x1, y1, x2, y2) in the {@code fromSize} image
     * @param fromSize {height, width} the boxes are expressed in
     * @param toSize   {height, width} to express them in
     */
    public static Tensor resize(Tensor boxes, long[] fromSize, long[] toSize) {
        long[] shape = boxes.shape();
        if (shape.length != 2 || shape[1] != 4) {
            throw new IllegalArgumentException("boxes must be N x 4, got " + Arrays.toString(shape));
        }
        float ratioHeight = (float) toSize[0] / (float) fromSize[0];
        float ratioWidth = (float) toSize[1] / (float) fromSize[1];
        Tensor ratios = Tensors.floats(new float[]{ratioWidth, ratioHeight, ratioWidth, ratioHeight}, 4)
                .to(boxes.device(), boxes.scalar_type());
        return boxes.mul(ratios);
    }
}
