"""Why an edit moved what it moved: each profile statement's reach and effect.

The statement decoder scores an item as ``base + sum_s a(x, s) d(s)``
(:mod:`engines.profiles.statement_net`): ``a`` is how much statement ``s`` concerns item ``x``
(0-1) and ``a d`` its effect on the item's score. These tables turn the decoder's
``effects(text)`` into what the editor shows: per statement, how many items it concerns and
which way it pushes them; per moved item, the new statement that moved it most.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.profiles._checks import check_len

__all__ = [
    "attribute_moves",
    "compute_statement_effects",
    "compute_theme_examples",
    "moved_nothing",
]

RELEVANT = 0.5
"""Relevance above which an item counts as concerned by a statement."""


def compute_statement_effects(
    statements: Sequence[str],
    relevance: np.ndarray,
    effect: np.ndarray,
    original: Sequence[str] = (),
) -> pd.DataFrame:
    """One row per statement of a profile: is it new, what it concerns, which way it pushes.

    Args:
        statements: the profile's statements, length ``M``.
        relevance: ``a(x, s)`` of every item and statement, ``[n_items, M]`` in [0, 1].
        effect: ``a(x, s) d(s)`` of every item and statement, ``[n_items, M]`` (score units:
            cumulative logits for ordinal labels).
        original: the statements of the profile before the edit (a statement in it is not new).

    Returns:
        ``statement, new, items_concerned`` (items with relevance >= 0.5), ``share_concerned``,
        ``mean_effect`` (over the concerned items; 0 when none), ``direction`` ("raises",
        "lowers" or "–" when the mean effect is below 0.05 in size).
    """
    rel = np.asarray(relevance, dtype=float)
    eff = np.asarray(effect, dtype=float)
    check_len("statements", statements, rel.shape[1] if rel.ndim == 2 else -1)
    if rel.shape != eff.shape:
        raise ValueError(f"relevance {rel.shape} and effect {eff.shape} differ in shape.")
    concerned = rel >= RELEVANT
    n = concerned.sum(0)
    mean = np.where(n > 0, (eff * concerned).sum(0) / np.maximum(n, 1), 0.0)
    before = set(original)
    return pd.DataFrame(
        {
            "statement": list(statements),
            "new": [s not in before for s in statements],
            "items_concerned": n.astype(int),
            "share_concerned": n / max(len(rel), 1),
            "mean_effect": mean,
            "direction": np.where(np.abs(mean) < 0.05, "–", np.where(mean > 0, "raises", "lowers")),
        }
    )


def attribute_moves(
    shift: pd.DataFrame, item_ids: Sequence[str], table: pd.DataFrame, effect: np.ndarray
) -> pd.DataFrame:
    """``shift`` (per item, from ``compute_prediction_shift``) plus the statement that moved it.

    ``moved_by`` is, among the *new* statements of ``table``, the one with the largest
    ``|effect|`` on the item ("–" when the edit added no statement); ``its_effect`` is that
    effect. Row order of ``shift`` is kept.
    """
    eff = np.asarray(effect, dtype=float)
    check_len("item_ids", item_ids, len(eff))
    new = np.flatnonzero(table["new"].to_numpy())
    out = shift.copy()
    if not len(new):
        out["moved_by"], out["its_effect"] = "–", 0.0
        return out
    row = pd.Series(np.arange(len(eff)), index=list(item_ids)).reindex(out["item_id"]).to_numpy()
    sub = eff[row][:, new]
    best = np.abs(sub).argmax(1)
    out["moved_by"] = table["statement"].to_numpy()[new[best]]
    out["its_effect"] = sub[np.arange(len(sub)), best]
    return out


def moved_nothing(shift: pd.DataFrame, tolerance: float = 0.05) -> bool:
    """True when no item's ``delta`` (expected-label change) reaches ``tolerance``."""
    return bool(len(shift)) and float(shift["delta"].abs().max()) < tolerance


def compute_theme_examples(
    themes: pd.DataFrame, texts: pd.Series, n_examples: int = 3, max_chars: int = 160
) -> pd.DataFrame:
    """The item themes written profiles talk about, each with example items.

    Args:
        themes: ``item_id, theme, theme_name`` per item.
        texts: item text indexed by item id.
        n_examples: example items per theme (the first by item id).
        max_chars: example texts are cut to this many characters.

    Returns:
        ``theme_name, n_items, examples`` (examples joined by " | "), largest theme first.
    """
    frame = themes.assign(text=themes["item_id"].map(texts).fillna("").astype(str))
    frame = frame.sort_values("item_id", kind="stable")
    rows = []
    for name, grp in frame.groupby("theme_name", sort=False):
        ex = [t if len(t) <= max_chars else t[: max_chars - 1] + "…" for t in grp["text"]]
        rows.append((name, len(grp), " | ".join(ex[:n_examples])))
    out = pd.DataFrame(rows, columns=["theme_name", "n_items", "examples"])
    return out.sort_values(["n_items", "theme_name"], ascending=[False, True], ignore_index=True)
