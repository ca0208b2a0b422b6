"""Trains torchvision's Faster R-CNN on a Boxwork project with the recipe `boxwork train` uses, as the
reference for what that recipe can reach in the same wall time on this machine.

Reads boxwork.json and labels/*.json directly, splits with the project's seeded hash (the same
function as SplitPlan.unitHash), trains from scratch (BatchNorm2d backbone, all stages trained, as
torchvision does without weights), evaluates VOC mAP@0.5 on the val split after each epoch and
prints one JSON line per epoch. Run with Debian's interpreter:
  /usr/bin/python3 scripts/python/train_sample_torchvision.py projects-sample/project --epochs 6
"""
import argparse
import json
import math
import os
import random
import sys
import time

import torch
import torchvision
from PIL import Image
from torchvision.models.detection import FasterRCNN
from torchvision.models.detection.anchor_utils import AnchorGenerator
from torchvision.models.detection.backbone_utils import resnet_fpn_backbone
from torchvision.ops import box_iou

M64 = (1 << 64) - 1


def unit_hash(seed, path):
    h = (0xcbf29ce484222325 ^ seed) & M64
    for b in path.encode("utf-8"):
        h ^= b
        h = (h * 0x100000001b3) & M64
    h ^= h >> 30
    h = (h * 0xbf58476d1ce4e5b9) & M64
    h ^= h >> 27
    h = (h * 0x94d049bb133111eb) & M64
    h ^= h >> 31
    return (h >> 11) * 2.0 ** -53


def load_project(root):
    with open(os.path.join(root, "boxwork.json")) as f:
        settings = json.load(f)
    split = settings["split"]
    class_ids = [c["id"] for c in settings["classes"]]
    label_of = {cid: i + 1 for i, cid in enumerate(class_ids)}
    train, val = [], []
    labels_dir = os.path.join(root, "labels")
    for name in sorted(os.listdir(labels_dir)):
        with open(os.path.join(labels_dir, name)) as f:
            doc = json.load(f)
        image = doc["image"]
        boxes = [[b["x1"], b["y1"], b["x2"], b["y2"]] for b in doc["boxes"]]
        labels = [label_of[b["class"]] for b in doc["boxes"]]
        item = (os.path.join(root, settings.get("images_dir", "images"), image), boxes, labels)
        u = unit_hash(split["seed"], image)
        chosen = split.get("overrides", {}).get(image)
        if chosen == "val" or (chosen is None and u < split["val"]):
            val.append(item)
        elif chosen is None and u < split["val"] + split["test"]:
            pass
        else:
            train.append(item)
    return settings, len(class_ids), train, val


def tensors(item, flip):
    path, boxes, labels = item
    img = torchvision.transforms.functional.to_tensor(Image.open(path).convert("RGB"))
    b = torch.tensor(boxes, dtype=torch.float32).reshape(-1, 4)
    if flip:
        img = img.flip(-1)
        w = img.shape[-1]
        b = torch.stack([w - b[:, 2], b[:, 1], w - b[:, 0], b[:, 3]], dim=1)
    return img, {"boxes": b, "labels": torch.tensor(labels, dtype=torch.int64)}


def average_precision(dets, truth, label):
    """VOC all-point AP at IoU 0.5 for one class; dets: (image, score, box), truth: image -> boxes."""
    n = sum(len(v) for v in truth.values())
    if n == 0:
        return None
    dets = sorted(dets, key=lambda d: -d[1])
    used = {k: [False] * len(v) for k, v in truth.items()}
    tp = []
    for image, _, box in dets:
        gts = truth.get(image, [])
        best, best_j = 0.0, -1
        if gts:
            ious = box_iou(torch.tensor([box]), torch.tensor(gts))[0]
            best, best_j = float(ious.max()), int(ious.argmax())
        if best >= 0.5 and not used[image][best_j]:
            used[image][best_j] = True
            tp.append(1)
        else:
            tp.append(0)
    recall, precision, hits = [0.0], [1.0], 0
    for i, t in enumerate(tp):
        hits += t
        recall.append(hits / n)
        precision.append(hits / (i + 1))
    for i in range(len(precision) - 2, -1, -1):
        precision[i] = max(precision[i], precision[i + 1])
    return sum((recall[i] - recall[i - 1]) * precision[i] for i in range(1, len(recall)))


def evaluate(model, val, classes):
    model.eval()
    dets = {c: [] for c in range(1, classes + 1)}
    truth = {c: {} for c in range(1, classes + 1)}
    with torch.no_grad():
        for i, item in enumerate(val):
            img, target = tensors(item, False)
            out = model([img])[0]
            for box, label in zip(target["boxes"].tolist(), target["labels"].tolist()):
                truth[label].setdefault(i, []).append(box)
            for box, score, label in zip(out["boxes"].tolist(), out["scores"].tolist(), out["labels"].tolist()):
                dets[label].append((i, score, box))
    aps = [average_precision(dets[c], truth[c], c) for c in dets]
    aps = [a for a in aps if a is not None]
    # Class-agnostic AP tells finding the objects apart from naming them.
    any_dets = [d for c in dets for d in dets[c]]
    any_truth = {}
    for c in truth:
        for image, boxes in truth[c].items():
            any_truth.setdefault(image, []).extend(boxes)
    model.train()
    return sum(aps) / len(aps), average_precision(any_dets, any_truth, 0)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("project")
    p.add_argument("--epochs", type=int, default=6)
    p.add_argument("--batch", type=int, default=2)
    p.add_argument("--lr", type=float, default=0.01)
    p.add_argument("--min-size", type=int, default=192)
    p.add_argument("--max-size", type=int, default=256)
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--clip", type=float, default=10.0, help="gradient norm cap (0: none)")
    p.add_argument("--schedule", choices=["step", "cosine"], default="step")
    p.add_argument("--warmup", type=int, default=100)
    p.add_argument("--eval-train", action="store_true", help="also score 28 training images (under- or overfitting?)")
    p.add_argument("--save", default=None, help="write the final state dict here")
    p.add_argument("--evaluate", default=None, help="no training: score this checkpoint (a Boxwork best.pth / last.pth or a state dict)")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    rng = random.Random(a.seed)
    settings, classes, train, val = load_project(a.project)
    anchors = settings["anchors"]
    backbone = resnet_fpn_backbone(backbone_name="resnet18", weights=None, norm_layer=torch.nn.BatchNorm2d,
                                   trainable_layers=5)
    generator = AnchorGenerator(tuple(tuple(s) for s in anchors["sizes"]),
                                (tuple(anchors["aspect_ratios"]),) * len(anchors["sizes"]))
    # Boxwork's small proposal budget (DetectorSpec.ProposalBudget.small).
    model = FasterRCNN(backbone, num_classes=classes + 1, min_size=a.min_size, max_size=a.max_size,
                       rpn_anchor_generator=generator, rpn_pre_nms_top_n_train=600, rpn_pre_nms_top_n_test=300,
                       rpn_post_nms_top_n_train=300, rpn_post_nms_top_n_test=150, rpn_batch_size_per_image=128,
                       box_batch_size_per_image=128)
    if a.evaluate:
        saved = torch.load(a.evaluate)
        model.load_state_dict(saved.get("model", saved) if isinstance(saved, dict) else saved)
        m, agnostic = evaluate(model, val, classes)
        tm, tagnostic = evaluate(model, train[:len(val)], classes)
        print(json.dumps({"map50": m, "ap50_any_class": agnostic, "train_map50": tm, "train_ap50_any_class": tagnostic}))
        return 0
    params = [q for q in model.parameters() if q.requires_grad]
    opt = torch.optim.SGD(params, lr=a.lr, momentum=0.9, weight_decay=1e-4)
    per_epoch = math.ceil(len(train) / a.batch)
    total = per_epoch * a.epochs
    first = max(1, round(a.epochs * 2 / 3))
    second = max(first + 1, round(a.epochs * 8 / 9))
    milestones = [first, second] if second < a.epochs else [first]
    model.train()
    start = time.time()
    it = 0
    for epoch in range(a.epochs):
        norms = []
        order = list(range(len(train)))
        rng.shuffle(order)
        for s in range(0, len(order), a.batch):
            if a.schedule == "step":
                factor = 0.1 ** sum(1 for m in milestones if epoch >= m)
            else:
                factor = 0.5 * (1 + math.cos(math.pi * it / total))
            if it < a.warmup:
                alpha = it / a.warmup
                factor *= 1e-3 * (1 - alpha) + alpha
            for g in opt.param_groups:
                g["lr"] = a.lr * factor
            batch = [tensors(train[i], rng.random() < 0.5) for i in order[s:s + a.batch]]
            losses = model([b[0] for b in batch], [b[1] for b in batch])
            loss = sum(losses.values())
            opt.zero_grad()
            loss.backward()
            norm = float(torch.nn.utils.clip_grad_norm_(params, a.clip if a.clip > 0 else float("inf")))
            norms.append(norm)
            opt.step()
            it += 1
        m, agnostic = evaluate(model, val, classes)
        extra = {}
        if a.eval_train:
            extra["train_map50"], extra["train_ap50_any_class"] = evaluate(model, train[:len(val)], classes)
        print(json.dumps({"epoch": epoch, "iterations": it, "map50": m, "ap50_any_class": agnostic, **extra, "seconds": round(time.time() - start, 1),
                          "last_loss": float(loss),
                          "grad_norm_median": sorted(norms)[len(norms) // 2], "grad_norm_max": max(norms)}), flush=True)
    if a.save:
        torch.save(model.state_dict(), a.save)


if __name__ == "__main__":
    sys.exit(main())
