package io.boxwork.app.bench;

import io.boxwork.annotations.model.ProjectSettings;
import io.boxwork.annotations.storage.Project;
import io.boxwork.app.annotate.AnnotateViewModel;
import io.boxwork.app.canvas.BoxCanvasView;
import io.boxwork.app.project.ProjectSession;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Time from pressing {@code n} to the next 12-megapixel JPEG on screen, with the neighbour already
 * decoded by the prefetcher, and cold (cache dropped just before). "On screen" is the end of the
 * first pulse after the picture was set on the canvas.
 * Run: see the app's report (java -cp app/target/classes:app/target/test-classes:$(test classpath) ...).
 */
public final class NextImageBenchmark {
    private static final int IMAGES = 7;

    public static void main(String[] args) throws Exception {
        BenchSupport.startHeadlessFx();
        Path dir = Files.createTempDirectory("boxwork-bench-next");
        Project project = Project.create(dir, ProjectSettings.create("bench", List.of("thing")));
        long t0 = System.nanoTime();
        for (int i = 0; i < IMAGES; i++) BenchSupport.writePhotoJpeg(project.imagesDir().resolve("photo" + i + ".jpg"), 4000, 3000, i);
        project.rescanImages();
        System.out.printf("wrote %d 4000x3000 JPEGs (%.1f MB each) in %.1f s%n", IMAGES,
            Files.size(project.imagesDir().resolve("photo0.jpg")) / 1e6, (System.nanoTime() - t0) / 1e9);

        ProjectSession session = new ProjectSession(project, Duration.ofMillis(400));
        AnnotateViewModel vm = BenchSupport.fx(() -> new AnnotateViewModel(session));
        BoxCanvasView canvas = BenchSupport.fx(() -> {
            BoxCanvasView c = new BoxCanvasView(vm);
            Stage stage = new Stage();
            stage.setScene(new Scene(c, 1280, 800));
            stage.show();
            vm.open(0);
            return c;
        });
        waitForPicture(vm, 0);

        List<Double> warm = new java.util.ArrayList<>();
        List<Double> cold = new java.util.ArrayList<>();
        for (int i = 1; i < IMAGES; i++) {
            boolean prefetched = i % 2 == 1;
            if (prefetched) {
                int next = i;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!vm.prefetcher().isReady(vm.imageList().path(next)) && System.nanoTime() < deadline) Thread.sleep(20);
            }
            double ms = timeNext(vm, canvas, !prefetched);
            (prefetched ? warm : cold).add(ms);
            System.out.printf("n -> photo%d on screen: %.1f ms (%s)%n", i, ms, prefetched ? "prefetched" : "not prefetched");
        }
        System.out.println("prefetched:     " + BenchSupport.summary(warm.stream().mapToDouble(Double::doubleValue).toArray()));
        System.out.println("not prefetched: " + BenchSupport.summary(cold.stream().mapToDouble(Double::doubleValue).toArray()));
        BenchSupport.fx(() -> {
            vm.close();
            return null;
        });
        session.close();
        System.exit(0);
    }

    private static double timeNext(AnnotateViewModel vm, BoxCanvasView canvas, boolean dropCache) throws Exception {
        CompletableFuture<Long> shown = new CompletableFuture<>();
        long start = BenchSupport.fx(() -> {
            if (dropCache) vm.prefetcher().clear();
            int target = vm.indexProperty().get() + 1;
            Runnable[] onPulse = new Runnable[1];
            onPulse[0] = () -> {
                if (vm.pictureProperty().get() != null && vm.pictureProperty().get().imagePath().equals(vm.imageList().path(target))) {
                    shown.complete(System.nanoTime());
                    canvas.getScene().removePostLayoutPulseListener(onPulse[0]);
                }
            };
            canvas.getScene().addPostLayoutPulseListener(onPulse[0]);
            long t = System.nanoTime();
            vm.next();
            // A pulse must follow even if nothing else changes, so the listener gets to look.
            canvas.requestLayout();
            vm.pictureProperty().addListener((o, a, b) -> canvas.requestLayout());
            return t;
        });
        long end = shown.get(60, TimeUnit.SECONDS);
        return (end - start) / 1e6;
    }

    private static void waitForPicture(AnnotateViewModel vm, int index) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            boolean ready = BenchSupport.fx(() -> vm.pictureProperty().get() != null && vm.indexProperty().get() == index);
            if (ready) return;
            Thread.sleep(20);
        }
        throw new IllegalStateException("the first picture never appeared");
    }
}
