"""Every setting of the value-profiles wing: the two decoders and a representation run.

Frozen dataclasses with attribute docstrings; each decoder nests the one
:class:`~engines.core.TrainConfig` as ``.train`` with its own defaults, and ``asdict`` of a
config is what :meth:`ProfileDecoder.save` writes to ``config.json``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from engines.core.config import TrainConfig
from engines.profiles.writer import WriterConfig
from engines.text.encoders import DEFAULT_MODEL, bundled_model_path

__all__ = [
    "BASE_REPRESENTATIONS",
    "DECODER_KINDS",
    "CrossEncoderConfig",
    "DecoderConfig",
    "DecoderKind",
    "ProfileRunConfig",
]

BASE_REPRESENTATIONS = ("none", "demographics", "profile", "examples")
DecoderKind = Literal["embedding", "cross-encoder"]
DECODER_KINDS: tuple[DecoderKind, ...] = ("embedding", "cross-encoder")


@dataclass(frozen=True)
class DecoderConfig:
    """Architecture and optimisation of the profile decoder (embedding network)."""

    head: Literal["auto", "softmax", "ordinal"] = "auto"
    """``auto``: cumulative-logit head for ordinal scales with > 2 classes, else softmax."""
    hidden: int = 64
    """Width of ``u``, ``v`` and the head's hidden layer."""
    dropout: float = 0.2
    """Dropout before each layer of the head."""
    max_examples: int = 16
    """n for the in-context-examples representation E_n."""
    val_fraction: float = 0.15
    """Share of the training raters held out for early stopping."""
    train: TrainConfig = field(
        default_factory=lambda: TrainConfig(
            max_epochs=80,
            batch_size=128,
            lr=3e-3,
            weight_decay=1e-2,
            patience=8,
            grad_clip=5.0,
            seed=0,
            device="auto",
        )
    )
    """The training loop; ``train.seed`` also seeds the weights and the validation raters."""


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
    """Width of the :class:`~engines.profiles.net.DecoderNet` head."""
    dropout: float = 0.1
    """Dropout of the head (the encoder keeps its own)."""
    head_lr: float = 1e-3
    """Learning rate of the head (``train.lr`` is the encoder's)."""
    val_fraction: float = 0.15
    """Share of the training raters held out for early stopping."""
    max_train_rows: int | None = None
    """Random subsample of the training rows (seeded), e.g. to keep CPU runs short."""
    amp: bool = True
    """bf16 autocast of the encoder on CUDA (ignored on the CPU)."""
    predict_batch_size: int = 128
    """Pairs per forward pass when predicting."""
    train: TrainConfig = field(
        default_factory=lambda: TrainConfig(
            max_epochs=3,
            batch_size=32,
            lr=2e-5,
            weight_decay=0.01,
            patience=1,
            grad_clip=1.0,
            seed=0,
            device="auto",
        )
    )
    """The training loop; ``train.lr`` is the encoder's learning rate, and ``train.seed``
    also seeds the head's weights, the row subsample and the validation raters."""

    def model_path(self) -> Path:
        """The local model folder (the bundled MiniLM for ``DEFAULT_MODEL``)."""
        path = bundled_model_path() if self.model == DEFAULT_MODEL else Path(self.model)
        if not path.exists():
            raise FileNotFoundError(
                f"Model directory {path} does not exist; give a local transformers folder "
                "(nothing is downloaded)."
            )
        return path


@dataclass(frozen=True)
class ProfileRunConfig:
    """Settings of a representation comparison or an app decoder."""

    seeds: tuple[int, ...] = (0, 1, 2, 3, 4)
    """Seeds of the fit/eval partitions and rater splits (one decoder set per seed)."""
    representations: tuple[str, ...] = BASE_REPRESENTATIONS
    """Any of none, demographics, profile, examples, supplied, clusters-<C>, demo:<column>."""
    decoder: DecoderConfig = field(default_factory=DecoderConfig)
    """The embedding decoder; it also fits the no-information prior for either kind."""
    decoder_kind: DecoderKind = "embedding"
    """``embedding`` (small network over frozen MiniLM embeddings, CPU) or ``cross-encoder``
    (MiniLM fine-tuned on (profile, item) pairs; meant for a GPU)."""
    cross_encoder: CrossEncoderConfig = field(default_factory=CrossEncoderConfig)
    """The cross-encoder, used when ``decoder_kind == "cross-encoder"``."""
    writer: WriterConfig = field(default_factory=WriterConfig)
    """The offline profile writer."""
    min_ratings: int = 4
    """Raters with fewer ratings are dropped (the seed keeps raters with at least 4)."""
    n_candidates: int = 100
    """Candidate profiles for profile clustering (Algorithm 2)."""
    jury_size: int = 100
    """Profiles drawn for the uncertainty decomposition and the simulated jury."""
