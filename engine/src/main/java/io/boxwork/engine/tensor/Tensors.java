package io.boxwork.engine.tensor;

import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import java.util.Arrays;

/** Small conversions between Java arrays and LibTorch tensors. */
public final class Tensors {

    private Tensors() {
    }

    /** A float32 CPU tensor of the given shape holding a copy of {@code values}. */
    public static Tensor floats(float[] values, long... shape) {
        long count = Arrays.stream(shape).reduce(1L, (a, b) -> a * b);
        if (count != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + count
                    + " values but " + values.length + " were given");
        }
        return Tensor.create(values, shape);
    }

    /** The values of a tensor of any device and floating type, as float32, in row-major order. */
    public static float[] toFloats(Tensor tensor) {
        Tensor cpu = tensor.detach().to(new Device(torch.DeviceType.CPU), torch.ScalarType.Float)
                .contiguous();
        float[] values = new float[Math.toIntExact(cpu.numel())];
        if (values.length > 0) {
            cpu.data_ptr_float().get(values);
        }
        return values;
    }

    /** The values of a tensor of any device and integral type, as int64, in row-major order. */
    public static long[] toLongs(Tensor tensor) {
        Tensor cpu = tensor.detach().to(new Device(torch.DeviceType.CPU), torch.ScalarType.Long)
                .contiguous();
        long[] values = new long[Math.toIntExact(cpu.numel())];
        if (values.length > 0) {
            cpu.data_ptr_long().get(values);
        }
        return values;
    }

    /** The shape as a Java array. */
    public static long[] shape(Tensor tensor) {
        return tensor.shape();
    }

    /** {height, width} of a tensor whose last two dimensions are height and width. */
    public static long[] heightWidth(Tensor tensor) {
        long[] shape = tensor.shape();
        if (shape.length < 2) {
            throw new IllegalArgumentException("expected a tensor with height and width, got shape "
                    + Arrays.toString(shape));
        }
        return new long[]{shape[shape.length - 2], shape[shape.length - 1]};
    }

    /** The largest absolute element-wise difference of two tensors of the same shape. */
    public static double maxAbsDifference(Tensor a, Tensor b) {
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw new IllegalArgumentException("cannot compare shapes " + Arrays.toString(a.shape())
                    + " and " + Arrays.toString(b.shape()));
        }
        if (a.numel() == 0) {
            return 0.0;
        }
        return a.detach().to(torch.ScalarType.Double).sub(b.detach().to(torch.ScalarType.Double))
                .abs().max().item_double();
    }

    /** The largest absolute element, 0 for an empty tensor. */
    public static double maxAbs(Tensor tensor) {
        if (tensor.numel() == 0) {
            return 0.0;
        }
        return tensor.detach().to(torch.ScalarType.Double).abs().max().item_double();
    }
}
