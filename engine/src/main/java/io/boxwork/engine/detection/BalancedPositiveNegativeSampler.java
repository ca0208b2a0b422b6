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

            Tensor posIdx = positive.index_select(0, permutation(positive.numel()).narrow(0, 0, numPos));
            Tensor negIdx = negative.index_select(0, permutation(negative.numel()).narrow(0, 0, numNeg));

            pos.add(mask(labels.size(0), posIdx));
            neg.add(mask(labels.size(0), negIdx));
        }
        return new Sample(pos, neg);
    }

    private Tensor permutation(long n) {
        GeneratorOptional g = generator == null ? new GeneratorOptional() : new GeneratorOptional(generator);
        return torch.randperm(n, g);
    }

    private static Tensor mask(long size, Tensor indices) {
        Tensor m = torch.zeros(new long[]{size}, new org.bytedeco.pytorch.TensorOptions(torch.ScalarType.Bool));
        return m.index_fill_(0, indices, Tensors.scalar(1));
    }
}
