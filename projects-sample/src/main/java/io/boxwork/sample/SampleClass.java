package io.boxwork.sample;

/** The sample project's object classes, in the order of their project class ids (1, 2, 3). */
enum SampleClass {
    CIRCLE("circle"), SQUARE("square"), TRIANGLE("triangle");

    private final String label;

    SampleClass(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    int classId() {
        return ordinal() + 1;
    }
}
