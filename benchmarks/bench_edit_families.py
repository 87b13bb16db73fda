"""Edits as people write them (issue #25): held-out sentence families, bearing, selectivity,
and whether an edit's size is what raters who hold the stance do (grounding).

The sentences are :mod:`benchmarks.edit_sentences`'s ``EVAL`` set: 30 per family, written by
hand by an author who saw neither the reader's lexicon nor its code, in constructions of their
own (the unit of evidence is the sentence: an edit's shift hardly depends on the rater). The
sentences that repeat the issue's own examples word for word (:data:`ISSUE_EXAMPLES`, which
the reader was written against) or a development sentence are left out. A sentence goes the
right way when the median over raters of its shift has each stated sign (two readings: both);
a no-bearing sentence when it moves no item's expected rating by more than 0.01 for any rater.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.stats import norm

ISSUE_EXAMPLES = frozenset(
    s.lower().rstrip(".")
    for s in (
        "Profanity is always offensive to me", "It isn't easy to offend me",
        "I'm not intolerant of swearing", "She is very sensitive to religious jokes",
        "I used to be bothered by swearing, but I no longer am",
        "Religious jokes offend me, but swearing doesn't bother me at all",
        "Religious jokes offend me, but swearing doesn't bother me",
        "i hate religious jokes. swearing is fine by me", "swearing dosnt bother me at all lol",
        "I like pizza", "asdf qwerty", "I hate Mondays",
        "I'm very sensitive to swearing and profanity",
        "I find nearly everything offensive", "Jokes about religion don't bother me",
        "Overall I'm a bit stricter than the average rater",
        "I rate most things as far more offensive than most people do",
    )
)  # fmt: skip
"""The issue's example sentences (excluded from the held-out shares)."""


def _development_sentences() -> frozenset[str]:
    """Every sentence of the development sets the reader was tuned on (three of them happen to
    repeat a held-out sentence word for word: those are left out of the held-out shares)."""
    from benchmarks.edit_sentences import DEV
    from benchmarks.edit_sentences_dev2 import DEV2
    from benchmarks.edit_sentences_dev3 import DEV3
    from benchmarks.edit_sentences_dev4 import DEV4
    from benchmarks.edit_sentences_dev5 import DEV5
    from benchmarks.edit_sentences_dev6 import DEV6
    from benchmarks.edit_sentences_dev7 import DEV7
    from benchmarks.edit_sentences_dev8 import DEV8

    sets = (DEV, DEV2, DEV3, DEV4, DEV5, DEV6, DEV7, DEV8)
    return frozenset(s.text.lower() for dev in sets for s in dev)


MOVES_NOTHING = 0.01
"""Largest change of an item's expected rating that still counts as moving nothing."""


def wilson(k: int, n: int, z: float = float(norm.ppf(0.975))) -> tuple[float, float]:
    """Wilson score 95% interval of a share of ``k`` in ``n``."""
    if n == 0:
        return float("nan"), float("nan")
    p = k / n
    centre = (p + z**2 / (2 * n)) / (1 + z**2 / n)
    half = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / (1 + z**2 / n)
    return round(centre - half, 3), round(centre + half, 3)


def family_results(fitted, raters, masks, classes, sentences=None) -> pd.DataFrame:  # noqa: ANN001
    """One row per held-out sentence: family, right way, mean |shift|, on/off-topic |shift|.

    ``sentences``: the held-out ``EVAL`` set less the sentences tuned on (default), or a
    development set read as it is (for tuning the reader).
    """
    from benchmarks.edit_sentences import EVAL

    rows = []
    tuned_on = _development_sentences() if sentences is None else frozenset()
    # The written part of every edited text is the rater's profile: predict it once per rater
    # (``predict_text`` would give the same, re-reading the profile for each sentence).
    written = {r: fitted.predict_written(fitted.profiles[r]) for r in raters}
    bases = {r: fitted.predict_text(fitted.profiles[r]) @ classes for r in raters}
    for s in EVAL if sentences is None else sentences:
        if s.text.lower().rstrip(".") in ISSUE_EXAMPLES or s.text.lower() in tuned_on:
            continue
        readings = fitted.readings(f"- {s.text}")
        deltas = np.stack(
            [fitted.reader.shift(written[r], readings) @ classes - bases[r] for r in raters]
        )
        rights, on, off = [], np.nan, np.nan
        for reading in s.readings:
            if reading.topic == "none":
                rights.append(bool(np.abs(deltas).max() <= MOVES_NOTHING))
            elif reading.topic == "global":
                rights.append(np.sign(np.median(deltas.mean(1))) == reading.direction)
            else:
                m = masks[reading.topic]
                contrast = deltas[:, m].mean(1) - deltas[:, ~m].mean(1)
                rights.append(np.sign(np.median(contrast)) == reading.direction)
                if len(s.readings) == 1:
                    on, off = np.abs(deltas[:, m]).mean(), np.abs(deltas[:, ~m]).mean()
        topic = s.readings[0].topic if len(s.readings) == 1 else "several"
        rows.append((s.family, s.text, topic, all(rights), np.abs(deltas).mean(), on, off))
    return pd.DataFrame(
        rows, columns=["family", "text", "topic", "right", "abs_shift", "on_topic", "off_topic"]
    )


def summarise_families(table: pd.DataFrame, masks: dict) -> dict:  # noqa: ANN001
    """``right_way_by_family``, ``irrelevant_shift_ratio`` and ``selectivity``."""
    by_family = {}
    for family, g in table.groupby("family", sort=False):
        k, n = int(g["right"].sum()), len(g)
        by_family[family] = {"share": round(k / n, 3), "n": n, "ci95": wilson(k, n)}
    none = table["family"] == "no_bearing"
    ratio = table.loc[none, "abs_shift"].mean() / table.loc[~none, "abs_shift"].mean()
    topical = table.dropna(subset=["on_topic"])
    selectivity = {}
    for topic, g in topical.groupby("topic"):
        if masks[topic].sum() >= 30:
            selectivity[topic] = {
                "median_ratio": round(float((g["on_topic"] / g["off_topic"]).median()), 2),
                "n_sentences": len(g),
            }
    return {
        "right_way_by_family": by_family,
        "right_way_held_out": round(float(table.loc[~none, "right"].mean()), 3),
        "irrelevant_shift_ratio": round(float(ratio), 4),
        "selectivity": selectivity,
    }


def grounding(fitted, ds) -> dict:  # noqa: ANN001
    """Does a stance's size fit the raters who hold it? (held-out ratings, fit deciles)

    For each target (everything, then each topic), the raters in the top and bottom decile of
    shrunk deviation on their *fit* ratings; their *held-out* ratings of the target's items
    are scored under the average rater (the no-information decoder) and under the average
    rater with the matching strong statement added. Reported: the share of those raters whose
    NLL drops, its *ceiling* (the share whose held-out ratings lie on the stated side of the
    average rater's at all: no size can help the others), the mean change of NLL (nats per
    rating) and the target's reliability.
    """
    from engines.data.schema import ANNOTATOR_ID, ITEM_ID, LABEL_CODE
    from engines.profiles.representations import ROLE

    reader = fitted.reader
    prior = reader.prior
    row = pd.Series(np.arange(len(fitted.items)), index=fitted.items[ITEM_ID].astype(str))
    held = fitted.partition[fitted.partition[ROLE] == "eval"]
    out = {}
    for target in [reader.targets.everything, *reader.targets.topics.values()]:
        size, by_level, _ = reader.sizes(target.key)
        dev = reader.deviations.rater_deviations(target.members)
        if len(dev) < 20:
            continue
        lo, hi = dev.quantile(0.1), dev.quantile(0.9)
        result = {"reliability": round(float(size.reliability), 3), "n_items": size.n_items}
        for side, raters, direction in (("top", dev[dev >= hi].index, 1),
                                        ("bottom", dev[dev <= lo].index, -1)):  # fmt: skip
            rows = held[held[ANNOTATOR_ID].astype(str).isin(raters)]
            rows = rows[target.members[row[rows[ITEM_ID].astype(str)].to_numpy()]]
            if rows.empty:
                continue
            items = row[rows[ITEM_ID].astype(str)].to_numpy()
            codes = rows[LABEL_CODE].to_numpy(int)
            delta = np.where(target.members, by_level[(direction, "strong")], 0.0)
            raters_of = rows[ANNOTATOR_ID].astype(str).to_numpy()
            per_rater = _nll_change(prior, delta, items, codes, raters_of)
            # What any size could reach: the raters whose held-out ratings lie on the stated
            # side of the average rater's (their NLL drops under a move of 1% of the size).
            ceiling = float((_nll_change(prior, 0.01 * delta, items, codes, raters_of) < 0).mean())
            counts = rows[ANNOTATOR_ID].astype(str).value_counts()
            several = per_rater[counts.reindex(per_rater.index).to_numpy() >= 3]
            result[side] = {
                "raters": len(per_rater),
                "drop_share": round(float((per_rater < 0).mean()), 3),
                "ceiling": round(ceiling, 3),
                "mean_nll_change": round(float(per_rater.mean()), 4),
                "raters_3plus": len(several),
                "drop_share_3plus": round(float((several < 0).mean()), 3) if len(several) else None,
            }
        out[target.label] = result
    out["own_statements"] = _own_statements(fitted, held, row)
    return out


def _nll_change(
    prior: np.ndarray, delta: np.ndarray, items: np.ndarray, codes: np.ndarray, raters: np.ndarray
) -> pd.Series:
    """Each rater's mean change of NLL on their rows when ``delta`` moves the average rater."""
    from engines.profiles.reading import ordinal_shift

    moved = ordinal_shift(prior, delta)
    change = np.log(np.clip(prior[items, codes], 1e-9, None)) - np.log(
        np.clip(moved[items, codes], 1e-9, None)
    )
    return pd.Series(change).groupby(raters).mean()


def _own_statements(fitted, held: pd.DataFrame, row: pd.Series) -> dict:  # noqa: ANN001
    """Raters' own written statements typed one by one into the average profile.

    Each statement is read by the edit reader (not the decoder) and moves the average rater's
    predictions; the rater's held-out NLL (all their eval ratings) is compared with the
    average rater's. Reported: the share of raters whose mean change over their statements
    is a drop, and the mean change (nats per rating).
    """
    from engines.data.schema import ANNOTATOR_ID, ITEM_ID, LABEL_CODE
    from engines.profiles.phrasing import split_statements

    reader = fitted.reader
    prior = reader.prior
    changes = {}
    for rater, rows in held.groupby(held[ANNOTATOR_ID].astype(str)):
        statements = split_statements(fitted.profiles.get(rater, ""))
        if not statements:
            continue
        items = row[rows[ITEM_ID].astype(str)].to_numpy()
        codes = rows[LABEL_CODE].to_numpy(int)
        nll0 = -np.log(np.clip(prior[items, codes], 1e-9, None)).mean()
        deltas = []
        for statement in statements:
            moved = reader.shift(prior, reader.read([statement]))
            deltas.append(-np.log(np.clip(moved[items, codes], 1e-9, None)).mean() - nll0)
        changes[rater] = float(np.mean(deltas))
    values = pd.Series(changes)
    return {
        "raters": len(values),
        "drop_share": round(float((values < 0).mean()), 3),
        "mean_nll_change": round(float(values.mean()), 4),
    }
