package io.boxwork.annotations.storage;

import io.boxwork.annotations.edit.Edits;
import io.boxwork.annotations.edit.ImageDocument;
import io.boxwork.annotations.model.ImageLabels;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs in a child JVM for {@link AutosaveCrashTest}: edits every image of a project through
 * documents and autosave, as fast as a frantic person, and prints each edit it made until it is
 * killed.
 */
public final class AutosaveCrashChild {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long debounceMs = Long.parseLong(args[1]);
        Project project = Project.open(dir);
        AutosaveWriter autosave = new AutosaveWriter(project::saveLabels, Duration.ofMillis(debounceMs));
        List<ImageDocument> docs = new ArrayList<>();
        for (String image : project.images()) {
            ImageDocument doc = new ImageDocument(project.labels(image));
            doc.addListener(autosave::submit);
            docs.add(doc);
        }
        System.out.println("READY");
        System.out.flush();
        for (long step = 0; ; step++) {
            ImageDocument doc = docs.get((int) (step % docs.size()));
            ImageLabels l = doc.labels();
            float x = (step * 7) % (l.width() - 10);
            float y = (step * 3) % (l.height() - 10);
            doc.execute(Edits.add(l, 1, x, y, x + 8, y + 8));
            System.out.println("EDIT " + l.imagePath() + " " + doc.labels().boxes().size() + " " + System.currentTimeMillis());
            System.out.flush();
            Thread.sleep(2);
        }
    }
}
