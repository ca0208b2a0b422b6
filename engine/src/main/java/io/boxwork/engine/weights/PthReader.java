package io.boxwork.engine.weights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads files written by {@code torch.save}: the zip format of torch >= 1.6 and the legacy
 * format before it. Tensors come back on the CPU whatever device they were saved from, like
 * {@code torch.load(f, map_location="cpu")}.
 */
public final class PthReader {

    private PthReader() {
    }

    public static PthValue read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ZipDirectory.readAt(channel, 0, (int) Math.min(16, channel.size()), file);
            if (head.remaining() >= 4 && head.getInt(0) == 0x04034b50) {
                return ZipPthReader.read(file, channel);
            }
            if (LegacyPthReader.startsLikeLegacy(head)) {
                return LegacyPthReader.read(file, channel);
            }
            throw new PthFormatException(file, "header", 0, "neither a torch zip archive nor a legacy torch file");
        }
    }

    /**
     * The state dict of a file that holds one, or a checkpoint that nests one under a key of
     * {@link StateDict#CHECKPOINT_MODEL_KEYS}.
     */
    public static StateDict readStateDict(Path file) throws IOException {
        PthValue root = read(file);
        return StateDict.from(root).orElseThrow(() -> new PthFormatException(file, "data.pkl", 0,
                "holds no state dict (a dict of name -> tensor, at the root or under one of "
                        + StateDict.CHECKPOINT_MODEL_KEYS + "), found " + summary(root)));
    }

    private static String summary(PthValue root) {
        if (root instanceof PthValue.Dict dict) {
            return "a dict with keys " + dict.entries().keySet().stream().limit(10).toList();
        }
        return root.getClass().getSimpleName();
    }
}
