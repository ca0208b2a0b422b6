package io.boxwork.app.anchors;

import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.ImageStatus;
import io.boxwork.annotations.model.ProjectSettings;
import io.boxwork.annotations.model.Split;
import io.boxwork.annotations.model.SplitPlan;
import io.boxwork.annotations.storage.Project;
import io.boxwork.app.project.ProjectSession;
import io.boxwork.app.project.RecentProjects;
import io.boxwork.app.shell.MainWindow;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Renders docs/anchors.png: the Anchors mode in a real window on a generated street scene (cars and
 * people as labelled boxes), P3 chosen, the mouse on a car, the image's worst-covered box highlighted. Run under Xvfb:
 * {@code xvfb-run -a -s "-screen 0 1400x900x24" java -cp ... io.boxwork.app.anchors.AnchorsScreenshot docs/anchors.png}.
 */
public final class AnchorsScreenshot {
    private AnchorsScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/anchors.png").toAbsolutePath();
        Path dir = Files.createTempDirectory("boxwork-anchors-shot");
        Project project = streetProject(dir.resolve("project"));
        CompletableFuture<MainWindow> shown = new CompletableFuture<>();
        Platform.startup(() -> {
            Stage stage = new Stage();
            MainWindow window = new MainWindow(stage, new RecentProjects(dir.resolve("recent.txt")), Duration.ofMillis(100));
            window.createScene(1360, 860);
            stage.show();
            window.show(new ProjectSession(project, Duration.ofMillis(100)));
            ((ToggleButton) window.root().lookup("#mode-anchors")).fire();
            shown.complete(window);
        });
        MainWindow window = shown.get(30, TimeUnit.SECONDS);
        AnchorsMode mode = onFx(() -> (AnchorsMode) ((ToggleButton) window.root().lookup("#mode-anchors")).getUserData());
        AnchorsViewModel vm = mode.viewModel();
        waitUntil(() -> onFx(() -> vm.pictureProperty().get() != null && vm.coverageProperty().get() != null && !vm.computingProperty().get()));
        onFx(() -> {
            vm.levelProperty().set(1);
            // The first car of the first image, in model-input pixels.
            var g = vm.geometryProperty().get();
            vm.hoverAt(250 * g.image().ratioWidth(), 330 * g.image().ratioHeight());
            vm.coverageProperty().get().worst().stream().filter(b -> b.imageId().equals("street1.png")).findFirst()
                .ifPresent(b -> vm.highlightProperty().set(b));
            return null;
        });
        Thread.sleep(1500);
        WritableImage shot = onFx(() -> window.root().getScene().snapshot(null));
        Files.createDirectories(out.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", out.toFile());
        System.out.println("wrote " + out);
        onFx(window::quit);
        Platform.exit();
    }

    /** Three 960 x 640 street scenes in the train split: wide cars, tall people, a few small signs. */
    static Project streetProject(Path dir) throws IOException {
        Project p = Project.create(dir, ProjectSettings.create("street", List.of("car", "person", "sign")));
        Random random = new Random(7);
        List<ImageLabels> all = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String name = "street" + i + ".png";
            BufferedImage img = new BufferedImage(960, 640, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, new Color(120, 170, 220), 0, 300, new Color(200, 220, 235)));
            g.fillRect(0, 0, 960, 300);
            g.setColor(new Color(90, 90, 95));
            g.fillRect(0, 300, 960, 340);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(6));
            for (int x = 0; x < 960; x += 120) g.drawLine(x, 470, x + 60, 470);
            List<Box> boxes = new ArrayList<>();
            long id = 1;
            for (int c = 0; c < 3; c++) {
                int w = 140 + random.nextInt(90), h = w * 45 / 100, x = 60 + c * 300 + random.nextInt(60), y = 330 + random.nextInt(180);
                if (i == 1 && c == 0) {
                    x = 180;
                    y = 300;
                }
                g.setColor(Color.getHSBColor(random.nextFloat(), 0.6f, 0.8f));
                g.fillRoundRect(x, y, w, h, 30, 30);
                g.setColor(Color.DARK_GRAY);
                g.fillOval(x + w / 8, y + h - h / 4, h / 3, h / 3);
                g.fillOval(x + w - w / 8 - h / 3, y + h - h / 4, h / 3, h / 3);
                boxes.add(Box.manual(id++, 1, x, y, x + w, y + h + h / 12));
            }
            for (int q = 0; q < 4; q++) {
                int h = 90 + random.nextInt(70), w = h * 35 / 100, x = 40 + random.nextInt(880), y = 230 + random.nextInt(120);
                g.setColor(new Color(60, 40, 30));
                g.fillOval(x + w / 4, y, w / 2, w / 2);
                g.setColor(Color.getHSBColor(random.nextFloat(), 0.5f, 0.6f));
                g.fillRect(x, y + w / 2, w, h - w / 2);
                boxes.add(Box.manual(id++, 2, x, y, x + w, y + h));
            }
            for (int s = 0; s < 2; s++) {
                int x = 100 + random.nextInt(760), y = 120 + random.nextInt(100);
                g.setColor(new Color(220, 40, 40));
                g.fillOval(x, y, 22, 22);
                boxes.add(Box.manual(id++, 3, x, y, x + 22, y + 22));
            }
            g.dispose();
            ImageIO.write(img, "png", p.imagesDir().resolve(name).toFile());
            all.add(new ImageLabels(name, 960, 640, ImageStatus.DONE, boxes));
        }
        p.rescanImages();
        SplitPlan split = p.settings().split();
        for (ImageLabels l : all) {
            p.saveLabels(l);
            split = split.withOverride(l.imagePath(), Split.TRAIN);
        }
        p.saveSettings(p.settings().withSplit(split));
        return p;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.call()) {
            if (System.nanoTime() > end) throw new IllegalStateException("the Anchors mode did not finish loading in 60 s");
            Thread.sleep(100);
        }
    }
}
