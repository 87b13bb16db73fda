"""Saving and restoring a :class:`~engines.profiles.statement_decoder.StatementDecoder`.

safetensors for the weights, JSON for the config and metadata (item ids, classes, the written
profiles); never pickle (:mod:`engines.core.persistence`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import torch

from engines.core.config_io import config_from_dict
from engines.core.persistence import load_model, save_model
from engines.profiles.config import StatementConfig
from engines.profiles.representations import RaterRepresentation
from engines.profiles.statement_net import StatementNet, StatementTables
from engines.text.embed import Embedder

if TYPE_CHECKING:
    from engines.profiles.statement_decoder import StatementDecoder

__all__ = ["load_statement_decoder", "save_statement_decoder"]


def save_statement_decoder(
    dec: StatementDecoder, directory: str | Path, metadata: Mapping[str, object] | None = None
) -> Path:
    """Write a fitted decoder's weights, config and metadata to ``directory``."""
    mod = dec.module_
    meta = {
        "decoder": "statements",
        "item_ids": dec.item_ids_,
        "n_classes": dec.n_classes_,
        "ordinal": dec.ordinal_,
        "representation": dec.representation_.name,
        "texts": dec.representation_.texts,
        **(metadata or {}),
    }
    state = {f"net.{k}": v for k, v in mod.net.state_dict().items()}
    if dec.taught_net_ is not None:
        state.update({f"taught.{k}": v for k, v in dec.taught_net_.state_dict().items()})
    state.update(items=mod.items, prior=mod.prior)
    return save_model(directory, state, dec.config, meta)


def load_statement_decoder(
    dec: StatementDecoder, directory: str | Path, embed: Embedder | None = None
) -> StatementDecoder:
    """Fill the unfitted ``dec`` from ``directory`` (written by :func:`save_statement_decoder`)."""
    state, config, meta = load_model(directory)
    dec.config = config_from_dict(config, StatementConfig)
    n_classes, ordinal = int(meta["n_classes"]), bool(meta["ordinal"])
    items = state["items"]

    def restore(prefix: str) -> StatementNet | None:
        part = {k[len(prefix) :]: v for k, v in state.items() if k.startswith(prefix)}
        if not part:
            return None
        net = StatementNet(
            items.shape[1], 1 if ordinal else n_classes, dec.config.hidden, dec.config.key_dim
        )
        net.load_state_dict(part)
        return net.requires_grad_(False).eval()

    net = restore("net.")
    dec.taught_net_ = restore("taught.")
    empty = torch.zeros(0, items.shape[1])
    none = torch.full((1, 1), -1, dtype=torch.long)
    dec.module_ = StatementTables(net, items, empty, none, state["prior"], n_classes, ordinal)
    dec.module_.eval()
    dec.item_ids_ = list(meta["item_ids"])
    dec.item_index_ = {i: k for k, i in enumerate(dec.item_ids_)}
    dec.n_classes_, dec.ordinal_ = n_classes, ordinal
    dec.rater_index_ = {"": 0}
    dec.representation_ = RaterRepresentation(
        str(meta["representation"]), "text", dict(meta.get("texts") or {})
    )
    dec.embed_, dec.cache_, dec.lessons_, dec.written_ = embed, {}, None, None
    return dec
