package io.boxwork.app.bench;

import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.ImageStatus;
import io.boxwork.annotations.model.ProjectSettings;
import io.boxwork.annotations.storage.Project;
import io.boxwork.app.TestProjects;
import io.boxwork.app.annotate.AnnotateViewModel;
import io.boxwork.app.canvas.BoxCanvasView;
import io.boxwork.app.project.ProjectSession;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Canvas redraw time with 5,000 boxes (10 classes, 20 selected) on a 1280x800 window: the UI
 * thread's cost of one redraw, and that plus rasterising it (a canvas snapshot forces the software
 * renderer to draw every command).
 */
public final class CanvasRedrawBenchmark {
    private static final int BOXES = 5000;

    public static void main(String[] args) throws Exception {
        BenchSupport.startHeadlessFx();
        Path dir = Files.createTempDirectory("boxwork-bench-redraw");
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < 10; i++) classes.add("class" + i);
        Project project = Project.create(dir, ProjectSettings.create("bench", classes));
        TestProjects.writePng(project.imagesDir().resolve("crowd.png"), 4000, 3000, 1);
        project.rescanImages();
        Random r = new Random(7);
        List<Box> boxes = new ArrayList<>();
        for (int i = 0; i < BOXES; i++) {
            float x = r.nextFloat() * 3900, y = r.nextFloat() * 2900;
            boxes.add(Box.manual(i + 1, 1 + r.nextInt(10), x, y, x + 10 + r.nextFloat() * 90, y + 10 + r.nextFloat() * 90));
        }
        project.saveLabels(new ImageLabels("crowd.png", 4000, 3000, ImageStatus.TODO, boxes));

        ProjectSession session = new ProjectSession(project, Duration.ofMillis(400));
        AnnotateViewModel vm = BenchSupport.fx(() -> new AnnotateViewModel(session));
        BoxCanvasView canvas = BenchSupport.fx(() -> {
            BoxCanvasView c = new BoxCanvasView(vm);
            Stage stage = new Stage();
            stage.setScene(new Scene(c, 1280, 800));
            stage.show();
            vm.open(0);
            List<Long> selected = new ArrayList<>();
            for (long id = 1; id <= 20; id++) selected.add(id);
            vm.select(selected);
            return c;
        });
        Thread.sleep(500);
        System.out.println("boxes in the image: " + BenchSupport.fx(() -> vm.labelsProperty().get().boxes().size())
            + ", canvas " + BenchSupport.fx(() -> canvas.canvas().getWidth() + "x" + canvas.canvas().getHeight()));

        for (String view : new String[] {"fit, every layer hidden (baseline: no box drawn)", "fit (all boxes visible)",
            "zoomed 4x (part of the boxes visible)"}) {
            BenchSupport.fx(() -> {
                boolean baseline = view.contains("baseline");
                vm.layers().classes().forEach(l -> l.visibleProperty().set(!baseline));
                if (view.startsWith("zoomed")) canvas.zoomBy(4);
                return null;
            });
            for (int i = 0; i < 20; i++) BenchSupport.fx(() -> {
                canvas.redraw();
                return null;
            });
            int n = 100;
            double[] record = new double[n];
            double[] raster = new double[n];
            WritableImage[] target = new WritableImage[1];
            SnapshotParameters params = new SnapshotParameters();
            for (int i = 0; i < n; i++) {
                int k = i;
                BenchSupport.fx(() -> {
                    long t0 = System.nanoTime();
                    canvas.redraw();
                    long t1 = System.nanoTime();
                    target[0] = canvas.canvas().snapshot(params, target[0]);
                    long t2 = System.nanoTime();
                    record[k] = (t1 - t0) / 1e6;
                    raster[k] = (t2 - t0) / 1e6;
                    return null;
                });
            }
            if (Boolean.getBoolean("javafx.pulseLogger")) {
                // With the pulse logger on, let 30 pulses each redraw once: it prints each pulse's render time.
                System.out.println("=== pulses for: " + view);
                java.util.concurrent.CountDownLatch pulses = new java.util.concurrent.CountDownLatch(30);
                BenchSupport.fx(() -> {
                    new javafx.animation.AnimationTimer() {
                        @Override
                        public void handle(long now) {
                            canvas.redraw();
                            pulses.countDown();
                            if (pulses.getCount() == 0) stop();
                        }
                    }.start();
                    return null;
                });
                pulses.await();
                Thread.sleep(300);
                System.out.println("=== end pulses");
            }
            System.out.println(view + ":");
            System.out.println("  redraw on the UI thread:       " + BenchSupport.summary(record));
            System.out.println("  redraw + software rasterising: " + BenchSupport.summary(raster));
        }
        BenchSupport.fx(() -> {
            vm.close();
            return null;
        });
        session.close();
        System.exit(0);
    }
}
