package io.boxwork.engine.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A COCO dataset written at test time: {@code annotations.json} and {@code images/img-N.png},
 * each image a dark square canvas with one or two filled rectangles (red "cat", green "dog").
 */
final class CocoFixture {
    private CocoFixture() {
    }

    static Path write(Path dir, int images, int size, long seed) throws IOException {
        Files.createDirectories(dir.resolve("images"));
        Random r = new Random(seed);
        JsonObject root = new JsonObject();
        JsonArray imgs = new JsonArray();
        JsonArray anns = new JsonArray();
        JsonArray cats = new JsonArray();
        cats.add(category(1, "cat"));
        cats.add(category(2, "dog"));
        int annId = 1;
        for (int i = 0; i < images; i++) {
            BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(new Color(20, 20, 30));
            g.fillRect(0, 0, size, size);
            int boxes = 1 + (i % 2);
            for (int b = 0; b < boxes; b++) {
                int w = size / 5 + r.nextInt(size / 4);
                int h = size / 5 + r.nextInt(size / 4);
                int x = r.nextInt(size - w);
                int y = r.nextInt(size - h);
                int cls = 1 + ((i + b) % 2);
                g.setColor(cls == 1 ? new Color(220, 40, 40) : new Color(40, 220, 40));
                g.fillRect(x, y, w, h);
                JsonObject a = new JsonObject();
                a.addProperty("id", annId++);
                a.addProperty("image_id", i + 1);
                a.addProperty("category_id", cls);
                JsonArray bbox = new JsonArray();
                bbox.add(x);
                bbox.add(y);
                bbox.add(w);
                bbox.add(h);
                a.add("bbox", bbox);
                a.addProperty("area", w * h);
                a.addProperty("iscrowd", 0);
                anns.add(a);
            }
            g.dispose();
            String name = "img-" + i + ".png";
            ImageIO.write(img, "png", dir.resolve("images").resolve(name).toFile());
            JsonObject im = new JsonObject();
            im.addProperty("id", i + 1);
            im.addProperty("file_name", name);
            im.addProperty("width", size);
            im.addProperty("height", size);
            imgs.add(im);
        }
        root.add("images", imgs);
        root.add("annotations", anns);
        root.add("categories", cats);
        Files.writeString(dir.resolve("annotations.json"), root.toString());
        return dir;
    }

    private static JsonObject category(int id, String name) {
        JsonObject c = new JsonObject();
        c.addProperty("id", id);
        c.addProperty("name", name);
        return c;
    }
}
