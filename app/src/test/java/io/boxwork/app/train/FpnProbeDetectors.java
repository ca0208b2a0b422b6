package io.boxwork.app.train;

/** Detector factories for tests: the ResNet-18-FPN probe detector, built for the run's classes. */
public final class FpnProbeDetectors {
    private FpnProbeDetectors() {
    }

    public static DetectorFactory resnet18() {
        return (config, classNames) -> new FpnProbeDetector(classNames, config.trainableLayers());
    }
}
