package io.boxwork.engine.detection;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;

import java.util.ArrayList;
import java.util.List;

import static io.boxwork.engine.detection.Tensors.scalar;

/**
 * Anchors for a set of feature maps, as torchvision's {@code AnchorGenerator}: per level, every
 * size x aspect ratio (height / width) gives a zero-centred base anchor (rounded to whole pixels),
 * repeated at every cell of the level's grid with the stride {@code padded image size / feature size}
 * (integer division).
 */
public final class AnchorGenerator {

    private final List<List<Integer>> sizes;
    private final List<List<Double>> aspectRatios;
    private final List<Tensor> cellAnchors = new ArrayList<>();

    public AnchorGenerator(List<List<Integer>> sizes, List<List<Double>> aspectRatios) {
        if (sizes.size() != aspectRatios.size()) {
            throw new IllegalArgumentException("Anchor sizes have " + sizes.size()
                    + " levels but aspect ratios have " + aspectRatios.size());
        }
        this.sizes = List.copyOf(sizes);
        this.aspectRatios = List.copyOf(aspectRatios);
        for (int level = 0; level < sizes.size(); level++) {
            cellAnchors.add(generateAnchors(sizes.get(level), aspectRatios.get(level)));
        }
    }

    /** Zero-centred {@code x1, y1, x2, y2} anchors, ratio-major, computed in float32 as torchvision does. */
    static Tensor generateAnchors(List<Integer> scales, List<Double> ratios) {
        float[] s = new float[scales.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = scales.get(i);
        }
        float[] r = new float[ratios.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = ratios.get(i).floatValue();
        }
        Tensor scaleT = Tensor.create(s, s.length);
        Tensor hRatios = Tensor.create(r, r.length).sqrt();
        Tensor wRatios = hRatios.reciprocal();
        Tensor ws = wRatios.unsqueeze(1).mul(scaleT.unsqueeze(0)).view(-1);
        Tensor hs = hRatios.unsqueeze(1).mul(scaleT.unsqueeze(0)).view(-1);
        Tensor base = Tensors.stack(1, ws.neg(), hs.neg(), ws, hs).div(scalar(2));
        return base.round();
    }

    public List<Integer> numAnchorsPerLocation() {
        List<Integer> n = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            n.add(sizes.get(i).size() * aspectRatios.get(i).size());
        }
        return n;
    }

    /** Number of feature levels this generator expects. */
    public int levels() {
        return sizes.size();
    }

    /**
     * @param paddedHeight height of the padded batch tensor
     * @param paddedWidth  width of the padded batch tensor
     * @param gridSizes    per level {height, width} of the feature map
     * @param like         a tensor on the device the anchors are wanted on (a feature map)
     * @return per level, {@code H*W*A x 4} anchors (cell-major, then anchor)
     */
    public List<Tensor> gridAnchors(long paddedHeight, long paddedWidth, List<long[]> gridSizes, Tensor like) {
        if (gridSizes.size() != cellAnchors.size()) {
            throw new IllegalArgumentException("Anchor generator has " + cellAnchors.size()
                    + " levels of sizes and aspect ratios but got " + gridSizes.size() + " feature maps");
        }
        List<Tensor> anchors = new ArrayList<>();
        for (int level = 0; level < gridSizes.size(); level++) {
            long gridHeight = gridSizes.get(level)[0];
            long gridWidth = gridSizes.get(level)[1];
            long strideHeight = paddedHeight / gridHeight;
            long strideWidth = paddedWidth / gridWidth;
            TensorOptions ints = Tensors.options(like, torch.ScalarType.Int);
            Tensor shiftsX = torch.arange(scalar(0), scalar(gridWidth), ints).mul(scalar(strideWidth));
            Tensor shiftsY = torch.arange(scalar(0), scalar(gridHeight), ints).mul(scalar(strideHeight));
            Tensor shiftX = shiftsX.unsqueeze(0).expand(gridHeight, gridWidth).reshape(-1);
            Tensor shiftY = shiftsY.unsqueeze(1).expand(gridHeight, gridWidth).reshape(-1);
            Tensor shifts = Tensors.stack(1, shiftX, shiftY, shiftX, shiftY);
            // Made once on the CPU; a no-op there, a copy of a few numbers on a GPU.
            Tensor base = cellAnchors.get(level).to(like.device(), torch.ScalarType.Float);
            anchors.add(shifts.view(-1, 1, 4).add(base.view(1, -1, 4)).reshape(-1, 4));
        }
        return anchors;
    }

    /** Anchors of every image of the batch, all levels concatenated (the same for every image). */
    public List<Tensor> forward(ImageList images, List<Tensor> featureMaps) {
        List<long[]> grids = new ArrayList<>();
        for (Tensor f : featureMaps) {
            grids.add(new long[]{f.size(-2), f.size(-1)});
        }
        Tensor all = Tensors.cat(gridAnchors(images.tensors().size(-2), images.tensors().size(-1), grids, featureMaps.get(0)), 0)
                .to(featureMaps.get(0).scalar_type());
        List<Tensor> perImage = new ArrayList<>();
        for (int i = 0; i < images.imageSizes().size(); i++) {
            perImage.add(all);
        }
        return perImage;
    }
}
