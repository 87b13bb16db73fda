"""Value-profile decoder p(y | item, rater representation) (DESIGN.md §4.2, value-profiles seed).

Text representations (demographics, profiles) are embedded with the frozen sentence encoder;
the empty text maps to the zero vector. The decoder (:class:`~engines.profiles.net.DecoderNet`)
is trained with cross-entropy on the raters' *eval* ratings while their representation comes
from their *fit* ratings (seed §2.2). Editing a profile re-embeds one text and runs one batched
forward over all items.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from torch import Tensor, nn

from engines.core import (
    EpochCallback,
    check_is_fitted,
    fit_loop,
    predict_batches,
    seed_everything,
)
from engines.core.temperature import fit_temperature
from engines.data.schema import ANNOTATOR_ID, ITEM_ID, LABEL_CODE
from engines.profiles.config import DecoderConfig
from engines.profiles.net import DecoderNet, DecoderTables
from engines.profiles.representations import RaterRepresentation, hold_out_raters
from engines.profiles.scoring import RowScoring
from engines.text.embed import Embedder

__all__ = ["ProfileDecoder"]


def _ce(module: nn.Module, batch: tuple[Tensor, ...]) -> Tensor:
    item, rater, y = batch
    return nn.functional.cross_entropy(module(item, rater), y)


class ProfileDecoder(RowScoring):
    r"""p(y | x, g(r)): a rater's label distribution for an item given a representation.

    The item ``x`` and the representation ``g(r)`` (value profile, demographics, in-context
    examples, or nothing) are embedded as ``e_x`` and ``e_g``; the decoder computes

    .. math::

        u = \tanh(A e_x), \quad v = \tanh(B e_g), \quad
        \text{logits} = \text{MLP}([u; v; u \odot v]) + \log p_0(y \mid x)

    where the optional prior ``log p_0`` comes from a no-information decoder fitted on more
    rows, so the network learns how the representation moves a rater away from the item's
    prior. With the ordinal head, the MLP emits one score ``s`` and
    ``P(y <= k) = sigmoid(t_k - s)`` with ordered thresholds (cumulative logits). Text
    representations are embedded with the frozen sentence encoder (empty text -> zeros); the
    examples representation E_n pools (item embedding, one-hot label) pairs with a learned
    layer. This is the seed's decoder ``P_theta(Y | X, V(R))`` (value-profiles seed §2.2)
    over frozen embeddings instead of a prompted LM. Trained with cross-entropy on the raters'
    eval ratings; the held-out loss in nats is the V-entropy estimate of Algorithm 1 (§3,
    eq. 1-2).

    Follows the scikit-learn contract: the constructor stores the config; fitted attributes
    end in ``_``.

    Attributes:
        module_: The :class:`~engines.profiles.net.DecoderTables` (network + lookup tables).
        history_: The training loop's :class:`~engines.core.History`.
        item_ids_: Item ids, in the row order of the item embeddings.
        item_index_: Item id -> row.
        rater_index_: Rater id -> row of the representation tables; the last row (``""``)
            is the no-information rater that unknown raters fall back to.
        n_classes_: Number of label classes.
        representation_: The :class:`~engines.profiles.representations.RaterRepresentation`.
        embed_: Text -> embedding function of text representations (None when unused).
        temperature_: The calibration temperature fitted on the validation raters (1: none).
    """

    def __init__(self, config: DecoderConfig | None = None):
        self.config = config or DecoderConfig()

    # -- fitting -------------------------------------------------------------------------
    def fit(
        self,
        item_ids: Sequence[str],
        item_emb: np.ndarray,
        rows: pd.DataFrame,
        representation: RaterRepresentation,
        embed: Embedder | None,
        n_classes: int,
        on_epoch_end: EpochCallback | None = None,
        ordinal_scale: bool = False,
        prior: np.ndarray | None = None,
    ) -> ProfileDecoder:
        """Train on ``rows`` (``item_id, annotator_id, label_code``: the targets).

        Args:
            item_ids: ids of the rows of ``item_emb``.
            item_emb: frozen item embeddings [n_items, d].
            rows: target ratings (eval parts of the training raters).
            representation: how each rater is represented.
            embed: text -> embedding function (needed for text representations).
            n_classes: number of label classes.
            on_epoch_end: the training loop's hook (see :func:`engines.core.epoch_reporter`).
            ordinal_scale: whether the classes are ordered ratings (picks the ordinal head).
            prior: optional per-item class log-probabilities [n_items, C] added to the logits
                (e.g. from a no-information decoder fitted on more rows), so the network only
                learns how the representation moves a rater away from the item's prior.
        """
        cfg = self.config
        seed_everything(cfg.train.seed)
        self.item_ids_ = [str(i) for i in item_ids]
        self.item_index_ = {i: k for k, i in enumerate(self.item_ids_)}
        self.n_classes_ = int(n_classes)
        self.representation_ = representation
        self.embed_ = embed
        raters = set(rows[ANNOTATOR_ID].astype(str)) | set(map(str, representation.texts))
        if representation.kind == "examples" and representation.examples is not None:
            raters |= set(representation.examples[ANNOTATOR_ID].astype(str))
        # The last row is reserved for raters without information (zero vector, no examples).
        raters = [*sorted(raters), ""]
        self.rater_index_ = {r: k for k, r in enumerate(raters)}
        d = item_emb.shape[1]
        items = torch.as_tensor(np.asarray(item_emb, np.float32))
        reprs = torch.zeros(len(raters), d)
        examples = None
        if representation.kind == "text":
            reprs = torch.as_tensor(
                self._embed([representation.texts.get(r, "") for r in raters], d)
            )
        elif representation.kind == "examples":
            examples = self._example_tables(representation.examples, raters)
        ordinal = cfg.head == "ordinal" or (cfg.head == "auto" and ordinal_scale)
        net = DecoderNet(d, reprs.shape[1], n_classes, cfg.hidden, cfg.dropout, ordinal)
        prior_t = None if prior is None else torch.as_tensor(np.asarray(prior, np.float32))
        self.module_ = DecoderTables(net, items, reprs, examples, prior_t)
        train, val = self._tensors(rows)
        self.history_ = fit_loop(
            self.module_, train, val, cfg.train, _ce, on_epoch_end=on_epoch_end
        )
        self.module_.eval()
        self.temperature_ = 1.0
        if cfg.calibrate and val is not None:
            logits = predict_batches(self.module_, val[:2]).numpy()
            self.temperature_ = fit_temperature(logits, val[2].numpy())
            self.module_.temperature.fill_(self.temperature_)
        return self

    def _embed(self, texts: Sequence[str], d: int) -> np.ndarray:
        out = np.zeros((len(texts), d), np.float32)
        nonempty = [k for k, t in enumerate(texts) if str(t).strip()]
        if nonempty:
            if self.embed_ is None:
                raise ValueError("A text representation needs an embedding function.")
            out[nonempty] = self.embed_([texts[k] for k in nonempty])
        return out

    def _example_tables(self, fit_rows: pd.DataFrame, raters: list[str]) -> tuple[Tensor, ...]:
        per_rater = fit_rows.groupby(fit_rows[ANNOTATOR_ID].astype(str), sort=False).size()
        n_max = max(1, int(per_rater.max()) if len(per_rater) else 1)
        if self.config.max_examples is not None:
            n_max = min(n_max, self.config.max_examples)
        ex_idx = np.full((len(raters), n_max), -1, np.int64)
        ex_lab = np.full((len(raters), n_max), -1, np.int64)
        for rater, grp in fit_rows.groupby(fit_rows[ANNOTATOR_ID].astype(str), sort=False):
            if rater not in self.rater_index_:
                continue
            grp = grp.head(n_max)
            k = self.rater_index_[rater]
            ex_idx[k, : len(grp)] = [self.item_index_[str(i)] for i in grp[ITEM_ID]]
            ex_lab[k, : len(grp)] = grp[LABEL_CODE].to_numpy()
        idx, lab = torch.as_tensor(ex_idx), torch.as_tensor(ex_lab)
        return idx, lab, idx >= 0

    def _index(self, rows: pd.DataFrame) -> tuple[Tensor, Tensor, Tensor]:
        item = torch.as_tensor([self.item_index_[str(i)] for i in rows[ITEM_ID]], dtype=torch.long)
        unknown = len(self.rater_index_) - 1
        rater = torch.as_tensor(
            [self.rater_index_.get(str(r), unknown) for r in rows[ANNOTATOR_ID]], dtype=torch.long
        )
        y = torch.as_tensor(rows[LABEL_CODE].to_numpy(dtype=np.int64, copy=True))
        return item, rater, y

    def _tensors(self, rows: pd.DataFrame) -> tuple[tuple[Tensor, ...], tuple[Tensor, ...] | None]:
        train, val = hold_out_raters(rows, self.config.train.seed, self.config.val_fraction)
        return self._index(train), None if val is None else self._index(val)

    # -- prediction ----------------------------------------------------------------------
    def predict_rows(self, rows: pd.DataFrame) -> np.ndarray:
        """Class probabilities [n_rows, C] for (item, rater) rows.

        Raters the representation does not cover get the no-information representation.
        """
        check_is_fitted(self, "module_")
        item, rater, _ = self._index(rows.assign(**{LABEL_CODE: 0}))
        logits = predict_batches(self.module_, (item, rater))
        return torch.softmax(logits, -1).numpy()

    def embed_texts(self, texts: Sequence[str]) -> np.ndarray:
        """Representation embeddings for arbitrary texts (empty text -> zeros)."""
        check_is_fitted(self, "module_")
        return self._embed(list(texts), self.module_.items.shape[1])

    def predict_for_repr(
        self, e_repr: np.ndarray, item_rows: np.ndarray | None = None
    ) -> np.ndarray:
        """Probabilities [n_items, C] for every item (or ``item_rows``) under one representation."""
        check_is_fitted(self, "module_")
        mod = self.module_
        rows = torch.arange(mod.items.shape[0]) if item_rows is None else torch.as_tensor(item_rows)
        rows = rows.to(mod.items.device)
        rep = torch.as_tensor(np.asarray(e_repr, np.float32)).reshape(1, -1).to(mod.items.device)
        with torch.no_grad():
            logits = mod.logits(rows, rep.expand(rows.shape[0], -1))
        return torch.softmax(logits, -1).cpu().numpy()

    def predict_for_text(self, text: str) -> np.ndarray:
        """Probabilities [n_items, C] for every item under a profile text (the live editor)."""
        check_is_fitted(self, "module_")
        return self.predict_for_repr(self.embed_texts([text])[0])

    def predict_texts(
        self, texts: Sequence[str], item_rows: np.ndarray | None = None
    ) -> np.ndarray:
        """Probabilities [n_items, n_texts, C] for every item (or ``item_rows``) x profile text."""
        check_is_fitted(self, "module_")
        return self.predict_grid(self.embed_texts(texts), item_rows)

    def predict_grid(self, e_reprs: np.ndarray, item_rows: np.ndarray | None = None) -> np.ndarray:
        """Probabilities [n_items, n_reprs, C] for every item x representation."""
        check_is_fitted(self, "module_")
        mod = self.module_
        rows = torch.arange(mod.items.shape[0]) if item_rows is None else torch.as_tensor(item_rows)
        reps = torch.as_tensor(np.asarray(e_reprs, np.float32)).to(mod.items.device)
        n_i, n_r = rows.shape[0], reps.shape[0]
        out = predict_batches(
            mod,
            (rows.repeat_interleave(n_r), torch.arange(n_r).repeat(n_i)),
            fn=lambda m, b: m.logits(b[0], reps[b[1]]),
            batch_size=65536,
        )
        return torch.softmax(out, -1).numpy().reshape(n_i, n_r, -1)

    # -- persistence ---------------------------------------------------------------------
    def save(self, directory: str | Path, metadata: Mapping[str, object] | None = None) -> Path:
        """Write ``config.json`` + ``model.safetensors`` + metadata (item ids, texts, classes)."""
        from engines.core.persistence import save_model

        check_is_fitted(self, "module_")
        meta = {
            "item_ids": self.item_ids_,
            "n_classes": self.n_classes_,
            "representation": self.representation_.name,
            "kind": self.representation_.kind,
            "texts": self.representation_.texts,
            "d_item": int(self.module_.items.shape[1]),
            **(metadata or {}),
        }
        state = {f"net.{k}": v for k, v in self.module_.net.state_dict().items()}
        state["items"] = self.module_.items
        state["temperature"] = self.module_.temperature
        if self.module_.prior is not None:
            state["prior"] = self.module_.prior
        return save_model(directory, state, self.config, meta)

    @classmethod
    def load(cls, directory: str | Path, embed: Embedder | None = None) -> ProfileDecoder:
        """Restore a decoder written by :meth:`save` (safetensors + JSON, never pickle).

        The restored decoder predicts for items x any representation embedding
        (``predict_for_text`` / ``predict_grid``); per-rater lookups need the training data.
        """
        from engines.core.config_io import config_from_dict
        from engines.core.persistence import load_model

        state, config, meta = load_model(directory)
        dec = cls(config_from_dict(config, DecoderConfig))
        net_state = {k[4:]: v for k, v in state.items() if k.startswith("net.")}
        d = int(meta["d_item"])
        n_classes = int(meta["n_classes"])
        ordinal = "t0" in net_state
        cfg = dec.config
        net = DecoderNet(d, d, n_classes, cfg.hidden, cfg.dropout, ordinal)
        net.load_state_dict(net_state)
        dec.module_ = DecoderTables(
            net, state["items"], torch.zeros(1, d), None, state.get("prior")
        )
        dec.temperature_ = float(state["temperature"]) if "temperature" in state else 1.0
        dec.module_.temperature.fill_(dec.temperature_)
        dec.module_.eval()
        dec.item_ids_ = list(meta["item_ids"])
        dec.item_index_ = {i: k for k, i in enumerate(dec.item_ids_)}
        dec.n_classes_ = n_classes
        dec.rater_index_ = {"": 0}
        dec.representation_ = RaterRepresentation(
            str(meta["representation"]), meta["kind"], dict(meta.get("texts") or {})
        )
        dec.embed_ = embed
        return dec
