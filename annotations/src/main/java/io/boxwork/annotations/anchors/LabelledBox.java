package io.boxwork.annotations.anchors;

/** A labelled box in original image pixels, as the anchor tools read it. */
public record LabelledBox(int classId, double x1, double y1, double x2, double y2) {
    public LabelledBox {
        if (!(x2 > x1) || !(y2 > y1)) {
            throw new AnchorInputException("box of class " + classId + " at (" + x1 + ", " + y1 + ") - (" + x2
                    + ", " + y2 + ") is empty or inverted");
        }
    }
}
