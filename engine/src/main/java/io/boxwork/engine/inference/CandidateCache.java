package io.boxwork.engine.inference;

import com.google.gson.JsonObject;
import io.boxwork.annotations.storage.JsonFiles;
import io.boxwork.annotations.storage.MalformedFileException;
import io.boxwork.engine.detection.RawCandidates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code runs/<id>/predictions/<image path>.json}: the raw candidates of each image, predicted
 * once with the run's weights, so the review screen re-thresholds without running the network.
 * Each file also names the weights it came from; a file from other weights is not used.
 */
public final class CandidateCache {
    private final Path dir;
    private final String weightsId;

    /** @param weightsId what produced the candidates (e.g. the checkpoint file name and its size and time) */
    public CandidateCache(Path predictionsDir, String weightsId) {
        this.dir = predictionsDir;
        this.weightsId = weightsId;
    }

    public Path fileFor(String imagePath) {
        return dir.resolve(imagePath + ".json");
    }

    public void put(ImagePrediction p, List<String> classNames) throws IOException {
        JsonObject o = PredictionJson.toJson(p, true, classNames);
        o.addProperty("weights", weightsId);
        JsonFiles.writePretty(fileFor(p.image()), o);
    }

    /** The cached candidates of {@code imagePath}, if predicted with these weights. */
    public Optional<RawCandidates> get(String imagePath) throws IOException {
        Path f = fileFor(imagePath);
        if (!Files.isRegularFile(f)) return Optional.empty();
        JsonObject o = JsonFiles.read(f).getAsJsonObject();
        if (!o.has("weights") || !weightsId.equals(o.get("weights").getAsString())) return Optional.empty();
        try {
            return Optional.of(PredictionJson.readCandidates(o.getAsJsonObject("candidates")));
        } catch (RuntimeException e) {
            throw new MalformedFileException(f, 0, 0, "$.candidates", "not a candidates record: " + e.getMessage());
        }
    }

    /** An id for a weights file that changes when the file does. */
    public static String weightsId(Path weights) throws IOException {
        return weights.getFileName() + ":" + Files.size(weights) + ":" + Files.getLastModifiedTime(weights).toMillis();
    }
}
