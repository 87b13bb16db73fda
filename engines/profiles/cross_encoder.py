"""Fine-tuned cross-encoder decoder p(y | item, rater representation) (DESIGN.md §4.2, GPU option).

The seed's language-model decoder with a small local transformer (default: the bundled
all-MiniLM-L6-v2, never downloaded); pair maths and tokenising live in
:mod:`engines.profiles.cross_net`. Encoder and head train jointly through
:func:`engines.core.fit_loop` with two learning rates.

When to use it: on a GPU, when a profile's wording matters beyond a frozen sentence embedding.
:class:`~engines.profiles.decoder.ProfileDecoder` stays the default (seconds on a CPU). Measured
on a shared 2-vCPU machine (one torch thread) at ``max_length=128``: fitting costs about 200
CPU-seconds per 1,000 rows per epoch, and ``predict_for_text`` over 600 items about 30 s, far
too slow for the live editor; ``max_train_rows`` caps CPU runs. On CUDA the encoder runs under
bf16 autocast.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import torch
from torch import Tensor, nn

from engines.core import (
    EpochCallback,
    check_is_fitted,
    fit_loop,
    predict_batches,
    resolve_device,
    seed_everything,
)
from engines.data.schema import ANNOTATOR_ID, ITEM_ID, LABEL_CODE
from engines.profiles.config import CrossEncoderConfig
from engines.profiles.cross_net import CrossNet, offline, tokenise_pairs
from engines.profiles.net import DecoderNet
from engines.profiles.representations import RaterRepresentation, hold_out_raters
from engines.profiles.scoring import RowScoring

__all__ = ["CrossEncoderDecoder"]

TOKENIZER_DIR = "tokenizer"
ENCODER_CONFIG_DIR = "encoder"


def _ce(module: nn.Module, batch: tuple[Tensor, ...]) -> Tensor:
    ids, seg, types, item, y = batch
    return nn.functional.cross_entropy(module(ids, seg, types, item), y)


class CrossEncoderDecoder(RowScoring):
    r"""p(y | x, g(r)) from a fine-tuned cross-encoder; the API of ``ProfileDecoder``.

    The representation text ``g(r)`` and the item text ``x`` are read together by a
    transformer ``T`` as one sentence pair; its token states ``h`` are mean-pooled per segment,

    .. math::

        e_x = \text{mean}_{t \in x} h_t, \quad e_g = \text{mean}_{t \in g} h_t, \quad
        \text{logits} = \text{head}([u; v; u \odot v]) + \log p_0(y \mid x)

    with ``u = tanh(A e_x)``, ``v = tanh(B e_g)`` and the head, cumulative-logit option and
    prior of :class:`~engines.profiles.decoder.ProfileDecoder`. This is the seed's
    language-model decoder ``P_theta(Y | X, V(R))`` (value-profiles seed §2.2, prompt of
    Figure A9) with MiniLM standing in for the LLM. Representations must be text (kind
    ``"text"`` or ``"none"``); in-context examples are written out as lines first
    (:func:`engines.profiles.representations.examples_text`).

    Follows the scikit-learn contract: the constructor stores the config; fitted attributes
    end in ``_``.

    Attributes:
        module_: The :class:`~engines.profiles.cross_net.CrossNet` (encoder + head).
        tokenizer_: The model's fast tokenizer.
        history_: The training loop's :class:`~engines.core.History`.
        item_ids_: Item ids, aligned with ``item_texts_``.
        item_texts_: Item texts.
        item_index_: Item id -> position.
        n_classes_: Number of label classes.
        representation_: The :class:`~engines.profiles.representations.RaterRepresentation`.
    """

    def __init__(self, config: CrossEncoderConfig | None = None):
        self.config = config or CrossEncoderConfig()

    # -- fitting -------------------------------------------------------------------------
    def fit(
        self,
        item_ids: Sequence[str],
        item_texts: Sequence[str],
        rows: pd.DataFrame,
        representation: RaterRepresentation,
        n_classes: int,
        on_epoch_end: EpochCallback | None = None,
        ordinal_scale: bool = False,
        prior: np.ndarray | None = None,
    ) -> CrossEncoderDecoder:
        """Fine-tune on ``rows`` (``item_id, annotator_id, label_code``: the targets).

        Args:
            item_ids: ids of the items, aligned with ``item_texts``.
            item_texts: the item texts.
            rows: target ratings (eval parts of the training raters).
            representation: kind ``"text"`` (rater -> profile/demographics text; missing
                raters get the empty text) or ``"none"`` (every rater gets the empty text).
            n_classes: number of label classes.
            on_epoch_end: the training loop's hook (see :func:`engines.core.epoch_reporter`).
            ordinal_scale: whether the classes are ordered ratings (picks the ordinal head).
            prior: optional per-item class log-probabilities [n_items, C] added to the logits.

        Raises:
            ValueError: the representation kind is not ``"text"`` or ``"none"``, or the item
                ids and texts disagree in length.
        """
        if representation.kind not in ("text", "none"):
            raise ValueError(
                f"CrossEncoderDecoder reads rater representations as text: kind must be "
                f"'text' or 'none', got {representation.kind!r} (representation "
                f"{representation.name!r}); use ProfileDecoder for in-context examples."
            )
        if len(item_ids) != len(item_texts):
            raise ValueError(
                f"{len(item_ids)} item ids but {len(item_texts)} item texts; they must align."
            )
        cfg = self.config
        offline()
        from transformers import AutoModel, AutoTokenizer

        seed_everything(cfg.train.seed)
        self.item_ids_ = [str(i) for i in item_ids]
        self.item_texts_ = [str(t) for t in item_texts]
        self.item_index_ = {i: k for k, i in enumerate(self.item_ids_)}
        self.n_classes_ = int(n_classes)
        self.representation_ = representation
        path = str(cfg.model_path())
        self.tokenizer_ = AutoTokenizer.from_pretrained(path, local_files_only=True)
        encoder = AutoModel.from_pretrained(path, local_files_only=True)
        ordinal = cfg.head == "ordinal" or (cfg.head == "auto" and ordinal_scale)
        d = int(encoder.config.hidden_size)
        net = DecoderNet(d, d, self.n_classes_, cfg.hidden, cfg.dropout, ordinal)
        prior_t = None if prior is None else torch.as_tensor(np.asarray(prior, np.float32))
        self.module_ = self._module(encoder, net, prior_t)

        if cfg.max_train_rows is not None and len(rows) > cfg.max_train_rows:
            rng = np.random.default_rng(cfg.train.seed + 2)
            keep = np.sort(rng.choice(len(rows), cfg.max_train_rows, replace=False))
            rows = rows.iloc[keep]
        train, val = hold_out_raters(rows, cfg.train.seed, cfg.val_fraction)
        self.history_ = fit_loop(
            self.module_,
            self._tensors(train),
            None if val is None else self._tensors(val),
            cfg.train,
            _ce,
            param_groups=self._param_groups,
            on_epoch_end=on_epoch_end,
        )
        self.module_.eval()
        return self

    def _module(self, encoder: nn.Module, net: DecoderNet, prior: Tensor | None) -> CrossNet:
        types = "token_type_ids" in self.tokenizer_.model_input_names
        return CrossNet(encoder, net, prior, types, self.config.amp)

    def _param_groups(self, module: nn.Module) -> list[dict[str, Any]]:
        # DecoderNet's example-pooling layer is unused here: leave it out of the optimiser.
        head = [p for n, p in module.net.named_parameters() if not n.startswith("example.")]
        return [
            {"params": list(module.encoder.parameters()), "lr": self.config.train.lr},
            {"params": head, "lr": self.config.head_lr},
        ]

    def _texts(self, raters: pd.Series) -> list[str]:
        texts = self.representation_.texts if self.representation_.kind == "text" else {}
        return [str(texts.get(str(r), "")) for r in raters]

    def _tokenise(self, profiles: Sequence[str], items: Sequence[int]) -> tuple[Tensor, ...]:
        texts = [self.item_texts_[i] for i in items]
        return tokenise_pairs(self.tokenizer_, profiles, texts, self.config.max_length)

    def _tensors(self, rows: pd.DataFrame, with_labels: bool = True) -> tuple[Tensor, ...]:
        items = [self.item_index_[str(i)] for i in rows[ITEM_ID]]
        out = (*self._tokenise(self._texts(rows[ANNOTATOR_ID]), items), torch.as_tensor(items))
        if not with_labels:
            return out
        return (*out, torch.as_tensor(rows[LABEL_CODE].to_numpy(dtype=np.int64, copy=True)))

    # -- prediction ----------------------------------------------------------------------
    def _predict(self, tensors: tuple[Tensor, ...]) -> np.ndarray:
        """Probabilities for pre-tokenised pairs, batched by length (no_grad, model device)."""
        lengths = (tensors[1] >= 0).sum(1)
        order = torch.argsort(lengths, descending=True, stable=True)
        logits = predict_batches(
            self.module_,
            tuple(t[order] for t in tensors),
            batch_size=self.config.predict_batch_size,
        )
        probs = torch.empty_like(logits)
        probs[order] = torch.softmax(logits, -1)
        return probs.numpy()

    def predict_rows(self, rows: pd.DataFrame) -> np.ndarray:
        """Class probabilities [n_rows, C] for (item, rater) rows.

        Raters the representation does not cover get the empty (no-information) text.
        """
        check_is_fitted(self, "module_")
        return self._predict(self._tensors(rows, with_labels=False))

    def predict_for_text(self, text: str, item_rows: Sequence[int] | None = None) -> np.ndarray:
        """Probabilities [n_items, C] for every item (or ``item_rows``) under a profile text."""
        check_is_fitted(self, "module_")
        items = list(range(len(self.item_ids_))) if item_rows is None else list(item_rows)
        tensors = self._tokenise([str(text)] * len(items), items)
        return self._predict((*tensors, torch.as_tensor(items)))

    def predict_texts(
        self, texts: Sequence[str], item_rows: np.ndarray | None = None
    ) -> np.ndarray:
        """Probabilities [n_items, n_texts, C] for every item (or ``item_rows``) x profile text.

        One transformer pass per (text, item) pair: on a CPU keep ``len(texts)`` small.
        """
        check_is_fitted(self, "module_")
        rows = None if item_rows is None else [int(i) for i in item_rows]
        return np.stack([self.predict_for_text(t, rows) for t in texts], axis=1)

    # -- persistence ---------------------------------------------------------------------
    def save(self, directory: str | Path, metadata: Mapping[str, object] | None = None) -> Path:
        """Write ``config.json``, ``model.safetensors`` and ``metadata.json`` (item texts too).

        Beside them go the tokenizer files (``tokenizer/``) and the encoder's architecture
        (``encoder/config.json``): JSON and text only, never pickle.
        """
        from engines.core.persistence import save_model

        check_is_fitted(self, "module_")
        meta = {
            "item_ids": self.item_ids_,
            "item_texts": self.item_texts_,
            "n_classes": self.n_classes_,
            "representation": self.representation_.name,
            "kind": self.representation_.kind,
            "texts": self.representation_.texts,
            "ordinal": bool(self.module_.net.ordinal),
            **(metadata or {}),
        }
        mod = self.module_
        state = {f"encoder.{k}": v for k, v in mod.encoder.state_dict().items()}
        state.update({f"net.{k}": v for k, v in mod.net.state_dict().items()})
        if mod.prior is not None:
            state["prior"] = mod.prior
        out = save_model(directory, state, self.config, meta)
        self.tokenizer_.save_pretrained(str(out / TOKENIZER_DIR))
        mod.encoder.config.save_pretrained(str(out / ENCODER_CONFIG_DIR))
        return out

    @classmethod
    def load(cls, directory: str | Path, device: str | None = None) -> CrossEncoderDecoder:
        """Restore a decoder written by :meth:`save` (safetensors + JSON, never pickle).

        Args:
            directory: the saved folder; the original model folder is not needed.
            device: ``"cpu"``, ``"cuda"`` or None (CUDA when available).
        """
        from transformers import AutoConfig, AutoModel, AutoTokenizer

        from engines.core.config_io import config_from_dict
        from engines.core.persistence import load_model

        offline()
        path = Path(directory)
        state, config, meta = load_model(path)
        dec = cls(config_from_dict(config, CrossEncoderConfig))
        cfg = dec.config
        dec.tokenizer_ = AutoTokenizer.from_pretrained(
            str(path / TOKENIZER_DIR), local_files_only=True
        )
        enc_cfg = AutoConfig.from_pretrained(str(path / ENCODER_CONFIG_DIR), local_files_only=True)
        encoder = AutoModel.from_config(enc_cfg)
        encoder.load_state_dict({k[8:]: v for k, v in state.items() if k.startswith("encoder.")})
        n_classes = int(meta["n_classes"])
        d = int(enc_cfg.hidden_size)
        net = DecoderNet(d, d, n_classes, cfg.hidden, cfg.dropout, bool(meta["ordinal"]))
        net.load_state_dict({k[4:]: v for k, v in state.items() if k.startswith("net.")})
        dec.module_ = dec._module(encoder, net, state.get("prior"))
        dec.module_.to(resolve_device(device)).eval()
        dec.item_ids_ = [str(i) for i in meta["item_ids"]]
        dec.item_texts_ = [str(t) for t in meta["item_texts"]]
        dec.item_index_ = {i: k for k, i in enumerate(dec.item_ids_)}
        dec.n_classes_ = n_classes
        dec.representation_ = RaterRepresentation(
            str(meta["representation"]), meta["kind"], dict(meta.get("texts") or {})
        )
        return dec
