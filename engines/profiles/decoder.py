"""Value-profile decoder p(y | item, rater representation) (DESIGN.md §4.2, value-profiles seed).

Rater representations g(r): ``none`` (no information), ``demographics`` (as text,
"gender: woman; age: 25-34"), ``profile`` (value-profile text: written offline from the
rater's fit ratings, supplied by the user, or from an LLM) and ``examples`` (the rater's
first n fit ratings, pooled by a learned layer). Text representations are embedded with the
frozen sentence encoder; the empty text maps to the zero vector.

The decoder is a small torch network over ``[u; v; u * v]`` with ``u = tanh(A e_item)`` and
``v = tanh(B e_repr)`` and a softmax over the label classes, trained with cross-entropy on the
raters' *eval* ratings while their representation comes from their *fit* ratings (seed §2.2).
Editing a profile re-embeds one text and runs one batched forward over all items.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
import torch
from torch import Tensor, nn

from engines.core import TrainConfig, fit_loop, predict_batches, seed_everything
from engines.data.schema import ANNOTATOR_ID, ITEM_ID, LABEL_CODE
from engines.text.embed import Embedder

Kind = Literal["none", "text", "examples"]
ROLE = "role"


@dataclass(frozen=True)
class DecoderConfig:
    """Architecture and optimisation of the profile decoder."""

    head: Literal["auto", "softmax", "ordinal"] = "auto"
    """``auto``: cumulative-logit head for ordinal scales with > 2 classes, else softmax."""
    hidden: int = 64
    dropout: float = 0.2
    max_examples: int = 16
    """n for the in-context-examples representation E_n."""
    val_fraction: float = 0.15
    """Share of the training raters held out for early stopping."""
    max_epochs: int = 80
    batch_size: int = 128
    lr: float = 3e-3
    weight_decay: float = 1e-2
    patience: int = 8
    seed: int = 0
    device: Literal["auto", "cpu", "cuda"] = "auto"

    def train_config(self) -> TrainConfig:
        """The shared training-loop settings."""
        return TrainConfig(
            max_epochs=self.max_epochs,
            batch_size=self.batch_size,
            lr=self.lr,
            weight_decay=self.weight_decay,
            patience=self.patience,
            grad_clip=5.0,
            seed=self.seed,
            device=self.device,
        )


# --------------------------------------------------------------------------- partitions


def partition_fit_eval(df: pd.DataFrame, seed: int = 0, min_ratings: int = 4) -> pd.DataFrame:
    """Split each rater's ratings into ``fit`` and ``eval`` (seed §4: |fit| ~ U{2..|D_i|-2}).

    Raters with fewer than ``min_ratings`` ratings are dropped (the seed filters to >= 4);
    the returned frame has a ``role`` column and ``attrs["n_dropped_raters"]``.
    """
    rng = np.random.default_rng(seed)
    counts = df.groupby(ANNOTATOR_ID)[ITEM_ID].transform("size")
    kept = df[counts >= min_ratings].copy()
    order = rng.permutation(len(kept))
    kept = kept.iloc[order]
    rank = kept.groupby(ANNOTATOR_ID, sort=False).cumcount().to_numpy()
    raters, inv = np.unique(kept[ANNOTATOR_ID].to_numpy(), return_inverse=True)
    sizes = kept.groupby(ANNOTATOR_ID)[ITEM_ID].size().reindex(raters).to_numpy()
    n_fit = rng.integers(2, sizes - 1)  # U{2 .. |D_i| - 2}
    kept[ROLE] = np.where(rank < n_fit[inv], "fit", "eval")
    kept = kept.sort_index()
    kept.attrs["n_dropped_raters"] = int(df[ANNOTATOR_ID].nunique() - len(raters))
    return kept


def split_raters(raters: Sequence[str], seed: int = 0, test_fraction: float = 0.5) -> set[str]:
    """The held-out (test) raters of one seeded 50/50 rater split."""
    raters = sorted(map(str, raters))
    rng = np.random.default_rng(seed + 10_007)
    n_test = int(round(len(raters) * test_fraction))
    return set(np.asarray(raters)[rng.permutation(len(raters))[:n_test]].tolist())


def demographics_text(annotators: pd.DataFrame, columns: Sequence[str]) -> dict[str, str]:
    """Rater -> ``"gender: woman; age: 25-34"`` (the seed's D representation)."""
    out = {}
    for _, row in annotators.iterrows():
        parts = [f"{c}: {row[c]}" for c in columns if pd.notna(row[c]) and str(row[c]) != ""]
        out[str(row[ANNOTATOR_ID])] = "; ".join(parts)
    return out


def examples_text(
    fit_rows: pd.DataFrame, max_examples: int = 16, max_chars: int = 160
) -> dict[str, str]:
    """Rater -> their first ``max_examples`` fit ratings written out as text.

    ``'"<item text>" -> <label>'`` per line: the in-context-examples representation E_n for a
    decoder that reads text (the seed's language-model decoder sees the examples in its prompt).
    Item texts are cut to ``max_chars`` characters.
    """
    out = {}
    for rater, grp in fit_rows.groupby(fit_rows[ANNOTATOR_ID].astype(str), sort=True):
        lines = [
            f'"{str(t)[:max_chars]}" -> {lab}'
            for t, lab in zip(grp["text"].head(max_examples), grp["label"].head(max_examples))
        ]
        out[rater] = "\n".join(lines)
    return out


# --------------------------------------------------------------------------- the network


class DecoderNet(nn.Module):
    """``logits = head([u; v; u * v])`` with ``u = tanh(A e_item)``, ``v = tanh(B e_repr)``.

    With ``ordinal=True`` the head emits one score ``s`` and the class probabilities follow a
    cumulative-logit model, ``P(y <= k) = sigmoid(t_k - s)`` with ordered thresholds ``t``;
    ``forward`` then returns log-probabilities (a valid input to softmax / cross-entropy).
    This shares strength across neighbouring ratings, which matters for small datasets.
    """

    def __init__(
        self,
        d_item: int,
        d_repr: int,
        n_classes: int,
        hidden: int,
        dropout: float,
        ordinal: bool = False,
    ):
        super().__init__()
        self.ordinal = ordinal and n_classes > 2
        self.item = nn.Sequential(nn.Linear(d_item, hidden), nn.Tanh())
        self.repr = nn.Sequential(nn.Linear(d_repr, hidden), nn.Tanh())
        self.head = nn.Sequential(
            nn.Dropout(dropout),
            nn.Linear(3 * hidden, hidden),
            nn.GELU(),
            nn.Dropout(dropout),
            nn.Linear(hidden, 1 if self.ordinal else n_classes),
        )
        if self.ordinal:
            self.t0 = nn.Parameter(torch.tensor(-(n_classes - 2) / 2))
            self.gaps = nn.Parameter(torch.zeros(n_classes - 2))
        self.example = nn.Linear(d_item + n_classes, d_repr)
        self.n_classes = n_classes

    def forward(self, e_item: Tensor, e_repr: Tensor) -> Tensor:
        """Class logits (log-probabilities when ordinal) for aligned rows."""
        u, v = self.item(e_item), self.repr(e_repr)
        out = self.head(torch.cat([u, v, u * v], dim=-1))
        if not self.ordinal:
            return out
        steps = nn.functional.softplus(self.gaps) + 1e-3
        thresholds = torch.cat([self.t0.reshape(1), self.t0 + torch.cumsum(steps, 0)])
        cdf = torch.sigmoid(thresholds - out)  # [B, C-1]
        ones = torch.ones_like(cdf[:, :1])
        probs = torch.diff(torch.cat([torch.zeros_like(ones), cdf, ones], dim=1), dim=1)
        return torch.log(probs.clamp(min=1e-9))

    def pool_examples(self, ex_item: Tensor, ex_label: Tensor, mask: Tensor) -> Tensor:
        """Learned pooling of (item embedding, one-hot label) pairs -> a representation vector."""
        onehot = nn.functional.one_hot(ex_label.clamp(min=0), self.n_classes).float()
        h = torch.tanh(self.example(torch.cat([ex_item, onehot], dim=-1)))
        w = mask.float().unsqueeze(-1)
        return (h * w).sum(1) / w.sum(1).clamp(min=1.0)


class _Tables(nn.Module):
    """The network plus lookup tables (items, rater representations) for index batches."""

    def __init__(
        self,
        net: DecoderNet,
        items: Tensor,
        reprs: Tensor,
        examples: tuple[Tensor, ...] | None,
        prior: Tensor | None = None,
    ):
        super().__init__()
        self.net = net
        self.register_buffer("items", items, persistent=False)
        self.register_buffer("prior", prior, persistent=False)
        self.register_buffer("reprs", reprs, persistent=False)
        if examples is not None:
            ex_idx, ex_lab, ex_mask = examples
            self.register_buffer("ex_idx", ex_idx, persistent=False)
            self.register_buffer("ex_lab", ex_lab, persistent=False)
            self.register_buffer("ex_mask", ex_mask, persistent=False)
        self.use_examples = examples is not None

    def rater_repr(self, rater: Tensor) -> Tensor:
        if not self.use_examples:
            return self.reprs[rater]
        idx = self.ex_idx[rater]
        return self.net.pool_examples(
            self.items[idx.clamp(min=0)], self.ex_lab[rater], self.ex_mask[rater]
        )

    def logits(self, item: Tensor, e_repr: Tensor) -> Tensor:
        out = self.net(self.items[item], e_repr)
        return out if self.prior is None else out + self.prior[item]

    def forward(self, item: Tensor, rater: Tensor) -> Tensor:
        return self.logits(item, self.rater_repr(rater))


def _ce(module: nn.Module, batch: tuple[Tensor, ...]) -> Tensor:
    item, rater, y = batch
    return nn.functional.cross_entropy(module(item, rater), y)


# --------------------------------------------------------------------------- the estimator


@dataclass
class RaterRepresentation:
    """How raters are represented: a kind plus per-rater texts or fit examples."""

    name: str
    kind: Kind
    texts: dict[str, str] = field(default_factory=dict)
    """Rater -> text for ``kind == "text"`` (missing raters get the empty text)."""
    examples: pd.DataFrame | None = None
    """Fit rows (``annotator_id, item_id, label_code``) for ``kind == "examples"``."""


class ProfileDecoder:
    """p(y | item, representation): ``fit`` on eval rows, ``predict_proba`` for any pairs.

    Follows the scikit-learn contract: the constructor stores the config; fitted attributes
    end in ``_``.
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
        on_epoch_end: Callable[[int, dict[str, float]], bool | None] | None = None,
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
            on_epoch_end: progress callback of the training loop.
            ordinal_scale: whether the classes are ordered ratings (picks the ordinal head).
            prior: optional per-item class log-probabilities [n_items, C] added to the logits
                (e.g. from a no-information decoder fitted on more rows), so the network only
                learns how the representation moves a rater away from the item's prior.
        """
        cfg = self.config
        seed_everything(cfg.seed)
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
        self.module_ = _Tables(net, items, reprs, examples, prior_t)
        train, val = self._tensors(rows)
        self.history_ = fit_loop(
            self.module_, train, val, cfg.train_config(), _ce, on_epoch_end=on_epoch_end
        )
        self.module_.eval()
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
        n_max = self.config.max_examples
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
        raters = sorted(rows[ANNOTATOR_ID].astype(str).unique())
        rng = np.random.default_rng(self.config.seed + 1)
        n_val = int(round(len(raters) * self.config.val_fraction))
        if n_val < 1 or len(raters) - n_val < 1:
            return self._index(rows), None
        val_raters = set(np.asarray(raters)[rng.permutation(len(raters))[:n_val]])
        is_val = rows[ANNOTATOR_ID].astype(str).isin(val_raters).to_numpy()
        return self._index(rows[~is_val]), self._index(rows[is_val])

    # -- prediction ----------------------------------------------------------------------
    def predict_rows(self, rows: pd.DataFrame) -> np.ndarray:
        """Class probabilities [n_rows, C] for (item, rater) rows.

        Raters the representation does not cover get the no-information representation.
        """
        item, rater, _ = self._index(rows.assign(**{LABEL_CODE: 0}))
        logits = predict_batches(self.module_, (item, rater))
        return torch.softmax(logits, -1).numpy()

    def loss(self, rows: pd.DataFrame) -> float:
        """Mean held-out cross-entropy in nats (the V-entropy estimate of Algorithm 1)."""
        probs = self.predict_rows(rows)
        p = probs[np.arange(len(rows)), rows[LABEL_CODE].to_numpy()]
        return float(-np.log(np.clip(p, 1e-12, None)).mean())

    def embed_texts(self, texts: Sequence[str]) -> np.ndarray:
        """Representation embeddings for arbitrary texts (empty text -> zeros)."""
        return self._embed(list(texts), self.module_.items.shape[1])

    def predict_for_repr(
        self, e_repr: np.ndarray, item_rows: np.ndarray | None = None
    ) -> np.ndarray:
        """Probabilities [n_items, C] for every item (or ``item_rows``) under one representation."""
        mod = self.module_
        rows = torch.arange(mod.items.shape[0]) if item_rows is None else torch.as_tensor(item_rows)
        rows = rows.to(mod.items.device)
        rep = torch.as_tensor(np.asarray(e_repr, np.float32)).reshape(1, -1).to(mod.items.device)
        with torch.no_grad():
            logits = mod.logits(rows, rep.expand(rows.shape[0], -1))
        return torch.softmax(logits, -1).cpu().numpy()

    def predict_for_text(self, text: str) -> np.ndarray:
        """Probabilities [n_items, C] for every item under a profile text (the live editor)."""
        return self.predict_for_repr(self.embed_texts([text])[0])

    def predict_texts(
        self, texts: Sequence[str], item_rows: np.ndarray | None = None
    ) -> np.ndarray:
        """Probabilities [n_items, n_texts, C] for every item (or ``item_rows``) x profile text."""
        return self.predict_grid(self.embed_texts(texts), item_rows)

    def predict_grid(self, e_reprs: np.ndarray, item_rows: np.ndarray | None = None) -> np.ndarray:
        """Probabilities [n_items, n_reprs, C] for every item x representation."""
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
        if self.module_.prior is not None:
            state["prior"] = self.module_.prior
        return save_model(directory, state, self.config, meta)

    @classmethod
    def load(cls, directory: str | Path, embed: Embedder | None = None) -> ProfileDecoder:
        """Restore a decoder written by :meth:`save` (safetensors + JSON, never pickle).

        The restored decoder predicts for items x any representation embedding
        (``predict_for_text`` / ``predict_grid``); per-rater lookups need the training data.
        """
        from engines.core.persistence import config_from_dict, load_model

        state, config, meta = load_model(directory)
        dec = cls(config_from_dict(config, DecoderConfig))
        net_state = {k[4:]: v for k, v in state.items() if k.startswith("net.")}
        d = int(meta["d_item"])
        n_classes = int(meta["n_classes"])
        ordinal = "t0" in net_state
        cfg = dec.config
        net = DecoderNet(d, d, n_classes, cfg.hidden, cfg.dropout, ordinal)
        net.load_state_dict(net_state)
        dec.module_ = _Tables(net, state["items"], torch.zeros(1, d), None, state.get("prior"))
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


__all__ = [
    "DecoderConfig",
    "DecoderNet",
    "ProfileDecoder",
    "RaterRepresentation",
    "demographics_text",
    "partition_fit_eval",
    "split_raters",
]
