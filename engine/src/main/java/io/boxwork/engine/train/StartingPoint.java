package io.boxwork.engine.train;

/**
 * Where a run's weights come from. A {@code source} is a local file or one of torchvision's
 * published URLs (downloaded once into the per-user cache).
 */
public sealed interface StartingPoint {

    String describe();

    /** Random initialisation (ResNet stages from Kaiming, heads as torchvision initialises them). */
    record Scratch() implements StartingPoint {
        @Override
        public String describe() {
            return "scratch";
        }
    }

    /** A torchvision ImageNet ResNet classifier: its keys go under {@code backbone.body.}, the fc layer is dropped. */
    record ImageNetBackbone(String source) implements StartingPoint {
        @Override
        public String describe() {
            return "imagenet-backbone:" + source;
        }
    }

    /**
     * A torchvision Faster R-CNN trained on COCO: everything is loaded except the box predictor,
     * which is rebuilt for the project's classes.
     */
    record CocoDetector(String source) implements StartingPoint {
        @Override
        public String describe() {
            return "coco-detector:" + source;
        }
    }

    /** A Boxwork or torchvision detector for exactly this project's classes: every key is loaded. */
    record SameClassesDetector(String source) implements StartingPoint {
        @Override
        public String describe() {
            return "detector:" + source;
        }
    }

    /** Reads {@code kind:source} as written by {@link #describe()}. */
    static StartingPoint parse(String text) {
        if (text == null || text.isBlank() || text.equals("scratch")) return new Scratch();
        int colon = text.indexOf(':');
        String kind = colon < 0 ? "" : text.substring(0, colon);
        String source = colon < 0 ? text : text.substring(colon + 1);
        return switch (kind) {
            case "imagenet-backbone" -> new ImageNetBackbone(source);
            case "coco-detector" -> new CocoDetector(source);
            case "detector" -> new SameClassesDetector(source);
            default -> throw new IllegalArgumentException("unknown starting point '" + text + "'");
        };
    }
}
