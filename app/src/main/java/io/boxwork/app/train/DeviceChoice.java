package io.boxwork.app.train;

import io.boxwork.engine.device.ComputeDevice;
import io.boxwork.engine.device.DevicePreference;
import io.boxwork.engine.device.Devices;

import java.util.ArrayList;
import java.util.List;

/**
 * A device the form offers: what the run asks the engine for, named as the engine describes it.
 *
 * @param preference what the run configuration carries; the engine resolves it when the run starts
 */
public record DeviceChoice(DevicePreference preference, String description) {
    /** What the form shows before LibTorch has been asked which devices there are. */
    public static final DeviceChoice AUTOMATIC = new DeviceChoice(DevicePreference.AUTO, "Automatic");

    /** The device name a run configuration takes. */
    public String configName() {
        return preference.configName();
    }

    /**
     * Automatic (naming what it picks here), the CPU, and the GPU when LibTorch sees one. Loads
     * LibTorch: call off the UI thread.
     */
    public static List<DeviceChoice> probe() {
        ComputeDevice cpu = Devices.cpu();
        ComputeDevice best = Devices.choose(DevicePreference.AUTO);
        List<DeviceChoice> out = new ArrayList<>();
        out.add(new DeviceChoice(DevicePreference.AUTO, "Automatic: " + best.description()));
        out.add(new DeviceChoice(DevicePreference.CPU, cpu.description()));
        if (best.isCuda()) out.add(new DeviceChoice(DevicePreference.CUDA, best.description()));
        return out;
    }

    @Override
    public String toString() {
        return description;
    }
}
