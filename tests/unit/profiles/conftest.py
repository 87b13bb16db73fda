"""Session-wide toy data and fitted models of the value-profiles tests.

Fitting is the slow part of this wing, so every model that tests only read is fitted once per
session here; a test that changes a model takes a function-scoped ``deepcopy`` of it. Torch
runs on one thread: on a busy 2-vCPU runner its OpenMP threads stall waiting for each other
(the toy app decoder: 7 s on one thread, 42 s on two).
"""

from __future__ import annotations

import copy
from dataclasses import replace
from pathlib import Path

import pytest

from engines.data.schema import AnnotationDataset
from engines.data.validation import build_dataset
from engines.profiles import (
    CrossEncoderConfig,
    FittedProfiles,
    Prepared,
    ProfileRunConfig,
    WriterConfig,
    fit_app_decoder,
    prepare,
)
from engines.text import HashingEncoder, embed_with
from tests.unit.profiles.toys import FAST, FAST_STATEMENTS, READER, fast_decoder, toy_ratings


@pytest.fixture(scope="session")
def toy_ds() -> AnnotationDataset:
    """40 raters x 16 of 60 items; strict and lenient raters differ on one topic."""
    return build_dataset(toy_ratings(), name="toy")


@pytest.fixture(scope="session")
def prep(toy_ds: AnnotationDataset) -> Prepared:
    """Hashing-encoder embeddings and two item themes of ``toy_ds``."""
    return prepare(toy_ds, embed_with(HashingEncoder(64)), WriterConfig(n_themes=2))


@pytest.fixture(scope="session")
def fitted_app(toy_ds: AnnotationDataset, prep: Prepared) -> FittedProfiles:
    """The statement decoder as the app trains it on ``toy_ds`` (read-only: ``app_copy``)."""
    cfg = ProfileRunConfig(decoder=FAST, decoder_kind="statements", statements=FAST_STATEMENTS)
    return fit_app_decoder(toy_ds, prep, cfg)


@pytest.fixture(scope="session")
def fitted_embedding(toy_ds: AnnotationDataset, prep: Prepared) -> FittedProfiles:
    """The app decoder of the embedding kind (one vector per profile) on ``toy_ds``."""
    cfg = ProfileRunConfig(decoder=FAST, decoder_kind="embedding", statements=READER)
    return fit_app_decoder(toy_ds, prep, cfg)


@pytest.fixture()
def app_copy(fitted_app: FittedProfiles) -> FittedProfiles:
    """A private copy of ``fitted_app`` for a test that changes it."""
    return copy.deepcopy(fitted_app)


@pytest.fixture(scope="session")
def small_ds() -> AnnotationDataset:
    """12 raters x 16 items: small enough for the tiny cross-encoder."""
    return build_dataset(toy_ratings(n_raters=12, n_items=16), name="toy")


@pytest.fixture(scope="session")
def small_prep(small_ds: AnnotationDataset) -> Prepared:
    """Hashing-encoder embeddings and two item themes of ``small_ds``."""
    return prepare(small_ds, embed_with(HashingEncoder(64)), WriterConfig(n_themes=2))


@pytest.fixture(scope="session")
def ce_cfg(tiny_transformer_dir: Path) -> ProfileRunConfig:
    """A one-epoch cross-encoder run on the tiny random BERT (tests the wiring, not learning)."""
    train = replace(
        CrossEncoderConfig().train, max_epochs=1, patience=0, batch_size=16, device="cpu"
    )
    tiny = CrossEncoderConfig(model=str(tiny_transformer_dir), max_length=48, train=train)
    return ProfileRunConfig(
        seeds=(0,),
        decoder=fast_decoder(max_epochs=20, patience=4),
        decoder_kind="cross-encoder",
        cross_encoder=tiny,
        n_candidates=4,
    )
