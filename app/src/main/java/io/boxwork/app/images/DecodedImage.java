package io.boxwork.app.images;

import javafx.scene.image.Image;

/**
 * A picture ready to show: the decoded pixels (maybe downsampled) and where they go on the upright
 * label plane of {@code width} x {@code height} image pixels.
 */
public record DecodedImage(String imagePath, Image image, int width, int height, OrientedPlacement placement) {

    public boolean downsampled() {
        return Math.max(image.getWidth(), image.getHeight()) < Math.max(width, height);
    }
}
