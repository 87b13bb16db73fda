"""Rater representations g(r) and the fit/eval partition they are built from (value-profiles seed).

Each rater's ratings are split into *fit* ratings, from which the representation is built, and
*eval* ratings, which the decoder predicts (seed §2.2 and §4). Representations:

- ``none``: no information (the empty text, the zero vector);
- ``demographics``: the rater's demographics as text, ``"gender: woman; age: 25-34"``;
- ``profile``: a value-profile text, written offline from the fit ratings, supplied by the
  user, or written by an LLM;
- ``examples``: the rater's first N fit ratings (E_N), pooled by a learned layer, or written
  out as ``"item" -> label`` lines for a decoder that reads text. The written profiles are
  written from the same N ratings (:func:`first_examples`).

Never imports torch: building representations is table work.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

from engines.data.schema import ANNOTATOR_ID, ITEM_ID

__all__ = [
    "ROLE",
    "Kind",
    "RaterRepresentation",
    "demographics_text",
    "examples_text",
    "first_examples",
    "hold_out_raters",
    "partition_fit_eval",
    "split_raters",
]

Kind = Literal["none", "text", "examples"]
ROLE = "role"
"""Column of :func:`partition_fit_eval` output: ``"fit"`` or ``"eval"``."""


@dataclass
class RaterRepresentation:
    """How raters are represented: a kind plus per-rater texts or fit examples."""

    name: str
    kind: Kind
    texts: dict[str, str] = field(default_factory=dict)
    """Rater -> text for ``kind == "text"`` (missing raters get the empty text)."""
    examples: pd.DataFrame | None = None
    """Fit rows (``annotator_id, item_id, label_code``) for ``kind == "examples"``."""
    statements: dict[str, list[tuple[str, ...]]] | None = None
    """Rater -> statements of a written profile, each with its phrasings (first: as in
    ``texts``); the statement decoder trains on all of them."""


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


def first_examples(fit_rows: pd.DataFrame, n: int | None) -> pd.DataFrame:
    """Each rater's first ``n`` fit rows (all of them for None), in their order.

    Both the in-context examples E_N and the profiles written from them are built from these
    rows, so that information preserved compares like with like (value-profiles seed, eq. 3).
    """
    if n is None:
        return fit_rows
    if n < 1:
        raise ValueError(f"n_examples must be at least 1 (or None for all), got {n}")
    return fit_rows[fit_rows.groupby(ANNOTATOR_ID, sort=False).cumcount().to_numpy() < n]


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
    fit_rows: pd.DataFrame, max_examples: int | None = 16, max_chars: int = 160
) -> dict[str, str]:
    """Rater -> their first ``max_examples`` fit ratings (None: all) written out as text.

    ``'"<item text>" -> <label>'`` per line: the in-context-examples representation E_n for a
    decoder that reads text (the seed's language-model decoder sees the examples in its prompt).
    Item texts are cut to ``max_chars`` characters.
    """
    out = {}
    for rater, grp in fit_rows.groupby(fit_rows[ANNOTATOR_ID].astype(str), sort=True):
        grp = grp if max_examples is None else grp.head(max_examples)
        lines = [f'"{str(t)[:max_chars]}" -> {lab}' for t, lab in zip(grp["text"], grp["label"])]
        out[rater] = "\n".join(lines)
    return out


def hold_out_raters(
    rows: pd.DataFrame, seed: int, fraction: float
) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """Hold out ``fraction`` of the raters of target ``rows`` for early stopping.

    The raters (sorted) are permuted by a generator seeded with ``seed + 1``, so the
    validation raters differ from the weight initialisation's draw.

    Returns:
        ``(training rows, validation rows)``; the validation rows are None when either side
        would have no rater.
    """
    raters = sorted(rows[ANNOTATOR_ID].astype(str).unique())
    rng = np.random.default_rng(seed + 1)
    n_val = int(round(len(raters) * fraction))
    if n_val < 1 or len(raters) - n_val < 1:
        return rows, None
    val_raters = set(np.asarray(raters)[rng.permutation(len(raters))[:n_val]])
    is_val = rows[ANNOTATOR_ID].astype(str).isin(val_raters).to_numpy()
    return rows[~is_val], rows[is_val]
