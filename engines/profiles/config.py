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
from engines.text.encoders import DEFAULT_MODEL

__all__ = [
    "BASE_REPRESENTATIONS",
    "DECODER_KINDS",
    "CROSS_ENCODER_EXAMPLES",
    "CrossEncoderConfig",
    "DecoderConfig",
    "DecoderKind",
    "ProfileRunConfig",
    "StatementConfig",
]

BASE_REPRESENTATIONS = ("none", "demographics", "profile", "examples")
DecoderKind = Literal["statements", "embedding", "cross-encoder"]
DECODER_KINDS: tuple[DecoderKind, ...] = ("statements", "embedding", "cross-encoder")


@dataclass(frozen=True)
class DecoderConfig:
    """Architecture and optimisation of the profile decoder (embedding network)."""

    head: Literal["auto", "softmax", "ordinal"] = "auto"
    """``auto``: cumulative-logit head for ordinal scales with > 2 classes, else softmax."""
    hidden: int = 64
    """Width of ``u``, ``v`` and the head's hidden layer."""
    dropout: float = 0.2
    """Dropout before each layer of the head."""
    max_examples: int | None = None
    """Most examples pooled per rater (None: every example the representation holds; the
    run's ``n_examples`` chooses them)."""
    val_fraction: float = 0.15
    """Share of the training raters held out for early stopping."""
    calibrate: bool = True
    """Fit a temperature on the held-out validation raters after training (the seed trains one
    epoch to stay calibrated; early stopping over up to 80 epochs needs this instead)."""
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
class StatementConfig:
    """The statement decoder: items attend to a profile's statements (issue #10)."""

    hidden: int = 64
    """Width of the direction and item-offset MLPs."""
    key_dim: int = 0
    """Width of the learned relevance projections ``W_q``, ``W_k``; 0 (default) keeps only
    the standardised cosine and the statement's reach, which generalise best to new topics."""
    max_statements: int = 16
    """Statements read per profile (later lines are ignored)."""
    n_variants: int = 6
    """Phrasings of each written statement: the writer's plus random paraphrases."""
    keep: float = 0.75
    """Probability that a rater's statement is kept in an epoch (statement dropout)."""
    edit_weight: float = 0.0
    """Weight of the curriculum's squared error in phase 2 (with ``finetune``): keeps the
    fine-tuned network close to the curriculum; 0 lets the ratings alone shape how written
    statements are read (typed ones keep the curriculum's network anyway)."""
    finetune: bool = True
    """Phase 2 fine-tunes relevance and direction of *written* statements on the ratings (so
    that lines such as "Often tags annotations as: civility" can carry what they predict);
    False keeps the curriculum's network for them too, and the ratings set only the gain
    ``kappa`` and the item offsets."""
    typed_at_word: bool = True
    """A statement that is in no written profile (a researcher's edit) is read by the network
    the curriculum taught, at its word (gain 1); written statements, which summarise a few
    ratings, by the network the ratings fine-tuned, at gain ``kappa``. False: every statement
    is read the second way."""
    gain_lr: float = 0.05
    """Learning rate of the gain ``kappa`` (how far the ratings say statements move items)."""
    edit_batch: int = 1024
    """Curriculum (statement, item) pairs per training step."""
    edit_logits: float = 3.0
    """Shift, in cumulative logits, that a strong curriculum statement teaches (a plain one
    0.7 of it, a hedged one 0.4)."""
    lesson_pairs: int = 32
    """Curriculum items per statement from its topic (and as many from all items)."""
    lessons: TrainConfig = field(
        default_factory=lambda: TrainConfig(
            max_epochs=60, batch_size=1024, lr=3e-3, patience=5, grad_clip=5.0, device="auto"
        )
    )
    """Phase 1: the curriculum alone (early stopping on held-out statements)."""
    granularities: tuple[int, ...] = (8, 16, 32)
    """Numbers of item themes the curriculum's topical statements are about."""
    per_topic: int = 48
    """Curriculum statements per theme (alternating directions)."""
    curriculum_seed: int = 0
    """Seeds the curriculum's themes and phrasings (about items only, so one curriculum
    serves every rater split)."""
    val_fraction: float = 0.15
    """Share of the training raters held out for early stopping."""
    train: TrainConfig = field(
        default_factory=lambda: TrainConfig(
            max_epochs=15,
            batch_size=256,
            lr=2e-3,
            weight_decay=1e-4,
            patience=5,
            grad_clip=5.0,
            seed=0,
            device="auto",
        )
    )
    """The training loop; ``train.seed`` also seeds the weights, the phrasings and the
    validation raters."""


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
            threads=None,
        )
    )
    """The training loop; ``train.lr`` is the encoder's learning rate, and ``train.seed``
    also seeds the head's weights, the row subsample and the validation raters."""

    def model_path(self) -> Path:
        """The local model folder (the bundled MiniLM for ``DEFAULT_MODEL``)."""
        from engines.text.transformer import model_folder

        return model_folder(self.model)


CROSS_ENCODER_EXAMPLES = 16
"""E_N for the cross-encoder when ``ProfileRunConfig.n_examples`` is None (its input is
truncated at ``max_length`` tokens)."""


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
    """``embedding`` (small network over one frozen MiniLM embedding of the whole text, CPU),
    ``statements`` (items attend to each statement of a text representation, so that edits
    move predictions the way they say; CPU; the other representations use the embedding
    decoder) or ``cross-encoder`` (MiniLM fine-tuned on (profile, item) pairs; meant for a
    GPU)."""
    statements: StatementConfig = field(default_factory=StatementConfig)
    """The statement decoder, used when ``decoder_kind == "statements"``; its edit curriculum
    (``lessons``, ``granularities``, ``per_topic``) also teaches the edit reader."""
    read_edits: bool = True
    """The app decoder reads typed edits (statements in no written profile) into readings and
    moves its predictions as far as raters differ, on top of the embedding or cross-encoder
    decoder (:mod:`engines.profiles.reading`; ordered labels). False: the decoder reads the
    edited text as a whole, as it was trained to read profiles."""
    cross_encoder: CrossEncoderConfig = field(default_factory=CrossEncoderConfig)
    """The cross-encoder, used when ``decoder_kind == "cross-encoder"``."""
    writer: WriterConfig = field(default_factory=WriterConfig)
    """The offline profile writer."""
    min_ratings: int = 4
    """Raters with fewer ratings are dropped (the seed keeps raters with at least 4)."""
    n_examples: int | None = None
    """N of the in-context examples E_N: each rater's first N fit ratings (None: all of them;
    the cross-encoder, which reads them as text, takes :data:`CROSS_ENCODER_EXAMPLES`). The
    written profiles are written from the same ratings, so that information preserved
    I(profile) / I(examples) compares like with like (value-profiles seed, eq. 3)."""
    n_candidates: int = 100
    """Candidate profiles for profile clustering (Algorithm 2)."""
    jury_size: int = 100
    """Profiles drawn for the uncertainty decomposition and the simulated jury."""

    def examples_n(self) -> int | None:
        """N of E_N for this run's decoder (None: every fit rating)."""
        if self.n_examples is None and self.decoder_kind == "cross-encoder":
            return CROSS_ENCODER_EXAMPLES
        return self.n_examples
