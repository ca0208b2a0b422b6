package io.boxwork.app.train;

import io.boxwork.engine.device.ComputeDevice;
import io.boxwork.engine.device.Devices;

import java.util.ArrayList;
import java.util.List;

/**
 * A device the form offers, named as the engine describes it.
 *
 * @param cuda whether this is the GPU
 */
public record DeviceChoice(String description, boolean cuda) {
    public static final DeviceChoice CPU = new DeviceChoice("CPU", false);

    /** The device name a run configuration takes. */
    public String configName() {
        return cuda ? "cuda" : "cpu";
    }

    /** The CPU, and the GPU when LibTorch sees one (loads LibTorch: call off the UI thread). */
    public static List<DeviceChoice> probe() {
        List<DeviceChoice> out = new ArrayList<>();
        out.add(new DeviceChoice(Devices.cpu().description(), false));
        ComputeDevice best = Devices.choose();
        if (best.isCuda()) out.add(new DeviceChoice(best.description(), true));
        return out;
    }

    @Override
    public String toString() {
        return description;
    }
}
