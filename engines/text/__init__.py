"""Text wing: text encoders, the on-disk embedding cache and the route from items to vectors.

:func:`make_encoder` builds a :class:`TextEncoder` from a config string (the bundled MiniLM, a
local model folder or the hashing stand-in); :class:`EmbeddingCache` keeps its vectors on disk;
:func:`embed_items` embeds a dataset's items through :func:`embed_with`. The optional LLM
backends live in :mod:`engines.text.llm` and are not imported here.

Importing this package loads neither torch nor sentence-transformers: the encoders import them
when they first encode.
"""

from engines.text.cache import EmbeddingCache, default_cache_dir, text_key
from engines.text.embed import Embedder, ItemEmbeddings, embed_items, embed_with, item_table
from engines.text.encoders import (
    DEFAULT_MODEL,
    ENCODE_STEP,
    HashingEncoder,
    SentenceTransformerEncoder,
    TextEncoder,
    bundled_model_path,
    make_encoder,
)

__all__ = [
    "DEFAULT_MODEL",
    "ENCODE_STEP",
    "Embedder",
    "EmbeddingCache",
    "HashingEncoder",
    "ItemEmbeddings",
    "SentenceTransformerEncoder",
    "TextEncoder",
    "bundled_model_path",
    "default_cache_dir",
    "embed_items",
    "embed_with",
    "item_table",
    "make_encoder",
    "text_key",
]
