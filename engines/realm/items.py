"""What REALM's classifier reads of an item: a frozen embedding or a fine-tuned encoder.

Both are modules mapping item rows ``[B]`` to representations ``[B, d]``:

* :class:`FrozenItems`: the precomputed sentence embeddings (a buffer; the default, seconds on
  a CPU);
* :class:`FineTunedItems`: a transformer (by default the bundled all-MiniLM-L6-v2) over the
  items' pre-tokenised texts, mean-pooled, trained with the classifier (the realm seed
  fine-tunes its encoder end to end). Each batch encodes its distinct items once. On CUDA it
  runs under bf16 autocast. On a CPU it is slow: measured 16 s per 1,000 item passes (forward
  and backward) of the sample's short texts (about 20 tokens) on two threads, growing with
  text length, so about 90 s per epoch per classifier on the sample's 6,120 annotations; it
  suits a GPU or a small dataset.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

import numpy as np
import torch
from torch import Tensor, nn

from engines.text.encoders import DEFAULT_MODEL
from engines.text.transformer import load_transformer, pool

__all__ = ["FineTunedItems", "FrozenItems"]


class FrozenItems(nn.Module):
    """Item rows -> their precomputed embeddings (``[n_items, d]``, not trained)."""

    def __init__(self, vectors: Tensor):
        super().__init__()
        self.register_buffer("vectors", torch.as_tensor(vectors).float())

    @property
    def dim(self) -> int:
        """Width ``d`` of a representation."""
        return int(self.vectors.shape[1])

    def forward(self, item: Tensor) -> Tensor:
        """``[B, d]`` embeddings of the items ``[B]``."""
        return self.vectors[item]


class FineTunedItems(nn.Module):
    """Item rows -> mean-pooled token states of a transformer that trains with the classifier.

    Args:
        texts: The item texts, one per item row.
        model: ``DEFAULT_MODEL`` (the bundled MiniLM) or a local transformers folder.
        max_length: Tokens per item (longer texts are truncated).
        amp: bf16 autocast on CUDA.
    """

    def __init__(
        self,
        texts: Sequence[str],
        model: str = DEFAULT_MODEL,
        max_length: int = 64,
        amp: bool = True,
    ):
        super().__init__()
        tokenizer, self.encoder = load_transformer(model)
        tokenizer.padding_side = "right"
        enc = tokenizer([str(t) for t in texts], truncation=True, max_length=max_length,
                        padding="longest")  # fmt: skip
        self.register_buffer("ids", torch.from_numpy(np.asarray(enc["input_ids"], np.int64)))
        self.register_buffer("mask", torch.from_numpy(np.asarray(enc["attention_mask"], bool)))
        self.amp = amp

    @property
    def dim(self) -> int:
        """Width ``d`` of a representation (the transformer's hidden size)."""
        return int(self.encoder.config.hidden_size)

    def forward(self, item: Tensor) -> Tensor:
        """``[B, d]`` pooled states of the items ``[B]`` (distinct items encoded once)."""
        rows, inverse = torch.unique(item, return_inverse=True)
        mask = self.mask[rows]
        width = int(mask.sum(1).max().clamp(min=1))  # right padding: trim per batch
        ids, mask = self.ids[rows, :width], mask[:, :width]
        amp = self.amp and ids.device.type == "cuda"
        with torch.autocast("cuda", dtype=torch.bfloat16) if amp else contextlib.nullcontext():
            states = self.encoder(input_ids=ids, attention_mask=mask.long()).last_hidden_state
        return pool(states.float(), mask)[inverse]
