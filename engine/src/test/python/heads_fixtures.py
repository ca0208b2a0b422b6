"""Writes torchvision 0.14 reference tensors for the Java detection-head parity tests.

Usage: heads_fixtures.py OUT_DIR

Each fixture is a pair OUT_DIR/<name>.json (tensor names, dtypes, shapes, byte offsets, plus
scalars under "meta") and OUT_DIR/<name>.bin (little-endian float32 / int64 data), a format the
test reads without a pickle parser. Exits with status 3 and a message naming the missing package
when torch or torchvision cannot be imported.
"""
import json
import os
import sys

try:
    import torch
    import torchvision
    from torchvision.models.detection import fasterrcnn_resnet50_fpn, FasterRCNN
    from torchvision.models.detection.backbone_utils import resnet_fpn_backbone
    from torchvision.models.detection import _utils as det_utils
    from torchvision.ops import roi_align
except ImportError as e:  # the Java test turns this into a skipped test with the message
    print(f"missing python package: {e.name}", file=sys.stderr)
    sys.exit(3)

NUM_CLASSES = 4
# Samplers this large keep every labelled anchor / proposal, so the losses do not depend on randperm.
KEEP_ALL = 10_000_000


def save_bundle(out_dir, name, tensors, meta=None):
    index = []
    offset = 0
    with open(os.path.join(out_dir, name + ".bin"), "wb") as f:
        for key, t in tensors.items():
            t = t.detach().contiguous()
            if t.dtype in (torch.float32, torch.float64):
                t, dtype = t.to(torch.float32), "float32"
            elif t.dtype in (torch.int64, torch.int32, torch.bool, torch.uint8):
                t, dtype = t.to(torch.int64), "int64"
            else:
                raise TypeError(f"{name}: tensor {key} has unsupported dtype {t.dtype}")
            data = t.numpy().astype("<f4" if dtype == "float32" else "<i8").tobytes()
            f.write(data)
            index.append({"name": key, "dtype": dtype, "shape": list(t.shape), "offset": offset})
            offset += len(data)
    with open(os.path.join(out_dir, name + ".json"), "w") as f:
        json.dump({"tensors": index, "meta": meta or {}}, f)


def roi_align_fixture(out_dir):
    g = torch.Generator().manual_seed(7)
    features = torch.randn(2, 3, 20, 24, generator=g)
    # Image pixels at spatial scale 1/4 over a 80 x 96 image: inside, crossing every border, beyond the
    # one-pixel margin where samples become zero, smaller than one feature pixel, on the far edges.
    boxes = [
        [0, 10.0, 12.0, 50.0, 60.0],
        [1, -20.0, -8.0, 30.0, 25.0],
        [0, 70.0, 60.0, 120.0, 100.0],
        [1, -40.0, -40.0, -6.0, -5.0],
        [0, 90.0, 2.0, 140.0, 90.0],
        [1, 33.3, 41.7, 34.1, 42.2],
        [0, 0.0, 0.0, 96.0, 80.0],
        [1, 93.0, 77.0, 97.5, 81.5],
        [0, -3.9, 10.0, 2.0, 90.0],
        [1, 5.5, -5.0, 60.25, 3.75],
    ]
    rois = torch.tensor(boxes, dtype=torch.float32)
    out = roi_align(features, rois, output_size=(7, 7), spatial_scale=0.25, sampling_ratio=2, aligned=False)
    out_wide = roi_align(features, rois, output_size=(3, 5), spatial_scale=0.25, sampling_ratio=3, aligned=False)
    save_bundle(out_dir, "roi_align", {"features": features, "rois": rois, "out_7x7_r2": out, "out_3x5_r3": out_wide})


def sharpen_heads(model, images):
    """Random-init heads give near-uniform scores; spread them so that selections and orderings are stable.

    Scales the predictors so that objectness logits have a standard deviation of about 3, class logits
    about 2, and box deltas a few tenths (in the units after the box coder's weights).
    """
    with torch.no_grad():
        image_list, _ = model.transform(images)
        features = model.backbone(image_list.tensors)
        objectness, deltas = model.rpn.head(list(features.values()))
        model.rpn.head.cls_logits.weight.mul_(3.0 / torch.cat([o.flatten() for o in objectness]).std())
        model.rpn.head.bbox_pred.weight.mul_(0.3 / torch.cat([d.flatten() for d in deltas]).std())
        proposals, _ = model.rpn(image_list, features)
        box_features = model.roi_heads.box_head(
            model.roi_heads.box_roi_pool(features, proposals, image_list.image_sizes))
        class_logits, box_regression = model.roi_heads.box_predictor(box_features)
        model.roi_heads.box_predictor.cls_score.weight.mul_(2.0 / class_logits.std())
        model.roi_heads.box_predictor.bbox_pred.weight.mul_(2.0 / box_regression.std())


def model_fixture(out_dir, name, model, seed):
    torch.manual_seed(seed)
    model.eval()
    g = torch.Generator().manual_seed(seed)
    images = [torch.rand(3, 150, 200, generator=g), torch.rand(3, 120, 170, generator=g)]
    sharpen_heads(model, images)
    # Ground truth in the coordinates of the resized images (what the RPN and RoI heads see).
    targets = [
        {"boxes": torch.tensor([[10.0, 20.0, 90.0, 110.0], [100.0, 30.0, 180.0, 80.0]]),
         "labels": torch.tensor([1, 3])},
        {"boxes": torch.tensor([[5.0, 5.0, 60.0, 70.0], [40.0, 50.0, 150.0, 140.0], [120.0, 10.0, 170.0, 40.0]]),
         "labels": torch.tensor([2, 2, 1])},
    ]
    out = {}
    with torch.no_grad():
        image_list, _ = model.transform(images)
        features = model.backbone(image_list.tensors)
        feature_list = list(features.values())
        anchors = model.rpn.anchor_generator(image_list, feature_list)
        objectness, deltas = model.rpn.head(feature_list)
        proposals, _ = model.rpn(image_list, features)
        pooled = model.roi_heads.box_roi_pool(features, proposals, image_list.image_sizes)
        box_features = model.roi_heads.box_head(pooled)
        class_logits, box_regression = model.roi_heads.box_predictor(box_features)
        boxes, scores, labels = model.roi_heads.postprocess_detections(
            class_logits, box_regression, proposals, image_list.image_sizes)
        final = model(images)

        model.rpn.train()
        model.rpn.fg_bg_sampler = det_utils.BalancedPositiveNegativeSampler(KEEP_ALL, 0.5)
        _, rpn_losses = model.rpn(image_list, features, targets)
        model.roi_heads.train()
        model.roi_heads.fg_bg_sampler = det_utils.BalancedPositiveNegativeSampler(KEEP_ALL, 0.25)
        _, roi_losses = model.roi_heads(features, proposals, image_list.image_sizes, targets)

        # The whole detector in training mode, on targets in original-image pixels: with the samplers
        # keeping everything its losses are deterministic.
        model.train()
        orig_targets = [
            {"boxes": torch.tensor([[12.0, 18.0, 95.0, 120.0], [110.0, 25.0, 190.0, 90.0]]),
             "labels": torch.tensor([1, 3])},
            {"boxes": torch.tensor([[4.0, 6.0, 50.0, 60.0], [30.0, 40.0, 130.0, 115.0]]),
             "labels": torch.tensor([2, 1])},
        ]
        train_losses = model(images, orig_targets)
        model.eval()

    out["images_tensor"] = image_list.tensors
    for i, img in enumerate(images):
        out[f"image_{i}"] = img
        out[f"target_boxes_{i}"] = targets[i]["boxes"]
        out[f"target_labels_{i}"] = targets[i]["labels"]
        out[f"orig_target_boxes_{i}"] = orig_targets[i]["boxes"]
        out[f"orig_target_labels_{i}"] = orig_targets[i]["labels"]
        out[f"anchors_{i}"] = anchors[i]
        out[f"proposals_{i}"] = proposals[i]
        out[f"detections_boxes_{i}"] = boxes[i]
        out[f"detections_scores_{i}"] = scores[i]
        out[f"detections_labels_{i}"] = labels[i]
        out[f"final_boxes_{i}"] = final[i]["boxes"]
        out[f"final_scores_{i}"] = final[i]["scores"]
        out[f"final_labels_{i}"] = final[i]["labels"]
    for k, v in features.items():
        out[f"feature_{k}"] = v
    for level, (o, d) in enumerate(zip(objectness, deltas)):
        out[f"rpn_objectness_{level}"] = o
        out[f"rpn_deltas_{level}"] = d
    out["box_roi_pool"] = pooled
    out["box_features"] = box_features
    out["class_logits"] = class_logits
    out["box_regression"] = box_regression
    for k, v in list(rpn_losses.items()) + list(roi_losses.items()):
        out[k] = v
    for k, v in train_losses.items():
        out["train_" + k] = v
    meta = {
        "image_sizes": [list(s) for s in image_list.image_sizes],
        "num_classes": NUM_CLASSES,
        "min_size": model.transform.min_size[0],
        "max_size": model.transform.max_size,
        "keep_all": KEEP_ALL,
        "torchvision": torchvision.__version__,
    }
    save_bundle(out_dir, name, out, meta)
    save_bundle(out_dir, name + "_state", dict(model.state_dict()))


def main():
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    torch.set_num_threads(1)
    roi_align_fixture(out_dir)

    torch.manual_seed(11)
    r50 = fasterrcnn_resnet50_fpn(weights=None, weights_backbone=None, num_classes=NUM_CLASSES,
                                  min_size=160, max_size=200)
    model_fixture(out_dir, "r50", r50, 11)

    torch.manual_seed(12)
    backbone = resnet_fpn_backbone(backbone_name="resnet18", weights=None, trainable_layers=5)
    r18 = FasterRCNN(backbone, num_classes=NUM_CLASSES, min_size=160, max_size=200)
    model_fixture(out_dir, "r18", r18, 12)
    print("wrote heads fixtures to", out_dir)


if __name__ == "__main__":
    main()
