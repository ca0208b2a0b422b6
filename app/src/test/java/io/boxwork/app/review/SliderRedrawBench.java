package io.boxwork.app.review;

import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.storage.Project;
import io.boxwork.app.LabelledProjects;
import io.boxwork.app.project.ProjectSession;
import io.boxwork.app.train.FasterRcnnDetectors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Time from a slider move to the redrawn overlay for an image with 2,000 raw candidates: setting
 * the score (or NMS) slider's property runs the view-model's threshold + class-wise NMS + matching
 * and the overlay's repaint synchronously on the FX thread, which is what is timed; a second
 * figure adds rasterising the canvas (a snapshot), the work the next pulse does.
 *
 * <p>Run headless: {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw
 * -cp <test classpath> io.boxwork.app.review.SliderRedrawBench}
 */
public final class SliderRedrawBench {
    private static final int CANDIDATES = 2000;
    private static final int MOVES = 400;

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("boxwork-bench");
        Project project = LabelledProjects.create(dir.resolve("project"), 3, 0, 800, List.of("red", "green", "blue"));
        CandidateFixtures.writeCache(project, ReviewScope.ALL, Map.of("img01.png", CANDIDATES), 50);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        CompletableFuture<String> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(run(project));
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        System.out.println(result.get(10, TimeUnit.MINUTES));
        Platform.exit();
        System.exit(0);
    }

    private static String run(Project project) throws Exception {
        ProjectSession session = new ProjectSession(project, Duration.ofMillis(50));
        ReviewViewModel vm = new ReviewViewModel(session, path -> new io.boxwork.annotations.edit.ImageDocument(session.labels(path)),
            FasterRcnnDetectors.standard());
        ReviewView view = new ReviewView(vm);
        Stage stage = new Stage();
        stage.setScene(new Scene(view, 1600, 1000));
        stage.show();
        vm.scopeProperty().set(ReviewScope.ALL);
        Path ckpt = vm.checkpointProperty().get();
        vm.show(CandidateCacheFile.read(ReviewViewModel.cacheFile(ckpt, ReviewScope.ALL)));
        vm.currentImageProperty().set("img01.png");
        view.applyCss();
        view.layout();
        ImageLabels l = vm.labelsProperty().get();
        int candidates = vm.outcomeProperty().get().candidates().size();
        double[] move = new double[MOVES];
        double[] rendered = new double[MOVES / 4];
        int keptMax = 0;
        for (int i = 0; i < MOVES; i++) {
            long t0 = System.nanoTime();
            // Alternate the sliders like a drag: score up and down through [0.05, 0.95], NMS through [0.3, 0.8].
            if (i % 2 == 0) vm.scoreThresholdProperty().set(0.05 + 0.9 * ((i * 7) % 100) / 100.0);
            else vm.nmsIouProperty().set(0.3 + 0.5 * ((i * 13) % 100) / 100.0);
            move[i] = (System.nanoTime() - t0) / 1e6;
            keptMax = Math.max(keptMax, vm.outcomeProperty().get().kept().length);
            if (i % 4 == 0) {
                long t1 = System.nanoTime();
                view.canvas().canvas().snapshot(null, null);
                rendered[i / 4] = move[i] + (System.nanoTime() - t1) / 1e6;
            }
        }
        double[] warm = Arrays.copyOfRange(move, 50, MOVES);
        double[] warmRendered = Arrays.copyOfRange(rendered, 12, rendered.length);
        stage.close();
        session.close();
        return String.format("slider move -> re-filtered and repainted overlay, %d candidates on a %dx%d image, canvas %.0fx%.0f, up to %d kept:%n"
                + "  property set to overlay painted: median %.2f ms, p95 %.2f ms, max %.2f ms (%d moves after warm-up)%n"
                + "  plus rasterising the canvas:     median %.2f ms, p95 %.2f ms, max %.2f ms",
            candidates, l.width(), l.height(), view.canvas().canvas().getWidth(), view.canvas().canvas().getHeight(), keptMax,
            pct(warm, 50), pct(warm, 95), pct(warm, 100), warm.length,
            pct(warmRendered, 50), pct(warmRendered, 95), pct(warmRendered, 100));
    }

    private static double pct(double[] v, int p) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }
}
