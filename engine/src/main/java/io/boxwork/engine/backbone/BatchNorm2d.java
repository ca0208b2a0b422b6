package io.boxwork.engine.backbone;

import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;

/**
 * {@code torch.nn.BatchNorm2d} with its defaults (momentum 0.1, eps 1e-5) and its state-dict keys
 * ({@code weight, bias} as parameters; {@code running_mean, running_var, num_batches_tracked} as
 * buffers), so that a backbone trained from scratch here loads into torchvision as it is.
 */
public final class BatchNorm2d extends Norm2d {

    public static final double MOMENTUM = 0.1;
    public static final double EPS = 1e-5;

    private final Tensor weight;
    private final Tensor bias;
    private final Tensor runningMean;
    private final Tensor runningVar;
    private final Tensor numBatchesTracked;

    public BatchNorm2d(long features) {
        super("BatchNorm2d");
        // Own handles on the registered tensors: the references register_* returns point into the
        // module's growing item vector and dangle after the next registration.
        weight = torch.ones(features);
        bias = torch.zeros(features);
        runningMean = torch.zeros(features);
        runningVar = torch.ones(features);
        numBatchesTracked = torch.zeros(new long[]{}, new TensorOptions(torch.ScalarType.Long));
        register_parameter("weight", weight);
        register_parameter("bias", bias);
        register_buffer("running_mean", runningMean);
        register_buffer("running_var", runningVar);
        register_buffer("num_batches_tracked", numBatchesTracked);
    }

    @Override
    public Tensor forward(Tensor x) {
        boolean training = is_training();
        if (training) {
            try (NoGradGuard ignored = new NoGradGuard()) {
                numBatchesTracked.add_(new Scalar(1L));
            }
        }
        return torch.batch_norm(x, new TensorOptional(weight), new TensorOptional(bias), new TensorOptional(runningMean),
            new TensorOptional(runningVar), training, MOMENTUM, EPS, false);
    }

    /**
     * While evaluating, the running statistics are constants: folded into the convolution as a
     * frozen batch norm is. While training, the batch's own statistics are needed, so no folding.
     */
    @Override
    public Tensor afterConv(Conv2dImpl conv, Tensor x) {
        if (is_training()) return super.afterConv(conv, x);
        try (NormAffine affine = NormAffine.of(weight, bias, runningMean, runningVar, EPS)) {
            return FoldedConv.forward(conv, x, affine.scale(), affine.shift());
        }
    }
}
