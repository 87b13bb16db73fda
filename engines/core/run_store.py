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

import hashlib
import json
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from engines.core.files import sha256, write_atomic
from engines.paths import default_cache_dir

__all__ = ["DEFAULT_MAX_BYTES", "RunRecord", "RunStore", "run_id"]

DEFAULT_MAX_BYTES = 2 * 1024**3
"""The folder's size cap (2 GiB) unless the store is given another."""

_META = "run.json"


def run_id(wing: str, dataset: str, settings: dict[str, Any], seed: int) -> str:
    """The id of a run: the same wing, dataset, settings and seed give the same id."""
    key = json.dumps([wing, dataset, settings, int(seed)], sort_keys=True, default=str)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


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


class RunStore:
    """Runs under ``root``; nothing is written outside it.

    Args:
        root: the folder (default ``$PERSPECTIVES_CACHE_DIR/runs`` or the user cache's).
        max_bytes: the size cap; saving past it deletes the oldest other runs.
    """

    def __init__(self, root: str | Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        if root is None:
            root = default_cache_dir() / "runs"
        self.root = Path(root)
        self.max_bytes = int(max_bytes)

    def save(
        self,
        wing: str,
        dataset: str,
        settings: dict[str, Any],
        seed: int,
        tables: dict[str, pd.DataFrame],
        arrays: dict[str, np.ndarray] | None = None,
        headline: dict[str, float] | None = None,
    ) -> RunRecord:
        """Keep a run (replacing one with the same wing, dataset, settings and seed)."""
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
        size = sum((folder / n).stat().st_size for n in names)
        meta = {
            "run_id": rid, "wing": wing, "dataset": dataset,
            "created": datetime.now(UTC).isoformat(timespec="microseconds"),
            "settings": settings, "seed": int(seed), "headline": dict(headline or {}),
            "size_bytes": size, "checksums": {n: sha256(folder / n) for n in names},
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
            if name.endswith(".parquet"):
                tables[stem] = pd.read_parquet(path)
            else:
                arrays[stem] = np.load(path, allow_pickle=False)
        return tables, arrays

    def delete(self, rid: str) -> None:
        """Remove one run (nothing happens for an unknown id)."""
        folder = self.root / rid
        if folder.is_dir() and folder.parent == self.root:
            shutil.rmtree(folder)

    def total_bytes(self) -> int:
        """What the kept runs take on disk."""
        return sum(r.size_bytes for r in self.runs())

    def _enforce_cap(self, keep: str) -> None:
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
    )  # fmt: skip
