package io.boxwork.engine.device;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.global.torch;

import java.lang.reflect.Method;

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
            case AUTO -> torch.cuda_is_available() ? cuda() : cpu();
            case CUDA -> {
                if (!torch.cuda_is_available()) {
                    throw new DeviceUnavailableException("CUDA was requested but LibTorch sees no CUDA device "
                            + "(the CPU build of org.bytedeco:pytorch, or no driver / GPU on this machine)");
                }
                yield cuda();
            }
        };
    }

    public static ComputeDevice cpu() {
        return new ComputeDevice(new Device(torch.DeviceType.CPU), cpuDescription(torch.get_num_threads()));
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
