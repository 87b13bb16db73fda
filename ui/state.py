"""Session state has one owner: key names, typed getters and setters, and per-session results.

Each browser session has its own ``st.session_state``, so one user never sees another's data.

Trained results (a fitted decoder, a DEM-MoE comparison...) are kept per session with
:func:`store_result`. Each stored result gets a fresh **run token** (a random hex string):
caches of anything computed from a result are keyed by that token, never by ``id(obj)``,
whose address can be reused by the next result after retraining and serve a stale answer.
Values derived from a result (the DEM-MoE report, jury predictions) are computed once per
token and parameters with :func:`derived`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar

import streamlit as st

from engines.data.schema import AnnotationDataset

DATASET = "dataset"
DATASET_ORIGIN = "dataset_origin"
MIN_GROUP_SIZE = "min_group_size"
TEXT_ENCODER = "text_encoder"
_DERIVED = "_derived"

T = TypeVar("T")

__all__ = [
    "DATASET",
    "DATASET_ORIGIN",
    "MIN_GROUP_SIZE",
    "Stored",
    "derived",
    "ensure_dataset",
    "get_dataset",
    "get_min_group_size",
    "get_origin",
    "get_text_encoder",
    "init_state",
    "result_token",
    "run_key",
    "session_result",
    "set_dataset",
    "set_text_encoder",
    "store_result",
]


@dataclass(frozen=True)
class Stored:
    """A result kept for one session: the dataset it belongs to and its run token."""

    fingerprint: str
    token: str
    value: Any


def init_state() -> None:
    """Create every cross-page key with its default (idempotent)."""
    st.session_state.setdefault(DATASET, None)
    st.session_state.setdefault(DATASET_ORIGIN, "")
    st.session_state.setdefault(MIN_GROUP_SIZE, 5)
    st.session_state.setdefault(_DERIVED, {})


def get_dataset() -> AnnotationDataset | None:
    """The dataset of this session, or None."""
    init_state()
    return st.session_state[DATASET]


def set_dataset(ds: AnnotationDataset, origin: str) -> None:
    """Make ``ds`` the session's dataset; ``origin`` says where it came from (for display)."""
    init_state()
    st.session_state[DATASET] = ds
    st.session_state[DATASET_ORIGIN] = origin


def get_origin() -> str:
    """Where the current dataset came from (``sample`` or ``upload: name``)."""
    init_state()
    return str(st.session_state[DATASET_ORIGIN])


def ensure_dataset() -> AnnotationDataset:
    """The session's dataset, loading the bundled sample when none is loaded yet."""
    ds = get_dataset()
    if ds is None:
        from ui.cache import load_sample

        ds = load_sample()
        set_dataset(ds, "sample")
    return ds


def get_text_encoder() -> str:
    """The text encoder models are trained with this session (default: the bundled MiniLM)."""
    from engines.text.encoders import DEFAULT_MODEL

    return str(st.session_state.get(TEXT_ENCODER, DEFAULT_MODEL))


def set_text_encoder(name: str) -> None:
    """Choose the text encoder for models trained from now on."""
    st.session_state[TEXT_ENCODER] = name


def run_key(ds: AnnotationDataset) -> str:
    """The key results of ``ds`` are stored under: its fingerprint and the text encoder."""
    return f"{ds.fingerprint()}|{get_text_encoder()}"


def get_min_group_size() -> int:
    """Smallest group size shown in group-level tables and figures (privacy)."""
    init_state()
    return int(st.session_state[MIN_GROUP_SIZE])


def store_result(key: str, fingerprint: str, value: Any) -> str:
    """Keep ``value`` for this session and dataset under a new run token; return the token."""
    init_state()
    token = uuid.uuid4().hex
    st.session_state[key] = Stored(fingerprint, token, value)
    # Values derived from the previous result under this key are stale now.
    st.session_state[_DERIVED] = {
        k: v for k, v in st.session_state[_DERIVED].items() if k[0] != key
    }
    return token


def _stored(key: str, fingerprint: str) -> Stored | None:
    stored = st.session_state.get(key)
    if not isinstance(stored, Stored) or stored.fingerprint != fingerprint:
        return None
    return stored


def session_result(key: str, fingerprint: str) -> Any | None:
    """The result stored under ``key`` for ``fingerprint`` (None when absent or stale)."""
    stored = _stored(key, fingerprint)
    return None if stored is None else stored.value


def result_token(key: str, fingerprint: str) -> str | None:
    """The run token of the stored result (None when there is none for this dataset)."""
    stored = _stored(key, fingerprint)
    return None if stored is None else stored.token


def derived(
    key: str, fingerprint: str, name: str, params: Hashable, compute: Callable[[Any], T]
) -> T | None:
    """``compute(result)`` once per stored result, ``name`` and ``params`` (None: no result).

    For work derived from a trained result that must not repeat on every rerun of the page
    (a 1,000-resample bootstrap report, a transformer pass per juror).
    """
    init_state()
    stored = _stored(key, fingerprint)
    if stored is None:
        return None
    memo = st.session_state[_DERIVED]
    slot = (key, stored.token, name, params)
    if slot not in memo:
        memo[slot] = compute(stored.value)
    return memo[slot]
