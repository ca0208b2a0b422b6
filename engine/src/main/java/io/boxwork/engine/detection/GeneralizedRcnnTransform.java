package io.boxwork.engine.detection;

import io.boxwork.engine.tensor.Tensors;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.random.RandomGenerator;

/**
 * torchvision's {@code GeneralizedRCNNTransform} (0.14): normalise each image, resize it so its
 * short side is {@code minSize} (capped by {@code maxSize} on the long side), scale its target
 * boxes by the same ratios, and pad the batch with zeros to a multiple of {@code sizeDivisible}.
 * {@link #postprocess} maps predicted boxes back to each original image.
 *
 * <p>Images are float CHW tensors with values in [0, 1]. Several {@code minSizes} are the
 * multi-scale training choice; evaluation always uses the last, as torchvision does.
 */
public final class GeneralizedRcnnTransform {

    /** torchvision's ImageNet statistics, which its pretrained backbones expect. */
    public static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
    public static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

    private final List<Integer> minSizes;
    private final int maxSize;
    private final float[] mean;
    private final float[] std;
    private final int sizeDivisible;

    public GeneralizedRcnnTransform(List<Integer> minSizes, int maxSize, float[] mean, float[] std,
                                    int sizeDivisible) {
        if (minSizes.isEmpty() || minSizes.stream().anyMatch(s -> s <= 0)) {
            throw new IllegalArgumentException("min sizes must be positive, got " + minSizes);
        }
        if (maxSize <= 0 || sizeDivisible <= 0) {
            throw new IllegalArgumentException("max size and size divisor must be positive, got "
                    + maxSize + " and " + sizeDivisible);
        }
        if (mean.length != std.length) {
            throw new IllegalArgumentException("mean has " + mean.length + " channels but std has " + std.length);
        }
        this.minSizes = List.copyOf(minSizes);
        this.maxSize = maxSize;
        this.mean = mean.clone();
        this.std = std.clone();
        this.sizeDivisible = sizeDivisible;
    }

    /** torchvision's defaults for Faster R-CNN: ImageNet statistics, padding to a multiple of 32. */
    public static GeneralizedRcnnTransform imageNet(int minSize, int maxSize) {
        return new GeneralizedRcnnTransform(List.of(minSize), maxSize, IMAGENET_MEAN, IMAGENET_STD, 32);
    }

    public List<Integer> minSizes() {
        return minSizes;
    }

    public int maxSize() {
        return maxSize;
    }

    /** Evaluation: no targets, the last min size. */
    public ImageList apply(List<Tensor> images) {
        return apply(images, List.of(), evaluationMinSize()).images();
    }

    /** Evaluation with targets (boxes resized alongside), the last min size. */
    public TransformedBatch apply(List<Tensor> images, List<Tensor> boxes) {
        return apply(images, boxes, evaluationMinSize());
    }

    /** Training: each image gets a min size drawn at random from {@link #minSizes}, as in torchvision. */
    public TransformedBatch applyForTraining(List<Tensor> images, List<Tensor> boxes, RandomGenerator random) {
        return apply(images, boxes, () -> minSizes.get(random.nextInt(minSizes.size())));
    }

    /**
     * @param boxes per image N x 4 boxes in original pixels, or an empty list for none
     */
    public TransformedBatch apply(List<Tensor> images, List<Tensor> boxes, int minSize) {
        return apply(images, boxes, () -> minSize);
    }

    private TransformedBatch apply(List<Tensor> images, List<Tensor> boxes, IntSupplier minSize) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("the batch has no image");
        }
        if (!boxes.isEmpty() && boxes.size() != images.size()) {
            throw new IllegalArgumentException(images.size() + " images but " + boxes.size() + " box lists");
        }
        List<Tensor> resized = new ArrayList<>(images.size());
        List<long[]> resizedSizes = new ArrayList<>(images.size());
        List<long[]> originalSizes = new ArrayList<>(images.size());
        List<Tensor> resizedBoxes = new ArrayList<>(boxes.size());
        for (int i = 0; i < images.size(); i++) {
            Tensor image = images.get(i);
            checkImage(i, image);
            long[] original = Tensors.heightWidth(image);
            try {
                Tensor out = resize(normalize(image), minSize.getAsInt());
                long[] size = Tensors.heightWidth(out);
                resized.add(out);
                resizedSizes.add(size);
                originalSizes.add(original);
                if (!boxes.isEmpty()) {
                    resizedBoxes.add(BoxResizing.resize(boxes.get(i), original, size));
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidImageException(i, e.getMessage());
            }
        }
        return new TransformedBatch(new ImageList(batchImages(resized), List.copyOf(resizedSizes)),
                List.copyOf(resizedBoxes), List.copyOf(originalSizes));
    }

    /** {@code (image - mean) / std} per channel, in the image's dtype and on its device. */
    public Tensor normalize(Tensor image) {
        long channels = image.size(0);
        if (channels != mean.length) {
            throw new IllegalArgumentException("image has " + channels + " channels, the statistics have "
                    + mean.length);
        }
        Tensor m = Tensors.floats(mean, mean.length, 1, 1).to(image.device(), image.scalar_type());
        Tensor s = Tensors.floats(std, std.length, 1, 1).to(image.device(), image.scalar_type());
        return image.sub(m).div(s);
    }

    /** Bilinear resize (align_corners=false) to {@link ResizeRule#resizedSize}. */
    public Tensor resize(Tensor image, int minSize) {
        long[] hw = Tensors.heightWidth(image);
        long[] size = ResizeRule.resizedSize(hw[0], hw[1], minSize, maxSize);
        return torch.upsample_bilinear2d(image.unsqueeze(0), size, false).squeeze(0);
    }

    /** Zero-pads every image to the batch's largest height and width, rounded up to the divisor. */
    public Tensor batchImages(List<Tensor> images) {
        long[] largest = images.get(0).shape().clone();
        for (Tensor image : images) {
            long[] shape = image.shape();
            for (int d = 0; d < largest.length; d++) {
                largest[d] = Math.max(largest[d], shape[d]);
            }
        }
        largest[1] = roundUp(largest[1]);
        largest[2] = roundUp(largest[2]);
        long[] batchShape = {images.size(), largest[0], largest[1], largest[2]};
        Tensor batch = torch.zeros(batchShape, images.get(0).options());
        for (int i = 0; i < images.size(); i++) {
            Tensor image = images.get(i);
            long[] shape = image.shape();
            batch.select(0, i).narrow(0, 0, shape[0]).narrow(1, 0, shape[1]).narrow(2, 0, shape[2]).copy_(image);
        }
        return batch;
    }

    /**
     * Maps each image's predicted boxes from resized to original pixels.
     *
     * @param boxes         per image N x 4 boxes in resized-image pixels
     * @param resizedSizes  per image {height, width} the boxes are expressed in
     * @param originalSizes per image {height, width} of the image as given
     */
    public List<Tensor> postprocess(List<Tensor> boxes, List<long[]> resizedSizes, List<long[]> originalSizes) {
        if (boxes.size() != resizedSizes.size() || boxes.size() != originalSizes.size()) {
            throw new IllegalArgumentException(boxes.size() + " box lists, " + resizedSizes.size()
                    + " resized sizes and " + originalSizes.size() + " original sizes do not pair up");
        }
        List<Tensor> out = new ArrayList<>(boxes.size());
        for (int i = 0; i < boxes.size(); i++) {
            out.add(BoxResizing.resize(boxes.get(i), resizedSizes.get(i), originalSizes.get(i)));
        }
        return out;
    }

    private int evaluationMinSize() {
        return minSizes.get(minSizes.size() - 1);
    }

    private long roundUp(long side) {
        return (long) (Math.ceil((double) side / sizeDivisible) * sizeDivisible);
    }

    private static void checkImage(int index, Tensor image) {
        if (image.dim() != 3) {
            throw new InvalidImageException(index, "expected C x H x W, got shape " + Arrays.toString(image.shape()));
        }
        if (!image.is_floating_point()) {
            throw new InvalidImageException(index, "expected a floating-point image with values in [0, 1], got "
                    + image.scalar_type());
        }
        if (image.size(1) == 0 || image.size(2) == 0) {
            throw new InvalidImageException(index, "image is empty: " + Arrays.toString(image.shape()));
        }
    }
}
