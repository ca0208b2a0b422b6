package io.boxwork.sample;

import java.util.List;

/**
 * One generated picture and the exact box of every object in it.
 *
 * @param objects in drawing order (later ones may overlap earlier ones)
 */
record Scene(RgbCanvas canvas, List<SceneObject> objects) {
    Scene {
        objects = List.copyOf(objects);
    }

    /**
     * One drawn object; its box is the shape's geometric bounds clipped to the image, in the
     * continuous pixel coordinates the project format uses.
     */
    record SceneObject(SampleClass sampleClass, double x1, double y1, double x2, double y2) {
    }
}
