package io.boxwork.app.review;

import io.boxwork.engine.detection.RawCandidates;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Raw candidates of a checkpoint over a set of images, as written to
 * {@code runs/<id>/predictions/<checkpoint>-<scope>.candidates}. The checkpoint's size and
 * modification time say whether the cache still belongs to the weights on disk; each image's
 * stamp, whether its candidates still belong to the picture on disk.
 *
 * @param classNames the detector's class names by label 1..K (labels in {@code images} index it)
 * @param stamps     per image in {@code images}, its file as it was when predicted
 */
public record CachedPredictions(String checkpoint, long checkpointSize, long checkpointModified, List<String> classNames,
                                Map<String, RawCandidates> images, Map<String, ImageStamp> stamps) {

    public CachedPredictions {
        classNames = List.copyOf(classNames);
        images = Collections.unmodifiableMap(new LinkedHashMap<>(images));
        stamps = Map.copyOf(stamps);
        for (String image : images.keySet()) {
            if (!stamps.containsKey(image)) throw new IllegalArgumentException("no stamp for image '" + image + "'");
        }
    }

    /** The images of {@code wanted} to predict (again): not cached, or their file changed since. */
    public List<String> staleAmong(List<String> wanted, StampReader current) throws IOException {
        List<String> stale = new ArrayList<>();
        for (String image : wanted) {
            if (!images.containsKey(image) || !stamps.get(image).equals(current.stampOf(image))) stale.add(image);
        }
        return stale;
    }

    /** These candidates with {@code fresher}'s images added or replaced (same checkpoint). */
    public CachedPredictions with(CachedPredictions fresher) {
        Map<String, RawCandidates> merged = new LinkedHashMap<>(images);
        merged.putAll(fresher.images());
        Map<String, ImageStamp> mergedStamps = new HashMap<>(stamps);
        mergedStamps.putAll(fresher.stamps());
        return new CachedPredictions(fresher.checkpoint(), fresher.checkpointSize(), fresher.checkpointModified(),
            fresher.classNames(), merged, mergedStamps);
    }

    /** Reads an image's stamp from disk. */
    @FunctionalInterface
    public interface StampReader {
        ImageStamp stampOf(String image) throws IOException;
    }

    /** Whether these candidates came from the checkpoint file as it is now. */
    public boolean matches(Path checkpointFile, long size, long modifiedMillis) {
        return checkpoint.equals(checkpointFile.getFileName().toString()) && checkpointSize == size
            && checkpointModified == modifiedMillis;
    }
}
