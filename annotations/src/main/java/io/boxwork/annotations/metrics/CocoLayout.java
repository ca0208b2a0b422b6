package io.boxwork.annotations.metrics;

/** Flat indexing of pycocotools' {@code precision [T,R,K,A,M]} and {@code recall [T,K,A,M]} arrays (C order). */
record CocoLayout(int t, int r, int k, int a, int m) {

    static CocoLayout of(CocoParams p, int classes) {
        return new CocoLayout(p.iouCount(), p.recallCount(), classes, p.areaRanges().size(), p.maxDetectionsCount());
    }

    int precisionSize() {
        return t * r * k * a * m;
    }

    int recallSize() {
        return t * k * a * m;
    }

    int precisionIndex(int ti, int ri, int ki, int ai, int mi) {
        return (((ti * r + ri) * k + ki) * a + ai) * m + mi;
    }

    int recallIndex(int ti, int ki, int ai, int mi) {
        return ((ti * k + ki) * a + ai) * m + mi;
    }
}
