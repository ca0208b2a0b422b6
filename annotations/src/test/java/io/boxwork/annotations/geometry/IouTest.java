package io.boxwork.annotations.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IouTest {

    @Test
    void iouOfHalfShiftedSquaresIsOneThirdWithNoPlusOneOnWidths() {
        float[] a = {0, 0, 10, 10};
        float[] b = {5, 0, 15, 10};
        assertEquals(50f / 150f, Iou.iou(a, 0, b, 0), 1e-7);
    }

    @Test
    void iouOfIdenticalBoxesIsOneAndOfDisjointBoxesIsZero() {
        float[] boxes = {2, 3, 7, 9, 20, 20, 30, 30};
        assertEquals(1f, Iou.iou(boxes, 0, boxes, 0));
        assertEquals(0f, Iou.iou(boxes, 0, boxes, 1));
    }

    @Test
    void generalizedIouOfDisjointBoxesIsNegativeByTheEmptyShareOfTheirHull() {
        float[] a = {0, 0, 1, 1};
        float[] b = {2, 0, 3, 1};
        // IoU 0, hull 3, union 2: 0 - (3 - 2) / 3.
        assertEquals(-1f / 3f, Iou.giou(a, 0, b, 0), 1e-7);
        assertEquals(1f, Iou.giou(a, 0, a, 0));
    }

    @Test
    void iouMatrixIsRowMajorFirstBoxesByRows() {
        float[] a = {0, 0, 10, 10, 0, 0, 20, 20};
        float[] b = {0, 0, 10, 10, 0, 0, 10, 5, 100, 100, 110, 110};
        assertArrayEquals(new float[] {1f, 0.5f, 0f, 0.25f, 0.125f, 0f}, Iou.iouMatrix(a, b));
    }

    @Test
    void aBoxArrayWhoseLengthIsNotAMultipleOfFourIsRefusedWithItsName() {
        BoxArrayException e = assertThrows(BoxArrayException.class,
                () -> Iou.iouMatrix(new float[] {0, 0, 1}, new float[4]));
        assertTrue(e.getMessage().contains("first boxes has 3 values"), e.getMessage());
    }
}
