package io.boxwork.annotations.anchors;

/** Raised for anchor settings or image sizes the anchor maths cannot work with; the message says which. */
public final class AnchorInputException extends IllegalArgumentException {
    public AnchorInputException(String message) {
        super(message);
    }
}
