package io.boxwork.engine.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds starting weights: a local file as given, or one of torchvision's published files,
 * downloaded once into a per-user cache. As torchvision does, the file name's {@code -<hex>}
 * suffix is a prefix of the file's SHA-256, checked before the file is used.
 */
public final class PretrainedWeights {
    /** torchvision's published addresses, by the short names the CLI accepts. */
    public static final Map<String, String> KNOWN = Map.of(
        "fasterrcnn_resnet50_fpn_coco", "https://download.pytorch.org/models/fasterrcnn_resnet50_fpn_coco-258fb6c6.pth",
        "resnet18", "https://download.pytorch.org/models/resnet18-f37072fd.pth",
        "resnet34", "https://download.pytorch.org/models/resnet34-b627a593.pth",
        "resnet50", "https://download.pytorch.org/models/resnet50-0676ba61.pth",
        "resnet101", "https://download.pytorch.org/models/resnet101-63fe2227.pth");
    private static final Pattern HASH_IN_NAME = Pattern.compile("-([0-9a-f]{6,64})\\.[A-Za-z0-9]+$");

    private final Path cacheDir;
    private final int timeoutMillis;

    public PretrainedWeights(Path cacheDir, int timeoutMillis) {
        this.cacheDir = cacheDir;
        this.timeoutMillis = timeoutMillis;
    }

    /** {@code $BOXWORK_CACHE}, else {@code ~/.cache/boxwork/weights} (torch hub keeps its own under ~/.cache/torch). */
    public static PretrainedWeights userCache() {
        String env = System.getenv("BOXWORK_CACHE");
        Path dir = env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "boxwork", "weights");
        return new PretrainedWeights(dir, 30_000);
    }

    public Path cacheDir() {
        return cacheDir;
    }

    /**
     * The local file for {@code source}: a path that exists, a known short name, or an http(s) URL.
     *
     * @throws WeightsUnavailableException offline, or a download that failed its hash check
     */
    public Path resolve(String source) throws IOException {
        String url = KNOWN.getOrDefault(source, source);
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            Path file = Path.of(source);
            if (!Files.isRegularFile(file)) throw new NoSuchFileException(source, null, "weights file not found");
            return file;
        }
        String name = url.substring(url.lastIndexOf('/') + 1);
        if (name.isEmpty()) throw new IllegalArgumentException("the URL " + url + " names no file");
        Path cached = cacheDir.resolve(name);
        if (Files.isRegularFile(cached)) return cached;
        download(url, cached);
        return cached;
    }

    private void download(String url, Path target) throws IOException {
        Files.createDirectories(cacheDir);
        Path partial = Files.createTempFile(cacheDir, "." + target.getFileName(), ".part");
        try {
            HttpURLConnection c;
            MessageDigest sha;
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("this Java has no SHA-256", e);
            }
            try {
                c = (HttpURLConnection) URI.create(url).toURL().openConnection();
                c.setConnectTimeout(timeoutMillis);
                c.setReadTimeout(timeoutMillis);
                int status = c.getResponseCode();
                if (status != 200) {
                    throw new WeightsUnavailableException("download of " + url + " failed with HTTP " + status
                        + ": download it by hand and pass --weights <file>");
                }
                try (InputStream in = new DigestInputStream(c.getInputStream(), sha);
                     OutputStream out = Files.newOutputStream(partial)) {
                    in.transferTo(out);
                }
            } catch (UnknownHostException | ConnectException | NoRouteToHostException | SocketTimeoutException e) {
                throw new WeightsUnavailableException("no network: download " + url + " by hand and pass --weights <file> ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            }
            String hex = HexFormat.of().formatHex(sha.digest());
            Matcher m = HASH_IN_NAME.matcher(target.getFileName().toString());
            if (m.find() && !hex.startsWith(m.group(1))) {
                throw new WeightsUnavailableException("download of " + url + " is damaged: SHA-256 " + hex
                    + " does not start with " + m.group(1) + " as the file name says; nothing was kept");
            }
            try (var ch = java.nio.channels.FileChannel.open(partial, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Weights that cannot be had right now; the message says what to do instead. */
    public static final class WeightsUnavailableException extends IOException {
        public WeightsUnavailableException(String message) {
            super(message);
        }
    }

    /** Checks {@code file} against the hash in its own name, for files a person downloaded by hand. */
    public static boolean hashMatchesName(Path file) throws IOException {
        Matcher m = HASH_IN_NAME.matcher(file.getFileName().toString());
        if (!m.find()) return true;
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(sha.digest()).startsWith(m.group(1));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
