package io.boxwork.engine.detection;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarOptional;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

import java.util.List;

/**
 * The few tensor idioms the detection stages repeat, kept in one place so the stages read as the
 * algorithm. A new tensor is made on the device of the tensor it will meet ({@link #options}), and
 * values read into Java come through the CPU ({@link #floats}, {@link #longArray}), so the stages
 * run wherever the model is.
 */
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

    /** Options for a new tensor of {@code type} on the device of {@code like}. */
    static TensorOptions options(Tensor like, torch.ScalarType type) {
        return like.options().dtype(new ScalarTypeOptional(type));
    }

    /** int64 {@code values} on the device of {@code like}. */
    static Tensor longs(Tensor like, long... values) {
        return Tensor.create(values, values.length).to(like.device(), torch.ScalarType.Long);
    }

    /** An empty int64 index on the device of {@code like}. */
    static Tensor emptyLongs(Tensor like) {
        return torch.zeros(new long[]{0}, options(like, torch.ScalarType.Long));
    }

    static float[] floats(Tensor t) {
        return io.boxwork.engine.tensor.Tensors.toFloats(t);
    }

    static long[] longArray(Tensor t) {
        return io.boxwork.engine.tensor.Tensors.toLongs(t);
    }

    static long[] shape(Tensor t) {
        long[] s = new long[(int) t.dim()];
        for (int i = 0; i < s.length; i++) {
            s[i] = t.size(i);
        }
        return s;
    }
}
