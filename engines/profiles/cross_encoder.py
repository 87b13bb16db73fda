"""Fine-tuned cross-encoder decoder p(y | item, rater representation) (DESIGN.md §4.2, GPU option).

The value-profiles seed fine-tunes a language model that reads the rater representation and
the item together and outputs the rating distribution. This module does that with a small
transformer (default: the bundled all-MiniLM-L6-v2, never downloaded): the pair
``(profile text, item text)`` is tokenised as a sentence pair, the encoder attends across
both, and its token states are mean-pooled per segment into ``e_item`` (item tokens, which
now depend on the profile) and ``e_repr`` (profile tokens; the empty profile pools to the
zero vector, as in :class:`~engines.profiles.decoder.ProfileDecoder`). These feed the very head of
:class:`~engines.profiles.decoder.DecoderNet` (``[u; v; u * v]`` -> softmax or cumulative-logit), so
both decoders share the output head, and an optional per-item ``prior`` is added to the logits
in the same way. Encoder and head are trained jointly through
:func:`engines.core.loop.fit_loop` with two learning rates.

When to use it: on a GPU, when a profile's wording matters beyond what a frozen sentence
embedding captures (long or nuanced profiles).
:class:`~engines.profiles.decoder.ProfileDecoder` stays the default: it trains in seconds on a
CPU. This one runs the whole transformer for every (rater, item) pair, forward and backward.
Measured on a shared 2-vCPU machine (one torch thread) at ``max_length=128`` (~120 tokens per
pair): fitting costs about 200 CPU-seconds (4 minutes wall) per 1,000 rows per epoch, and
``predict_for_text`` over 600 items about 30 s, far too slow for the live profile editor.
``max_train_rows`` caps the rows for CPU runs. With CUDA (``device="auto"``) the encoder runs
under bf16 autocast.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd
import torch
from torch import Tensor, nn

from engines.core import TrainConfig, fit_loop, predict_batches, seed_everything
from engines.data.schema import ANNOTATOR_ID, ITEM_ID, LABEL_CODE
from engines.profiles.decoder import DecoderNet, RaterRepresentation
from engines.text.encoders import DEFAULT_MODEL, bundled_model_path

__all__ = ["CrossEncoderConfig", "CrossEncoderDecoder"]

TOKENIZER_DIR = "tokenizer"
ENCODER_CONFIG_DIR = "encoder"
# Per-token segment codes of the pre-tokenised tensors (int8): the attention mask is seg >= 0.
_PAD, _PROFILE, _ITEM, _SPECIAL = -1, 0, 1, 2


@dataclass(frozen=True)
class CrossEncoderConfig:
    """Model, architecture and optimisation of the cross-encoder decoder."""

    model: str = DEFAULT_MODEL
    """``DEFAULT_MODEL`` (the bundled all-MiniLM-L6-v2) or a local transformers model folder."""
    max_length: int = 256
    """Tokens per (profile, item) pair; the longer text is truncated first."""
    head: Literal["auto", "softmax", "ordinal"] = "auto"
    """``auto``: cumulative-logit head for ordinal scales with > 2 classes, else softmax."""
    hidden: int = 64
    """Width of the :class:`~engines.profiles.decoder.DecoderNet` head."""
    dropout: float = 0.1
    """Dropout of the head (the encoder keeps its own)."""
    lr: float = 2e-5
    """Learning rate of the encoder."""
    head_lr: float = 1e-3
    """Learning rate of the head."""
    weight_decay: float = 0.01
    batch_size: int = 32
    max_epochs: int = 3
    patience: int = 1
    val_fraction: float = 0.15
    """Share of the training raters held out for early stopping."""
    grad_clip: float = 1.0
    seed: int = 0
    device: Literal["auto", "cpu", "cuda"] = "auto"
    max_train_rows: int | None = None
    """Random subsample of the training rows (seeded), e.g. to keep CPU runs short."""
    amp: bool = True
    """bf16 autocast of the encoder on CUDA (ignored on the CPU)."""
    predict_batch_size: int = 128

    def train_config(self) -> TrainConfig:
        """The shared training-loop settings (``lr`` is the encoder's; see ``head_lr``)."""
        return TrainConfig.from_settings(self)

    def model_path(self) -> Path:
        """The local model folder (the bundled MiniLM for ``DEFAULT_MODEL``)."""
        path = bundled_model_path() if self.model == DEFAULT_MODEL else Path(self.model)
        if not path.exists():
            raise FileNotFoundError(
                f"Model directory {path} does not exist; give a local transformers folder "
                "(nothing is downloaded)."
            )
        return path


def _offline() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


class _CrossNet(nn.Module):
    """Transformer encoder + per-segment mean pooling + a :class:`DecoderNet` head."""

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
        e_item, e_repr = _pool(states, seg == _ITEM), _pool(states, seg == _PROFILE)
        out = self.net(e_item, e_repr)
        return out if self.prior is None else out + self.prior[item]


def _pool(states: Tensor, mask: Tensor) -> Tensor:
    """Mean of the token states under ``mask`` (zero vector for an empty mask)."""
    w = mask.unsqueeze(-1).to(states.dtype)
    return (states * w).sum(1) / w.sum(1).clamp(min=1.0)


def _ce(module: nn.Module, batch: tuple[Tensor, ...]) -> Tensor:
    ids, seg, types, item, y = batch
    return nn.functional.cross_entropy(module(ids, seg, types, item), y)


class CrossEncoderDecoder:
    """p(y | item, representation) from a fine-tuned cross-encoder; API of ``ProfileDecoder``.

    Follows the scikit-learn contract: the constructor stores the config; fitted attributes
    end in ``_``.
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
        on_epoch_end: Callable[[int, dict[str, float]], bool | None] | None = None,
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
            on_epoch_end: progress callback of the training loop.
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
        _offline()
        from transformers import AutoModel, AutoTokenizer

        seed_everything(cfg.seed)
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
            rng = np.random.default_rng(cfg.seed + 2)
            keep = np.sort(rng.choice(len(rows), cfg.max_train_rows, replace=False))
            rows = rows.iloc[keep]
        train, val = self._split(rows)
        self.history_ = fit_loop(
            self.module_,
            self._tensors(train),
            None if val is None else self._tensors(val),
            cfg.train_config(),
            _ce,
            param_groups=self._param_groups,
            on_epoch_end=on_epoch_end,
        )
        self.module_.eval()
        return self

    def _module(self, encoder: nn.Module, net: DecoderNet, prior: Tensor | None) -> _CrossNet:
        types = "token_type_ids" in self.tokenizer_.model_input_names
        return _CrossNet(encoder, net, prior, types, self.config.amp)

    def _param_groups(self, module: nn.Module) -> list[dict[str, Any]]:
        # DecoderNet's example-pooling layer is unused here: leave it out of the optimiser.
        head = [p for n, p in module.net.named_parameters() if not n.startswith("example.")]
        return [
            {"params": list(module.encoder.parameters()), "lr": self.config.lr},
            {"params": head, "lr": self.config.head_lr},
        ]

    def _split(self, rows: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame | None]:
        """Hold out ``val_fraction`` of the raters for early stopping (as ProfileDecoder)."""
        raters = sorted(rows[ANNOTATOR_ID].astype(str).unique())
        rng = np.random.default_rng(self.config.seed + 1)
        n_val = int(round(len(raters) * self.config.val_fraction))
        if n_val < 1 or len(raters) - n_val < 1:
            return rows, None
        val_raters = set(np.asarray(raters)[rng.permutation(len(raters))[:n_val]])
        is_val = rows[ANNOTATOR_ID].astype(str).isin(val_raters).to_numpy()
        return rows[~is_val], rows[is_val]

    def _texts(self, raters: pd.Series) -> list[str]:
        texts = self.representation_.texts if self.representation_.kind == "text" else {}
        return [str(texts.get(str(r), "")) for r in raters]

    def _tokenise(self, profiles: Sequence[str], items: Sequence[int]) -> tuple[Tensor, ...]:
        """Pre-tokenised pairs: ids (int32), segment codes (int8), token types (int8)."""
        tok = self.tokenizer_
        tok.padding_side = "right"
        if not tok.is_fast:
            raise ValueError("The cross-encoder needs a fast (Rust) tokenizer for the model.")
        enc = tok(
            list(profiles),
            [self.item_texts_[i] for i in items],
            truncation="longest_first",
            max_length=self.config.max_length,
            padding="longest",
        )
        ids = np.asarray(enc["input_ids"], np.int32)
        mask = np.asarray(enc["attention_mask"], bool)
        seg = np.where(mask, _SPECIAL, _PAD).astype(np.int8)
        for k in range(len(ids)):
            sid = np.asarray([-1 if s is None else s for s in enc.sequence_ids(k)])
            seg[k][sid == 0] = _PROFILE
            seg[k][sid == 1] = _ITEM
        types = np.asarray(enc.get("token_type_ids", np.zeros_like(ids)), np.int8)
        return torch.from_numpy(ids), torch.from_numpy(seg), torch.from_numpy(types)

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
        return self._predict(self._tensors(rows, with_labels=False))

    def loss(self, rows: pd.DataFrame) -> float:
        """Mean held-out cross-entropy in nats (the V-entropy estimate of Algorithm 1)."""
        probs = self.predict_rows(rows)
        p = probs[np.arange(len(rows)), rows[LABEL_CODE].to_numpy()]
        return float(-np.log(np.clip(p, 1e-12, None)).mean())

    def predict_for_text(self, text: str, item_rows: Sequence[int] | None = None) -> np.ndarray:
        """Probabilities [n_items, C] for every item (or ``item_rows``) under a profile text."""
        items = list(range(len(self.item_ids_))) if item_rows is None else list(item_rows)
        tensors = self._tokenise([str(text)] * len(items), items)
        return self._predict((*tensors, torch.as_tensor(items)))

    def predict_texts(
        self, texts: Sequence[str], item_rows: np.ndarray | None = None
    ) -> np.ndarray:
        """Probabilities [n_items, n_texts, C] for every item (or ``item_rows``) x profile text.

        One transformer pass per (text, item) pair: on a CPU keep ``len(texts)`` small.
        """
        rows = None if item_rows is None else [int(i) for i in item_rows]
        return np.stack([self.predict_for_text(t, rows) for t in texts], axis=1)

    # -- persistence ---------------------------------------------------------------------
    def save(self, directory: str | Path, metadata: Mapping[str, object] | None = None) -> Path:
        """Write ``config.json``, ``model.safetensors`` and ``metadata.json`` (item texts too).

        Beside them go the tokenizer files (``tokenizer/``) and the encoder's architecture
        (``encoder/config.json``): JSON and text only, never pickle.
        """
        from engines.core.persistence import save_model

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

        from engines.core import resolve_device
        from engines.core.persistence import config_from_dict, load_model

        _offline()
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
