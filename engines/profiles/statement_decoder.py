"""The statement decoder: p(y | item, profile statements), where every statement is read on its own.

A profile text is split into statements (:func:`~engines.profiles.phrasing.split_statements`),
each embedded with the frozen sentence encoder; items attend to the statements that concern
them, and each statement moves the item by its learned direction and strength
(:mod:`~engines.profiles.statement_net`). Training combines two signals:

* the ratings: cross-entropy on the raters' eval ratings under their profile statements,
  each statement drawn per epoch among its phrasings (the writer's and random paraphrases) and
  dropped with probability ``1 - keep``, so that no template and no statement set is learned
  by heart;
* the edit curriculum (:mod:`~engines.profiles.curriculum`, ordinal scales): the squared
  error between a curriculum statement's effect on an item and its target shift.

An edit then changes exactly one statement's term, which :meth:`StatementDecoder.effects`
reports per item: the page shows which statement moved which item.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from torch import Tensor, nn

from engines.core import EpochCallback, check_is_fitted, fit_loop, predict_batches, seed_everything
from engines.data.schema import ANNOTATOR_ID, ITEM_ID, LABEL_CODE
from engines.profiles.config import StatementConfig
from engines.profiles.curriculum import Curriculum
from engines.profiles.edit_reader import teach
from engines.profiles.phrasing import split_statements
from engines.profiles.representations import RaterRepresentation, hold_out_raters
from engines.profiles.scoring import RowScoring
from engines.profiles.statement_net import (
    StatementNet,
    StatementTables,
    lesson_tensors,
    standardised_cosine,
)
from engines.text.embed import Embedder

__all__ = ["StatementDecoder"]


class StatementDecoder(RowScoring):
    """Items attend to a profile's statements; each statement moves them its own way.

    Follows the scikit-learn contract: the constructor stores the config; fitted attributes
    end in ``_``.

    Attributes:
        module_: The :class:`~engines.profiles.statement_net.StatementTables`.
        history_: The training loop's :class:`~engines.core.History`.
        item_ids_: Item ids, in the row order of the item embeddings.
        rater_index_: Rater id -> row of the statement tables (last row ``""``: no statements).
        n_classes_: Number of label classes.
        representation_: The :class:`~engines.profiles.representations.RaterRepresentation`.
        embed_: Text -> embedding function of the statements.
    """

    def __init__(self, config: StatementConfig | None = None):
        self.config = config or StatementConfig()

    def fit(
        self,
        item_ids: Sequence[str],
        item_emb: np.ndarray,
        rows: pd.DataFrame,
        representation: RaterRepresentation,
        embed: Embedder,
        n_classes: int,
        statements: Mapping[str, Sequence[Sequence[str]]] | None = None,
        curriculum: Curriculum | None = None,
        on_epoch_end: EpochCallback | None = None,
        ordinal_scale: bool = False,
        prior: np.ndarray | None = None,
        on_lesson_end: EpochCallback | None = None,
        taught: MutableMapping[tuple, dict[str, Tensor]] | None = None,
    ) -> StatementDecoder:
        """Train on ``rows`` (``item_id, annotator_id, label_code``: the targets).

        Args:
            item_ids: ids of the rows of ``item_emb``.
            item_emb: frozen item embeddings [n_items, d].
            rows: target ratings (eval parts of the training raters).
            representation: the raters' texts (split into statements when ``statements``
                is not given).
            embed: text -> embedding function of the statements.
            n_classes: number of label classes.
            statements: rater -> statements, each a tuple of phrasings (first: as written);
                default: the representation's texts split into single-phrasing statements.
            curriculum: edit lessons (used for ordinal scales only).
            prior: per-item class log-probabilities [n_items, C] of the no-information
                decoder; the statements move the items away from it.
            on_lesson_end: the hook of phase 1 (the curriculum).
            taught: a memo of phase 1's results: phase 1 depends on the items, the curriculum
                and the config only (not on the raters or ``train.seed``), so every decoder
                of one dataset can start from it (``Prepared.taught``).
            on_epoch_end: the training loop's hook (phase 2, the ratings).
            ordinal_scale: whether the classes are ordered ratings (ordinal head, curriculum).
        """
        cfg = self.config
        seed_everything(cfg.train.seed)
        self.item_ids_ = [str(i) for i in item_ids]
        self.item_index_ = {i: k for k, i in enumerate(self.item_ids_)}
        self.n_classes_ = int(n_classes)
        self.representation_ = representation
        self.embed_ = embed
        self.cache_: dict[str, np.ndarray] = {}
        self.written_: set[str] | None = None
        if statements is None:
            statements = {
                r: [(s,) for s in split_statements(t)] for r, t in representation.texts.items()
            }
        raters = [*sorted(set(rows[ANNOTATOR_ID].astype(str)) | set(map(str, statements))), ""]
        self.rater_index_ = {r: k for k, r in enumerate(raters)}
        slots = [list(statements.get(r, []))[: cfg.max_statements] for r in raters]
        n_var = max((len(v) for s in slots for v in s), default=1)
        texts = sorted(
            {p for s in slots for v in s for p in v} | set(curriculum.texts if curriculum else [])
        )
        row_of = {t: k for k, t in enumerate(texts)}
        variants = np.full((len(raters), max(1, max(map(len, slots))), n_var), -1, np.int64)
        for r, s in enumerate(slots):
            for m, v in enumerate(s):
                variants[r, m, : len(v)] = [row_of[p] for p in v]
        d = item_emb.shape[1]
        stmts = torch.as_tensor(self._embed(texts, d))
        self.ordinal_ = ordinal_scale and n_classes > 2
        seed_everything(cfg.lessons.seed)  # phase 1 does not depend on the rater split
        net = StatementNet(d, 1 if self.ordinal_ else n_classes, cfg.hidden, cfg.key_dim)
        prior_t = None if prior is None else torch.as_tensor(np.asarray(prior, np.float32))
        canonical = torch.as_tensor(variants[:, :, 0])
        self.module_ = StatementTables(
            net, torch.as_tensor(np.asarray(item_emb, np.float32)), stmts, canonical, prior_t,
            n_classes, self.ordinal_,
        )  # fmt: skip
        self.lessons_: tuple[Tensor, ...] | None = None
        self.lesson_history_ = None
        self.taught_net_: StatementNet | None = None
        if curriculum is not None and self.ordinal_ and len(curriculum.texts):
            self.taught_net_, self.lesson_history_ = teach(
                curriculum, item_emb, lambda t: self._embed(t, d), cfg, taught, on_lesson_end
            )
            net.load_state_dict(self.taught_net_.state_dict())
            self.lessons_ = lesson_tensors(curriculum, row_of, cfg)[0]
        train, val = hold_out_raters(rows, cfg.train.seed, cfg.val_fraction)
        rng = np.random.default_rng(cfg.train.seed)
        self.history_ = fit_loop(
            self.module_,
            self._index(train),
            None if val is None else self._index(val),
            cfg.train,
            self._loss,
            param_groups=self._param_groups,
            on_epoch_end=on_epoch_end,
            before_epoch=lambda _e, mod: self._resample(mod, variants, rng),
        )
        self.module_.eval()
        return self

    def _param_groups(self, mod: StatementTables) -> list[dict]:
        """Phase 2: the gain ``kappa`` learns at ``gain_lr``, the rest at ``train.lr``.

        Without ``finetune`` (and after a curriculum), relevance and direction of written
        statements keep what the curriculum taught: the ratings set only the gain and the
        item offsets.
        """
        net = mod.net
        gain = net.gain_raw
        if self.lessons_ is not None and not self.config.finetune:
            rest = list(net.base.parameters())
        else:
            rest = [p for p in mod.parameters() if p.requires_grad and p is not gain]
        return [{"params": rest}, {"params": [gain], "lr": self.config.gain_lr}]

    def _resample(
        self, mod: StatementTables, variants: np.ndarray, rng: np.random.Generator
    ) -> None:
        """Each slot: one random phrasing, kept with probability ``keep``."""
        n_valid = (variants >= 0).sum(-1)
        pick = np.floor(rng.random(n_valid.shape) * np.maximum(n_valid, 1)).astype(np.int64)
        chosen = np.take_along_axis(variants, pick[..., None], -1)[..., 0]
        chosen[rng.random(chosen.shape) >= self.config.keep] = -1
        mod.active.copy_(torch.as_tensor(chosen))

    def _loss(self, mod: StatementTables, batch: tuple[Tensor, ...]) -> dict[str, Tensor]:
        """Cross-entropy of the ratings plus the curriculum's squared error (phase 2)."""
        item, rater, y = batch
        ce = nn.functional.nll_loss(mod(item, rater), y)
        if self.lessons_ is None or not self.config.finetune:
            return {"loss": ce, "ce": ce}
        gen = None if mod.training else torch.Generator().manual_seed(int(item[0]) + len(item))
        pick = torch.randint(len(self.lessons_[0]), (self.config.edit_batch,), generator=gen)
        stmt, l_item, target = (t[pick].to(item.device) for t in self.lessons_)
        edit = nn.functional.mse_loss(mod.lesson_effect(stmt, l_item), target)
        return {"loss": ce + self.config.edit_weight * edit, "ce": ce, "edit": edit}

    def _embed(self, texts: Sequence[str], d: int) -> np.ndarray:
        """Embeddings of statements, remembered for the next edit."""
        missing = [t for t in dict.fromkeys(texts) if t not in self.cache_]
        if missing:
            for t, v in zip(missing, np.asarray(self.embed_(missing), np.float32), strict=True):
                self.cache_[t] = v
        if not texts:
            return np.zeros((0, d), np.float32)
        return np.stack([self.cache_[t] for t in texts]).astype(np.float32)

    def _index(self, rows: pd.DataFrame) -> tuple[Tensor, Tensor, Tensor]:
        item = torch.as_tensor([self.item_index_[str(i)] for i in rows[ITEM_ID]], dtype=torch.long)
        unknown = len(self.rater_index_) - 1
        rater = torch.as_tensor(
            [self.rater_index_.get(str(r), unknown) for r in rows[ANNOTATOR_ID]], dtype=torch.long
        )
        return item, rater, torch.as_tensor(rows[LABEL_CODE].to_numpy(dtype=np.int64, copy=True))

    # -- prediction ----------------------------------------------------------------------
    def predict_rows(self, rows: pd.DataFrame) -> np.ndarray:
        """Class probabilities [n_rows, C] of (item, rater) rows under the raters' statements."""
        check_is_fitted(self, "module_")
        item, rater, _ = self._index(rows.assign(**{LABEL_CODE: 0}))
        return predict_batches(self.module_, (item, rater)).exp().numpy()

    def effects(self, text: str) -> tuple[list[str], np.ndarray, np.ndarray]:
        """The statements of ``text``, relevance ``a [n_items, M]`` and effect ``[n_items, M]``.

        The effect is ``kappa a(x, s) d(e_s)`` in the model's score units (cumulative logits
        for ordinal scales; the norm of the class-logit shift otherwise); a typed statement is
        read by the curriculum's network at gain 1 (``config.typed_at_word``).
        """
        check_is_fitted(self, "module_")
        stmts = split_statements(text)[: self.config.max_statements]
        mod = self.module_
        e = torch.as_tensor(self._embed(stmts, mod.items.shape[1]))
        with torch.no_grad():
            a, eff = self._terms(stmts, mod.items, e, standardised_cosine(mod.items, e))
        size = eff.squeeze(-1) if self.ordinal_ else eff.norm(dim=-1)
        return stmts, a.numpy(), size.numpy()

    def _terms(
        self, stmts: Sequence[str], e_item: Tensor, e: Tensor, z: Tensor
    ) -> tuple[Tensor, Tensor]:
        """Relevance ``[N, M]`` and effect ``[N, M, n_out]`` of each statement on each item.

        Written statements (in a training profile) use the network the ratings fine-tuned,
        scaled by ``kappa``; typed ones the network the curriculum taught, at gain 1.
        """
        net = self.module_.net
        rel, eff = torch.sigmoid(net.relevance(e_item, e, z)), net.effect(e_item, e, z)
        taught = getattr(self, "taught_net_", None)
        if taught is None or not self.config.typed_at_word or not len(stmts):
            return rel, eff
        if getattr(self, "written_", None) is None:
            texts = self.representation_.texts.values()
            self.written_ = {s for t in texts for s in split_statements(t)}
        typed = torch.as_tensor([s not in self.written_ for s in stmts])
        t_rel = torch.sigmoid(taught.relevance(e_item, e, z))
        t_eff = taught.effect(e_item, e, z, torch.ones(len(stmts)))
        return torch.where(typed, t_rel, rel), torch.where(typed[:, None], t_eff, eff)

    def predict_texts(
        self, texts: Sequence[str], item_rows: np.ndarray | None = None
    ) -> np.ndarray:
        """Probabilities [n_items, n_texts, C] for every item (or ``item_rows``) x profile text."""
        check_is_fitted(self, "module_")
        mod = self.module_
        rows = torch.arange(mod.items.shape[0]) if item_rows is None else torch.as_tensor(item_rows)
        out = []
        with torch.no_grad():
            e_item = mod.items[rows]
            for text in texts:
                stmts = split_statements(text)[: self.config.max_statements]
                e = torch.as_tensor(self._embed(stmts, mod.items.shape[1]))
                shift = mod.net.base(e_item)
                if len(stmts):
                    z = standardised_cosine(mod.items, e)[rows]
                    shift = shift + self._terms(stmts, e_item, e, z)[1].sum(1)
                out.append(mod.head(rows, shift).exp())
        return torch.stack(out, 1).numpy()

    def predict_for_text(self, text: str) -> np.ndarray:
        """Probabilities [n_items, C] for every item under a profile text (the live editor)."""
        return self.predict_texts([text])[:, 0]

    # -- persistence ---------------------------------------------------------------------
    def save(self, directory: str | Path, metadata: Mapping[str, object] | None = None) -> Path:
        """Write ``config.json`` + ``model.safetensors`` + metadata (item ids, texts, classes)."""
        from engines.profiles.statement_io import save_statement_decoder

        check_is_fitted(self, "module_")
        return save_statement_decoder(self, directory, metadata)

    @classmethod
    def load(cls, directory: str | Path, embed: Embedder | None = None) -> StatementDecoder:
        """Restore a decoder written by :meth:`save` (safetensors + JSON, never pickle).

        The restored decoder predicts every item under any profile text (``predict_texts``,
        ``effects``); per-rater lookups need the training data.
        """
        from engines.profiles.statement_io import load_statement_decoder

        return load_statement_decoder(cls(), directory, embed)
