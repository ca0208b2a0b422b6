package io.boxwork.app;

import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.ImageStatus;
import io.boxwork.annotations.model.ProjectSettings;
import io.boxwork.annotations.model.Split;
import io.boxwork.annotations.model.SplitPlan;
import io.boxwork.annotations.storage.Project;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small labelled project generated at test time: square PNGs, each with one filled rectangle of
 * a class colour on a noisy background, labelled (done) with that rectangle. The first
 * {@code val} images are put in the val split, the rest in train, so a run trains and evaluates.
 */
public final class LabelledProjects {
    private LabelledProjects() {
    }

    public static Project create(Path dir, int images, int val, int size, List<String> classes) throws IOException {
        Project p = Project.create(dir, ProjectSettings.create("tiny", classes));
        Random r = new Random(7);
        List<String> names = new ArrayList<>();
        List<int[]> rects = new ArrayList<>();
        for (int i = 0; i < images; i++) {
            String name = String.format("img%02d.png", i + 1);
            names.add(name);
            int cls = i % classes.size();
            int w = size / 4 + r.nextInt(size / 3), h = size / 4 + r.nextInt(size / 3);
            int x = r.nextInt(size - w), y = r.nextInt(size - h);
            rects.add(new int[] {x, y, w, h});
            BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            for (int py = 0; py < size; py += 2) {
                for (int px = 0; px < size; px += 2) {
                    int v = 90 + r.nextInt(40);
                    g.setColor(new Color(v, v, v));
                    g.fillRect(px, py, 2, 2);
                }
            }
            g.setColor(cls == 0 ? new Color(220, 40, 40) : cls == 1 ? new Color(40, 200, 60) : new Color(40, 80, 220));
            g.fillRect(x, y, w, h);
            g.dispose();
            Path file = p.imagesDir().resolve(name);
            Files.createDirectories(file.getParent());
            ImageIO.write(img, "png", file.toFile());
        }
        p.rescanImages();
        SplitPlan plan = new SplitPlan(1, 0, 0, java.util.Map.of());
        for (int i = 0; i < images; i++) plan = plan.withOverride(names.get(i), i < val ? Split.VAL : Split.TRAIN);
        p.saveSettings(p.settings().withSplit(plan));
        for (int i = 0; i < images; i++) {
            int cls = p.settings().classes().get(i % classes.size()).id();
            int[] q = rects.get(i);
            p.saveLabels(new ImageLabels(names.get(i), size, size, ImageStatus.DONE,
                List.of(Box.manual(1, cls, q[0], q[1], q[0] + q[2], q[1] + q[3]))));
        }
        return p;
    }
}
