package io.boxwork.sample;

import io.boxwork.annotations.image.ImageInfo;
import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.Split;
import io.boxwork.annotations.storage.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class SampleProjectGeneratorTest {
    /** Surefire runs in the module folder, where the committed project lives. */
    private static final Path COMMITTED = Path.of("project");

    @Test
    void regeneratingTheSampleGivesExactlyTheCommittedProject(@TempDir Path tmp) throws IOException {
        Path fresh = tmp.resolve("project");
        SampleProjectGenerator.generate(fresh);
        List<String> committedFiles = relativeFiles(COMMITTED);
        assertEquals(relativeFiles(fresh), committedFiles, "the generator and projects-sample/project list different files");
        for (String rel : committedFiles) {
            byte[] expected = Files.readAllBytes(COMMITTED.resolve(rel));
            byte[] actual = Files.readAllBytes(fresh.resolve(rel));
            if (rel.endsWith(".jpg")) {
                assertSamePixels(COMMITTED.resolve(rel), fresh.resolve(rel));
            } else {
                assertArrayEquals(expected, actual, rel + " differs from a fresh generation: regenerate the sample (see README)");
            }
        }
    }

    @Test
    void theJpegEncoderIsDeterministicSoImagesMatchByteForByte() throws IOException {
        Scene scene = SceneComposer.compose(224, 224, 4, new java.util.Random(7));
        byte[] first = JpegFiles.encode(scene.canvas().toImage(), SampleProjectGenerator.JPEG_QUALITY);
        byte[] second = JpegFiles.encode(scene.canvas().toImage(), SampleProjectGenerator.JPEG_QUALITY);
        assertArrayEquals(first, second);
    }

    @Test
    void everyClassHasBoxesInBothTrainAndValAndSomeImagesAreNegatives() throws IOException {
        try (Project project = Project.openReadOnly(COMMITTED)) {
            Map<Split, int[]> perClass = new EnumMap<>(Split.class);
            int negatives = 0;
            for (String image : project.images()) {
                ImageLabels labels = project.labels(image);
                if (labels.boxes().isEmpty()) negatives++;
                int[] counts = perClass.computeIfAbsent(project.splitOf(image), s -> new int[4]);
                for (Box b : labels.boxes()) counts[b.classId()]++;
            }
            assertEquals(SampleProjectGenerator.IMAGE_COUNT, project.images().size());
            assertTrue(negatives >= 5, "only " + negatives + " negative images");
            for (Split split : List.of(Split.TRAIN, Split.VAL)) {
                for (int classId = 1; classId <= 3; classId++) {
                    assertTrue(perClass.get(split)[classId] >= 10,
                        "class " + classId + " has " + perClass.get(split)[classId] + " boxes in " + split);
                }
            }
            int val = project.images(Split.VAL).size();
            assertTrue(val >= 20 && val <= 45, "val holds " + val + " of 160 images, expected about a fifth");
        }
    }

    @Test
    void labelsMatchTheImagesSizeAndBoxesStayInsideAndAreBigEnoughToLearn() throws IOException {
        try (Project project = Project.openReadOnly(COMMITTED)) {
            long bytes = 0;
            for (String image : project.images()) {
                ImageLabels labels = project.labels(image);
                ImageInfo info = ImageInfo.read(project.imageFile(image));
                assertEquals(info.width(), labels.width(), image);
                assertEquals(info.height(), labels.height(), image);
                assertTrue(info.width() >= 160 && info.width() <= 320 && info.height() >= 160 && info.height() <= 320, image);
                for (Box b : labels.boxes()) {
                    assertTrue(b.insideImage(labels.width(), labels.height()), image + " box " + b.id());
                    assertTrue(b.width() >= 12 && b.height() >= 12, image + " box " + b.id() + " is " + b.width() + "x" + b.height());
                }
                bytes += Files.size(project.imageFile(image));
            }
            assertTrue(bytes > 1_000_000 && bytes < 4_000_000, "the images take " + bytes + " bytes");
        }
    }

    @Test
    void aBoxIsTheExtentOfThePixelsItsShapePainted() {
        for (int seed = 0; seed < 20; seed++) {
            java.util.Random random = new java.util.Random(seed);
            Scene withObject = SceneComposer.compose(200, 180, 1, random);
            Scene background = SceneComposer.compose(200, 180, 0, new java.util.Random(seed));
            Scene.SceneObject o = withObject.objects().get(0);
            int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
            for (int y = 0; y < 180; y++) {
                for (int x = 0; x < 200; x++) {
                    if (withObject.canvas().get(x, y) != background.canvas().get(x, y)) {
                        minX = Math.min(minX, x);
                        minY = Math.min(minY, y);
                        maxX = Math.max(maxX, x);
                        maxY = Math.max(maxY, y);
                    }
                }
            }
            // Ink never leaves the box, and reaches its edge pixels or their neighbours (a sharp
            // corner can cover an edge pixel too thinly for any of its 4 x 4 samples).
            assertEdge((int) Math.floor(o.x1()), minX, 1, "seed " + seed + " left edge");
            assertEdge((int) Math.floor(o.y1()), minY, 1, "seed " + seed + " top edge");
            assertEdge((int) Math.ceil(o.x2()) - 1, maxX, -1, "seed " + seed + " right edge");
            assertEdge((int) Math.ceil(o.y2()) - 1, maxY, -1, "seed " + seed + " bottom edge");
        }
    }

    private static void assertEdge(int boxEdge, int inkEdge, int inward, String what) {
        assertTrue(inkEdge == boxEdge || inkEdge == boxEdge + inward,
            what + ": box edge pixel " + boxEdge + ", ink reaches " + inkEdge);
    }

    private static void assertSamePixels(Path expected, Path actual) throws IOException {
        byte[] a = Files.readAllBytes(expected);
        byte[] b = Files.readAllBytes(actual);
        if (java.util.Arrays.equals(a, b)) return;
        // Another JDK's encoder may round differently; the scene itself must still be the same.
        BufferedImage x = ImageIO.read(expected.toFile());
        BufferedImage y = ImageIO.read(actual.toFile());
        assertEquals(x.getWidth(), y.getWidth(), expected.toString());
        assertEquals(x.getHeight(), y.getHeight(), expected.toString());
        long sum = 0;
        int worst = 0;
        for (int j = 0; j < x.getHeight(); j++) {
            for (int i = 0; i < x.getWidth(); i++) {
                int p = x.getRGB(i, j);
                int q = y.getRGB(i, j);
                for (int shift = 0; shift <= 16; shift += 8) {
                    int d = Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
                    sum += d;
                    worst = Math.max(worst, d);
                }
            }
        }
        double mean = sum / (3.0 * x.getWidth() * x.getHeight());
        if (mean > 1.0 || worst > 24) {
            fail(expected + " differs from a fresh generation (mean " + mean + ", worst " + worst + "): regenerate the sample");
        }
    }

    private static List<String> relativeFiles(Path root) throws IOException {
        Set<String> ignored = new HashSet<>(List.of(".boxwork.lock"));
        List<String> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                .filter(p -> !ignored.contains(p) && !p.startsWith("runs/")).sorted().forEach(out::add);
        }
        return out;
    }
}
