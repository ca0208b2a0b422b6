package io.boxwork.annotations.model;

/** Which part of the data an image serves. */
public enum Split {
    TRAIN, VAL, TEST;

    public String jsonName() {
        return name().toLowerCase();
    }
}
