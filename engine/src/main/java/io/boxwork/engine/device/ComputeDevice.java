package io.boxwork.engine.device;

import org.bytedeco.pytorch.Device;

/**
 * The device the engine runs on and how to name it to a person.
 *
 * @param device      LibTorch's device, to move models and tensors to
 * @param description e.g. {@code "CPU (2 threads)"} or {@code "CUDA: NVIDIA GeForce RTX 4090"}
 */
public record ComputeDevice(Device device, String description) {

    public boolean isCuda() {
        return device.is_cuda();
    }
}
