package io.boxwork.engine.detection;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class BalancedPositiveNegativeSamplerTest {

    private static Tensor labels() {
        long[] l = new long[100];
        for (int i = 0; i < l.length; i++) {
            l[i] = i < 10 ? 1 + i % 3 : (i < 20 ? -1 : 0);
        }
        return Tensor.create(l, l.length);
    }

    @Test
    void samplerCapsPositivesAtTheFractionAndFillsTheRestWithNegatives() {
        try (PointerScope ignored = new PointerScope()) {
            BalancedPositiveNegativeSampler.Sample s = BalancedPositiveNegativeSampler.seeded(16, 0.25, 1)
                    .sample(List.of(labels()));
            long[] pos = Tensors.longArray(Tensors.where(s.positive().get(0)));
            long[] neg = Tensors.longArray(Tensors.where(s.negative().get(0)));
            assertEquals(4, pos.length);
            assertEquals(12, neg.length);
            for (long p : pos) {
                assertFalse(p >= 10, "positive index " + p + " is not a positive");
            }
            for (long n : neg) {
                assertFalse(n < 20, "negative index " + n + " is not a negative");
            }
        }
    }

    @Test
    void samplerTakesMoreNegativesWhenPositivesRunShort() {
        try (PointerScope ignored = new PointerScope()) {
            BalancedPositiveNegativeSampler.Sample s = BalancedPositiveNegativeSampler.seeded(40, 0.5, 1)
                    .sample(List.of(labels()));
            assertEquals(10, Tensors.where(s.positive().get(0)).numel());
            assertEquals(30, Tensors.where(s.negative().get(0)).numel());
        }
    }

    @Test
    void theSameSeedDrawsTheSameSample() {
        try (PointerScope ignored = new PointerScope()) {
            long[] a = Tensors.longArray(Tensors.where(BalancedPositiveNegativeSampler.seeded(16, 0.25, 42)
                    .sample(List.of(labels())).negative().get(0)));
            long[] b = Tensors.longArray(Tensors.where(BalancedPositiveNegativeSampler.seeded(16, 0.25, 42)
                    .sample(List.of(labels())).negative().get(0)));
            assertArrayEquals(a, b);
        }
    }
}
