"""Session state has one owner: key names, typed getters and setters live here.

Each browser session has its own ``st.session_state``, so one user never sees another's data.
"""

from __future__ import annotations

import streamlit as st

from engines.data.schema import AnnotationDataset

DATASET = "dataset"
DATASET_ORIGIN = "dataset_origin"
MIN_GROUP_SIZE = "min_group_size"


def init_state() -> None:
    """Create every cross-page key with its default (idempotent)."""
    st.session_state.setdefault(DATASET, None)
    st.session_state.setdefault(DATASET_ORIGIN, "")
    st.session_state.setdefault(MIN_GROUP_SIZE, 5)


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


def get_min_group_size() -> int:
    """Smallest group size shown in group-level tables and figures (privacy)."""
    init_state()
    return int(st.session_state[MIN_GROUP_SIZE])
