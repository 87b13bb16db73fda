"""Save and load fitted models without pickle.

A saved model is a directory with three files (the sentence-transformers layout: config beside
weights):

- ``config.json``: the engine's config dataclass as plain JSON (``asdict``), plus a ``"class"``
  field naming the config class, so it can be rebuilt with :func:`load_config`.
- ``model.safetensors``: the state dict, written with ``safetensors.torch.save_file``. Loading it
  cannot execute code, unlike ``torch.load`` on a pickle.
- ``metadata.json``: anything small the engine wants to keep (classes, label scale, history,
  annotator ids), plus ``format_version``, the torch version, the UTC creation time and the
  SHA-256 of the other two files (format 2), so that a corrupted folder, or one whose files
  come from different saves, is refused with the name of the file at fault.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
from collections.abc import Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

import torch
from torch import Tensor

from engines.core.config_io import CLASS_KEY, config_from_dict
from engines.core.files import sha256, write_atomic

__all__ = [
    "CONFIG_FILE",
    "FORMAT_VERSION",
    "METADATA_FILE",
    "WEIGHTS_FILE",
    "load_config",
    "load_model",
    "save_model",
]

FORMAT_VERSION = 2
"""1: no checksums; 2: ``checksums`` (SHA-256 of config and weights) in the metadata."""
CONFIG_FILE = "config.json"
WEIGHTS_FILE = "model.safetensors"
METADATA_FILE = "metadata.json"

T = TypeVar("T")


def _jsonable(value: Any, where: str) -> Any:
    """Convert ``value`` into JSON-native types, or raise a TypeError naming ``where``."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        # NaN/inf are not valid JSON (other readers reject them); store null instead.
        return value if math.isfinite(value) else None
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _jsonable(dataclasses.asdict(value), where)
    if isinstance(value, Mapping):
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise TypeError(f"{where}: key {k!r} is not a string; JSON needs string keys.")
            out[k] = _jsonable(v, f"{where}.{k}")
        return out
    if isinstance(value, (list, tuple)):
        return [_jsonable(v, f"{where}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if hasattr(value, "tolist") and callable(value.tolist):  # numpy / torch scalars and arrays
        return _jsonable(value.tolist(), where)
    raise TypeError(f"{where} is a {type(value).__name__}, which cannot be written as JSON.")


def _json_bytes(obj: Any) -> bytes:
    return (json.dumps(obj, indent=2, sort_keys=False, allow_nan=False) + "\n").encode("utf-8")


def _cpu_state(state_dict: Mapping[str, Tensor]) -> dict[str, Tensor]:
    """Detached, contiguous CPU copies; copying also un-shares tied/viewed storage."""
    out: dict[str, Tensor] = {}
    for name, tensor in state_dict.items():
        if not isinstance(name, str):
            raise TypeError(f"state_dict key {name!r} is not a string.")
        if not isinstance(tensor, Tensor):
            raise TypeError(
                f"state_dict[{name!r}] is a {type(tensor).__name__}; only tensors can be saved "
                "(put other values in metadata)."
            )
        # clone(): safetensors refuses tensors that share memory (tied weights, views of one
        # buffer); a private contiguous copy per name is always accepted.
        out[name] = tensor.detach().to("cpu").clone(memory_format=torch.contiguous_format)
    return out


def save_model(
    directory: str | os.PathLike[str],
    state_dict: Mapping[str, Tensor],
    config: object,
    metadata: dict[str, Any] | None = None,
) -> Path:
    """Write ``config.json``, ``model.safetensors`` and ``metadata.json`` into ``directory``.

    Args:
        directory: Target directory; created (with parents) when missing. Existing files of
            the same names are replaced atomically.
        state_dict: Tensor name -> tensor (any device; saved as contiguous CPU copies).
        config: A config dataclass instance (stored via ``asdict`` plus ``"class"``) or a dict.
        metadata: Small JSON-serialisable extras (numpy values become lists/numbers, paths
            strings, NaN/inf ``null``). ``format_version``, ``torch_version`` and
            ``created_utc`` are added (and take precedence over the same keys here).

    Returns:
        The directory path.

    Raises:
        TypeError: A config/metadata value is not JSON-serialisable or a state entry is not a
            tensor.
    """
    from safetensors.torch import save_file

    path = Path(directory)
    if dataclasses.is_dataclass(config) and not isinstance(config, type):
        config_json = _jsonable(dataclasses.asdict(config), "config")
        config_json[CLASS_KEY] = type(config).__name__
    elif isinstance(config, Mapping):
        config_json = _jsonable(dict(config), "config")
    else:
        raise TypeError(f"config must be a dataclass instance or a dict, got {type(config)}.")
    meta_json = _jsonable(dict(metadata or {}), "metadata")
    meta_json.update(
        format_version=FORMAT_VERSION,
        torch_version=torch.__version__,
        created_utc=datetime.now(timezone.utc).isoformat(timespec="seconds"),
    )
    tensors = _cpu_state(state_dict)

    path.mkdir(parents=True, exist_ok=True)
    write_atomic(path / CONFIG_FILE, _json_bytes(config_json))
    write_atomic(
        path / WEIGHTS_FILE, writer=lambda tmp: save_file(tensors, tmp, metadata={"format": "pt"})
    )
    meta_json["checksums"] = {name: sha256(path / name) for name in (CONFIG_FILE, WEIGHTS_FILE)}
    write_atomic(path / METADATA_FILE, _json_bytes(meta_json))
    return path


def _check_sums(path: Path, metadata: Mapping[str, Any]) -> None:
    """Refuse files whose SHA-256 differs from the one recorded when the model was saved."""
    sums = metadata.get("checksums")
    if sums is None:
        return  # format 1 folders carry no checksums
    for name in (CONFIG_FILE, WEIGHTS_FILE):
        if not isinstance(sums, Mapping) or sums.get(name) != sha256(path / name):
            raise ValueError(
                f"{path / name} does not match the checksum recorded in {METADATA_FILE} when "
                "the model was saved: the file is corrupted or comes from another save. "
                "Save the model again."
            )


def _read_json(path: Path, required: bool) -> dict[str, Any]:
    if not path.is_file():
        if required:
            raise FileNotFoundError(f"Saved model is incomplete: {path} is missing.")
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path} is not valid JSON ({exc}).") from exc
    if not isinstance(data, dict):
        raise ValueError(f"{path} must hold a JSON object, found {type(data).__name__}.")
    return data


def load_model(
    directory: str | os.PathLike[str], device: str | torch.device = "cpu"
) -> tuple[dict[str, Tensor], dict[str, Any], dict[str, Any]]:
    """Read a directory written by :func:`save_model` (safetensors + JSON; never pickle).

    Args:
        directory: The saved-model directory.
        device: Where to put the tensors.

    Returns:
        ``(state_dict, config, metadata)``; ``config`` still holds the ``"class"`` key (use
        :func:`config_from_dict` or :func:`load_config` to rebuild the dataclass);
        ``metadata`` is empty when ``metadata.json`` is absent.

    Raises:
        FileNotFoundError: The directory, ``config.json`` or ``model.safetensors`` is missing.
        ValueError: A file is corrupt or does not match its recorded checksum, or the model
            was saved by a newer format version.
    """
    from safetensors.torch import load_file

    path = Path(directory)
    if not path.is_dir():
        raise FileNotFoundError(f"No saved model at {path}: directory not found.")
    config = _read_json(path / CONFIG_FILE, required=True)
    weights = path / WEIGHTS_FILE
    if not weights.is_file():
        raise FileNotFoundError(f"Saved model is incomplete: {weights} is missing.")
    metadata = _read_json(path / METADATA_FILE, required=False)
    version = metadata.get("format_version", FORMAT_VERSION)
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise ValueError(
            f"{path / METADATA_FILE} has format_version {version!r}; this version of the app "
            f"reads format_version <= {FORMAT_VERSION}. Upgrade the app to load it."
        )
    _check_sums(path, metadata)
    try:
        # safetensors parses a JSON header + raw buffers; foreign bytes (e.g. a pickle) fail
        # the header check and nothing is executed.
        state = load_file(weights, device=str(device))
    except Exception as exc:  # SafetensorError, OSError, ...: all mean "unreadable weights"
        raise ValueError(f"{weights} is not a valid safetensors file ({exc}).") from exc
    return state, config, metadata


def load_config(directory: str | os.PathLike[str], cls: type[T]) -> T:
    """Read ``config.json`` from a saved-model directory and rebuild the dataclass ``cls``.

    Args:
        directory: The saved-model directory.
        cls: The config dataclass (frozen or not).

    Returns:
        The rebuilt config.

    Raises:
        FileNotFoundError: ``config.json`` is missing.
        ValueError: The file is corrupt or does not match ``cls``.
    """
    return config_from_dict(_read_json(Path(directory) / CONFIG_FILE, required=True), cls)
