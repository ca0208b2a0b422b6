package io.boxwork.sample;

import io.boxwork.annotations.model.AnchorSettings;
import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.ImageStatus;
import io.boxwork.annotations.model.ProjectSettings;
import io.boxwork.annotations.model.TrainingDefaults;
import io.boxwork.annotations.storage.AtomicFiles;
import io.boxwork.annotations.storage.Project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Writes the shapes sample project: {@value #IMAGE_COUNT} JPEG scenes of circles, squares and
 * triangles with exact boxes, a few of them empty, split train / val by the project's seeded
 * hash. Everything follows from {@link #SEED}: running it again gives the same files.
 */
public final class SampleProjectGenerator {
    public static final long SEED = 20261122L;
    public static final int IMAGE_COUNT = 160;
    /** Every 20th image (from the 8th) has no objects: negatives teach the detector what to leave alone. */
    static final int NEGATIVE_EVERY = 20;
    static final int NEGATIVE_OFFSET = 7;
    static final float JPEG_QUALITY = 0.88f;

    /** Width x height choices: landscape, portrait and square, all between 160 and 320 pixels. */
    private static final int[][] SIZES = {
        {256, 192}, {320, 240}, {240, 320}, {224, 224}, {288, 208}, {192, 256}, {320, 256}, {176, 160}
    };

    private SampleProjectGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: SampleProjectGenerator <output dir>   (the folder must not hold a project yet)");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        generate(dir);
        System.out.println("Wrote the sample project (" + IMAGE_COUNT + " images) to " + dir.toAbsolutePath());
    }

    public static ProjectSettings settings() {
        List<String> names = Arrays.stream(SampleClass.values()).map(SampleClass::label).toList();
        // Objects are 16..106 px once the model has resized the image (short side 256, long side
        // at most 320). Two sizes half an octave apart per FPN level give every box an anchor of
        // IoU >= 0.6 and 87% of them one of IoU >= 0.7 (one size per level: 38%), so the RPN has
        // positives for every object from the first step.
        AnchorSettings anchors = new AnchorSettings(
            List.of(List.of(16, 22), List.of(32, 45), List.of(64, 90), List.of(128, 181), List.of(256, 362)),
            List.of(0.5, 1.0, 2.0), 256, 320);
        // No pretrained weights ship with the sample, so every stage trains.
        TrainingDefaults training = new TrainingDefaults("resnet18_fpn", "", 12, 2, 0.005, 5);
        return ProjectSettings.create("Shapes sample", names).withAnchors(anchors).withTraining(training);
    }

    public static void generate(Path dir) throws IOException {
        try (Project project = Project.create(dir, settings())) {
            for (int i = 1; i <= IMAGE_COUNT; i++) {
                String name = imageName(i);
                Random random = new Random(SEED * 1_000_003L + i);
                int[] size = SIZES[random.nextInt(SIZES.length)];
                int objects = isNegative(i) ? 0 : objectCount(random);
                Scene scene = SceneComposer.compose(size[0], size[1], objects, random);
                AtomicFiles.write(project.imageFile(name), JpegFiles.encode(scene.canvas().toImage(), JPEG_QUALITY));
                project.saveLabels(new ImageLabels(name, size[0], size[1], ImageStatus.DONE, boxes(scene)));
            }
        }
        Files.deleteIfExists(dir.resolve(".boxwork.lock"));
    }

    static String imageName(int index) {
        return String.format("scene-%03d.jpg", index);
    }

    static boolean isNegative(int index) {
        return index % NEGATIVE_EVERY == NEGATIVE_OFFSET;
    }

    /** One to six objects, three most often. */
    private static int objectCount(Random random) {
        int[] weights = {2, 3, 4, 3, 2, 1};
        int total = Arrays.stream(weights).sum();
        int draw = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) return i + 1;
        }
        return weights.length;
    }

    private static List<Box> boxes(Scene scene) {
        List<Box> boxes = new ArrayList<>();
        long id = 1;
        for (Scene.SceneObject o : scene.objects()) {
            boxes.add(Box.manual(id++, o.sampleClass().classId(), round(o.x1()), round(o.y1()), round(o.x2()), round(o.y2())));
        }
        return boxes;
    }

    /** Hundredths of a pixel: exact enough, and readable in the labels files. */
    private static float round(double v) {
        return (float) (Math.round(v * 100) / 100.0);
    }
}
