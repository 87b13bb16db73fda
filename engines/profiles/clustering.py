"""Value-profile clustering (Algorithm 2 of the value-profiles seed).

A decoder turns each candidate profile into a distribution per item; the loss table
``L[i, k]`` is rater ``i``'s negative log-likelihood of their fit ratings under candidate
``k``. :func:`greedy_profile_clustering` picks ``n_clusters`` candidates minimising
``sum_i min_{k in chosen} L[i, k]`` by greedy coordinate search, and every rater is assigned
to the chosen profile that explains their fit ratings best. Pure numpy, except
:func:`cluster_representation`, which asks a fitted decoder for the probabilities.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from engines.data.schema import ANNOTATOR_ID, ITEM_ID, LABEL_CODE
from engines.profiles.representations import RaterRepresentation

if TYPE_CHECKING:
    from engines.profiles.cross_encoder import CrossEncoderDecoder
    from engines.profiles.decoder import ProfileDecoder

__all__ = [
    "PROB_CLIP",
    "ProfileClustering",
    "assign_to_profiles",
    "build_loss_table",
    "check_loss_table",
    "cluster_representation",
    "greedy_profile_clustering",
]

PROB_CLIP = 1e-12
"""Probabilities of observed labels are clipped here, so every loss is finite."""


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


def check_loss_table(loss_table: np.ndarray) -> np.ndarray:
    """The loss table as a float ``[n_raters, n_candidates]`` array.

    Raises:
        ValueError: On a wrong shape or NaN entries.
    """
    table = np.asarray(loss_table, dtype=float)
    if table.ndim != 2 or table.shape[1] < 1:
        raise ValueError(f"`loss_table` must be [n_raters, n_candidates], got {table.shape}")
    if np.isnan(table).any():
        raise ValueError("`loss_table` contains NaN")
    return table


def _initial_set(
    n_candidates: int, n_clusters: int, seed: int, init: Sequence[int] | None
) -> np.ndarray:
    if init is None:
        rng = np.random.default_rng(seed)
        return rng.choice(n_candidates, size=n_clusters, replace=False)
    chosen = np.asarray(init, dtype=int).copy()
    if chosen.shape != (n_clusters,) or len(np.unique(chosen)) != n_clusters:
        raise ValueError("`init` must hold `n_clusters` distinct candidate indices")
    if chosen.min() < 0 or chosen.max() >= n_candidates:
        raise ValueError("`init` holds an out-of-range candidate index")
    return chosen


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
    table = check_loss_table(loss_table)
    n_candidates = table.shape[1]
    if not 1 <= n_clusters <= n_candidates:
        raise ValueError(f"`n_clusters` must be in [1, {n_candidates}], got {n_clusters}")
    if max_iter < 0:
        raise ValueError("`max_iter` must be >= 0")
    chosen = _initial_set(n_candidates, n_clusters, seed, init)

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
    table = check_loss_table(loss_table)
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


def cluster_representation(
    profile_dec: ProfileDecoder | CrossEncoderDecoder,
    profiles: Mapping[str, str],
    fit_rows: pd.DataFrame,
    candidate_raters: Sequence[str],
    n_clusters: int,
    n_candidates: int = 100,
    seed: int = 0,
) -> tuple[RaterRepresentation, pd.DataFrame]:
    """Algorithm 2: choose ``n_clusters`` candidate profiles, assign every rater to one.

    The loss table uses the candidate raters' fit ratings only; every rater (also held-out
    ones) is then assigned by their own fit ratings.

    Returns:
        (representation with each rater's cluster profile as text, assignments table
        ``annotator_id, cluster, profile``).
    """
    rng = np.random.default_rng(seed)
    pool = [r for r in sorted(candidate_raters) if profiles.get(r, "").strip()]
    cand = [pool[i] for i in sorted(rng.permutation(len(pool))[:n_candidates])]
    item_pos = {i: k for k, i in enumerate(profile_dec.item_ids_)}
    fit_items = sorted({item_pos[str(i)] for i in fit_rows[ITEM_ID]})
    probs = profile_dec.predict_texts([profiles[r] for r in cand], np.asarray(fit_items))
    local = {j: k for k, j in enumerate(fit_items)}
    raters = sorted(fit_rows[ANNOTATOR_ID].astype(str).unique())
    r_pos = {r: k for k, r in enumerate(raters)}
    table = build_loss_table(
        probs,
        np.asarray([local[item_pos[str(i)]] for i in fit_rows[ITEM_ID]]),
        fit_rows[LABEL_CODE].to_numpy(),
        np.asarray([r_pos[str(r)] for r in fit_rows[ANNOTATOR_ID]]),
        len(raters),
    )
    train_rows = np.asarray([r_pos[r] for r in candidate_raters if r in r_pos])
    result = greedy_profile_clustering(table[train_rows], n_clusters, seed=seed)
    assign = assign_to_profiles(table, result.chosen)
    chosen = [cand[k] for k in result.chosen]
    texts = {r: profiles[chosen[a]] for r, a in zip(raters, assign, strict=True)}
    frame = pd.DataFrame(
        {
            ANNOTATOR_ID: raters,
            "cluster": assign + 1,
            "profile": [profiles[chosen[a]] for a in assign],
        }
    )
    return RaterRepresentation(f"clusters-{n_clusters}", "text", texts), frame
