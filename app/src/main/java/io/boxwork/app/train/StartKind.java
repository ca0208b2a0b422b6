package io.boxwork.app.train;

import io.boxwork.engine.train.StartingPoint;

/** The starting-weights choices of the Train form. */
public enum StartKind {
    SCRATCH("From scratch"),
    IMAGENET_BACKBONE("ImageNet backbone (.pth)"),
    COCO_DETECTOR("COCO detector (.pth)"),
    SAME_CLASSES("Detector for these classes (.pth)");

    private final String title;

    StartKind(String title) {
        this.title = title;
    }

    public StartingPoint startingPoint(String file) {
        if (this != SCRATCH && (file == null || file.isBlank())) {
            throw new IllegalArgumentException("choose a weights file for '" + title + "', or start from scratch");
        }
        return switch (this) {
            case SCRATCH -> new StartingPoint.Scratch();
            case IMAGENET_BACKBONE -> new StartingPoint.ImageNetBackbone(file);
            case COCO_DETECTOR -> new StartingPoint.CocoDetector(file);
            case SAME_CLASSES -> new StartingPoint.SameClassesDetector(file);
        };
    }

    public static StartKind of(StartingPoint p) {
        if (p instanceof StartingPoint.ImageNetBackbone) return IMAGENET_BACKBONE;
        if (p instanceof StartingPoint.CocoDetector) return COCO_DETECTOR;
        if (p instanceof StartingPoint.SameClassesDetector) return SAME_CLASSES;
        return SCRATCH;
    }

    public static String file(StartingPoint p) {
        if (p instanceof StartingPoint.ImageNetBackbone b) return b.source();
        if (p instanceof StartingPoint.CocoDetector c) return c.source();
        if (p instanceof StartingPoint.SameClassesDetector d) return d.source();
        return "";
    }

    @Override
    public String toString() {
        return title;
    }
}
