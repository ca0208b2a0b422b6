package io.boxwork.engine.detection;

import org.bytedeco.pytorch.Generator;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks, per image, at most {@code batchSizePerImage} labelled elements of which at most
 * {@code positiveFraction} are positives, filling the rest with negatives, as torchvision's
 * {@code BalancedPositiveNegativeSampler}. Draws come from the given generator, so a seeded
 * generator makes training reproducible.
 */
public final class BalancedPositiveNegativeSampler {

    /** Boolean masks per image over the labelled elements. */
    public record Sample(List<Tensor> positive, List<Tensor> negative) {
    }

    private final int batchSizePerImage;
    private final double positiveFraction;
    private final Generator generator;

    /** @param generator the random source, or {@code null} for LibTorch's default generator */
    public BalancedPositiveNegativeSampler(int batchSizePerImage, double positiveFraction, Generator generator) {
        this.batchSizePerImage = batchSizePerImage;
        this.positiveFraction = positiveFraction;
        this.generator = generator;
    }

    public static BalancedPositiveNegativeSampler seeded(int batchSizePerImage, double positiveFraction, long seed) {
        return new BalancedPositiveNegativeSampler(batchSizePerImage, positiveFraction, torch.createCPUGenerator(seed));
    }

    /** @param matchedLabels per image: -1 ignored, 0 negative, >= 1 positive */
    public Sample sample(List<Tensor> matchedLabels) {
        List<Tensor> pos = new ArrayList<>();
        List<Tensor> neg = new ArrayList<>();
        for (Tensor labels : matchedLabels) {
            Tensor positive = Tensors.where(labels.ge(Tensors.scalar(1)));
            Tensor negative = Tensors.where(labels.eq(Tensors.scalar(0)));

            long numPos = Math.min(positive.numel(), (long) (batchSizePerImage * positiveFraction));
            long numNeg = Math.min(negative.numel(), batchSizePerImage - numPos);

            Tensor posIdx = positive.index_select(0, permutation(positive).narrow(0, 0, numPos));
            Tensor negIdx = negative.index_select(0, permutation(negative).narrow(0, 0, numNeg));

            pos.add(mask(labels, posIdx));
            neg.add(mask(labels, negIdx));
        }
        return new Sample(pos, neg);
    }

    /**
     * A random order of {@code indices}' positions, drawn on the CPU whatever the device: the
     * generator is a CPU one, and a seed then picks the same samples on every device.
     */
    private Tensor permutation(Tensor indices) {
        GeneratorOptional g = generator == null ? new GeneratorOptional() : new GeneratorOptional(generator);
        return torch.randperm(indices.numel(), g).to(indices.device(), torch.ScalarType.Long);
    }

    private static Tensor mask(Tensor labels, Tensor indices) {
        Tensor m = torch.zeros(new long[]{labels.size(0)}, Tensors.options(labels, torch.ScalarType.Bool));
        return m.index_fill_(0, indices, Tensors.scalar(1));
    }
}
