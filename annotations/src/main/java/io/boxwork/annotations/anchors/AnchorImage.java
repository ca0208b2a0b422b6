package io.boxwork.annotations.anchors;

import java.util.List;

/** One image's size and labelled boxes, named by {@code imageId} so a poorly covered box can be found again. */
public record AnchorImage(String imageId, int height, int width, List<LabelledBox> boxes) {
    public AnchorImage {
        if (height <= 0 || width <= 0) {
            throw new AnchorInputException("image " + imageId + " has size " + width + "x" + height);
        }
        boxes = List.copyOf(boxes);
    }
}
