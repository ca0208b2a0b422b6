package io.boxwork.engine.device;

/** The requested device does not exist on this machine or in this LibTorch build. */
public final class DeviceUnavailableException extends RuntimeException {

    public DeviceUnavailableException(String message) {
        super(message);
    }
}
