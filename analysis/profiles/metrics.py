"""Value-profile analyses: usable information, calibration, clustering, uncertainty, juries.

Pure numpy/pandas/scipy maths after Sorensen et al., "Value Profiles for Encoding Human
Variation" (sections 3, 5-7, Algorithms 1-2, appendix D.1). Every function consumes plain arrays
produced elsewhere by a decoder that outputs, for an (item, rater representation) pair, a
probability distribution over ``C`` label classes.

Conventions used throughout:

* Logarithms are natural: entropies, losses and divergences are in nats.
* Probability arrays have the class axis last. They must be finite, non-negative and sum to 1
  (within ``1e-3``, then they are renormalised, so float32 softmax output is accepted).
* ``0 log 0 = 0`` in entropies and divergences; log-probabilities of observed labels are clipped
  at ``1e-12`` so a loss is always finite.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy import stats

PROB_CLIP = 1e-12

USABLE_COLUMNS = ["representation", "loss_mean", "usable_info_nats", "ci_low", "ci_high", "n_seeds"]
RELIABILITY_COLUMNS = ["bin_low", "bin_high", "confidence", "accuracy", "count"]
UNCERTAINTY_COLUMNS = [
    "item_id",
    "total",
    "value_epistemic",
    "aleatoric",
    "fraction_value_epistemic",
]
JURY_COLUMNS = ["item_id", "predicted_p_agree", "observed_p_agree", "n_annotations"]
SHIFT_COLUMNS = ["item_id", "text", "top_class", "before", "after", "delta", "js_divergence"]
CLUSTER_COLUMNS = ["cluster", "candidate", "profile", "n_raters", "share", "mean_loss"]


# --------------------------------------------------------------------------- helpers


def _require(df: pd.DataFrame, *cols: str) -> None:
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise KeyError(f"column(s) {missing} not found; available: {list(df.columns)}")


def _as_prob(arr: Any, name: str, ndim: int) -> np.ndarray:
    """Validate a probability array (class axis last) and renormalise it.

    Raises:
        ValueError: On a wrong number of dimensions, non-finite or negative values, or rows
            that do not sum to 1 within ``1e-3``.
    """
    p = np.asarray(arr, dtype=float)
    if p.ndim != ndim:
        raise ValueError(f"`{name}` must have {ndim} dimensions, got shape {p.shape}")
    if p.shape[-1] < 1:
        raise ValueError(f"`{name}` has no classes")
    if not np.all(np.isfinite(p)) or np.any(p < 0):
        raise ValueError(f"`{name}` must be finite and non-negative")
    sums = p.sum(axis=-1, keepdims=True)
    if p.size and not np.allclose(sums, 1.0, atol=1e-3):
        raise ValueError(f"rows of `{name}` must sum to 1")
    return p / np.where(sums > 0, sums, 1.0)


def _entropy(p: np.ndarray) -> np.ndarray:
    """Shannon entropy in nats along the last axis, with ``0 log 0 = 0``."""
    logp = np.log(np.where(p > 0, p, 1.0))
    return -(p * logp).sum(axis=-1)


def _check_len(name: str, values: Sequence[Any] | np.ndarray, n: int) -> None:
    if len(values) != n:
        raise ValueError(f"`{name}` has length {len(values)}, expected {n}")


# --------------------------------------------------------------------------- usable information


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
    _require(losses, "seed", "representation", "loss")
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
    _require(usable, "representation", "usable_info_nats")
    info = usable.set_index("representation")["usable_info_nats"]
    for rep in (numerator, denominator):
        if rep not in info.index:
            raise KeyError(f"representation {rep!r} not in table")
    den = float(info[denominator])
    if not den > 0:
        return float("nan")
    return float(info[numerator]) / den


# --------------------------------------------------------------------------- calibration


def _reliability_bins(
    probs: np.ndarray, y: np.ndarray, n_bins: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    p = _as_prob(probs, "probs", 2)
    y = np.asarray(y)
    _check_len("y", y, len(p))
    if n_bins < 1:
        raise ValueError("`n_bins` must be >= 1")
    if len(y) and (not np.all(np.mod(y, 1) == 0) or y.min() < 0 or y.max() >= p.shape[1]):
        raise ValueError("`y` must hold integer class indices in [0, C)")
    y = y.astype(int)
    conf = p.max(axis=1)
    correct = (p.argmax(axis=1) == y).astype(float)
    # Bins are [k/n, (k+1)/n), the last one closed; rounding keeps 0.3 * 10 in bin 3.
    idx = np.clip(np.floor(np.round(conf * n_bins, 9)).astype(int), 0, n_bins - 1)
    return conf, correct, idx


def compute_reliability(probs: np.ndarray, y: np.ndarray, n_bins: int = 10) -> pd.DataFrame:
    """Top-label reliability diagram in equal-width confidence bins on ``[0, 1]``.

    Confidence is the largest predicted probability; a prediction is correct when its argmax
    (first one on ties) equals the observed label. Bins are ``[k/n, (k+1)/n)``, the last closed.

    Args:
        probs: Predicted distributions, shape ``[N, C]``.
        y: Observed class indices, shape ``[N]``.
        n_bins: Number of bins.

    Returns:
        ``bin_low, bin_high, confidence, accuracy, count`` (mean confidence and accuracy per
        bin), one row per non-empty bin in increasing order.
    """
    conf, correct, idx = _reliability_bins(probs, y, n_bins)
    count = np.bincount(idx, minlength=n_bins)
    keep = count > 0
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_conf = np.bincount(idx, weights=conf, minlength=n_bins) / count
        acc = np.bincount(idx, weights=correct, minlength=n_bins) / count
    edges = np.arange(n_bins + 1) / n_bins
    return pd.DataFrame(
        {
            "bin_low": edges[:-1][keep],
            "bin_high": edges[1:][keep],
            "confidence": mean_conf[keep],
            "accuracy": acc[keep],
            "count": count[keep],
        }
    ).reset_index(drop=True)


def expected_calibration_error(probs: np.ndarray, y: np.ndarray, n_bins: int = 10) -> float:
    """Expected calibration error, ``sum_b n_b / N * |acc_b - conf_b|`` (bins as reliability).

    Args:
        probs: Predicted distributions, shape ``[N, C]``.
        y: Observed class indices, shape ``[N]``.
        n_bins: Number of equal-width bins.

    Returns:
        The ECE in ``[0, 1]``; NaN for no predictions.
    """
    table = compute_reliability(probs, y, n_bins)
    n = table["count"].sum()
    if n == 0:
        return float("nan")
    gap = (table["accuracy"] - table["confidence"]).abs()
    return float((table["count"] * gap).sum() / n)


# --------------------------------------------------------------------------- clustering


@dataclass(frozen=True, eq=False)
class ProfileClustering:
    """Result of :func:`greedy_profile_clustering`.

    Attributes:
        chosen: Candidate indices of the clusters, one per slot, shape ``[n_clusters]``.
        assignments: Per rater, the index into ``chosen`` of its lowest-loss cluster.
        total_loss: ``sum_i min_{k in chosen} L[i, k]``.
        n_iter: Number of full passes over the cluster slots that were run.
        converged: Whether the last pass left the chosen set unchanged.
        loss_history: Total loss at initialisation and after each pass (non-increasing).
    """

    chosen: np.ndarray
    assignments: np.ndarray
    total_loss: float
    n_iter: int
    converged: bool
    loss_history: np.ndarray


def _check_loss_table(loss_table: np.ndarray) -> np.ndarray:
    table = np.asarray(loss_table, dtype=float)
    if table.ndim != 2 or table.shape[1] < 1:
        raise ValueError(f"`loss_table` must be [n_raters, n_candidates], got {table.shape}")
    if np.isnan(table).any():
        raise ValueError("`loss_table` contains NaN")
    return table


def greedy_profile_clustering(
    loss_table: np.ndarray,
    n_clusters: int,
    max_iter: int = 20,
    seed: int = 0,
    init: Sequence[int] | None = None,
) -> ProfileClustering:
    """Value-profile clustering by greedy coordinate search (Algorithm 2).

    Each pass visits the cluster slots in order; fixing the other slots, slot ``c`` takes the
    candidate minimising ``sum_i min_{k in set} L[i, k]``. Candidates held by other slots are
    excluded (so the chosen profiles stay distinct) and the current one is kept on ties, so the
    total loss never increases. Passes repeat until one leaves the set unchanged or
    ``max_iter`` passes have run. Each slot update is one vectorised reduction over raters.

    Args:
        loss_table: ``L[i, k]``, summed negative log-likelihood of rater ``i``'s fit ratings
            under candidate profile ``k`` (see :func:`build_loss_table`).
        n_clusters: Number of clusters, ``1 <= n_clusters <= n_candidates``.
        max_iter: Maximum number of passes.
        seed: Seed for the random initial set when ``init`` is None.
        init: Distinct candidate indices to start from, one per slot.

    Returns:
        The chosen candidates, rater assignments, total loss and convergence information.

    Raises:
        ValueError: On an invalid table, ``n_clusters``, ``max_iter`` or ``init``.
    """
    table = _check_loss_table(loss_table)
    n_candidates = table.shape[1]
    if not 1 <= n_clusters <= n_candidates:
        raise ValueError(f"`n_clusters` must be in [1, {n_candidates}], got {n_clusters}")
    if max_iter < 0:
        raise ValueError("`max_iter` must be >= 0")
    if init is None:
        rng = np.random.default_rng(seed)
        chosen = rng.choice(n_candidates, size=n_clusters, replace=False)
    else:
        chosen = np.asarray(init, dtype=int).copy()
        if chosen.shape != (n_clusters,) or len(np.unique(chosen)) != n_clusters:
            raise ValueError("`init` must hold `n_clusters` distinct candidate indices")
        if chosen.min() < 0 or chosen.max() >= n_candidates:
            raise ValueError("`init` holds an out-of-range candidate index")

    def total(ch: np.ndarray) -> float:
        return float(table[:, ch].min(axis=1).sum())

    history = [total(chosen)]
    converged = False
    n_iter = 0
    while n_iter < max_iter and not converged:
        last = chosen.copy()
        for c in range(n_clusters):
            others = np.delete(chosen, c)
            if len(others):
                floor = table[:, others].min(axis=1, keepdims=True)
                totals = np.minimum(floor, table).sum(axis=0)
                totals[others] = np.inf
            else:
                totals = table.sum(axis=0)
            best = int(np.argmin(totals))
            if totals[best] < totals[chosen[c]]:
                chosen[c] = best
        n_iter += 1
        history.append(total(chosen))
        converged = bool(np.array_equal(chosen, last))
    assignments = np.argmin(table[:, chosen], axis=1)
    return ProfileClustering(
        chosen=chosen,
        assignments=assignments,
        total_loss=history[-1],
        n_iter=n_iter,
        converged=converged,
        loss_history=np.asarray(history),
    )


def assign_to_profiles(loss_table: np.ndarray, chosen: Sequence[int] | np.ndarray) -> np.ndarray:
    """Assign (new) raters to the chosen cluster with the smallest loss on their fit ratings.

    Args:
        loss_table: ``L[i, k]`` for the raters to assign, over all candidates.
        chosen: Candidate indices of the clusters (``ProfileClustering.chosen``).

    Returns:
        Per rater, the index into ``chosen`` (first one on ties), shape ``[n_raters]``.
    """
    table = _check_loss_table(loss_table)
    ch = np.asarray(chosen, dtype=int)
    if ch.ndim != 1 or len(ch) == 0:
        raise ValueError("`chosen` must be a non-empty 1-D index array")
    return np.argmin(table[:, ch], axis=1)


def build_loss_table(
    probs: np.ndarray,
    item_index: np.ndarray,
    label_index: np.ndarray,
    rater_index: np.ndarray,
    n_raters: int,
) -> np.ndarray:
    """Loss of each rater under each candidate profile, ``L[i, k] = sum -log P[j, k, y]``.

    Args:
        probs: ``P[j, k, y]``, decoder distributions, shape ``[n_items, n_candidates, C]``.
        item_index: Item row ``j`` of each fit rating.
        label_index: Class index ``y`` of each fit rating.
        rater_index: Rater ``i`` of each fit rating, in ``[0, n_raters)``.
        n_raters: Number of raters (rows of the result; raters without ratings get 0).

    Returns:
        ``L``, shape ``[n_raters, n_candidates]``, probabilities clipped at ``1e-12``.

    Raises:
        ValueError: On mismatched lengths or out-of-range indices.
    """
    p = np.asarray(probs, dtype=float)
    if p.ndim != 3:
        raise ValueError(f"`probs` must be [n_items, n_candidates, C], got {p.shape}")
    j, y, r = (np.asarray(a, dtype=int) for a in (item_index, label_index, rater_index))
    if not (j.shape == y.shape == r.shape) or j.ndim != 1:
        raise ValueError("index arrays must be 1-D and of equal length")
    for name, a, hi in (("item", j, p.shape[0]), ("label", y, p.shape[2]), ("rater", r, n_raters)):
        if len(a) and (a.min() < 0 or a.max() >= hi):
            raise ValueError(f"{name} index out of range [0, {hi})")
    nll = -np.log(np.clip(p[j, :, y], PROB_CLIP, 1.0))  # [n_ratings, n_candidates]
    table = np.zeros((n_raters, p.shape[1]))
    np.add.at(table, r, nll)
    return table


def compute_cluster_summary(
    result: ProfileClustering,
    loss_table: np.ndarray,
    profiles: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Size and fit of each cluster of a :func:`greedy_profile_clustering` result.

    Args:
        result: The clustering.
        loss_table: The loss table it was fitted on.
        profiles: Profile text per candidate (optional).

    Returns:
        ``cluster, candidate, profile, n_raters, share, mean_loss`` (mean ``L`` of its raters),
        one row per cluster slot.
    """
    table = _check_loss_table(loss_table)
    k = len(result.chosen)
    n = np.bincount(result.assignments, minlength=k)
    own = table[np.arange(len(table)), result.chosen[result.assignments]]
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_loss = np.bincount(result.assignments, weights=own, minlength=k) / n
    texts = [profiles[c] if profiles is not None else None for c in result.chosen]
    return pd.DataFrame(
        {
            "cluster": np.arange(k),
            "candidate": result.chosen,
            "profile": texts,
            "n_raters": n,
            "share": n / max(len(table), 1),
            "mean_loss": mean_loss,
        }
    )


# --------------------------------------------------------------------------- uncertainty


def compute_item_uncertainty(
    item_ids: Sequence[Any], p_none: np.ndarray, p_profiles: np.ndarray
) -> pd.DataFrame:
    """Per-item decomposition of predictive uncertainty (appendix D.1, model-based).

    ``total = H(p_none[j])``, ``aleatoric = mean_k H(p_profiles[j, k])`` and
    ``value_epistemic = total - aleatoric`` (negative when profiles add uncertainty).

    Args:
        item_ids: Item identifiers, length ``n_items``.
        p_none: No-information decoder distributions, shape ``[n_items, C]``.
        p_profiles: Value-profile decoder distributions, shape ``[n_items, n_profiles, C]``.

    Returns:
        ``item_id, total, value_epistemic, aleatoric, fraction_value_epistemic`` (the last is
        ``value_epistemic / total``, NaN when ``total == 0``), in input order.
    """
    pn = _as_prob(p_none, "p_none", 2)
    pp = _as_prob(p_profiles, "p_profiles", 3)
    if pp.shape[0] != pn.shape[0] or pp.shape[2] != pn.shape[1] or pp.shape[1] < 1:
        raise ValueError(f"shape mismatch: p_none {pn.shape} vs p_profiles {pp.shape}")
    _check_len("item_ids", item_ids, len(pn))
    total = _entropy(pn)
    aleatoric = _entropy(pp).mean(axis=1)
    epistemic = total - aleatoric
    with np.errstate(invalid="ignore", divide="ignore"):
        fraction = np.where(total > 0, epistemic / np.where(total > 0, total, 1.0), np.nan)
    return pd.DataFrame(
        {
            "item_id": list(item_ids),
            "total": total,
            "value_epistemic": epistemic,
            "aleatoric": aleatoric,
            "fraction_value_epistemic": fraction,
        }
    )


# --------------------------------------------------------------------------- simulated juries


def observed_agreement(labels: Sequence[Any] | np.ndarray) -> float:
    """Probability that two different raters of one item agree.

    ``sum_y n_y (n_y - 1) / (n (n - 1))`` over the item's label counts ``n_y``.

    Args:
        labels: All labels the item received (one per annotation).

    Returns:
        The agreement in ``[0, 1]``; NaN with fewer than two labels.
    """
    values = pd.Series(np.asarray(labels, dtype=object)).dropna()
    n = len(values)
    if n < 2:
        return float("nan")
    counts = values.value_counts().to_numpy(dtype=float)
    return float((counts * (counts - 1)).sum() / (n * (n - 1)))


def predicted_agreement(p_profiles: np.ndarray) -> np.ndarray:
    """Probability that two distinct simulated jurors agree, per item.

    Two of the ``K`` profiles are drawn without replacement and each answers independently
    from its distribution: ``(||sum_k p_jk||^2 - sum_k ||p_jk||^2) / (K (K - 1))``.

    Args:
        p_profiles: Distributions, shape ``[n_items, K, C]`` with ``K >= 2``.

    Returns:
        Shape ``[n_items]``.
    """
    pp = _as_prob(p_profiles, "p_profiles", 3)
    k = pp.shape[1]
    if k < 2:
        raise ValueError("a jury needs at least two profiles")
    summed = (pp.sum(axis=1) ** 2).sum(axis=1)
    own = (pp**2).sum(axis=(1, 2))
    return (summed - own) / (k * (k - 1))


def compute_jury(
    item_ids: Sequence[Any],
    p_profiles: np.ndarray,
    observed: pd.DataFrame,
    min_annotations: int = 5,
) -> pd.DataFrame:
    """Simulated-jury vs observed inter-annotator agreement per item (section 7).

    Args:
        item_ids: Item identifiers, length ``n_items``, aligned with ``p_profiles``.
        p_profiles: Decoder distributions for a jury of profiles, shape ``[n_items, K, C]``.
        observed: One row per annotation with columns ``item_id, label_code`` (integer class).
        min_annotations: Minimum annotations for an item to be kept (at least 2 are always
            required, since agreement between two raters is otherwise undefined).

    Returns:
        ``item_id, predicted_p_agree, observed_p_agree, n_annotations`` for items of
        ``item_ids`` with enough annotations, in ``item_ids`` order.
    """
    _require(observed, "item_id", "label_code")
    predicted = predicted_agreement(p_profiles)
    _check_len("item_ids", item_ids, len(predicted))
    obs = observed.dropna(subset=["label_code"])
    counts = obs.groupby(["item_id", "label_code"], sort=False).size()
    n = counts.groupby(level="item_id", sort=False).sum()
    pairs = (counts * (counts - 1)).groupby(level="item_id", sort=False).sum()
    with np.errstate(invalid="ignore", divide="ignore"):
        agree = pairs / (n * (n - 1))
    ids = pd.Index(list(item_ids))
    out = pd.DataFrame(
        {
            "item_id": ids,
            "predicted_p_agree": predicted,
            "observed_p_agree": agree.reindex(ids).to_numpy(dtype=float),
            "n_annotations": n.reindex(ids).fillna(0).to_numpy(dtype=int),
        }
    )
    keep = out["n_annotations"] >= max(min_annotations, 2)
    return out[keep].reset_index(drop=True)


def jury_correlation(df: pd.DataFrame) -> dict[str, float]:
    """Pearson correlation between predicted and observed agreement.

    Args:
        df: Output of :func:`compute_jury`.

    Returns:
        ``{"r": ..., "p_value": ..., "n": ...}``; ``r`` and ``p_value`` are NaN with fewer
        than three items or a constant column.
    """
    _require(df, "predicted_p_agree", "observed_p_agree")
    sub = df[["predicted_p_agree", "observed_p_agree"]].dropna()
    n = len(sub)
    x, y = sub["predicted_p_agree"].to_numpy(), sub["observed_p_agree"].to_numpy()
    if n < 3 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return {"r": float("nan"), "p_value": float("nan"), "n": n}
    res = stats.pearsonr(x, y)
    return {"r": float(res[0]), "p_value": float(res[1]), "n": n}


# --------------------------------------------------------------------------- profile editor


def js_divergence(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Jensen-Shannon divergence (nats, at most ``ln 2``) along the last axis.

    Args:
        p: Distributions, class axis last.
        q: Distributions of the same shape.

    Returns:
        The divergence per row.
    """
    p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    m = 0.5 * (p + q)

    def kl(a: np.ndarray) -> np.ndarray:
        ratio = np.where(a > 0, a / np.where(m > 0, m, 1.0), 1.0)
        return (a * np.log(ratio)).sum(axis=-1)

    return np.maximum(0.5 * kl(p) + 0.5 * kl(q), 0.0)


def compute_prediction_shift(
    item_ids: Sequence[Any],
    texts: Sequence[str] | None,
    p_before: np.ndarray,
    p_after: np.ndarray,
    classes: Sequence[float] | None,
    sort_by: Literal["delta", "js"] = "delta",
) -> pd.DataFrame:
    """How a profile edit shifts each item's predicted distribution.

    With numeric ``classes``, ``before``/``after`` are expected labels ``sum_y p_y * class_y``;
    otherwise they are the probability of the class most likely before the edit
    (``df.attrs["quantity"]`` names which).

    Args:
        item_ids: Item identifiers, length ``n_items``.
        texts: Item texts aligned with ``item_ids`` (optional).
        p_before: Distributions before the edit, shape ``[n_items, C]``.
        p_after: Distributions after the edit, same shape.
        classes: Numeric value of each class, length ``C``, or None.
        sort_by: ``"delta"`` (``|delta|`` descending, JS breaking ties) or ``"js"``.

    Returns:
        ``item_id, text, top_class, before, after, delta, js_divergence`` (``top_class`` is the
        argmax before: a class value when ``classes`` is given, else an index).
    """
    if sort_by not in ("delta", "js"):
        raise ValueError("`sort_by` must be 'delta' or 'js'")
    pb = _as_prob(p_before, "p_before", 2)
    pa = _as_prob(p_after, "p_after", 2)
    if pb.shape != pa.shape:
        raise ValueError(f"shape mismatch: {pb.shape} vs {pa.shape}")
    _check_len("item_ids", item_ids, len(pb))
    if texts is not None:
        _check_len("texts", texts, len(pb))
    top = pb.argmax(axis=1)
    if classes is not None:
        values = np.asarray(classes, dtype=float)
        _check_len("classes", values, pb.shape[1])
        before, after = pb @ values, pa @ values
        top_class: np.ndarray = values[top]
        quantity = "expected label"
    else:
        rows = np.arange(len(pb))
        before, after = pb[rows, top], pa[rows, top]
        top_class = top
        quantity = "P(most likely class before)"
    out = pd.DataFrame(
        {
            "item_id": list(item_ids),
            "text": list(texts) if texts is not None else [None] * len(pb),
            "top_class": top_class,
            "before": before,
            "after": after,
            "delta": after - before,
            "js_divergence": js_divergence(pb, pa),
        }
    )
    keys = (
        (out["delta"].abs(), out["js_divergence"])
        if sort_by == "delta"
        else (out["js_divergence"], out["delta"].abs())
    )
    order = np.lexsort((-keys[1].to_numpy(), -keys[0].to_numpy()))
    out = out.iloc[order].reset_index(drop=True)
    out.attrs["quantity"] = quantity
    return out


def summarise_distribution(probs: np.ndarray, classes: Sequence[Any] | None = None) -> pd.DataFrame:
    """Mean predicted share of each class over all items.

    Args:
        probs: Distributions, shape ``[n_items, C]``.
        classes: Class labels, length ``C`` (default: class indices).

    Returns:
        ``class, share`` with one row per class; shares sum to 1.
    """
    p = _as_prob(probs, "probs", 2)
    labels = list(classes) if classes is not None else list(range(p.shape[1]))
    _check_len("classes", labels, p.shape[1])
    share = p.mean(axis=0) if len(p) else np.full(p.shape[1], np.nan)
    return pd.DataFrame({"class": labels, "share": share})


__all__ = [
    "ProfileClustering",
    "assign_to_profiles",
    "build_loss_table",
    "compute_cluster_summary",
    "compute_item_uncertainty",
    "compute_jury",
    "compute_prediction_shift",
    "compute_reliability",
    "compute_usable_information",
    "expected_calibration_error",
    "greedy_profile_clustering",
    "information_preserved",
    "js_divergence",
    "jury_correlation",
    "observed_agreement",
    "predicted_agreement",
    "summarise_distribution",
]
