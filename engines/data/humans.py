"""The human annotations of a dataset (rows marked ``is_synthetic == 1`` are generated)."""

from __future__ import annotations

import dataclasses

from engines.data.schema import IS_SYNTHETIC, AnnotationDataset

__all__ = ["human_subset", "synthetic_count"]


def synthetic_count(ds: AnnotationDataset) -> int:
    """How many annotations are marked synthetic (``is_synthetic == 1``)."""
    return int((ds.df[IS_SYNTHETIC] == 1).sum()) if ds.has(IS_SYNTHETIC) else 0


def human_subset(ds: AnnotationDataset) -> AnnotationDataset:
    """``ds`` without its synthetic annotations (``ds`` itself when it has none)."""
    if not synthetic_count(ds):
        return ds
    human = ds.df[ds.df[IS_SYNTHETIC] != 1].reset_index(drop=True)
    return dataclasses.replace(ds, df=human)
