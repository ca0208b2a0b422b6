package io.boxwork.annotations.model;

/** Where an image is in the labelling workflow. */
public enum ImageStatus {
    /** Not yet labelled completely. */
    TODO,
    /** A person finished labelling it. */
    DONE,
    /** A second look (or a review against predictions) confirmed it. */
    REVIEWED;

    public String jsonName() {
        return name().toLowerCase();
    }
}
