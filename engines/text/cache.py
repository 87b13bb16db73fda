"""The on-disk embedding cache: a dataset is encoded once, re-opening it costs a file read.

Vectors are keyed by (encoder id, text hash), in one folder per encoder under
:func:`default_cache_dir`. New vectors are appended as ``.npz`` shards renamed into place
atomically, so concurrent sessions never corrupt each other. A shard that cannot be read
(truncated, corrupted, wrong shapes, NaN) is set aside with a note and its texts are encoded
again; a folder that cannot be written keeps new vectors in memory for the session (with a
note). Folders are created private to the user (0700) and shards readable by the user only
(0600), so another account cannot read a dataset's texts' embeddings.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
import uuid
import warnings
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from engines.paths import default_cache_dir
from engines.text.encoders import ENCODE_STEP, TextEncoder

if TYPE_CHECKING:  # engines.core loads torch; only the protocol's name is needed here
    from engines.core.progress import Progress

__all__ = ["EmbeddingCache", "default_cache_dir", "text_key"]


def text_key(encoder_id: str, text: str) -> bytes:
    """The 20-byte cache key of one text under one encoder."""
    return hashlib.sha1(f"{encoder_id}\x00{text}".encode()).digest()


class EmbeddingCache:
    """Append-only on-disk store of embeddings, one folder per encoder.

    New vectors are written as a new ``.npz`` shard (atomic rename), so concurrent sessions
    never corrupt each other; the index of all shards is kept in memory.

    Args:
        directory: Where the shards live (default: ``default_cache_dir() / "embeddings"``).
    """

    def __init__(self, directory: str | Path | None = None):
        self.directory = Path(directory) if directory else default_cache_dir() / "embeddings"
        self._index: dict[str, dict[bytes, NDArray[np.float32]]] = {}
        self._seen_shards: dict[str, set[str]] = {}
        self._lock = threading.Lock()
        self.notes: list[str] = []
        """What went wrong with the folder (unreadable shards, no write access), for display."""
        self.in_memory = False
        """True once the folder could not be written: new vectors live for the session only."""

    def _folder(self, encoder_id: str) -> Path:
        return self.directory / hashlib.sha1(encoder_id.encode()).hexdigest()[:16]

    def _refresh(self, encoder_id: str) -> dict[bytes, NDArray[np.float32]]:
        index = self._index.setdefault(encoder_id, {})
        seen = self._seen_shards.setdefault(encoder_id, set())
        folder = self._folder(encoder_id)
        if folder.exists():
            for shard in sorted(folder.glob("shard-*.npz")):
                if shard.name in seen:
                    continue
                seen.add(shard.name)
                loaded = self._read_shard(shard)
                if loaded is not None:
                    # keys are stored as a uint8 [n, 20] matrix: numpy's bytes dtype would strip
                    # trailing NUL bytes from digests.
                    index.update(zip((k.tobytes() for k in loaded[0]), loaded[1]))
        return index

    def encode(
        self,
        encoder: TextEncoder,
        texts: Sequence[str],
        progress: Progress | None = None,
    ) -> NDArray[np.float32]:
        """Return embeddings for ``texts`` (row i for texts[i]), encoding only unseen texts.

        ``progress`` follows the encoder over the unseen texts; when every text is cached it
        is told once that all of them are done.
        """
        texts = [str(t) for t in texts]
        eid = encoder.id
        keys = [text_key(eid, t) for t in texts]
        with self._lock:
            index = self._refresh(eid)
            missing: dict[bytes, str] = {}
            for k, t in zip(keys, texts):
                if k not in index and k not in missing:
                    missing[k] = t
        if missing:
            vecs = encoder.encode(list(missing.values()), progress=progress)
            with self._lock:
                self._write_shard(eid, list(missing.keys()), vecs)
                index.update(zip(missing.keys(), vecs))
        elif progress is not None:
            progress(len(texts), len(texts), ENCODE_STEP)
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([index[k] for k in keys]).astype(np.float32, copy=False)

    def _read_shard(self, shard: Path) -> tuple[NDArray[np.uint8], NDArray[np.float32]] | None:
        """A shard's keys and vectors, or None (shard set aside, with a note) when unreadable."""
        try:
            with np.load(shard, allow_pickle=False) as z:
                keys, vecs = np.asarray(z["keys"]), np.asarray(z["vectors"])
            ok = (
                keys.dtype == np.uint8 and keys.ndim == 2 and keys.shape[1] == 20
                and vecs.ndim == 2 and len(vecs) == len(keys) and np.isfinite(vecs).all()
            )  # fmt: skip
            problem = None if ok else "wrong shapes or non-finite values"
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as exc:
            problem = type(exc).__name__
        if problem is None:
            return keys, vecs.astype(np.float32, copy=False)
        self._note(f"Cached embeddings in {shard.name} could not be used ({problem}); set "
                   "aside and encoded again.")  # fmt: skip
        try:
            shard.rename(shard.with_name(f".bad-{shard.name}"))
        except OSError:
            pass
        return None

    def _note(self, message: str) -> None:
        self.notes.append(message)
        warnings.warn(message, stacklevel=3)

    def _write_shard(self, encoder_id: str, keys: list[bytes], vecs: NDArray[np.float32]) -> None:
        if self.in_memory:
            return
        folder = self._folder(encoder_id)
        name = f"shard-{time.time_ns()}-{uuid.uuid4().hex[:8]}.npz"
        tmp = folder / f".{name}.tmp"
        try:
            self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
            folder.mkdir(exist_ok=True, mode=0o700)
            (folder / "encoder_id.txt").write_text(encoder_id)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as fh:
                key_mat = np.frombuffer(b"".join(keys), dtype=np.uint8).reshape(len(keys), 20)
                np.savez(fh, keys=key_mat, vectors=np.asarray(vecs, np.float32))
            tmp.rename(folder / name)
        except OSError as exc:
            self.in_memory = True
            self._note(f"The embedding cache folder {self.directory} cannot be written "
                       f"({type(exc).__name__}); embeddings are kept in memory for this "
                       "session only.")  # fmt: skip
            return
        self._seen_shards.setdefault(encoder_id, set()).add(name)

    def clear(self) -> None:
        """Delete every cached embedding (all encoders)."""
        import shutil

        with self._lock:
            shutil.rmtree(self.directory, ignore_errors=True)
            self._index.clear()
            self._seen_shards.clear()
