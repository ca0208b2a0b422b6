package io.boxwork.app.images;

import io.boxwork.annotations.image.ExifOrientation;
import io.boxwork.annotations.image.ImageInfo;
import javafx.scene.image.Image;

import java.io.IOException;
import java.nio.file.Path;

/** Decodes a picture for the canvas; callable from any thread. */
public final class ImageDecoder {
    /** Beyond this side length the picture is decoded downsampled: labels stay in full-resolution pixels. */
    public static final int MAX_DECODED_SIDE = 4096;

    private final int maxSide;

    public ImageDecoder() {
        this(MAX_DECODED_SIDE);
    }

    public ImageDecoder(int maxSide) {
        this.maxSide = maxSide;
    }

    public DecodedImage decode(String imagePath, Path file) throws IOException {
        ImageInfo info = ImageInfo.read(file);
        int orientation = info.exifOrientation();
        boolean swap = ExifOrientation.swapsAxes(orientation);
        int storedW = swap ? info.height() : info.width();
        int storedH = swap ? info.width() : info.height();
        String url = file.toUri().toString();
        Image image = Math.max(storedW, storedH) > maxSide
            ? new Image(url, maxSide, maxSide, true, true, false)
            : new Image(url, false);
        if (image.isError()) {
            Throwable cause = image.getException();
            throw new IOException(file + ": cannot decode the picture (" + (cause == null ? "unknown error" : cause.getMessage()) + ")", cause);
        }
        OrientedPlacement placement = OrientedPlacement.of(orientation, storedW, storedH, image.getWidth(), image.getHeight());
        return new DecodedImage(imagePath, image, info.width(), info.height(), placement);
    }
}
