"""Times torchvision's Faster R-CNN on this machine, the reference the Java engine is measured against.

Speed mode (default) prints one JSON line per run: inference milliseconds per image (batch 1, eval,
no_grad) and training milliseconds per step (batch 2, SGD momentum 0.9), each repetition timed on its
own after warm-up, with median / min / mean. Memory mode (--memory) samples VmRSS over many inference
calls and training steps and fits the slope in MiB per 100 calls. The keys are those of the Java side
(io.boxwork.engine.bench.EngineBench / MemoryBench), so BenchTable pairs them.
Random-init weights: nothing is downloaded. Run with Debian's interpreter:
  /usr/bin/python3 bench_torchvision.py --backbone resnet18 --size 512
"""
import argparse
import ctypes
import json
import statistics
import sys
import time

import torch
import torchvision
from torchvision.models.detection import FasterRCNN
from torchvision.models.detection.backbone_utils import resnet_fpn_backbone


def build(backbone_name, size, num_classes):
    backbone = resnet_fpn_backbone(backbone_name=backbone_name, weights=None, trainable_layers=3)
    return FasterRCNN(backbone, num_classes=num_classes, min_size=size, max_size=size)


def inputs(size, batch, boxes, num_classes, gen):
    images = [torch.rand(3, size, size, generator=gen) for _ in range(batch)]
    targets = []
    for _ in range(batch):
        xy = torch.rand(boxes, 2, generator=gen) * (size * 0.6)
        wh = torch.rand(boxes, 2, generator=gen) * (size * 0.3) + size * 0.05
        targets.append({"boxes": torch.cat([xy, xy + wh], dim=1),
                        "labels": torch.randint(1, num_classes, (boxes,), generator=gen)})
    return images, targets


def rss():
    """VmRSS and VmHWM of this process in MiB: native memory included, as on the Java side."""
    fields = {}
    with open("/proc/self/status") as f:
        for line in f:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                fields[name] = int(value.split()[0]) / 1024.0
    return fields["VmRSS"], fields["VmHWM"]


def slope_per_100(samples):
    """Least-squares MiB per 100 calls through (calls, MiB) samples."""
    n = len(samples)
    mx = sum(c for c, _ in samples) / n
    my = sum(m for _, m in samples) / n
    cov = sum((c - mx) * (m - my) for c, m in samples)
    var = sum((c - mx) ** 2 for c, _ in samples)
    return cov / var * 100


class Detector:
    def __init__(self, a):
        self.model = build(a.backbone, a.size, a.num_classes)
        if a.weights:
            self.model.load_state_dict(torch.load(a.weights))
        if a.save_weights:
            # The Java side loads this file, so that both time the same model: a random-init RPN keeps
            # a different number of proposals per model, and the RoI heads' cost follows that number.
            torch.save(self.model.state_dict(), a.save_weights)
        params = [q for q in self.model.parameters() if q.requires_grad]
        self.opt = torch.optim.SGD(params, lr=0.001, momentum=0.9, weight_decay=1e-4)

    def infer(self, images):
        self.model.eval()
        with torch.no_grad():
            return sum(len(d["scores"]) for d in self.model(images))

    def infer_stages(self, images):
        """One inference call timed stage by stage, as BenchDetector.inferStages times the Java engine's."""
        m = self.model
        m.eval()
        out = {}
        with torch.no_grad():
            t0 = time.perf_counter()
            batch, _ = m.transform(images)
            t1 = time.perf_counter()
            body = m.backbone.body(batch.tensors)
            t2 = time.perf_counter()
            features = m.backbone.fpn(body)
            t3 = time.perf_counter()
            proposals, _ = m.rpn(batch, features)
            t4 = time.perf_counter()
            kept = sum(len(p) for p in proposals)
            m.roi_heads(features, proposals, batch.image_sizes)
            t5 = time.perf_counter()
        for name, a, b in (("transform", t0, t1), ("body", t1, t2), ("fpn", t2, t3), ("rpn", t3, t4), ("roi_heads", t4, t5)):
            out[name] = (b - a) * 1000
        out["proposals"] = kept
        return out

    def train_step(self, images, targets):
        self.model.train()
        losses = self.model(images, targets)
        loss = sum(losses.values())
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        return loss.item()


def timed(fn, warmup, reps):
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def add_timings(result, prefix, millis):
    result[prefix + "_ms"] = [round(m, 1) for m in millis]
    result[prefix + "_ms_median"] = round(statistics.median(millis), 1)
    result[prefix + "_ms_min"] = round(min(millis), 1)
    result[prefix + "_ms_mean"] = round(statistics.fmean(millis), 1)


def base(a, mode):
    return {"mode": mode, "side": "torchvision", "impl": "torchvision " + torchvision.__version__
            + ", torch " + torch.__version__, "backbone": a.backbone, "size": a.size, "threads": torch.get_num_threads()}


def speed(a, detector, gen):
    result = base(a, "speed")
    result["interop_threads"] = torch.get_num_interop_threads()
    result["warmup"] = a.warmup
    if a.infer_reps > 0:
        images, _ = inputs(a.size, 1, a.boxes, a.num_classes, gen)
        add_timings(result, "infer", timed(lambda: detector.infer(images), a.warmup, a.infer_reps))
        result["detections"] = detector.infer(images)
        # the names the first version of this script printed (means), for anyone reading old logs
        result["infer_ms_per_image"] = result["infer_ms_mean"]
        if a.stages:
            runs = [detector.infer_stages(images) for _ in range(a.infer_reps)]
            for name in runs[0]:
                key = "stage_proposals" if name == "proposals" else "stage_%s_ms" % name
                result[key] = round(statistics.median(r[name] for r in runs), 1)
    if a.train_reps > 0:
        images, targets = inputs(a.size, 2, a.boxes, a.num_classes, gen)
        add_timings(result, "train", timed(lambda: detector.train_step(images, targets), a.warmup, a.train_reps))
        result["train_ms_per_step_batch2"] = result["train_ms_mean"]
    now, peak = rss()
    result["rss_mib"] = round(now, 1)
    result["peak_rss_mib"] = round(peak, 1)
    # The Java side returns the heap's free pages when idle; do the same here for a like figure.
    ctypes.CDLL("libc.so.6").malloc_trim(0)
    result["rss_trimmed_mib"] = round(rss()[0], 1)
    emit(a, result)


def memory_phase(a, phase, count, every, call):
    for _ in range(a.warmup):
        call()
    samples = []

    def sample(done, seconds):
        now, _ = rss()
        line = base(a, "memory")
        line.update({"phase": phase, "calls": done, "rss_mib": round(now, 1), "seconds": round(seconds, 1)})
        emit(a, line)
        print("torchvision %s: %5d calls, RSS %.1f MiB, %.0f s" % (phase, done, now, seconds), file=sys.stderr, flush=True)
        samples.append((done, now))

    sample(0, 0.0)
    t0 = time.perf_counter()
    for i in range(1, count + 1):
        call()
        if i % every == 0 or i == count:
            sample(i, time.perf_counter() - t0)
    summary = base(a, "memory")
    summary.update({"phase": phase, "summary": True, "calls": count, "first_mib": round(samples[0][1], 1),
                    "last_mib": round(samples[-1][1], 1), "max_mib": round(max(m for _, m in samples), 1),
                    "slope_mib_per_100": round(slope_per_100(samples), 2),
                    "seconds": round(time.perf_counter() - t0, 1)})
    emit(a, summary)


def memory(a, detector, gen):
    if a.calls > 0:
        images, _ = inputs(a.size, 1, a.boxes, a.num_classes, gen)
        memory_phase(a, "infer", a.calls, a.every, lambda: detector.infer(images))
    if a.steps > 0:
        images, targets = inputs(a.size, 2, a.boxes, a.num_classes, gen)
        memory_phase(a, "train", a.steps, a.train_every, lambda: detector.train_step(images, targets))


def emit(a, obj):
    line = json.dumps(obj)
    print(line, flush=True)
    if a.json_out:
        with open(a.json_out, "a") as f:
            f.write(line + "\n")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--backbone", default="resnet18")
    p.add_argument("--size", type=int, default=None, help="square image side (default 512; 192 with --memory)")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--warmup", type=int, default=None, help="untimed calls first (default 1; 5 with --memory)")
    p.add_argument("--infer-reps", type=int, default=5, help="timed inference calls; 0 skips")
    p.add_argument("--train-reps", type=int, default=3, help="timed training steps; 0 skips")
    p.add_argument("--num-classes", type=int, default=4)
    p.add_argument("--boxes", type=int, default=4, help="ground-truth boxes per training image")
    p.add_argument("--weights", default=None, help="start from this state dict instead of a random init")
    p.add_argument("--save-weights", default=None, help="write the model's initial state dict here (for the Java side)")
    p.add_argument("--stages", action="store_true", help="also time the inference stages (median of --infer-reps calls)")
    p.add_argument("--memory", action="store_true", help="sample VmRSS over many calls instead of timing")
    p.add_argument("--calls", type=int, default=1000, help="--memory: inference calls; 0 skips")
    p.add_argument("--steps", type=int, default=300, help="--memory: training steps; 0 skips")
    p.add_argument("--every", type=int, default=100, help="--memory: inference calls between samples")
    p.add_argument("--train-every", type=int, default=25, help="--memory: training steps between samples")
    p.add_argument("--json-out", default=None, help="also append the JSON lines to this file")
    a = p.parse_args()
    if a.size is None:
        a.size = 192 if a.memory else 512
    if a.warmup is None:
        a.warmup = 5 if a.memory else 1
    # the Java side runs one inter-op thread: match it, before any parallel work
    torch.set_num_interop_threads(1)
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    gen = torch.Generator().manual_seed(0)
    detector = Detector(a)
    if a.memory:
        memory(a, detector, gen)
    else:
        speed(a, detector, gen)


if __name__ == "__main__":
    main()
