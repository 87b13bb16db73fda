"""Tests for engines.core.persistence: safetensors + JSON save/load, never pickle."""

from __future__ import annotations

import json
import pickle
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

import pytest
import torch
from torch import nn

from engines.core import TrainConfig
from engines.core.config_io import config_from_dict
from engines.core.persistence import (
    CONFIG_FILE,
    FORMAT_VERSION,
    METADATA_FILE,
    WEIGHTS_FILE,
    load_config,
    load_model,
    save_model,
)


@dataclass(frozen=True)
class _Inner:
    """A nested config."""

    width: int = 8
    """Hidden width."""


@dataclass(frozen=True)
class _ToyConfig:
    """A config with the field types engines use."""

    n_experts: int = 3
    """Number of experts."""
    hidden: tuple[int, ...] = (32, 16)
    """Layer widths."""
    pair: tuple[str, float] = ("a", 0.5)
    """A fixed-length tuple."""
    maybe: tuple[int, ...] | None = None
    """An optional tuple."""
    mode: Literal["binary", "ordinal"] = "ordinal"
    """A string option."""
    dropout: float | None = 0.1
    """An optional float."""
    names: list[str] = field(default_factory=lambda: ["x", "y"])
    """A list stays a list."""
    inner: _Inner = field(default_factory=_Inner)
    """A nested dataclass."""
    train: TrainConfig = field(default_factory=TrainConfig)
    """The shared training config."""


def _module() -> nn.Module:
    torch.manual_seed(0)
    return nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.Linear(8, 2))


def _mixed_state() -> dict[str, torch.Tensor]:
    state = dict(_module().state_dict())  # includes an int64 buffer (num_batches_tracked)
    state["f64"] = torch.arange(6, dtype=torch.float64).reshape(2, 3)
    state["half"] = torch.randn(5).half()
    state["flags"] = torch.tensor([True, False])
    return state


def test_round_trip_identical_tensors_config_and_metadata(tmp_path):
    state = _mixed_state()
    cfg = _ToyConfig(maybe=(1, 2), train=TrainConfig(lr=3e-4, grad_clip=None))
    out = save_model(tmp_path / "a" / "b", state, cfg, {"classes": [1, 2, 3], "note": "hi"})
    assert out == tmp_path / "a" / "b"
    assert {p.name for p in out.iterdir()} == {CONFIG_FILE, WEIGHTS_FILE, METADATA_FILE}

    loaded, config, meta = load_model(out)
    assert loaded.keys() == state.keys()
    for k, v in state.items():
        assert loaded[k].dtype == v.dtype and torch.equal(loaded[k], v), k
        assert loaded[k].device.type == "cpu"
    assert config["class"] == "_ToyConfig"
    assert config == json.loads(json.dumps({**asdict(cfg), "class": "_ToyConfig"}))
    assert meta["classes"] == [1, 2, 3] and meta["note"] == "hi"
    assert meta["format_version"] == FORMAT_VERSION
    assert meta["torch_version"] == torch.__version__
    assert datetime.fromisoformat(meta["created_utc"]).utcoffset().total_seconds() == 0


def test_weights_load_back_into_a_module(tmp_path):
    module = _module()
    save_model(tmp_path, module.state_dict(), {"kind": "plain dict config"})
    state, config, _ = load_model(tmp_path)
    fresh = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.Linear(8, 2))
    fresh.load_state_dict(state)
    x = torch.randn(3, 4)
    assert torch.equal(fresh.eval()(x), module.eval()(x))
    assert config == {"kind": "plain dict config"}  # no "class" key for dict configs


def test_shared_and_non_contiguous_tensors_are_saved(tmp_path):
    weight = torch.randn(4, 3)
    state = {"enc.weight": weight, "dec.weight": weight, "t": weight.t(), "row": weight[1]}
    assert not state["t"].is_contiguous()
    save_model(tmp_path, state, {})
    loaded, _, _ = load_model(tmp_path)
    for k, v in state.items():
        assert torch.equal(loaded[k], v), k


def test_parameters_with_grad_are_saved(tmp_path):
    p = nn.Parameter(torch.randn(3))
    save_model(tmp_path, {"p": p}, {})
    assert torch.equal(load_model(tmp_path)[0]["p"], p.detach())


def test_missing_weights_file_is_a_clear_error(tmp_path):
    save_model(tmp_path, {"w": torch.ones(2)}, {})
    (tmp_path / WEIGHTS_FILE).unlink()
    with pytest.raises(FileNotFoundError, match=WEIGHTS_FILE):
        load_model(tmp_path)


def test_missing_directory_and_config_are_clear_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match="directory not found"):
        load_model(tmp_path / "nope")
    save_model(tmp_path, {"w": torch.ones(2)}, {})
    (tmp_path / CONFIG_FILE).unlink()
    with pytest.raises(FileNotFoundError, match=CONFIG_FILE):
        load_model(tmp_path)
    with pytest.raises(FileNotFoundError, match=CONFIG_FILE):
        load_config(tmp_path, _ToyConfig)


class _Exploit:
    """Unpickling this would create a marker file."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def test_pickle_bytes_named_safetensors_fail_without_running_code(tmp_path):
    marker = tmp_path / "pwned"
    save_model(tmp_path / "m", {"w": torch.ones(2)}, {})
    (tmp_path / "m" / WEIGHTS_FILE).write_bytes(pickle.dumps({"w": _Exploit(marker)}))
    with pytest.raises(ValueError, match=WEIGHTS_FILE):
        load_model(tmp_path / "m")
    assert not marker.exists()


def test_torch_save_checkpoint_is_rejected(tmp_path):
    save_model(tmp_path, {"w": torch.ones(2)}, {})
    torch.save({"w": torch.ones(2)}, tmp_path / WEIGHTS_FILE)
    with pytest.raises(ValueError, match="does not match the checksum"):
        load_model(tmp_path)
    meta_path = tmp_path / METADATA_FILE  # a format-1 folder: no checksums to catch it
    meta = json.loads(meta_path.read_text())
    del meta["checksums"]
    meta_path.write_text(json.dumps(meta))
    with pytest.raises(ValueError, match="not a valid safetensors file"):
        load_model(tmp_path)


def test_truncated_weights_and_corrupt_json_are_value_errors(tmp_path):
    save_model(tmp_path, {"w": torch.ones(100)}, {})
    weights = tmp_path / WEIGHTS_FILE
    weights.write_bytes(weights.read_bytes()[:-50])
    with pytest.raises(ValueError, match=WEIGHTS_FILE):
        load_model(tmp_path)
    (tmp_path / CONFIG_FILE).write_text("{not json")
    with pytest.raises(ValueError, match=CONFIG_FILE):
        load_model(tmp_path)
    (tmp_path / CONFIG_FILE).write_text("[1, 2]")
    with pytest.raises(ValueError, match="JSON object"):
        load_model(tmp_path)


def test_metadata_is_optional_but_newer_formats_are_refused(tmp_path):
    save_model(tmp_path, {"w": torch.ones(2)}, {})
    meta_path = tmp_path / METADATA_FILE
    meta = json.loads(meta_path.read_text())
    meta["format_version"] = FORMAT_VERSION + 1
    meta_path.write_text(json.dumps(meta))
    with pytest.raises(ValueError, match="format_version"):
        load_model(tmp_path)
    meta_path.unlink()
    assert load_model(tmp_path)[2] == {}


def test_load_config_rebuilds_frozen_dataclass_with_tuples(tmp_path):
    cfg = _ToyConfig(
        hidden=(64,), pair=("b", 2.0), maybe=(7,), mode="binary", inner=_Inner(width=3)
    )
    save_model(tmp_path, {"w": torch.ones(1)}, cfg)
    back = load_config(tmp_path, _ToyConfig)
    assert back == cfg
    assert isinstance(back.hidden, tuple) and isinstance(back.maybe, tuple)
    assert isinstance(back.names, list) and isinstance(back.inner, _Inner)
    assert isinstance(back.train, TrainConfig)


def test_train_config_round_trip(tmp_path):
    cfg = TrainConfig(max_epochs=7, grad_clip=None, device="cpu", seed=11)
    save_model(tmp_path, {}, cfg)
    assert load_config(tmp_path, TrainConfig) == cfg
    _, raw, _ = load_model(tmp_path)
    assert config_from_dict(raw, TrainConfig) == cfg


def test_config_from_dict_checks_class_fields_and_validation():
    with pytest.raises(ValueError, match="not a _ToyConfig"):
        config_from_dict({"class": "TrainConfig"}, _ToyConfig)
    with pytest.raises(ValueError, match="bogus"):
        config_from_dict({"bogus": 1}, TrainConfig)
    with pytest.raises(ValueError, match="max_epochs"):
        config_from_dict({"max_epochs": 0}, TrainConfig)  # TrainConfig.__post_init__
    assert config_from_dict({"lr": 0.5}, TrainConfig) == TrainConfig(lr=0.5)  # defaults fill in


def test_unserialisable_values_raise_type_errors(tmp_path):
    with pytest.raises(TypeError, match="metadata.obj"):
        save_model(tmp_path, {}, {}, {"obj": object()})
    with pytest.raises(TypeError, match="only tensors"):
        save_model(tmp_path, {"x": [1.0]}, {})  # type: ignore[dict-item]
    with pytest.raises(TypeError, match="dataclass instance or a dict"):
        save_model(tmp_path, {}, "config")


def test_metadata_numpy_paths_and_nan_become_json(tmp_path):
    import numpy as np

    save_model(
        tmp_path,
        {},
        {},
        {"a": np.float32(0.5), "arr": np.arange(3), "p": Path("x/y"), "nan": float("nan")},
    )
    meta = json.loads((tmp_path / METADATA_FILE).read_text())
    assert meta["a"] == 0.5 and meta["arr"] == [0, 1, 2] and meta["p"] == "x/y"
    assert meta["nan"] is None


def test_save_overwrites_and_leaves_no_temp_files(tmp_path):
    save_model(tmp_path, {"w": torch.zeros(2)}, {"v": 1})
    save_model(tmp_path, {"w": torch.ones(2)}, {"v": 2})
    state, config, _ = load_model(tmp_path)
    assert torch.equal(state["w"], torch.ones(2)) and config == {"v": 2}
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [CONFIG_FILE, WEIGHTS_FILE, METADATA_FILE]
    )


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")
def test_cuda_tensors_save_and_load_to_device(tmp_path):
    save_model(tmp_path, {"w": torch.ones(3, device="cuda")}, {})
    state, _, _ = load_model(tmp_path, device="cuda")
    assert state["w"].device.type == "cuda"
    assert load_model(tmp_path)[0]["w"].device.type == "cpu"


def test_a_corrupted_or_mixed_folder_is_refused_naming_the_file(tmp_path):
    """Issue #11.18: checksums in the metadata catch what the file formats cannot."""
    save_model(tmp_path / "a", {"w": torch.arange(4.0)}, {"width": 4})
    save_model(tmp_path / "b", {"w": torch.arange(4.0) + 1}, {"width": 5})
    weights = tmp_path / "a" / WEIGHTS_FILE
    data = bytearray(weights.read_bytes())
    data[-1] ^= 0xFF  # one flipped bit pattern in the last weight: still valid safetensors
    weights.write_bytes(bytes(data))
    with pytest.raises(ValueError, match=rf"{WEIGHTS_FILE} does not match the checksum"):
        load_model(tmp_path / "a")
    (tmp_path / "b" / CONFIG_FILE).write_bytes((tmp_path / "a" / CONFIG_FILE).read_bytes())
    with pytest.raises(ValueError, match=rf"{CONFIG_FILE} does not match the checksum"):
        load_model(tmp_path / "b")


def test_format_one_folders_without_checksums_still_load(tmp_path):
    save_model(tmp_path, {"w": torch.ones(2)}, {})
    meta_path = tmp_path / METADATA_FILE
    meta = json.loads(meta_path.read_text())
    assert set(meta["checksums"]) == {CONFIG_FILE, WEIGHTS_FILE}
    del meta["checksums"]
    meta["format_version"] = 1
    meta_path.write_text(json.dumps(meta))
    assert torch.equal(load_model(tmp_path)[0]["w"], torch.ones(2))
