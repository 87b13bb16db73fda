"""The value-profile decoder's settings widget (statements, embedding network or cross-encoder)."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import streamlit as st

from engines.core import resolve_device
from engines.profiles import CrossEncoderConfig, ProfileRunConfig
from engines.text.cache import default_cache_dir
from engines.text.encoders import DEFAULT_MODEL

DECODER_LABELS = {
    "embedding": "Embedding network + edit reader (CPU)",
    "statements": "Statement decoder (CPU, about a minute)",
    "cross-encoder": "Cross-encoder: fine-tuned MiniLM (GPU)",
}

__all__ = ["DECODER_LABELS", "MODELS_ENV", "RETEACH", "decoder_settings", "model_folder"]

MODELS_ENV = "PERSPECTIVES_MODELS_DIR"


RETEACH = "vp_reteach"
"""Session key of "Teach the edit curriculum again"."""


def default_models_dir() -> Path:
    """``$PERSPECTIVES_MODELS_DIR`` or ``<cache dir>/models``."""
    env = os.environ.get(MODELS_ENV)
    return Path(env) if env else default_cache_dir() / "models"


def model_folder(typed: str) -> str:
    """The model folder a page user named, confined to the models directory.

    Blank (or the bundled model's name) is the bundled encoder. Anything that resolves outside
    the models directory is refused with the same message whether it exists or not, so the
    box cannot be used to probe the server's file system.

    Raises:
        ValueError: the name leaves the models directory or names no folder in it.
    """
    name = typed.strip()
    if not name or name == DEFAULT_MODEL:
        return DEFAULT_MODEL
    root = default_models_dir().resolve()
    candidate = (root / name).resolve()
    if root not in candidate.parents:
        raise ValueError(
            f"Model folders are read from the models directory only (${MODELS_ENV}); type the "
            "name of a folder inside it."
        )
    if not candidate.is_dir():
        raise ValueError(f"There is no model folder {name!r} in the models directory.")
    return str(candidate)


def decoder_settings() -> ProfileRunConfig:
    """The decoder choice and cross-encoder settings (call inside the training form)."""
    cuda = resolve_device("auto").type == "cuda"
    kind = st.radio(
        "Decoder",
        list(DECODER_LABELS),
        format_func=DECODER_LABELS.get,
        horizontal=True,
        key="vp_decoder",
        help="Every decoder reads the written profiles; a statement you type in the editor "
        "is read at its word by the edit reader (taught on many phrasings of statements "
        "about the items' themes, both directions, negations and hedges), so an edit moves "
        "the items it is about the way it says, and the editor shows which edit moved which "
        "item. "
        "Embedding network: a small network over one frozen MiniLM embedding of the whole "
        "written profile; the most reliable reader of written profiles on the bundled sample. "
        "Statement decoder: reads each written statement on its own too (items attend to the "
        "statements about them); better calibrated on POPQUORN, less robust on small data. "
        "Cross-encoder: MiniLM fine-tuned on (profile, item) pairs, so the profile's wording "
        "is read together with each item (closest to the paper's language-model decoder); "
        "meant for a GPU.",
    )
    default = ProfileRunConfig()
    with st.expander("Training settings (statement decoder, embedding network)"):
        help_ = (
            "Upper bound on passes over the training ratings; training stops earlier when "
            "the loss on held-out raters stops improving (the best epoch is kept)."
        )
        c = st.columns(2)
        st_epochs = c[0].number_input(
            "Max epochs (statement decoder)", 1, 500, default.statements.train.max_epochs,
            key="vp_st_epochs", help=help_,
        )  # fmt: skip
        emb_epochs = c[1].number_input(
            "Max epochs (embedding network)", 1, 500, default.decoder.train.max_epochs,
            key="vp_emb_epochs", help=help_,
        )  # fmt: skip
        st.checkbox(
            "Teach the edit curriculum again (statement decoder)",
            key=RETEACH,
            help="The statement decoder's edit curriculum is taught once per dataset and text "
            "encoder (about a minute) and kept in the cache; tick to teach it again.",
        )
    with st.expander("Cross-encoder settings"):
        if not cuda:
            st.warning(
                "No CUDA device on this machine: the cross-encoder runs on the CPU, about 4 "
                "minutes per 1,000 training rows per epoch at 128 tokens, and every profile "
                "edit re-reads all items (tens of seconds). The defaults below are cut down."
            )
        model = st.text_input(
            "Model folder in the models directory (blank: the bundled all-MiniLM-L6-v2)",
            "",
            key="vp_ce_model",
            help="A folder name inside the models directory the operator configured "
            f"(${MODELS_ENV}, default {default_models_dir()}); other paths are refused.",
        )
        c = st.columns(4)
        epochs = c[0].number_input("Epochs", 1, 20, 3 if cuda else 1, key="vp_ce_epochs")
        rows = c[1].number_input(
            "Training rows (0 = all)", 0, 10_000_000, 0 if cuda else 1000, key="vp_ce_rows"
        )
        length = c[2].number_input(
            "Tokens per pair", 32, 512, 256 if cuda else 128, key="vp_ce_length"
        )
        jury = c[3].number_input(
            "Profiles for clusters and jury",
            2,
            100,
            32 if cuda else 8,
            key="vp_ce_jury",
            help="Candidate profiles in profile clustering and jurors of the simulated jury "
            "(drawn from the comparison's held-out raters); each costs one transformer pass "
            "per item.",
        )
    if kind == "statements":
        train = replace(default.statements.train, max_epochs=int(st_epochs))
        return replace(
            default, decoder_kind="statements", statements=replace(default.statements, train=train)
        )
    if kind == "embedding":
        train = replace(default.decoder.train, max_epochs=int(emb_epochs))
        return replace(
            default, decoder_kind="embedding", decoder=replace(default.decoder, train=train)
        )
    base = CrossEncoderConfig()
    ce = replace(
        base,
        model=model.strip() or DEFAULT_MODEL,
        max_train_rows=int(rows) or None,
        max_length=int(length),
        train=replace(base.train, max_epochs=int(epochs)),
    )
    return ProfileRunConfig(
        decoder_kind="cross-encoder", cross_encoder=ce, n_candidates=int(jury), jury_size=int(jury)
    )
