package io.boxwork.engine.train;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PretrainedWeightsTest {

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void offlineTheMessageSaysWhereToDownloadByHand(@TempDir Path cache) throws Exception {
        String url = "http://127.0.0.1:" + freePort() + "/models/resnet18-f37072fd.pth";
        PretrainedWeights w = new PretrainedWeights(cache, 2000);
        var e = assertThrows(PretrainedWeights.WeightsUnavailableException.class, () -> w.resolve(url));
        assertTrue(e.getMessage().startsWith("no network: download " + url + " by hand and pass --weights <file>"), e.getMessage());
        try (var files = Files.list(cache)) {
            assertEquals(0, files.count(), "nothing half-downloaded is left in the cache");
        }
    }

    @Test
    void aDownloadIsKeptOnlyWhenItsHashMatchesTheHashInItsName(@TempDir Path cache) throws Exception {
        byte[] body = "pretend weights".getBytes(StandardCharsets.UTF_8);
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            PretrainedWeights w = new PretrainedWeights(cache, 2000);
            Path good = w.resolve(base + "model-" + hex.substring(0, 8) + ".pth");
            assertTrue(Files.isRegularFile(good));
            assertTrue(PretrainedWeights.hashMatchesName(good));
            var e = assertThrows(PretrainedWeights.WeightsUnavailableException.class, () -> w.resolve(base + "model-00000000.pth"));
            assertTrue(e.getMessage().contains("damaged"), e.getMessage());
            assertFalse(Files.exists(cache.resolve("model-00000000.pth")));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aLocalFileIsUsedAsItIsAndAMissingOneIsNamed(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("w.pth"), "x");
        PretrainedWeights w = new PretrainedWeights(dir.resolve("cache"), 1000);
        assertEquals(f, w.resolve(f.toString()));
        var e = assertThrows(java.nio.file.NoSuchFileException.class, () -> w.resolve(dir.resolve("missing.pth").toString()));
        assertTrue(e.getMessage().contains("missing.pth"));
    }
}
