package io.boxwork.annotations.model;

/** Who drew a box: a person, or the detector (until a person confirms it). */
public enum BoxSource {
    MANUAL, PREDICTED;

    public String jsonName() {
        return name().toLowerCase();
    }
}
