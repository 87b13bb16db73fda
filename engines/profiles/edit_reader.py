r"""Typed edits read at their word, on top of any decoder.

The edit curriculum (:mod:`~engines.profiles.curriculum`) says what a statement about a theme
should do: move the theme's items by the statement's direction and strength, leave the other
items alone. :func:`teach` fits a :class:`~engines.profiles.statement_net.StatementNet` to it
(the statement decoder's phase 1; once per dataset and settings). :class:`EditReader` then
reads a researcher's edit with that network, whatever decoder reads the written profile:

.. math::

    \operatorname{logit} P(y \le k \mid x, S \cup E) =
    \operatorname{logit} P_{\text{decoder}}(y \le k \mid x, S) - \sum_{e \in E} a(x, e)\, d(e)

``S`` are the statements of the written profile (the decoder's input, as trained), ``E`` the
statements of the edited text that are in no written profile, each with its relevance
``a(x, e)`` to the item and its signed strength ``d(e)``. An edit's effect is therefore its own
term, shown per item by :meth:`EditReader.effects`. Ordinal scales only (the curriculum speaks
of "more" and "less").
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, MutableMapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import torch

from engines.core import EpochCallback, History, fit_loop, seed_everything
from engines.profiles.config import StatementConfig
from engines.profiles.curriculum import Curriculum
from engines.profiles.phrasing import split_statements
from engines.profiles.statement_net import (
    StatementNet,
    StatementTables,
    cumulative_log_probs,
    lesson_loss,
    lesson_tensors,
    standardised_cosine,
    thresholds_of,
)

__all__ = ["EditReader", "reader_statements", "teach"]

TextEmbedder = Callable[[Sequence[str]], np.ndarray]


def teach(
    curriculum: Curriculum,
    item_emb: np.ndarray,
    embed: TextEmbedder,
    cfg: StatementConfig,
    memo: MutableMapping[tuple, dict] | None = None,
    on_lesson_end: EpochCallback | None = None,
) -> tuple[StatementNet, History | None]:
    """The curriculum's network (frozen, eval mode) and its training history.

    Depends on the items, the curriculum and ``cfg`` only, so ``memo`` (e.g.
    ``Prepared.taught``) keeps the weights for every later decoder of the dataset; the
    history is None when they came from the memo.
    """
    texts = sorted(set(curriculum.texts))
    row_of = {t: k for k, t in enumerate(texts)}
    items = torch.as_tensor(np.asarray(item_emb, np.float32))
    stmts = torch.as_tensor(np.asarray(embed(texts), np.float32))
    seed_everything(cfg.lessons.seed)
    net = StatementNet(items.shape[1], 1, cfg.hidden, cfg.key_dim)
    key = (tuple(curriculum.texts), items.shape, cfg.hidden, cfg.key_dim, cfg.edit_logits,
           cfg.lesson_pairs, cfg.lessons, cfg.curriculum_seed)  # fmt: skip
    history = None
    if memo is not None and key in memo:
        net.load_state_dict(memo[key])
    else:
        tables = StatementTables(net, items, stmts, torch.full((1, 1), -1), None, 2, True)
        train, held = lesson_tensors(curriculum, row_of, cfg)
        history = fit_loop(
            tables, train, held, cfg.lessons, lesson_loss, on_epoch_end=on_lesson_end
        )
        if memo is not None:
            memo[key] = {k: v.detach().clone() for k, v in net.state_dict().items()}
    return copy.deepcopy(net).cpu().requires_grad_(False).eval(), history


@dataclass
class EditReader:
    """Reads the statements of a profile text that no written profile contains (the edits)."""

    net: StatementNet
    """The curriculum's network (:func:`teach`)."""
    items: np.ndarray
    """Item embeddings ``[n_items, d]`` in prediction-row order."""
    embed: TextEmbedder
    """Text -> embedding function of statements (the items' encoder)."""
    written: frozenset[str]
    """Every statement of every written profile: read by the decoder, not here."""
    max_statements: int = 16
    """Edits read per text (later ones are ignored, as the statement decoder does)."""
    _cache: dict[str, np.ndarray] = field(default_factory=dict, repr=False)

    def edits(self, text: str) -> list[str]:
        """The statements of ``text`` that are in no written profile, in order."""
        return [s for s in split_statements(text) if s not in self.written][: self.max_statements]

    def written_part(self, text: str, edits: Sequence[str]) -> str:
        """``text`` without ``edits`` (and without the bullets left empty): the decoder's input."""
        for s in edits:
            text = re.sub(r"(?<!\S)" + re.escape(s) + r"(?!\S)[ \t]*", "", text, count=1)
        lines = (ln.rstrip() for ln in text.splitlines())
        return "\n".join(ln for ln in lines if split_statements(ln))

    def effects(self, edits: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Relevance ``a(x, e)`` and effect ``a(x, e) d(e)`` of each edit on each item.

        Shapes ``[n_items, M]``; the effect is in cumulative logits (positive: higher ratings).
        """
        n = len(self.items)
        if not edits:
            return np.zeros((n, 0)), np.zeros((n, 0))
        missing = [s for s in dict.fromkeys(edits) if s not in self._cache]
        if missing:
            self._cache.update(zip(missing, np.asarray(self.embed(missing), np.float32)))
        e = torch.as_tensor(np.stack([self._cache[s] for s in edits]))
        items = torch.as_tensor(np.asarray(self.items, np.float32))
        with torch.no_grad():
            z = standardised_cosine(items, e)
            rel = torch.sigmoid(self.net.relevance(items, e, z))
            eff = self.net.effect(items, e, z, torch.ones(len(edits))).squeeze(-1)
        return rel.numpy(), eff.numpy()

    def shift(self, probs: np.ndarray, edits: Sequence[str]) -> np.ndarray:
        """Class probabilities ``[n_items, C]`` moved by the edits' summed effects."""
        if not edits:
            return probs
        total = torch.as_tensor(self.effects(edits)[1].sum(1), dtype=torch.float32)
        thresholds = thresholds_of(torch.as_tensor(np.asarray(probs, np.float32)))
        return cumulative_log_probs(thresholds, total).exp().numpy()


def reader_statements(texts: Sequence[str]) -> frozenset[str]:
    """Every statement of the written profiles ``texts``."""
    return frozenset(s for t in texts for s in split_statements(t))
