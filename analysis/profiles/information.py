"""Usable information of rater representations (Algorithm 1 and eq. 3 of the value-profiles seed).

The held-out losses come from :func:`engines.profiles.evaluation.evaluate_representations`;
logarithms are natural, so information is in nats.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from analysis.profiles._checks import require

__all__ = [
    "USABLE_COLUMNS",
    "compute_usable_information",
    "information_preserved",
]

USABLE_COLUMNS = ["representation", "loss_mean", "usable_info_nats", "ci_low", "ci_high", "n_seeds"]


def compute_usable_information(losses: pd.DataFrame, baseline: str = "none") -> pd.DataFrame:
    """Predictive V-information of each rater representation (Algorithm 1, paired by seed).

    For each seed, ``I = loss[baseline] - loss[representation]``: the drop in held-out
    cross-entropy from giving the decoder the representation. The mean over seeds gets a 95%
    Student-t interval (NaN with a single seed).

    Args:
        losses: Tidy table with columns ``seed, representation, loss`` (mean held-out
            cross-entropy in nats), at most one row per (seed, representation).
        baseline: The no-information representation.

    Returns:
        One row per representation in input order (baseline included, with ``I = 0``):
        ``representation, loss_mean, usable_info_nats, ci_low, ci_high, n_seeds``, where
        ``n_seeds`` counts the seeds present for both the representation and the baseline and
        ``loss_mean`` averages the representation's loss over all its seeds.

    Raises:
        KeyError: On missing columns.
        ValueError: When ``baseline`` is absent or a (seed, representation) pair is duplicated.
    """
    require(losses, "seed", "representation", "loss")
    if losses.duplicated(["seed", "representation"]).any():
        raise ValueError("duplicate (seed, representation) rows in `losses`")
    reps = list(pd.unique(losses["representation"]))
    if baseline not in reps:
        raise ValueError(f"baseline {baseline!r} not among representations {reps}")
    wide = losses.pivot(index="seed", columns="representation", values="loss").astype(float)
    t975 = {}
    rows = []
    for rep in reps:
        diff = (wide[baseline] - wide[rep]).dropna().to_numpy()
        n = len(diff)
        mean = float(diff.mean()) if n else np.nan
        if n >= 2:
            if n not in t975:
                t975[n] = float(stats.t.ppf(0.975, n - 1))
            half = t975[n] * float(diff.std(ddof=1)) / np.sqrt(n)
            lo, hi = mean - half, mean + half
        else:
            lo = hi = np.nan
        rows.append((rep, float(wide[rep].mean()), mean, lo, hi, n))
    return pd.DataFrame(rows, columns=USABLE_COLUMNS)


def information_preserved(usable: pd.DataFrame, numerator: str, denominator: str) -> float:
    """Share of usable information preserved, ``I(numerator) / I(denominator)`` (eq. 3).

    Args:
        usable: Output of :func:`compute_usable_information`.
        numerator: Representation in the numerator (e.g. the value profiles).
        denominator: Representation in the denominator (e.g. all in-context examples).

    Returns:
        The ratio; NaN when ``I(denominator)`` is not positive (or is NaN).

    Raises:
        KeyError: When either representation is absent.
    """
    require(usable, "representation", "usable_info_nats")
    info = usable.set_index("representation")["usable_info_nats"]
    for rep in (numerator, denominator):
        if rep not in info.index:
            raise KeyError(f"representation {rep!r} not in table")
    den = float(info[denominator])
    if not den > 0:
        return float("nan")
    return float(info[numerator]) / den
