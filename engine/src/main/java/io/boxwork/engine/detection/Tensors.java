package io.boxwork.engine.detection;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

import java.util.List;

/** The few tensor idioms the detection stages repeat, kept in one place so the stages read as the algorithm. */
final class Tensors {

    private Tensors() {
    }

    static Scalar scalar(double value) {
        return new Scalar(value);
    }

    /** An integral scalar: unlike a double one, it leaves int64 index tensors int64. */
    static Scalar scalar(long value) {
        return new Scalar(value);
    }

    static ScalarOptional some(double value) {
        return new ScalarOptional(new Scalar(value));
    }

    /** An integral bound: clamping an int64 tensor with a double bound would turn it into a float tensor. */
    static ScalarOptional some(long value) {
        return new ScalarOptional(new Scalar(value));
    }

    static ScalarOptional none() {
        return new ScalarOptional();
    }

    /** Indices (int64, 1-D) where a boolean mask is true, as {@code torch.where(mask)[0]}. */
    static Tensor where(Tensor mask) {
        return torch.nonzero(mask).select(1, 0);
    }

    static Tensor cat(List<Tensor> tensors, long dim) {
        return torch.cat(new TensorVector(tensors.toArray(new Tensor[0])), dim);
    }

    static Tensor stack(long dim, Tensor... tensors) {
        return torch.stack(new TensorVector(tensors), dim);
    }

    static Tensor longs(long... values) {
        return Tensor.create(values, values.length);
    }

    static Tensor emptyLongs() {
        return torch.zeros(new long[]{0}, new org.bytedeco.pytorch.TensorOptions(torch.ScalarType.Long));
    }

    static Tensor emptyFloats(long... shape) {
        return torch.zeros(shape, new org.bytedeco.pytorch.TensorOptions(torch.ScalarType.Float));
    }

    static float[] floats(Tensor t) {
        Tensor c = t.to(torch.ScalarType.Float).contiguous();
        float[] out = new float[(int) c.numel()];
        if (out.length > 0) {
            c.data_ptr_float().get(out);
        }
        return out;
    }

    static long[] longArray(Tensor t) {
        Tensor c = t.to(torch.ScalarType.Long).contiguous();
        long[] out = new long[(int) c.numel()];
        if (out.length > 0) {
            c.data_ptr_long().get(out);
        }
        return out;
    }

    static long[] shape(Tensor t) {
        long[] s = new long[(int) t.dim()];
        for (int i = 0; i < s.length; i++) {
            s[i] = t.size(i);
        }
        return s;
    }
}
