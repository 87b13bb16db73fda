"""The one route from a dataset to item embeddings: item table -> embedder -> vectors.

Every engine, page, CLI command and benchmark embeds items through :func:`embed_items`, so
the order of items (sorted by id) and the use of the disk cache are the same everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from engines.data.schema import ITEM_ID, TEXT, AnnotationDataset

if TYPE_CHECKING:
    from engines.text.cache import EmbeddingCache
    from engines.text.encoders import TextEncoder

__all__ = ["Embedder", "ItemEmbeddings", "embed_items", "embed_with", "item_table"]

Embedder = Callable[[Sequence[str]], np.ndarray]
"""``embed(texts) -> float32 [len(texts), d]``."""


@dataclass(frozen=True)
class ItemEmbeddings:
    """Item ids and their embeddings, row ``k`` of ``vectors`` belonging to ``item_ids[k]``.

    Attributes:
        item_ids: Item ids as strings, sorted.
        vectors: ``float32 [n_items, d]``.
    """

    item_ids: list[str]
    vectors: np.ndarray


def embed_with(encoder: TextEncoder, cache: EmbeddingCache | None = None) -> Embedder:
    """An embedding function over ``encoder``, through the disk cache when one is given."""

    def embed(texts: Sequence[str]) -> np.ndarray:
        # Single texts (live profile edits) skip the disk cache: nothing worth keeping.
        if cache is not None and len(texts) > 1:
            return cache.encode(encoder, list(texts))
        return encoder.encode(list(texts))

    return embed


def item_table(ds: AnnotationDataset) -> pd.DataFrame:
    """``item_id, text`` of every item in a fixed order (sorted by id)."""
    return ds.items()[[ITEM_ID, TEXT]].sort_values(ITEM_ID, ignore_index=True)


def embed_items(ds: AnnotationDataset, embed: Embedder) -> ItemEmbeddings:
    """Embed every item text of ``ds`` once, in :func:`item_table` order."""
    items = item_table(ds)
    vectors = np.asarray(embed(items[TEXT].tolist()), dtype=np.float32)
    return ItemEmbeddings(items[ITEM_ID].astype(str).tolist(), vectors)
