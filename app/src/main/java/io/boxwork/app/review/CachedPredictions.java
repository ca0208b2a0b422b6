package io.boxwork.app.review;

import io.boxwork.engine.detection.RawCandidates;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Raw candidates of a checkpoint over a set of images, as written to
 * {@code runs/<id>/predictions/<checkpoint>-<scope>.candidates}. The checkpoint's size and
 * modification time say whether the cache still belongs to the weights on disk.
 *
 * @param classNames the detector's class names by label 1..K (labels in {@code images} index it)
 */
public record CachedPredictions(String checkpoint, long checkpointSize, long checkpointModified, List<String> classNames,
                                Map<String, RawCandidates> images) {

    public CachedPredictions {
        classNames = List.copyOf(classNames);
        images = Collections.unmodifiableMap(new LinkedHashMap<>(images));
    }

    /** Whether these candidates came from the checkpoint file as it is now. */
    public boolean matches(Path checkpointFile, long size, long modifiedMillis) {
        return checkpoint.equals(checkpointFile.getFileName().toString()) && checkpointSize == size
            && checkpointModified == modifiedMillis;
    }
}
