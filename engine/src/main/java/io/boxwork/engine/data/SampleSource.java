package io.boxwork.engine.data;

import java.io.IOException;
import java.util.SplittableRandom;

/** What a {@link DataLoader} draws from: a fixed number of items, each loadable from any thread. */
public interface SampleSource {

    int size();

    /** The image path of item {@code index}, to name it when loading fails. */
    String imagePath(int index);

    /**
     * Loads item {@code index}; {@code random} drives its augmentation and is seeded by the
     * loader from (seed, epoch, index), so the result does not depend on which thread loads it.
     */
    DetectionSample load(int index, SplittableRandom random) throws IOException;
}
