package io.boxwork.engine;

import io.boxwork.engine.device.NativeLibraries;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Tests touch LibTorch classes directly, so the natives are unpacked once before any test runs. */
public final class UnpackNativesFirst implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        NativeLibraries.unpack();
    }
}
