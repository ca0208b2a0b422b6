package io.boxwork.engine.cli;

import io.boxwork.engine.device.DevicePreference;
import io.boxwork.engine.device.Devices;
import io.boxwork.engine.device.NativeThreads;
import io.boxwork.engine.device.ThreadSettings;

import java.io.PrintWriter;

/** LibTorch's thread pools and the device, set once before a command touches a tensor. */
final class EngineSetup {
    private EngineSetup() {
    }

    static ThreadSettings threads(int intraOp) {
        int n = intraOp > 0 ? intraOp : Runtime.getRuntime().availableProcessors();
        return NativeThreads.configure(n, 1);
    }

    /** The engine computes on the CPU; a CUDA request is refused with the reason rather than silently ignored. */
    static void requireCpu(String device, PrintWriter err) {
        DevicePreference p = switch (device.toLowerCase(java.util.Locale.ROOT)) {
            case "cpu" -> DevicePreference.CPU;
            case "auto" -> DevicePreference.AUTO;
            case "cuda", "gpu" -> DevicePreference.CUDA;
            default -> throw new IllegalArgumentException("unknown device '" + device + "'; use cpu, cuda or auto");
        };
        if (p == DevicePreference.CPU) return;
        boolean cuda = Devices.choose(p).isCuda();
        if (cuda && p == DevicePreference.CUDA) {
            throw new IllegalArgumentException("a CUDA device is present, but this engine build trains and predicts on the CPU only; use --device cpu");
        }
        if (cuda) err.println("boxwork: a CUDA device is present but this engine build computes on the CPU");
    }
}
