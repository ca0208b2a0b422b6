package io.boxwork.app.review;

/** One line of the review's image list: what the sliders leave on that image. */
public record ImageRow(String imagePath, int predictions, int truePositives, int falsePositives, int misses) {

    public int errors() {
        return falsePositives + misses;
    }
}
