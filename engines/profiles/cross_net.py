"""The cross-encoder's torch maths and tokenising: (profile, item) pairs -> class logits.

A pair ``(profile text, item text)`` is tokenised as a sentence pair; every token gets a
segment code (profile, item, special or padding). The transformer attends across both texts
and its token states are mean-pooled per segment into ``e_item`` (item tokens, which now
depend on the profile) and ``e_repr`` (profile tokens; the empty profile pools to the zero
vector). These feed the shared :class:`~engines.profiles.net.DecoderNet` head.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import Any

import numpy as np
import torch
from torch import Tensor, nn

from engines.profiles.net import DecoderNet
from engines.text.transformer import offline, pool

__all__ = ["ITEM", "PAD", "PROFILE", "SPECIAL", "CrossNet", "offline", "pool", "tokenise_pairs"]

# Per-token segment codes of the pre-tokenised tensors (int8): the attention mask is seg >= 0.
PAD, PROFILE, ITEM, SPECIAL = -1, 0, 1, 2


class CrossNet(nn.Module):
    """Transformer encoder + per-segment mean pooling + a :class:`DecoderNet` head.

    Shapes: ``ids, seg, types [B, T]`` (right-padded), ``item [B]`` -> ``[B, C]``.
    """

    def __init__(
        self,
        encoder: nn.Module,
        net: DecoderNet,
        prior: Tensor | None,
        token_types: bool,
        amp: bool,
    ):
        super().__init__()
        self.encoder = encoder
        self.net = net
        self.register_buffer("prior", prior, persistent=False)
        self.token_types = token_types
        self.amp = amp

    def forward(self, ids: Tensor, seg: Tensor, types: Tensor, item: Tensor) -> Tensor:
        """Class logits (log-probabilities when ordinal) plus the item prior, per pair."""
        width = int((seg >= 0).sum(1).max().clamp(min=1))  # right padding: trim per batch
        ids, seg, types = ids[:, :width].long(), seg[:, :width], types[:, :width].long()
        kwargs = {"token_type_ids": types} if self.token_types else {}
        amp = self.amp and ids.device.type == "cuda"
        with torch.autocast("cuda", dtype=torch.bfloat16) if amp else contextlib.nullcontext():
            states = self.encoder(
                input_ids=ids, attention_mask=(seg >= 0).long(), **kwargs
            ).last_hidden_state
        states = states.float()
        e_item, e_repr = pool(states, seg == ITEM), pool(states, seg == PROFILE)
        out = self.net(e_item, e_repr)
        return out if self.prior is None else out + self.prior[item]


def tokenise_pairs(
    tokenizer: Any, profiles: Sequence[str], item_texts: Sequence[str], max_length: int
) -> tuple[Tensor, Tensor, Tensor]:
    """Pre-tokenised pairs: ids (int32), segment codes (int8), token types (int8).

    Args:
        tokenizer: A fast (Rust) Hugging Face tokenizer; padding is set to the right.
        profiles: The first text of each pair.
        item_texts: The second text of each pair.
        max_length: Tokens per pair; the longer text is truncated first.

    Returns:
        Three tensors ``[n_pairs, T]`` padded to the longest pair.

    Raises:
        ValueError: The tokenizer is not a fast one (segment ids need ``sequence_ids``).
    """
    tokenizer.padding_side = "right"
    if not tokenizer.is_fast:
        raise ValueError("The cross-encoder needs a fast (Rust) tokenizer for the model.")
    enc = tokenizer(
        list(profiles),
        list(item_texts),
        truncation="longest_first",
        max_length=max_length,
        padding="longest",
    )
    ids = np.asarray(enc["input_ids"], np.int32)
    mask = np.asarray(enc["attention_mask"], bool)
    seg = np.where(mask, SPECIAL, PAD).astype(np.int8)
    for k in range(len(ids)):
        sid = np.asarray([-1 if s is None else s for s in enc.sequence_ids(k)])
        seg[k][sid == 0] = PROFILE
        seg[k][sid == 1] = ITEM
    types = np.asarray(enc.get("token_type_ids", np.zeros_like(ids)), np.int8)
    return torch.from_numpy(ids), torch.from_numpy(seg), torch.from_numpy(types)
