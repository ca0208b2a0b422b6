"""Times torchvision's Faster R-CNN on this machine, the reference the Java engine is measured against.

Prints one JSON object per configuration: inference milliseconds per image (batch 1, eval, no_grad)
and training milliseconds per step (batch 2, SGD), after warm-up. Random-init weights: no download.
Run with Debian's interpreter: /usr/bin/python3 bench_torchvision.py --backbone resnet18 --size 512
"""
import argparse
import json
import time

import torch
from torchvision.models.detection import FasterRCNN
from torchvision.models.detection.backbone_utils import resnet_fpn_backbone


def build(backbone_name, size, num_classes):
    backbone = resnet_fpn_backbone(backbone_name=backbone_name, weights=None, trainable_layers=3)
    return FasterRCNN(backbone, num_classes=num_classes, min_size=size, max_size=size)


def inputs(size, batch, gen):
    images = [torch.rand(3, size, size, generator=gen) for _ in range(batch)]
    targets = []
    for _ in range(batch):
        xy = torch.rand(4, 2, generator=gen) * (size * 0.6)
        wh = torch.rand(4, 2, generator=gen) * (size * 0.3) + size * 0.05
        targets.append({"boxes": torch.cat([xy, xy + wh], dim=1), "labels": torch.randint(1, 4, (4,), generator=gen)})
    return images, targets


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--backbone", default="resnet18")
    p.add_argument("--size", type=int, default=512)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--infer-reps", type=int, default=5)
    p.add_argument("--train-reps", type=int, default=3)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    gen = torch.Generator().manual_seed(0)
    model = build(a.backbone, a.size, 4)

    model.eval()
    images, _ = inputs(a.size, 1, gen)
    with torch.no_grad():
        model(images)
        t0 = time.perf_counter()
        for _ in range(a.infer_reps):
            model(images)
        infer_ms = (time.perf_counter() - t0) * 1000 / a.infer_reps

    model.train()
    params = [q for q in model.parameters() if q.requires_grad]
    opt = torch.optim.SGD(params, lr=0.001, momentum=0.9, weight_decay=1e-4)
    images, targets = inputs(a.size, 2, gen)

    def step():
        losses = model(images, targets)
        loss = sum(losses.values())
        opt.zero_grad()
        loss.backward()
        opt.step()

    step()
    t0 = time.perf_counter()
    for _ in range(a.train_reps):
        step()
    train_ms = (time.perf_counter() - t0) * 1000 / a.train_reps
    print(json.dumps({"impl": "torchvision " + __import__("torchvision").__version__, "backbone": a.backbone,
                      "size": a.size, "threads": a.threads, "infer_ms_per_image": round(infer_ms, 1),
                      "train_ms_per_step_batch2": round(train_ms, 1)}))


if __name__ == "__main__":
    main()
