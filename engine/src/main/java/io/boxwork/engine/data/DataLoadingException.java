package io.boxwork.engine.data;

/**
 * A batch could not be produced; thrown on the consumer's thread from the loader's iterator,
 * naming the image whose loading failed (the cause carries the details).
 */
public final class DataLoadingException extends RuntimeException {
    private final String imagePath;

    public DataLoadingException(String imagePath, String message, Throwable cause) {
        super(message, cause);
        this.imagePath = imagePath;
    }

    /** The project path of the image that failed, or null when no single image is to blame. */
    public String imagePath() {
        return imagePath;
    }
}
