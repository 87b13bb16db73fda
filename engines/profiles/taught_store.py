"""The statement decoder's phase-1 weights, learned once per dataset and encoder, kept on disk.

Teaching the edit curriculum takes about a minute and depends only on the items' embeddings,
the curriculum and its settings, so :class:`TaughtStore` keeps the weights under the cache
directory (``<cache>/curricula/<key>/``, written by :func:`engines.core.persistence.save_model`:
safetensors + JSON with checksums). A new process that opens the same dataset with the same
encoder reads them back instead of teaching again; an entry that fails its checksum is taught
again (and replaced), never loaded.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator, MutableMapping
from pathlib import Path

import numpy as np

from engines.core.persistence import load_model, save_model

__all__ = ["TaughtStore"]


class TaughtStore(MutableMapping[tuple, dict]):
    """Phase-1 weights by curriculum settings, in memory and in ``directory`` (None: memory only).

    Args:
        directory: Where entries are written (one folder per key and item embeddings).
        item_emb: The items' embeddings the weights were taught on (part of every key).
    """

    def __init__(self, directory: str | Path | None, item_emb: np.ndarray) -> None:
        self.directory = None if directory is None else Path(directory)
        self._salt = hashlib.sha256(np.ascontiguousarray(item_emb, np.float32).tobytes()).digest()
        self._memory: dict[tuple, dict] = {}
        self.reused: set[tuple] = set()
        """Keys read back from disk by this store (the page says so)."""

    def path(self, key: tuple) -> Path | None:
        """The folder of ``key`` (None without a directory)."""
        if self.directory is None:
            return None
        digest = hashlib.sha256(self._salt + repr(key).encode()).hexdigest()[:24]
        return self.directory / f"{self._salt.hex()[:16]}-{digest}"

    def __getitem__(self, key: tuple) -> dict:
        if key in self._memory:
            return self._memory[key]
        path = self.path(key)
        if path is None or not path.is_dir():
            raise KeyError(key)
        try:
            state, _, _ = load_model(path)
        except (OSError, ValueError) as exc:  # corrupt or tampered: teach again
            raise KeyError(key) from exc
        self._memory[key] = state
        self.reused.add(key)
        return state

    def __contains__(self, key: object) -> bool:
        try:
            self[key]  # type: ignore[index]
        except KeyError:
            return False
        return True

    def __setitem__(self, key: tuple, state: dict) -> None:
        self._memory[key] = state
        path = self.path(key)
        if path is not None:
            try:
                save_model(path, state, {"key": repr(key)}, {"what": "edit curriculum weights"})
            except OSError:  # a read-only cache: the weights stay in memory
                pass

    def __delitem__(self, key: tuple) -> None:
        self._memory.pop(key, None)
        path = self.path(key)
        if path is not None and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)

    def __iter__(self) -> Iterator[tuple]:
        return iter(self._memory)

    def __len__(self) -> int:
        return len(self._memory)

    def forget(self) -> None:
        """Drop every entry of these items, in memory and on disk ("retrain")."""
        self._memory.clear()
        self.reused.clear()
        if self.directory is not None and self.directory.is_dir():
            for path in self.directory.glob(f"{self._salt.hex()[:16]}-*"):
                shutil.rmtree(path, ignore_errors=True)
