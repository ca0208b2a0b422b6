"""Writes torchvision 0.14 reference outputs for the engine's transform and backbone parity tests.

Usage: backbone_fixtures.py <transform|backbones> <output directory>

Tensors are written with torch.save(dict) (LibTorch's pickle_load reads a plain dict of tensors);
sizes and parameter names go to JSON. Every random draw is seeded, so a rerun writes the same files.
"""
import json
import os
import sys

import torch
from torchvision.models import resnet
from torchvision.models._utils import IntermediateLayerGetter
from torchvision.models.detection.backbone_utils import _resnet_fpn_extractor
from torchvision.models.detection.transform import GeneralizedRCNNTransform
from torchvision.ops.misc import FrozenBatchNorm2d

MEAN = [0.485, 0.456, 0.406]
STD = [0.229, 0.224, 0.225]

# (height, width): portrait, landscape, one capped by max_size, one odd-sized.
IMAGE_SIZES = [(50, 80), (120, 64), (40, 200), (97, 131)]
MIN_SIZE, MAX_SIZE = 96, 160


def save_tensors(path, tensors):
    torch.save({k: v.detach().contiguous().clone() for k, v in tensors.items()}, path)


def save_json(path, value):
    with open(path, "w") as f:
        json.dump(value, f, indent=1)


def random_images(seed, sizes):
    g = torch.Generator().manual_seed(seed)
    return [torch.rand(3, h, w, generator=g) for h, w in sizes]


def random_boxes(seed, size, count):
    g = torch.Generator().manual_seed(seed)
    h, w = size
    xy = torch.rand(count, 2, generator=g) * torch.tensor([w * 0.6, h * 0.6])
    wh = torch.rand(count, 2, generator=g) * torch.tensor([w * 0.4, h * 0.4]) + 1.0
    return torch.cat([xy, xy + wh], dim=1)


def write_transform(out):
    os.makedirs(out, exist_ok=True)
    images = random_images(1, IMAGE_SIZES)
    boxes = [random_boxes(10 + i, size, 3 + i) for i, size in enumerate(IMAGE_SIZES)]
    transform = GeneralizedRCNNTransform(MIN_SIZE, MAX_SIZE, MEAN, STD).eval()
    with torch.no_grad():
        image_list, targets = transform(images, [{"boxes": b} for b in boxes])
        # postprocess maps predictions from resized to original pixels: feed it the resized targets.
        back = transform.postprocess(
            [{"boxes": t["boxes"]} for t in targets], image_list.image_sizes, [tuple(i.shape[-2:]) for i in images]
        )
    tensors = {"batch": image_list.tensors}
    for i, image in enumerate(images):
        tensors[f"image{i}"] = image
        tensors[f"boxes{i}"] = boxes[i]
        tensors[f"resized_boxes{i}"] = targets[i]["boxes"]
        tensors[f"postprocessed_boxes{i}"] = back[i]["boxes"]
    save_tensors(os.path.join(out, "transform.pt"), tensors)

    # Output sizes of torchvision's resize over many shapes, including the default 800 / 1333.
    sizes = []
    for min_size, max_size in [(800, 1333), (MIN_SIZE, MAX_SIZE), (512, 683)]:
        t = GeneralizedRCNNTransform(min_size, max_size, MEAN, STD).eval()
        for h in [2, 7, 31, 97, 240, 333, 375, 480, 500, 511, 599, 640, 719, 853, 1000, 1080, 1999]:
            for w in [3, 50, 333, 427, 500, 640, 666, 1024, 1279, 1920]:
                try:
                    resized, _ = t.resize(torch.zeros(1, h, w))
                    sizes.append([min_size, max_size, h, w, resized.shape[-2], resized.shape[-1]])
                except RuntimeError:
                    # torch refuses a resize to zero pixels: recorded as 0 x 0.
                    sizes.append([min_size, max_size, h, w, 0, 0])
    save_json(os.path.join(out, "resize_sizes.json"), {
        "image_sizes": [list(image_list.image_sizes[i]) for i in range(len(images))],
        "cases": sizes,
    })


def randomise_frozen_batch_norms(model, g):
    # Random-init FrozenBatchNorm2d is the identity; random statistics make the parity test see them.
    for module in model.modules():
        if isinstance(module, FrozenBatchNorm2d):
            n = module.weight.shape[0]
            module.weight.copy_(torch.rand(n, generator=g) * 0.5 + 0.75)
            module.bias.copy_(torch.randn(n, generator=g) * 0.1)
            module.running_mean.copy_(torch.randn(n, generator=g) * 0.1)
            module.running_var.copy_(torch.rand(n, generator=g) * 0.5 + 0.75)


def trainable_names(model):
    return [name for name, p in model.named_parameters() if p.requires_grad]


def write_backbones(out):
    os.makedirs(out, exist_ok=True)
    images = random_images(2, [(50, 75), (90, 60)])
    transform = GeneralizedRCNNTransform(64, 160, MEAN, STD).eval()
    with torch.no_grad():
        batch = transform(images)[0].tensors
    # Unpadded odd sizes make the FPN's nearest upsampling use non-integer ratios (3 -> 5, ...).
    odd = torch.rand(1, 3, 75, 101, generator=torch.Generator().manual_seed(5)) * 4.0 - 2.0
    save_tensors(os.path.join(out, "input.pt"), {"batch": batch, "odd": odd, "image0": images[0], "image1": images[1]})

    trainable = {}
    for depth in ["resnet18", "resnet50"]:
        torch.manual_seed(0)
        body = resnet.__dict__[depth](weights=None, norm_layer=FrozenBatchNorm2d)
        model = _resnet_fpn_extractor(body, 3).eval()
        with torch.no_grad():
            randomise_frozen_batch_norms(model, torch.Generator().manual_seed(3))
            features = dict(model(batch))
            features.update({f"odd_{k}": v for k, v in model(odd).items()})
        save_tensors(os.path.join(out, f"{depth}_fpn_state.pt"), dict(model.state_dict()))
        save_tensors(os.path.join(out, f"{depth}_fpn_features.pt"), features)
        for layers in [0, 3, 5]:
            frozen = _resnet_fpn_extractor(resnet.__dict__[depth](weights=None, norm_layer=FrozenBatchNorm2d), layers)
            trainable[f"{depth}_fpn_{layers}"] = trainable_names(frozen)

    # The single-map backbone: ResNet-34's body up to layer4, keyed as IntermediateLayerGetter keys it.
    torch.manual_seed(0)
    body = IntermediateLayerGetter(resnet.resnet34(weights=None, norm_layer=FrozenBatchNorm2d), {"layer4": "0"})
    body.eval()
    with torch.no_grad():
        randomise_frozen_batch_norms(body, torch.Generator().manual_seed(4))
        features = body(batch)
    save_tensors(os.path.join(out, "resnet34_state.pt"), dict(body.state_dict()))
    save_tensors(os.path.join(out, "resnet34_features.pt"), dict(features))
    save_json(os.path.join(out, "trainable.json"), trainable)

    # Every key and shape of each supported depth (no forward pass: structure only).
    shapes = {}
    for depth in ["resnet18", "resnet34", "resnet50", "resnet101"]:
        model = _resnet_fpn_extractor(resnet.__dict__[depth](weights=None, norm_layer=FrozenBatchNorm2d), 3)
        shapes[f"{depth}_fpn"] = {k: list(v.shape) for k, v in model.state_dict().items()}
    save_json(os.path.join(out, "state_shapes.json"), shapes)


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("transform", "backbones"):
        sys.exit(__doc__)
    torch.set_num_threads(1)
    {"transform": write_transform, "backbones": write_backbones}[sys.argv[1]](sys.argv[2])
