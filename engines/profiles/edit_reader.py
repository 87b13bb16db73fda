r"""The edit curriculum's network: what the statement decoder learns before real ratings.

The edit curriculum (:mod:`~engines.profiles.curriculum`) says what a statement about a theme
should do: move the theme's items by the statement's direction and strength, leave the other
items alone. :func:`teach` fits a :class:`~engines.profiles.statement_net.StatementNet` to it
(the statement decoder's phase 1; once per dataset and settings). The app's default decoder
reads typed edits with :mod:`engines.profiles.reading` instead.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, MutableMapping, Sequence

import numpy as np
import torch

from engines.core import EpochCallback, History, fit_loop, seed_everything
from engines.profiles.config import StatementConfig
from engines.profiles.curriculum import Curriculum
from engines.profiles.statement_net import (
    StatementNet,
    StatementTables,
    lesson_loss,
    lesson_tensors,
)

__all__ = ["teach"]

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
