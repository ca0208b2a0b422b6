package io.boxwork.annotations.anchors;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SingleMapSuggesterTest {
    private final ResizeSpec resize = new ResizeSpec(800, 1333, 32);

    /** Squares of 30 and 120 px on 800 x 800 images (no resize): two clear size clusters. */
    private List<AnchorImage> twoSizes() {
        List<AnchorImage> images = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            images.add(new AnchorImage("img" + i, 800, 800, List.of(
                    new LabelledBox(1, 100 + i * 7, 100, 130 + i * 7, 130),
                    new LabelledBox(2, 300, 300 + i * 5, 420, 420 + i * 5))));
        }
        return images;
    }

    @Test
    void everySuggestedSizeGoesOnTheOneMap() {
        AnchorSuggestion s = SingleMapSuggester.suggest(twoSizes(), resize, 2, 1, 0, 5);
        assertEquals(1, s.spec().levelCount());
        assertEquals(30, s.spec().sizes()[0][0], 1e-9);
        assertEquals(120, s.spec().sizes()[0][1], 1e-9);
        assertEquals(1.0, s.spec().aspectRatios()[0][0], 1e-9);
        assertEquals(1.0, s.meanIouToCentroid(), 1e-9);
        assertEquals("C5", s.coverage().worst().get(0).level());
        // Stride 32 keeps a 30 px box from lining up with its anchor everywhere, but 120 px ones do.
        assertTrue(s.coverage().shareAtLeast05() >= 0.5, "share >= 0.5: " + s.coverage().shareAtLeast05());
    }

    @Test
    void noBoxesMeansNoSuggestion() {
        assertThrows(AnchorInputException.class, () -> SingleMapSuggester.suggest(
                List.of(new AnchorImage("empty", 100, 100, List.of())), resize, 3, 3, 0, 5));
    }
}
