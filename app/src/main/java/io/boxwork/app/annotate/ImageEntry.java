package io.boxwork.app.annotate;

import io.boxwork.annotations.model.ImageStatus;

/** One row of the image list. */
public record ImageEntry(int index, String path, ImageStatus status) {
    public ImageEntry withStatus(ImageStatus s) {
        return new ImageEntry(index, path, s);
    }
}
