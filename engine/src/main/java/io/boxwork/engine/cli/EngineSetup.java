package io.boxwork.engine.cli;

import io.boxwork.engine.device.ComputeDevice;
import io.boxwork.engine.device.DevicePreference;
import io.boxwork.engine.device.Devices;
import io.boxwork.engine.device.NativeThreads;
import io.boxwork.engine.device.ThreadSettings;

/** LibTorch's thread pools and the device, set once before a command touches a tensor. */
final class EngineSetup {
    static final String DEVICE_HELP = "auto, cpu or cuda (default ${DEFAULT-VALUE}); auto takes CUDA when LibTorch sees a GPU";

    private EngineSetup() {
    }

    static ThreadSettings threads(int intraOp) {
        int n = intraOp > 0 ? intraOp : Runtime.getRuntime().availableProcessors();
        return NativeThreads.configure(n, 1);
    }

    /**
     * The device {@code --device} asks for ({@code auto}, {@code cpu} or {@code cuda}). Call after
     * {@link #threads}: the CPU's description counts them.
     *
     * @throws io.boxwork.engine.device.DeviceUnavailableException for {@code cuda} without a usable GPU
     */
    static ComputeDevice device(String option) {
        return Devices.choose(DevicePreference.parse(option));
    }
}
