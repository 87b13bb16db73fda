r"""How far an edit moves predictions: as far as real raters differ on the items it concerns.

For a target (a set of items), each rater's *deviation* is the mean of their fit ratings'
residuals ``y - mean(item)`` on those items, in label points oriented so that positive means
"more" of the construct. Deviations from few ratings are shrunk toward zero by empirical
Bayes: with ``tau^2`` the variance of true deviations across raters and ``sigma^2`` the
within-rater variance of residuals (method of moments),

.. math:: \hat d_a = \bar r_a \, \frac{\tau^2}{\tau^2 + \sigma^2 / n_a}.

A reading of strength *strong*, *plain* or *slight* moves an average rater to the 90th, 75th
or 60th percentile of :math:`\hat d` (10th, 25th, 40th downward), measured from the median;
combined readings never pass the most extreme rater. Whether a target's deviations are real
is their split-half reliability: the correlation across raters of their deviation on fit
ratings with that on held-out (eval) ratings. Below :data:`MIN_RELIABILITY` the data cannot
size the edit and its sizes shrink toward zero (``reliability / MIN_RELIABILITY``, at least
:data:`FLOOR`). :func:`logit_shift` turns a size in label points into the cumulative-logit
shift that moves the average rater's predictions (the no-information decoder) that far.
Torch-free.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import sparse

from engines.data.schema import ANNOTATOR_ID, ITEM_ID, LABEL_CODE

__all__ = [
    "FLOOR",
    "LEVELS",
    "MIN_RELIABILITY",
    "Deviations",
    "TargetSize",
    "logit_shift",
    "ordinal_shift",
]

LEVELS: dict[str, float] = {"strong": 0.90, "plain": 0.75, "slight": 0.60}
"""The percentile of raters' deviations each strength moves an average rater to (upward)."""

MIN_RELIABILITY = 0.3
"""Split-half reliability from which a target's deviations size an edit in full."""

FLOOR = 0.2
"""The smallest share of its size an unreliable target keeps (so the edit still has a sign)."""

MIN_RATERS = 10
"""Raters with ratings in both halves needed to estimate a reliability."""


@dataclass(frozen=True)
class TargetSize:
    """The sizes raters give one target, in oriented label points."""

    levels: dict[tuple[int, str], float]
    """``(direction, strength) -> shift`` from the median rater (sign of ``direction``)."""
    extremes: tuple[float, float]
    """The most lenient and the strictest rater's shrunk deviation, from the median."""
    reliability: float
    """Split-half reliability of raters' deviations (NaN with too few raters)."""
    n_raters: int
    """Raters with fit ratings on the target."""
    n_items: int
    """Items the target concerns."""
    scale: float = 1.0
    """The share of the sizes kept (1 when the data size the edit; less when unreliable)."""

    @property
    def sized_by_data(self) -> bool:
        """Whether raters' deviations on the target replicate (reliability >= threshold)."""
        return bool(self.reliability >= MIN_RELIABILITY)


@dataclass
class Deviations:
    """Raters' residuals on every item, fit and held-out, ready to be summed over targets.

    Args:
        fit: the rows profiles are written from (``annotator_id, item_id, label_code``).
        held: the raters' other rows (reliability only).
        item_ids: item ids in prediction-row order.
        values: each class's label value, oriented so that larger means more.
    """

    fit: pd.DataFrame
    held: pd.DataFrame
    item_ids: list[str]
    values: np.ndarray
    _memo: dict[bytes, TargetSize] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        rows = pd.concat([self.fit, self.held])
        col = pd.Series(np.arange(len(self.item_ids)), index=self.item_ids)
        value = pd.Series(self.values[rows[LABEL_CODE].to_numpy(int)], index=rows.index)
        item_mean = value.groupby(rows[ITEM_ID].astype(str)).mean()
        raters = sorted(rows[ANNOTATOR_ID].astype(str).unique())
        self._row = pd.Series(np.arange(len(raters)), index=raters)
        shape = (len(raters), len(self.item_ids))

        def matrices(part: pd.DataFrame) -> tuple[sparse.csr_matrix, ...]:
            items = part[ITEM_ID].astype(str)
            r = self._row[part[ANNOTATOR_ID].astype(str)].to_numpy()
            c = col[items].to_numpy()
            res = self.values[part[LABEL_CODE].to_numpy(int)] - item_mean[items].to_numpy()
            make = lambda v: sparse.csr_matrix((v, (r, c)), shape=shape)  # noqa: E731
            return make(res), make(res**2), make(np.ones(len(part)))

        self._fit = matrices(self.fit)
        self._held = matrices(self.held)

    def size(self, members: np.ndarray) -> TargetSize:
        """The sizes raters give the items of ``members`` (memoised per item set)."""
        mask = np.asarray(members, bool)
        key = np.packbits(mask).tobytes()
        if key not in self._memo:
            self._memo[key] = self._size(mask)
        return self._memo[key]

    def rater_deviations(self, members: np.ndarray) -> pd.Series:
        """Each rater's shrunk deviation on the items of ``members``, indexed by rater id.

        Only raters with fit ratings on those items are listed.
        """
        m = np.asarray(members, bool).astype(float)
        s, ss, n = (x @ m for x in self._fit)
        seen = n > 0
        if seen.sum() < 2:
            return pd.Series(np.zeros(int(seen.sum())), index=self._row.index[seen])
        mean = s[seen] / n[seen]
        several = n[seen] >= 2
        within = (ss[seen] - s[seen] ** 2 / n[seen])[several].sum()
        sigma2 = within / max((n[seen][several] - 1).sum(), 1.0)
        tau2 = max(float(mean.var() - np.mean(sigma2 / n[seen])), 0.01 * sigma2, 1e-6)
        return pd.Series(mean * tau2 / (tau2 + sigma2 / n[seen]), index=self._row.index[seen])

    def _size(self, mask: np.ndarray) -> TargetSize:
        m = mask.astype(float)
        s, _, n = (x @ m for x in self._fit)
        shrunk = self.rater_deviations(mask).to_numpy()
        if len(shrunk) < 2:
            return TargetSize({}, (0.0, 0.0), float("nan"), len(shrunk), int(mask.sum()), 0.0)
        med = float(np.median(shrunk))
        reliability = self._reliability(m, s, n)
        scale = 1.0
        if not reliability >= MIN_RELIABILITY:
            scale = max(FLOOR, min(1.0, max(reliability, 0.0) / MIN_RELIABILITY))
        levels = {}
        for strength, q in LEVELS.items():
            up = max(float(np.quantile(shrunk, q)) - med, 0.0)
            down = min(float(np.quantile(shrunk, 1 - q)) - med, 0.0)
            levels[(1, strength)], levels[(-1, strength)] = up * scale, down * scale
        extremes = (float(shrunk.min()) - med, float(shrunk.max()) - med)
        return TargetSize(levels, extremes, reliability, len(shrunk), int(mask.sum()), scale)

    def _reliability(self, m: np.ndarray, s: np.ndarray, n: np.ndarray) -> float:
        hs, _, hn = (x @ m for x in self._held)
        both = (n > 0) & (hn > 0)
        if both.sum() < MIN_RATERS:
            return float("nan")
        a, b = s[both] / n[both], hs[both] / hn[both]
        if a.std() == 0 or b.std() == 0:
            return float("nan")
        return float(np.corrcoef(a, b)[0, 1])


def ordinal_shift(probs: np.ndarray, delta: np.ndarray) -> np.ndarray:
    """Class probabilities ``[n, C]`` with every cumulative logit lowered by ``delta`` ``[n]``.

    Positive ``delta`` moves mass toward higher classes (the statement decoder's convention).
    """
    p = np.asarray(probs, float)
    cum = np.clip(np.cumsum(p, axis=-1)[..., :-1], 1e-7, 1 - 1e-7)
    logit = np.log(cum) - np.log1p(-cum) - np.asarray(delta, float)[..., None]
    new = 1.0 / (1.0 + np.exp(-logit))
    zeros = np.zeros(new.shape[:-1] + (1,))
    out = np.diff(np.concatenate([zeros, new, zeros + 1.0], axis=-1), axis=-1)
    return np.clip(out, 0.0, 1.0)


def logit_shift(probs: np.ndarray, values: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """The logit shifts moving the mean expected value of ``probs`` by each of ``targets``.

    Args:
        probs: the average rater's class probabilities on the target's items, ``[n, C]``.
        values: the value of each class (not oriented), ``[C]``, increasing with the class.
        targets: wanted changes of the mean expected value, ``[L]`` (any sign).

    Returns:
        ``[L]`` shifts, found by bisection (the mean expected value rises with the shift);
        a target beyond what the scale allows gets the largest shift tried (+-12).
    """
    t = np.asarray(targets, float)
    p = np.asarray(probs, float)
    v = np.asarray(values, float)
    base = float((p @ v).mean())
    # E[y] = v_0 + sum_k (v_{k+1} - v_k) P(y > k): every bisection step moves all L shifts at
    # once through the cumulative logits (what ``ordinal_shift`` does, one shift at a time).
    cum = np.clip(np.cumsum(p, axis=-1)[:, :-1], 1e-7, 1 - 1e-7)
    logit = np.log(cum) - np.log1p(-cum)
    steps = np.diff(v)
    lo, hi = np.full(len(t), -12.0), np.full(len(t), 12.0)
    for _ in range(40):
        mid = (lo + hi) / 2
        above_k = 1.0 - 1.0 / (1.0 + np.exp(mid[:, None, None] - logit[None]))  # [L, n, C-1]
        moved = v[0] + above_k.mean(1) @ steps
        above = moved - base > t
        hi, lo = np.where(above, mid, hi), np.where(above, lo, mid)
    return np.where(t == 0, 0.0, (lo + hi) / 2)
