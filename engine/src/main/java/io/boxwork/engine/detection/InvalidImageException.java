package io.boxwork.engine.detection;

/** An input image the detector cannot take, with its position in the batch and what is wrong. */
public final class InvalidImageException extends IllegalArgumentException {

    public InvalidImageException(int index, String problem) {
        super("image " + index + " of the batch: " + problem);
    }
}
