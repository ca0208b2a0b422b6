"""Writes and checks the .pth fixtures of the Java weights tests (io.boxwork.engine.weights).

  weights_fixtures.py write <folder>       torch.save files + a JSON reference per file
  weights_fixtures.py check <java.pth> <reference.pth> <model>
                                           exit 0 when <model> accepts the Java file with
                                           load_state_dict(strict=True) and every tensor
                                           equals the reference exactly
  weights_fixtures.py check-checkpoint <java.pth> <reference.pth>

The reference of a tensor is its dtype, shape, stride, storage offset and the SHA-256 of its
values laid out contiguously in little-endian bytes: the Java side hashes the same bytes, so
"equal" means bit for bit, not within a tolerance.
"""
import collections
import hashlib
import json
import os
import sys

import torch
import torchvision


class TaggedTensor(torch.Tensor):
    """A tensor subclass: torch.save pickles it through torch._tensor._rebuild_from_type_v2."""


def tensor_bytes(t):
    flat = t.detach().reshape(-1).contiguous()
    if flat.dtype == torch.bool:
        flat = flat.to(torch.uint8)
    return flat.view(torch.uint8).numpy().tobytes()


def describe(t):
    return {
        "dtype": str(t.dtype).replace("torch.", ""),
        "shape": list(t.shape),
        "stride": list(t.stride()),
        "offset": t.storage_offset(),
        "sha256": hashlib.sha256(tensor_bytes(t)).hexdigest(),
        "first": t.detach().reshape(-1)[0].item() if t.numel() > 0 else None,
        "is_parameter": isinstance(t, torch.nn.Parameter),
        "requires_grad": t.requires_grad,
    }


def describe_tree(value):
    if isinstance(value, torch.Tensor):
        return {"tensor": describe(value)}
    if isinstance(value, dict):
        return {"dict": [[describe_tree(k), describe_tree(v)] for k, v in value.items()],
                "ordered": isinstance(value, collections.OrderedDict)}
    if isinstance(value, (list, tuple)):
        return {"list" if isinstance(value, list) else "tuple": [describe_tree(v) for v in value]}
    if isinstance(value, bool):
        return {"bool": value}
    if isinstance(value, int):
        return {"int": str(value)}
    if isinstance(value, float):
        return {"float": value}
    if isinstance(value, str):
        return {"str": value}
    if value is None:
        return {"none": True}
    raise TypeError(f"no reference for {type(value)}")


def save(folder, name, obj, **kwargs):
    torch.save(obj, os.path.join(folder, name + ".pth"), **kwargs)
    with open(os.path.join(folder, name + ".json"), "w") as f:
        json.dump(describe_tree(obj), f)


def old_layout(state_dict):
    """torchvision < 0.13 keys: FPN blocks and the RPN conv were plain Conv2d, not Conv2dNormActivation."""
    renamed = collections.OrderedDict()
    for key, value in state_dict.items():
        for block in ("inner_blocks", "layer_blocks"):
            marker = f"backbone.fpn.{block}."
            if key.startswith(marker) and key.count(".") == 5:
                index, _, kind = key[len(marker):].split(".")
                key = f"{marker}{index}.{kind}"
        if key.startswith("rpn.head.conv.0.0."):
            key = "rpn.head.conv." + key[len("rpn.head.conv.0.0."):]
        renamed[key] = value
    return renamed


def write(folder):
    os.makedirs(folder, exist_ok=True)
    torch.manual_seed(0)
    resnet = torchvision.models.resnet18()
    save(folder, "resnet18", resnet.state_dict())
    save(folder, "resnet18_legacy", resnet.state_dict(), _use_new_zipfile_serialization=False)

    torch.manual_seed(1)
    detector = torchvision.models.detection.fasterrcnn_resnet50_fpn(weights=None, weights_backbone=None)
    detector_state = detector.state_dict()
    save(folder, "fasterrcnn_resnet50_fpn", detector_state)
    save(folder, "fasterrcnn_resnet50_fpn_old_layout", old_layout(detector_state))

    # the keys a detector with a ResNet-18 FPN backbone expects (frozen batch norm: no num_batches_tracked)
    backbone = torchvision.models.detection.backbone_utils.resnet_fpn_backbone(
        backbone_name="resnet18", weights=None, trainable_layers=3)
    resnet18_detector = torchvision.models.detection.FasterRCNN(backbone, num_classes=91)
    with open(os.path.join(folder, "fasterrcnn_resnet18_fpn_keys.json"), "w") as f:
        json.dump(list(resnet18_detector.state_dict().keys()), f)

    torch.manual_seed(2)
    small = torch.nn.Sequential(torch.nn.Conv2d(3, 4, 3), torch.nn.BatchNorm2d(4), torch.nn.Flatten(),
                                torch.nn.Linear(4 * 6 * 6, 5))
    optimizer = torch.optim.SGD(small.parameters(), lr=0.02, momentum=0.9, weight_decay=1e-4)
    small(torch.randn(2, 3, 8, 8)).sum().backward()
    optimizer.step()
    save(folder, "checkpoint", {"model": small.state_dict(), "optimizer": optimizer.state_dict(),
                                "epoch": 3, "best_map": 0.4375, "run": "2026-11-22T07-00",
                                "step": 2 ** 40, "delta": -70000, "classes": ["cat", "dog"],
                                "finished": False, "note": None})

    torch.manual_seed(3)
    dtypes = collections.OrderedDict()
    dtypes["float32"] = torch.randn(3, 5)
    dtypes["float64"] = torch.randn(4, dtype=torch.float64)
    dtypes["float16"] = torch.randn(2, 3).half()
    dtypes["bfloat16"] = torch.randn(2, 3).bfloat16()
    dtypes["int64"] = torch.tensor([-(2 ** 40), 7, 0])
    dtypes["int32"] = torch.tensor([-5, 2 ** 30], dtype=torch.int32)
    dtypes["int16"] = torch.tensor([-300, 300], dtype=torch.int16)
    dtypes["int8"] = torch.tensor([-128, 127], dtype=torch.int8)
    dtypes["uint8"] = torch.tensor([0, 255, 17], dtype=torch.uint8)
    dtypes["bool"] = torch.tensor([True, False, True])
    dtypes["scalar"] = torch.tensor(2.5)
    dtypes["empty"] = torch.zeros(0, 4)
    save(folder, "dtypes", dtypes)

    base = torch.arange(24, dtype=torch.float32)
    views = collections.OrderedDict()
    views["matrix"] = base.view(4, 6)
    views["transposed"] = base.view(4, 6).t()
    views["column"] = base.view(4, 6)[:, 2]
    views["tail"] = base[10:16].view(2, 3)
    views["parameter"] = torch.nn.Parameter(torch.randn(2, 2))
    views["frozen_parameter"] = torch.nn.Parameter(torch.randn(3), requires_grad=False)
    views["requires_grad"] = torch.randn(3, requires_grad=True)
    views["subclass"] = torch.arange(5.0).as_subclass(TaggedTensor)
    save(folder, "views", views)
    # newer Pythons' pickle opcodes (FRAME, SHORT_BINUNICODE, MEMOIZE, STACK_GLOBAL)
    save(folder, "views_protocol4", views, pickle_protocol=4)
    save(folder, "dtypes_protocol4", dtypes, pickle_protocol=4)


def check(java_file, reference_file, model_name):
    java = torch.load(java_file)
    reference = torch.load(reference_file)
    if not isinstance(java, collections.OrderedDict):
        print(f"FAIL {java_file}: root is {type(java).__name__}, not OrderedDict")
        return 1
    if model_name == "resnet18":
        model = torchvision.models.resnet18()
    elif model_name == "fasterrcnn_resnet50_fpn":
        model = torchvision.models.detection.fasterrcnn_resnet50_fpn(weights=None, weights_backbone=None)
    else:
        print(f"FAIL unknown model {model_name}")
        return 2
    model.load_state_dict(java, strict=True)
    if list(java.keys()) != list(reference.keys()):
        print("FAIL key order differs")
        return 1
    for key, value in reference.items():
        if java[key].dtype != value.dtype or not torch.equal(java[key], value):
            print(f"FAIL {key} differs")
            return 1
        if not torch.equal(model.state_dict()[key], value):
            print(f"FAIL {key} not loaded into the model")
            return 1
    print(f"OK {len(reference)} tensors")
    return 0


def check_checkpoint(java_file, reference_file):
    java = torch.load(java_file)
    reference = torch.load(reference_file)
    expected_scalars = {"epoch": 3, "best_map": 0.4375, "run": "2026-11-22T07-00", "step": 2 ** 40,
                        "delta": -70000, "finished": False, "note": None, "classes": ["cat", "dog"]}
    for key, value in expected_scalars.items():
        if java.get(key, "missing") != value or type(java.get(key)) != type(value):
            print(f"FAIL {key}: {java.get(key, 'missing')!r} != {value!r}")
            return 1
    model = reference["model"]
    if not isinstance(java["model"], collections.OrderedDict):
        print("FAIL model is not an OrderedDict")
        return 1
    for key, value in model.items():
        if not torch.equal(java["model"][key], value):
            print(f"FAIL model.{key} differs")
            return 1
    momentum = reference["optimizer"]["state"]
    for index, state in momentum.items():
        if not torch.equal(java["optimizer"]["state"][index]["momentum_buffer"], state["momentum_buffer"]):
            print(f"FAIL optimizer state {index} differs")
            return 1
    if java["optimizer"]["param_groups"] != reference["optimizer"]["param_groups"]:
        print("FAIL param_groups differ")
        return 1
    print("OK checkpoint")
    return 0


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "write":
        write(sys.argv[2])
    elif command == "check":
        sys.exit(check(sys.argv[2], sys.argv[3], sys.argv[4]))
    elif command == "check-checkpoint":
        sys.exit(check_checkpoint(sys.argv[2], sys.argv[3]))
    else:
        print(f"unknown command {command}")
        sys.exit(2)
