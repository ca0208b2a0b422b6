package io.boxwork.annotations.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.boxwork.annotations.geometry.TorchvisionScript;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * pycocotools cannot be installed here, so a compact numpy transcription of COCOeval's bbox path
 * (evaluateImg, accumulate with np.spacing and searchsorted, summarize) serves as a second oracle
 * on random data with crowds, given areas, tied scores, duplicates, detection-only classes and an
 * image with more than 100 detections. The hand-computed cases in {@link CocoEvaluatorTest} remain
 * the primary check; this one catches indexing and bookkeeping slips at scale.
 */
class CocoEvaluatorMatchesAPythonPortTest {

    private static final String SCRIPT = """
            import json, random
            import numpy as np
            rng = random.Random(12)
            gts, dts = [], []
            def jitter(b, s):
                return [b[0] + rng.uniform(-s, s), b[1] + rng.uniform(-s, s), b[2] + rng.uniform(-s, s), b[3] + rng.uniform(-s, s)]
            for img in range(1, 41):
                for _ in range(rng.randint(0, 7)):
                    cls = rng.choice([1, 2, 3])
                    w, h = rng.uniform(3, 220), rng.uniform(3, 220)
                    x, y = rng.uniform(0, 400), rng.uniform(0, 400)
                    g = dict(image=img, cls=cls, box=[x, y, x + w, y + h], crowd=rng.random() < 0.12,
                             area=rng.uniform(10, 20000) if rng.random() < 0.25 else None)
                    gts.append(g)
                    for _ in range(rng.randint(0, 3)):
                        b = jitter(g['box'], min(w, h) * 0.3)
                        if b[2] > b[0] and b[3] > b[1]:
                            dts.append(dict(image=img, cls=cls if rng.random() < 0.9 else 4, box=b, score=round(rng.random(), 1)))
                for _ in range(rng.randint(0, 3)):
                    x, y = rng.uniform(0, 400), rng.uniform(0, 400)
                    dts.append(dict(image=img, cls=rng.choice([1, 2, 4]), box=[x, y, x + rng.uniform(2, 150), y + rng.uniform(2, 150)],
                                    score=round(rng.random(), 2)))
            for i in range(130):
                x, y = rng.uniform(0, 600), rng.uniform(0, 600)
                dts.append(dict(image=41, cls=1, box=[x, y, x + 40, y + 40], score=round(rng.random(), 1)))
                if i % 3 == 0:
                    gts.append(dict(image=41, cls=1, box=[x + 2, y + 1, x + 41, y + 43], crowd=False, area=None))

            iouThrs = np.linspace(.5, 0.95, int(np.round((0.95 - .5) / .05)) + 1, endpoint=True)
            recThrs = np.linspace(.0, 1.00, int(np.round((1.00 - .0) / .01)) + 1, endpoint=True)
            maxDets = [1, 10, 100]
            areaRng = [[0, 1e5 ** 2], [0, 32 ** 2], [32 ** 2, 96 ** 2], [96 ** 2, 1e5 ** 2]]
            def box_area(b):
                return (b[2] - b[0]) * (b[3] - b[1])
            for g in gts:
                g['a'] = g['area'] if g['area'] is not None else box_area(g['box'])
            for i, d in enumerate(dts):
                d['id'] = i + 1
                d['a'] = box_area(d['box'])
            for i, g in enumerate(gts):
                g['id'] = i + 1
            imgIds = sorted(set([g['image'] for g in gts] + [d['image'] for d in dts]))
            catIds = sorted(set([g['cls'] for g in gts] + [d['cls'] for d in dts]))

            def ious(dt, gt):
                out = np.zeros((len(dt), len(gt)))
                for j, g in enumerate(gt):
                    for i, d in enumerate(dt):
                        w = min(d['box'][2], g['box'][2]) - max(d['box'][0], g['box'][0])
                        h = min(d['box'][3], g['box'][3]) - max(d['box'][1], g['box'][1])
                        if w <= 0 or h <= 0:
                            continue
                        inter = w * h
                        union = d['a'] if g['crowd'] else d['a'] + box_area(g['box']) - inter
                        out[i, j] = inter / union
                return out

            def evaluate_img(gt, dt, aRng, maxDet):
                if len(gt) == 0 and len(dt) == 0:
                    return None
                ign = [1 if (g['crowd'] or g['a'] < aRng[0] or g['a'] > aRng[1]) else 0 for g in gt]
                gtind = np.argsort(ign, kind='mergesort')
                gt = [gt[i] for i in gtind]
                gtIg = np.array([ign[i] for i in gtind])
                dtind = np.argsort([-d['score'] for d in dt], kind='mergesort')
                dt = [dt[i] for i in dtind[0:maxDet]]
                crowd = [g['crowd'] for g in gt]
                iou = ious(dt, gt)
                T, G, D = len(iouThrs), len(gt), len(dt)
                gtm, dtm, dtIg = np.zeros((T, G)), np.zeros((T, D)), np.zeros((T, D))
                if G > 0 and D > 0:
                    for t, thr in enumerate(iouThrs):
                        for di, d in enumerate(dt):
                            best = min([thr, 1 - 1e-10])
                            m = -1
                            for gi, g in enumerate(gt):
                                if gtm[t, gi] > 0 and not crowd[gi]:
                                    continue
                                if m > -1 and gtIg[m] == 0 and gtIg[gi] == 1:
                                    break
                                if iou[di, gi] < best:
                                    continue
                                best = iou[di, gi]
                                m = gi
                            if m == -1:
                                continue
                            dtIg[t, di] = gtIg[m]
                            dtm[t, di] = gt[m]['id']
                            gtm[t, m] = d['id']
                a = np.array([d['a'] < aRng[0] or d['a'] > aRng[1] for d in dt]).reshape((1, len(dt)))
                dtIg = np.logical_or(dtIg, np.logical_and(dtm == 0, np.repeat(a, T, 0)))
                return dict(dtScores=[d['score'] for d in dt], dtm=dtm, dtIg=dtIg, gtIg=gtIg)

            K, A, M, T, R = len(catIds), len(areaRng), len(maxDets), len(iouThrs), len(recThrs)
            evalImgs = {}
            for k, c in enumerate(catIds):
                for a, rngA in enumerate(areaRng):
                    for i, img in enumerate(imgIds):
                        gt = [g for g in gts if g['image'] == img and g['cls'] == c]
                        dt = [d for d in dts if d['image'] == img and d['cls'] == c]
                        evalImgs[k, a, i] = evaluate_img(gt, dt, rngA, maxDets[-1])
            precision = -np.ones((T, R, K, A, M))
            recall = -np.ones((T, K, A, M))
            for k in range(K):
                for a in range(A):
                    for m, maxDet in enumerate(maxDets):
                        E = [evalImgs[k, a, i] for i in range(len(imgIds))]
                        E = [e for e in E if e is not None]
                        if len(E) == 0:
                            continue
                        dtScores = np.concatenate([e['dtScores'][0:maxDet] for e in E])
                        inds = np.argsort(-dtScores, kind='mergesort')
                        dtm = np.concatenate([e['dtm'][:, 0:maxDet] for e in E], axis=1)[:, inds]
                        dtIg = np.concatenate([e['dtIg'][:, 0:maxDet] for e in E], axis=1)[:, inds]
                        gtIg = np.concatenate([e['gtIg'] for e in E])
                        npig = np.count_nonzero(gtIg == 0)
                        if npig == 0:
                            continue
                        tps = np.logical_and(dtm, np.logical_not(dtIg))
                        fps = np.logical_and(np.logical_not(dtm), np.logical_not(dtIg))
                        tp_sum = np.cumsum(tps, axis=1).astype(dtype=np.float64)
                        fp_sum = np.cumsum(fps, axis=1).astype(dtype=np.float64)
                        for t, (tp, fp) in enumerate(zip(tp_sum, fp_sum)):
                            nd = len(tp)
                            rc = tp / npig
                            pr = (tp / (fp + tp + np.spacing(1))).tolist()
                            q = [0.0] * R
                            recall[t, k, a, m] = rc[-1] if nd else 0
                            for i in range(nd - 1, 0, -1):
                                if pr[i] > pr[i - 1]:
                                    pr[i - 1] = pr[i]
                            for ri, pi in enumerate(np.searchsorted(rc, recThrs, side='left')):
                                if pi >= nd:
                                    break
                                q[ri] = pr[pi]
                            precision[t, :, k, a, m] = np.array(q)

            def summarize(ap, iouThr=None, area=0, m=2):
                s = precision if ap else recall
                if iouThr is not None:
                    s = s[np.where(iouThr == iouThrs)[0]]
                s = s[:, :, :, area, m] if ap else s[:, :, area, m]
                return -1.0 if len(s[s > -1]) == 0 else float(np.mean(s[s > -1]))
            stats = [summarize(1), summarize(1, .5), summarize(1, .75), summarize(1, area=1), summarize(1, area=2),
                     summarize(1, area=3), summarize(0, m=0), summarize(0, m=1), summarize(0), summarize(0, area=1),
                     summarize(0, area=2), summarize(0, area=3)]
            print(json.dumps(dict(gts=gts, dts=dts, stats=stats, precision=precision.flatten().tolist(),
                                  recall=recall.flatten().tolist(), classes=catIds)))
            """;

    @Test
    void randomDatasetGivesTheSameArraysAndSummaryAsTheNumpyTranscription() throws Exception {
        JsonObject fixture = TorchvisionScript.run(SCRIPT);
        List<GroundTruth> gts = new ArrayList<>();
        for (JsonElement e : fixture.getAsJsonArray("gts")) {
            JsonObject g = e.getAsJsonObject();
            JsonArray b = g.getAsJsonArray("box");
            double area = g.get("area").isJsonNull() ? Double.NaN : g.get("area").getAsDouble();
            gts.add(new GroundTruth(g.get("image").getAsInt(), g.get("cls").getAsInt(), b.get(0).getAsDouble(),
                    b.get(1).getAsDouble(), b.get(2).getAsDouble(), b.get(3).getAsDouble(),
                    g.get("crowd").getAsBoolean(), false, area));
        }
        List<Detection> dts = new ArrayList<>();
        for (JsonElement e : fixture.getAsJsonArray("dts")) {
            JsonObject d = e.getAsJsonObject();
            JsonArray b = d.getAsJsonArray("box");
            dts.add(new Detection(d.get("image").getAsInt(), d.get("cls").getAsInt(), b.get(0).getAsDouble(),
                    b.get(1).getAsDouble(), b.get(2).getAsDouble(), b.get(3).getAsDouble(),
                    d.get("score").getAsDouble()));
        }
        CocoEvaluation e = new CocoEvaluator().evaluate(gts, dts);
        JsonArray classes = fixture.getAsJsonArray("classes");
        int kCount = classes.size();
        assertEquals(kCount, e.classIds().length);
        JsonArray precision = fixture.getAsJsonArray("precision");
        JsonArray recall = fixture.getAsJsonArray("recall");
        int p = 0;
        for (int t = 0; t < 10; t++) {
            for (int r = 0; r < 101; r++) {
                for (int k = 0; k < kCount; k++) {
                    for (int a = 0; a < 4; a++) {
                        for (int m = 0; m < 3; m++) {
                            assertEquals(precision.get(p++).getAsDouble(), e.precision(t, r, k, a, m),
                                    "precision t=" + t + " r=" + r + " k=" + k + " a=" + a + " m=" + m);
                        }
                    }
                }
            }
        }
        p = 0;
        for (int t = 0; t < 10; t++) {
            for (int k = 0; k < kCount; k++) {
                for (int a = 0; a < 4; a++) {
                    for (int m = 0; m < 3; m++) {
                        assertEquals(recall.get(p++).getAsDouble(), e.recall(t, k, a, m),
                                "recall t=" + t + " k=" + k + " a=" + a + " m=" + m);
                    }
                }
            }
        }
        JsonArray stats = fixture.getAsJsonArray("stats");
        int i = 0;
        for (var entry : e.summary().asMap().entrySet()) {
            assertEquals(stats.get(i++).getAsDouble(), entry.getValue(), 1e-12, entry.getKey());
        }
    }
}
