"""Training runs kept on disk, so a reload or a restarted server finds them (issue #27).

A run is one wing's result for one dataset: its tables (Parquet) and arrays (``.npy``, no
pickle) with a ``run.json`` holding what identifies it (wing, dataset fingerprint, settings,
seed), when it was made, its headline metric and the SHA-256 of every file. Its id is a hash of
wing, dataset, settings and seed, so training again with the same settings replaces the run and
another seed or setting adds one. Every file lives under one folder (``$PERSPECTIVES_CACHE_DIR/
runs`` by default); files are written whole or not at all, read back only when their checksums
match, and the oldest runs are deleted when the folder passes its size cap. Torch-free.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from engines.core.files import sha256, write_atomic
from engines.paths import default_runs_dir

__all__ = ["DEFAULT_MAX_BYTES", "RunRecord", "RunStore", "run_id", "seedless"]

DEFAULT_MAX_BYTES = 2_000_000_000
"""The folder's size cap (2 GB) unless the store is given another."""

_META = "run.json"
_MODELS = "models"
_CAP = "cap.json"


def run_id(wing: str, dataset: str, settings: dict[str, Any], seed: int) -> str:
    """The id of a run: the same wing, dataset, settings and seed give the same id."""
    key = json.dumps([wing, dataset, settings, int(seed)], sort_keys=True, default=str)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def seedless(config: Any) -> dict[str, Any]:
    """A config dataclass as the settings of a run, its seeds left out.

    Every ``seed`` field goes, at the top and in nested configs: a run's seed is its own field.
    """

    def drop(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: drop(v) for k, v in value.items() if k != "seed"}
        return value

    return drop(dataclasses.asdict(config))


@dataclass(frozen=True)
class RunRecord:
    """What the run history shows of one run."""

    run_id: str
    wing: str
    dataset: str
    """The dataset's fingerprint."""
    created: str
    """ISO time (UTC) the run was saved."""
    settings: dict[str, Any]
    seed: int
    headline: dict[str, float]
    """The wing's headline metrics (e.g. ``{"mae": 0.75}``)."""
    size_bytes: int
    info: dict[str, Any] = field(default_factory=dict)
    """What the wing keeps beside its tables that does not identify the run (fit times, split
    sizes)."""
    dataset_name: str = ""
    """The dataset's name as the app showed it (for the Data page's list of every run)."""


class RunStore:
    """Runs under ``root``; nothing is written outside it.

    Args:
        root: the folder (default ``$PERSPECTIVES_RUNS_DIR``, else ``runs`` in the app's cache:
            ``$PERSPECTIVES_CACHE_DIR`` or the user cache).
        max_bytes: the size cap; saving past it deletes the oldest other runs (default: the
            cap last set with :meth:`set_cap` for this folder, else :data:`DEFAULT_MAX_BYTES`).
    """

    def __init__(self, root: str | Path | None = None, max_bytes: int | None = None) -> None:
        if root is None:
            root = default_runs_dir()
        self.root = Path(root)
        if max_bytes is None:
            try:
                kept = json.loads((self.root / _CAP).read_text(encoding="utf-8"))["max_bytes"]
                max_bytes = int(kept)
            except (OSError, ValueError, KeyError, TypeError):
                max_bytes = DEFAULT_MAX_BYTES
        self.max_bytes = int(max_bytes)

    def set_cap(self, max_bytes: int) -> None:
        """Keep ``max_bytes`` as this folder's cap (for later stores too) and apply it now."""
        if int(max_bytes) < 1:
            raise ValueError(f"The size cap must be positive, got {max_bytes}.")
        self.max_bytes = int(max_bytes)
        self.root.mkdir(parents=True, exist_ok=True)
        write_atomic(self.root / _CAP, json.dumps({"max_bytes": self.max_bytes}).encode())
        self._enforce_cap(keep=None)

    def save(
        self,
        wing: str,
        dataset: str,
        settings: dict[str, Any],
        seed: int,
        tables: dict[str, pd.DataFrame],
        arrays: dict[str, np.ndarray] | None = None,
        headline: dict[str, float] | None = None,
        models: dict[str, Callable[[Path], object]] | None = None,
        info: dict[str, Any] | None = None,
        dataset_name: str = "",
    ) -> RunRecord:
        """Keep a run (replacing one with the same wing, dataset, settings and seed).

        ``models``: name -> a function writing a fitted model into the folder it is given
        (e.g. ``DemMoE.save``); :meth:`model_dir` finds it again. Every file it writes is
        checksummed with the rest.
        """
        rid = run_id(wing, dataset, settings, seed)
        folder = self.root / rid
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        names = []
        for name, table in tables.items():
            names.append(f"{_safe(name)}.parquet")
            write_atomic(folder / names[-1], writer=lambda tmp, t=table: t.to_parquet(tmp))
        for name, array in (arrays or {}).items():
            names.append(f"{_safe(name)}.npy")
            write_atomic(folder / names[-1], writer=lambda tmp, a=array: _save_npy(tmp, a))
        for name, write in (models or {}).items():
            write(folder / _MODELS / _safe(name))
            names += sorted(
                p.relative_to(folder).as_posix()
                for p in (folder / _MODELS / _safe(name)).rglob("*")
                if p.is_file()
            )
        size = sum((folder / n).stat().st_size for n in names)
        meta = {
            "run_id": rid, "wing": wing, "dataset": dataset,
            "created": datetime.now(UTC).isoformat(timespec="microseconds"),
            "settings": settings, "seed": int(seed), "headline": dict(headline or {}),
            "size_bytes": size, "checksums": {n: sha256(folder / n) for n in names},
            "info": dict(info or {}), "dataset_name": dataset_name,
        }  # fmt: skip
        write_atomic(folder / _META, json.dumps(meta, indent=1, default=str).encode("utf-8"))
        self._enforce_cap(keep=rid)
        return _record(meta)

    def runs(self, wing: str | None = None, dataset: str | None = None) -> list[RunRecord]:
        """The kept runs, newest first (of one wing and dataset when given)."""
        out = []
        for meta_path in self.root.glob(f"*/{_META}") if self.root.is_dir() else []:
            try:
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue  # a run being written or damaged: not listed
            if (wing is None or meta.get("wing") == wing) and (
                dataset is None or meta.get("dataset") == dataset
            ):
                out.append(_record(meta))
        return sorted(out, key=lambda r: (r.created, r.run_id), reverse=True)

    def load(self, rid: str) -> tuple[dict[str, pd.DataFrame], dict[str, np.ndarray]]:
        """A run's tables and arrays, each file checked against its recorded checksum.

        Raises:
            FileNotFoundError: no such run.
            ValueError: a file differs from what was saved (named in the message).
        """
        folder = self.root / rid
        meta_path = folder / _META
        if not meta_path.is_file():
            raise FileNotFoundError(f"No kept run {rid!r} under {self.root}.")
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        tables, arrays = {}, {}
        for name, digest in meta["checksums"].items():
            path = folder / name
            if not path.is_file() or sha256(path) != digest:
                raise ValueError(
                    f"{path} does not match the checksum recorded when the run was saved: the "
                    "file is damaged or was changed. Delete the run and train again."
                )
            stem = name.rsplit(".", 1)[0]
            if name.startswith(f"{_MODELS}/"):
                continue  # checked here, read by the wing (model_dir)
            if name.endswith(".parquet"):
                tables[stem] = pd.read_parquet(path)
            else:
                arrays[stem] = np.load(path, allow_pickle=False)
        return tables, arrays

    def load_run(
        self, rid: str
    ) -> tuple[dict[str, pd.DataFrame], dict[str, np.ndarray], dict[str, Any]]:
        """A run's tables, arrays (both checked, see :meth:`load`) and its ``info``."""
        tables, arrays = self.load(rid)
        record = self.record(rid)
        return tables, arrays, record.info if record is not None else {}

    def model_dir(self, rid: str, name: str) -> Path | None:
        """The folder a run's model ``name`` was saved into (None when it has none).

        Read it only after :meth:`load`, which checks every file's checksum.
        """
        folder = self.root / rid / _MODELS / _safe(name)
        return folder if folder.is_dir() else None

    def record(self, rid: str) -> RunRecord | None:
        """One run's record (None for an unknown or damaged run)."""
        try:
            return _record(json.loads((self.root / rid / _META).read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError):
            return None

    def delete(self, rid: str) -> None:
        """Remove one run (nothing happens for an unknown id)."""
        folder = self.root / rid
        if folder.is_dir() and folder.parent == self.root:
            shutil.rmtree(folder)

    def total_bytes(self) -> int:
        """What the kept runs take on disk."""
        return sum(r.size_bytes for r in self.runs())

    def _enforce_cap(self, keep: str | None) -> None:
        runs = self.runs()
        total = sum(r.size_bytes for r in runs)
        for r in reversed(runs):  # oldest first
            if total <= self.max_bytes:
                break
            if r.run_id != keep:
                self.delete(r.run_id)
                total -= r.size_bytes


def _safe(name: str) -> str:
    """A table name as a file name (letters, digits, ``_`` and ``-``)."""
    cleaned = "".join(c if c.isalnum() or c in "_-" else "_" for c in name)
    if not cleaned:
        raise ValueError(f"{name!r} cannot name a table of a run")
    return cleaned


def _save_npy(path: str, array: np.ndarray) -> None:
    with open(path, "wb") as fh:
        np.save(fh, np.asarray(array), allow_pickle=False)


def _record(meta: dict[str, Any]) -> RunRecord:
    return RunRecord(
        run_id=meta["run_id"], wing=meta["wing"], dataset=meta["dataset"],
        created=meta["created"], settings=meta["settings"], seed=int(meta["seed"]),
        headline=meta.get("headline", {}), size_bytes=int(meta.get("size_bytes", 0)),
        info=meta.get("info", {}), dataset_name=meta.get("dataset_name", ""),
    )  # fmt: skip
