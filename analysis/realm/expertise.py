"""Expertise intervals and how the expertise estimates of different methods agree.

Given the classifier's probability of each observed label, ``p_i = p_theta(y_i | x_i)``, an
annotator's expertise under REALM's mixture (eq. 1) is the maximum-likelihood weight ``e`` of
``e p_i + (1 - e) / C`` over their annotations: a one-parameter mixture
(:func:`mixture_weight`, safeguarded Newton on a concave log-likelihood). Resampling the items
(bootstrap) with the classifier held fixed gives a percentile interval per annotator: how sure
the ranking is, given the classifier. Both are linear in annotations and resamples.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.stats import spearmanr

from engines.data.schema import ANNOTATOR_ID, ITEM_ID, TASK

__all__ = ["compute_expertise_intervals", "compute_method_agreement", "mixture_weight"]

_BLOCK_ROWS = 4_000_000
"""Resample x annotation cells solved at once (about 32 MB per float array)."""


def mixture_weight(
    p: np.ndarray,
    group: np.ndarray,
    n_groups: int,
    n_classes: int,
    weights: np.ndarray | None = None,
    n_iter: int = 60,
    start: np.ndarray | None = None,
) -> np.ndarray:
    """Per group, the ML weight ``e`` of ``e p + (1 - e) / C``.

    The log-likelihood ``sum w log(1/C + e (p - 1/C))`` is concave in ``e``, so its maximum on
    ``[0, 1]`` is an end whose slope points outward, or the root of the slope, found by Newton
    steps kept inside a shrinking bracket (bisection when a step leaves it). Linear in rows and
    resamples, with no rows x groups matrix (see :class:`_MixtureSolver`).

    Args:
        p: ``[N]`` probability of each observed label under the classifier.
        group: ``[N]`` group (annotator) index.
        n_groups: Number of groups.
        n_classes: ``C``.
        weights: ``[..., N]`` optional row weights (e.g. bootstrap counts); leading axes are
            estimated independently.
        n_iter: Most Newton steps per group.
        start: ``[n_groups]`` first guesses (a bootstrap starts from the point estimate);
            0.5 by default.

    Returns:
        ``[..., n_groups]`` weights in ``[0, 1]`` (NaN for a group without rows).
    """
    solver = _MixtureSolver(np.asarray(p, float), np.asarray(group), n_groups, n_classes)
    w = np.ones((1, len(solver.d))) if weights is None else np.atleast_2d(np.asarray(weights))
    e = solver.solve(w, n_iter, start)
    return e[0] if weights is None or np.ndim(weights) == 1 else e


class _MixtureSolver:
    """:func:`mixture_weight` for one set of rows and many weightings of them.

    Rows are sorted by group once. Per weighting, the total weight and the slopes at ``e = 0``
    and ``e = 1`` of every (weighting, group) pair are one product with a sparse rows x
    (3 groups) matrix; Newton then runs on one cell per row of positive weight of the pairs
    whose maximum is inside (0, 1), each pair a contiguous run summed by one ``reduceat``, and
    a pair leaves once its weight moves less than 1e-8.
    """

    def __init__(self, p: np.ndarray, group: np.ndarray, n_groups: int, n_classes: int):
        self.order = None
        if np.any(group[1:] < group[:-1]):
            self.order = np.argsort(group, kind="stable")
            p, group = p[self.order], group[self.order]
        self.n_groups, self.uniform = n_groups, 1.0 / n_classes
        self.present, self.begins, column = np.unique(group, return_index=True,
                                                      return_inverse=True)  # fmt: skip
        self.sizes = np.diff(np.r_[self.begins, len(group)])
        self.d, k = p - self.uniform, len(self.present)
        self.ends = sparse.csr_matrix(
            (np.concatenate([np.ones_like(p), self.d / np.clip(p, 1e-12, None), self.d]),
             (np.tile(np.arange(len(p)), 3), np.concatenate([column, column + k, column + 2 * k]))),
            shape=(len(p), 3 * k),
        )  # fmt: skip

    def solve(self, w: np.ndarray, n_iter: int, start: np.ndarray | None) -> np.ndarray:
        """``[B, N]`` row weights (in the caller's row order) -> ``[B, n_groups]`` weights."""
        if self.order is not None:
            w = w[:, self.order]
        k = len(self.present)
        sums = np.asarray(w @ self.ends)
        total, at_one, at_zero = sums[:, :k], sums[:, k : 2 * k], sums[:, 2 * k :]
        inside = (at_zero > 0) & (at_one < 0) & (total > 0)
        e = np.where(at_one >= 0, 1.0, 0.0)
        first = np.full(self.n_groups, 0.5) if start is None else np.nan_to_num(start, nan=0.5)
        first = np.clip(first[self.present], 1e-3, 1 - 1e-3)
        e[inside] = np.broadcast_to(first, e.shape)[inside]
        positive = w > 0
        cells = positive & np.repeat(inside, self.sizes, axis=1)
        lengths = np.add.reduceat(positive, self.begins, axis=1)[inside]
        e[inside] = self._newton(
            w[cells].astype(float), np.broadcast_to(self.d, w.shape)[cells], lengths,
            e[inside], n_iter,
        )  # fmt: skip
        out = np.full((w.shape[0], self.n_groups), np.nan)
        out[:, self.present] = np.where(total > 0, e, np.nan)
        return out

    def _newton(
        self, cw: np.ndarray, cd: np.ndarray, lengths: np.ndarray, e: np.ndarray, n_iter: int
    ) -> np.ndarray:
        """Roots of the slope for pairs of ``lengths`` consecutive cells, from ``e``."""
        lo, hi = np.zeros(len(e)), np.ones(len(e))
        active = np.arange(len(e))
        for _ in range(n_iter):
            if not len(active):
                break
            run = np.r_[0, np.cumsum(lengths)[:-1]]
            now = e[active]
            ratio = cd / (self.uniform + np.repeat(now, lengths) * cd)  # e < 1: no zero
            weighted = cw * ratio
            g = np.add.reduceat(weighted, run)
            h = np.add.reduceat(weighted * ratio, run)
            up = g > 0
            lo, hi = np.where(up, now, lo), np.where(up, hi, now)
            step = now + g / np.clip(h, 1e-300, None)
            new = np.where((step >= lo) & (step <= hi), step, (lo + hi) / 2)
            e[active] = new
            moving = np.abs(new - now) >= 1e-8
            if not moving.all():
                keep = np.repeat(moving, lengths)
                cw, cd = cw[keep], cd[keep]
                active, lengths, lo, hi = active[moving], lengths[moving], lo[moving], hi[moving]
        return e


def _nan_percentiles(values: np.ndarray, q: list[float]) -> np.ndarray:
    """``np.nanquantile(values, q, axis=0)`` (linear interpolation) for many columns at once."""
    ordered = np.sort(values, axis=0)  # NaN last
    valid = (~np.isnan(values)).sum(axis=0)
    out = np.full((len(q), values.shape[1]), np.nan)
    cols = np.flatnonzero(valid)
    for k, level in enumerate(q):
        pos = level * (valid[cols] - 1)
        below = np.floor(pos).astype(int)
        above = np.minimum(below + 1, valid[cols] - 1)
        lo, hi = ordered[below, cols], ordered[above, cols]
        out[k, cols] = lo + (pos - below) * (hi - lo)
    return out


def compute_expertise_intervals(
    annotations: pd.DataFrame, n_classes: int, n_boot: int = 200, level: float = 0.95, seed: int = 0
) -> pd.DataFrame:
    """Expertise per annotator (and task) with a bootstrap interval over items.

    Args:
        annotations: ``item_id, annotator_id, p_label`` and optionally ``task``.
        n_classes: ``C``.
        n_boot: Bootstrap resamples of the items.
        level: Interval coverage.
        seed: Resampling seed.

    Returns:
        ``annotator_id, task, expertise, ci_low, ci_high, n``, lowest expertise first (ties:
        lowest ``ci_low`` first).
    """
    frame = annotations.copy()
    if TASK not in frame.columns:
        frame[TASK] = "all"
    key = frame[ANNOTATOR_ID].astype(str) + "\x1f" + frame[TASK].astype(str)
    group, names = pd.factorize(key, sort=True)
    item, items = pd.factorize(frame[ITEM_ID].astype(str))
    p = frame["p_label"].to_numpy(float)
    by_group = np.argsort(group, kind="stable")  # once: every resample's sort is then linear
    group, item, p = group[by_group], item[by_group], p[by_group]
    solver = _MixtureSolver(p, group, len(names), n_classes)
    point = solver.solve(np.ones((1, len(p))), 60, None)[0]
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(items), size=(n_boot, len(items)))
    offset = (np.arange(n_boot) * len(items))[:, None]
    counts = np.bincount((draws + offset).ravel(), minlength=n_boot * len(items))
    counts = counts.astype(np.int32).reshape(n_boot, len(items))  # [B, items]
    block = max(1, _BLOCK_ROWS // max(len(p), 1))  # resamples per pass: bounded memory
    boot = np.concatenate([
        solver.solve(counts[b : b + block, item], 60, point) for b in range(0, n_boot, block)
    ])  # fmt: skip
    alpha = (1 - level) / 2
    low, high = _nan_percentiles(boot, [alpha, 1 - alpha])
    parts = [n.split("\x1f") for n in names]
    out = pd.DataFrame({
        ANNOTATOR_ID: [a for a, _ in parts], TASK: [t for _, t in parts], "expertise": point,
        "ci_low": low, "ci_high": high, "n": np.bincount(group, minlength=len(names)),
    })  # fmt: skip
    # Ties (several annotators at an end of [0, 1]) are broken by the interval's lower end:
    # of two annotators the likelihood puts at 1, the one it is less sure of comes first.
    return out.sort_values(["expertise", "ci_low", ANNOTATOR_ID]).reset_index(drop=True)


def compute_method_agreement(table: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Spearman correlations between the annotator rankings of several methods.

    Returns:
        A square frame over ``columns`` (pairs computed on annotators both methods scored).
    """
    out = pd.DataFrame(np.eye(len(columns)), index=columns, columns=columns)
    for i, a in enumerate(columns):
        for b in columns[i + 1 :]:
            both = table[[a, b]].dropna()
            rho = spearmanr(both[a], both[b]).statistic if len(both) > 2 else np.nan
            out.loc[a, b] = out.loc[b, a] = rho
    return out
