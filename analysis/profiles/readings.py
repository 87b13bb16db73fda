"""What an edit was read as, what each reading did, and where: the live editor's tables.

An edited profile moves the predictions in two steps: the decoder reads the written part
(which replacing or deleting text changes), then each reading of a typed edit shifts the
cumulative logits of its items (``effects``, one column per reading, summing to the total
shift). :func:`compute_edit_attribution` splits every item's change of expected label between
those sources: the written part's change exactly, and the readings' change in proportion to
their logit effects (the secant of the expected label through the shift), so the sources add
up to the item's change by construction and the headline, the source table and the moved
items always agree.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.profiles._checks import as_prob, check_len

__all__ = ["WRITTEN", "compare_readings", "compute_edit_attribution", "compute_target_shift"]

WRITTEN = "the written profile (text removed or replaced)"
"""The source name of the decoder's own change (the written part of the profile changed)."""


def compute_edit_attribution(
    item_ids: Sequence[str],
    classes: Sequence[float],
    p_original: np.ndarray,
    p_written: np.ndarray,
    p_after: np.ndarray,
    effects: np.ndarray,
    sources: Sequence[str],
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Each source's share of every item's change of expected label.

    Args:
        item_ids: items, length ``n``.
        classes: the value of each class, length ``C``.
        p_original: predictions under the original profile ``[n, C]``.
        p_written: the decoder's predictions for the edited text's written part ``[n, C]``.
        p_after: the final predictions (readings applied to ``p_written``) ``[n, C]``.
        effects: each reading's cumulative-logit effect ``[n, R]`` (rows sum to the shift).
        sources: a name for each reading, length ``R``.

    Returns:
        ``per_source``: ``source, mean_change, items_moved`` (|change| > 0.25), ``direction``
        (the written part first, readings in order; their mean changes add up to the mean
        change); ``per_item``: ``item_id, change, moved_by, its_change``.
    """
    values = np.asarray(classes, float)
    p0 = as_prob(p_original, "p_original", 2)
    pw = as_prob(p_written, "p_written", 2)
    pa = as_prob(p_after, "p_after", 2)
    check_len("item_ids", item_ids, len(p0))
    eff = np.asarray(effects, float).reshape(len(p0), -1)
    check_len("sources", sources, eff.shape[1])
    written = (pw - p0) @ values
    reading_total = (pa - pw) @ values
    total_eff = eff.sum(1)
    slope = np.divide(reading_total, total_eff, out=np.zeros(len(eff)),
                      where=np.abs(total_eff) > 1e-12)  # fmt: skip
    parts = np.column_stack([written, eff * slope[:, None]])
    names = [WRITTEN, *sources]
    mean = parts.mean(0)
    per_source = pd.DataFrame(
        {
            "source": names,
            "mean_change": mean,
            "items_moved": (np.abs(parts) > 0.25).sum(0),
            "direction": np.where(
                np.abs(mean) < 0.005, "–", np.where(mean > 0, "raises", "lowers")
            ),
        }
    )
    keep = np.r_[np.abs(written).max() > 1e-9, np.ones(len(sources), bool)]
    per_source = per_source[keep].reset_index(drop=True)
    best = np.abs(parts).argmax(1)
    change = parts.sum(1)
    per_item = pd.DataFrame(
        {
            "item_id": list(item_ids),
            "change": change,
            "moved_by": np.where(np.abs(change) > 0, np.asarray(names, object)[best], "–"),
            "its_change": parts[np.arange(len(parts)), best],
        }
    )
    return per_source, per_item


def compute_target_shift(
    names: Sequence[str], members: np.ndarray, change: np.ndarray, edited: Sequence[str] = ()
) -> pd.DataFrame:
    """Mean change of expected label on each target's items (topics and themes).

    Args:
        names: the targets' names, length ``T``.
        members: ``bool [T, n_items]``.
        change: each item's change of expected label, length ``n_items``.
        edited: the names of the targets an edit is about (highlighted).

    Returns:
        ``target, n_items, mean_change, edited``, in the order given; targets with no item
        are left out.
    """
    m = np.asarray(members, bool).reshape(len(names), -1)
    d = np.asarray(change, float)
    check_len("change", d, m.shape[1])
    n = m.sum(1)
    mean = np.divide(m @ d, n, out=np.zeros(len(n)), where=n > 0)
    out = pd.DataFrame(
        {"target": list(names), "n_items": n, "mean_change": mean,
         "edited": [name in set(edited) for name in names]}
    )  # fmt: skip
    return out[out["n_items"] > 0].reset_index(drop=True)


def compare_readings(offline: Sequence, llm: Sequence) -> pd.DataFrame:
    """Where two readings of one edit differ, target by target.

    Args:
        offline: the offline reader's readings (objects with ``label``, ``direction``,
            ``strength`` and ``bears``).
        llm: the LLM's readings of the same edit.

    Returns:
        ``about, offline, llm, agree``: per target either reading names, the way and strength
        each gives it ("↑ strong", "↓ plain", or "–" when that reading does not name it).
    """

    def by_target(readings: Sequence) -> dict[str, str]:
        out: dict[str, str] = {}
        for r in readings:
            if r.bears:
                out.setdefault(r.label, f"{'↑' if r.direction > 0 else '↓'} {r.strength}")
        return out

    a, b = by_target(offline), by_target(llm)
    names = list(dict.fromkeys([*a, *b]))
    rows = [(n, a.get(n, "–"), b.get(n, "–")) for n in names]
    out = pd.DataFrame(rows, columns=["about", "offline", "llm"])
    out["agree"] = [x[:1] == y[:1] for _, x, y in rows]
    return out
