package io.boxwork.app.review;

import io.boxwork.annotations.storage.AtomicFiles;
import io.boxwork.engine.detection.RawCandidates;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary cache of raw candidates: reopening a review reads it in milliseconds instead of
 * running the network again. Written atomically; a file that is not one (or is cut short) is an
 * error naming the file and the image where reading stopped.
 */
public final class CandidateCacheFile {
    private static final int MAGIC = 0x42585243; // "BXRC"
    /** 2 adds each image's stamp; a version 1 file reads with every image unstamped, so all are predicted again. */
    private static final int VERSION = 2;

    private CandidateCacheFile() {
    }

    public static void write(Path file, CachedPredictions p) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(p.checkpoint());
            out.writeLong(p.checkpointSize());
            out.writeLong(p.checkpointModified());
            out.writeInt(p.classNames().size());
            for (String n : p.classNames()) out.writeUTF(n);
            out.writeInt(p.images().size());
            for (Map.Entry<String, RawCandidates> e : p.images().entrySet()) {
                RawCandidates c = e.getValue();
                out.writeUTF(e.getKey());
                ImageStamp stamp = p.stamps().get(e.getKey());
                out.writeLong(stamp.size());
                out.writeLong(stamp.modifiedMillis());
                out.writeInt(c.size());
                for (float v : c.boxes()) out.writeFloat(v);
                for (float v : c.scores()) out.writeFloat(v);
                for (int v : c.labels()) out.writeInt(v);
            }
        }
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, bytes.toByteArray());
    }

    public static CachedPredictions read(Path file) throws IOException {
        String image = null;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC) throw new IOException(file + ": not a Boxwork candidates cache");
            int version = in.readInt();
            if (version < 1 || version > VERSION) throw new IOException(file + ": cache version " + version + ", this build reads 1 to " + VERSION);
            String checkpoint = in.readUTF();
            long size = in.readLong();
            long modified = in.readLong();
            int classes = in.readInt();
            List<String> names = new ArrayList<>(classes);
            for (int i = 0; i < classes; i++) names.add(in.readUTF());
            int count = in.readInt();
            Map<String, RawCandidates> images = new LinkedHashMap<>();
            Map<String, ImageStamp> stamps = new HashMap<>();
            for (int i = 0; i < count; i++) {
                image = in.readUTF();
                stamps.put(image, version >= 2 ? new ImageStamp(in.readLong(), in.readLong()) : ImageStamp.UNKNOWN);
                int n = in.readInt();
                if (n < 0) throw new IOException(file + ": image '" + image + "' has a negative candidate count " + n);
                float[] boxes = new float[4 * n];
                float[] scores = new float[n];
                int[] labels = new int[n];
                for (int k = 0; k < boxes.length; k++) boxes[k] = in.readFloat();
                for (int k = 0; k < n; k++) scores[k] = in.readFloat();
                for (int k = 0; k < n; k++) labels[k] = in.readInt();
                images.put(image, new RawCandidates(boxes, scores, labels));
            }
            return new CachedPredictions(checkpoint, size, modified, names, images, stamps);
        } catch (EOFException e) {
            throw new IOException(file + ": cut short" + (image == null ? " in its header" : " at image '" + image + "'"), e);
        }
    }
}
