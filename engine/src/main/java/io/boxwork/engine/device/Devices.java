package io.boxwork.engine.device;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

import java.lang.ref.Reference;
import java.lang.reflect.Method;
import java.util.Optional;

/** Chooses the device to run on: CUDA when LibTorch sees one, else the CPU. */
public final class Devices {

    private Devices() {
    }

    public static ComputeDevice choose() {
        return choose(DevicePreference.AUTO);
    }

    public static ComputeDevice choose(DevicePreference preference) {
        return switch (preference) {
            case CPU -> cpu();
            case AUTO -> torch.cuda_is_available() ? cuda() : cpuSaying(NativeLibraries.variant().cpuBecause());
            case CUDA -> {
                if (!torch.cuda_is_available()) throw new DeviceUnavailableException(noCudaReason());
                yield cuda();
            }
        };
    }

    /**
     * Why there is no CUDA: the two causes need different fixes, and which natives are on the class
     * path tells them apart.
     */
    static String noCudaReason() {
        Optional<String> fallback = NativeLibraries.variant().cpuBecause();
        if (fallback.isPresent()) {
            return "CUDA was requested but this process runs LibTorch's CPU build: " + fallback.get() + "; choose auto or cpu instead";
        }
        boolean gpuNatives = Loader.class.getResource("/org/bytedeco/pytorch/" + Loader.getPlatform() + "-gpu/") != null;
        return "CUDA was requested but LibTorch sees no CUDA device: " + (gpuNatives
                ? "no NVIDIA GPU, driver or CUDA runtime is usable on this machine"
                : "this build carries LibTorch's CPU natives only (build with -Pgpu for CUDA)")
                + "; choose auto or cpu instead";
    }

    /**
     * The device a module's weights are on (its first parameter's, else its first buffer's; the
     * CPU for a module without tensors). The engine keeps a model on one device.
     */
    public static Device of(Module module) {
        TensorVector tensors = module.parameters(true);
        if (tensors.size() == 0) tensors = module.buffers(true);
        Device device = tensors.size() == 0 ? new Device(torch.DeviceType.CPU) : tensors.get(0).device();
        // get(0) refers into the vector: keep the vector alive until the device is read.
        Reference.reachabilityFence(tensors);
        return device;
    }

    public static ComputeDevice cpu() {
        return new ComputeDevice(new Device(torch.DeviceType.CPU), cpuDescription(torch.get_num_threads()));
    }

    /** The CPU, saying why a GPU package is not using CUDA when that is the reason. */
    private static ComputeDevice cpuSaying(Optional<String> whyNotCuda) {
        ComputeDevice cpu = cpu();
        return whyNotCuda.map(why -> new ComputeDevice(cpu.device(), cpu.description() + "; not CUDA: " + why)).orElse(cpu);
    }

    static String cpuDescription(int threads) {
        return "CPU (" + threads + (threads == 1 ? " thread)" : " threads)");
    }

    private static ComputeDevice cuda() {
        return new ComputeDevice(new Device(torch.DeviceType.CUDA, (byte) 0), "CUDA: " + cudaDeviceName());
    }

    /**
     * The GPU's name from {@code torch_cuda.getDeviceProperties(0).name()}. Those classes exist only
     * with the GPU build of the natives on the class path, so they are reached by reflection and
     * the CPU build still compiles and runs.
     */
    private static String cudaDeviceName() {
        try {
            Class<?> cudaGlobals = Class.forName("org.bytedeco.pytorch.global.torch_cuda");
            Method properties = cudaGlobals.getMethod("getDeviceProperties", byte.class);
            Object props = properties.invoke(null, (byte) 0);
            BytePointer name = (BytePointer) props.getClass().getMethod("name").invoke(props);
            return name.getString().strip();
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return "device 0 of " + torch.cuda_device_count();
        }
    }
}
