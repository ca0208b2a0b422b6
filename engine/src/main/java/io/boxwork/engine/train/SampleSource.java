package io.boxwork.engine.train;

import java.io.IOException;

/** The images of one split, by index, with their targets as the detector counts classes. */
public interface SampleSource {
    int size();

    DetectionSample load(int index) throws IOException;

    /** Detector label 1..K to class name (index 0 is the background). */
    java.util.List<String> classNames();
}
