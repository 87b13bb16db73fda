"""The weighted blend's weights (dem-moe seed, section 7.1.2).

Each synthetic rating ``x_i`` from persona ``i`` gets ``w = A(x_i) / T(c_i) / P(c_i)``; real
ratings get 1. Computed on the items both synthetic and human annotators rated:

* ``A`` (alignment): the inverse of the persona's *fidelity error*, the mean absolute difference
  between the synthetic and the human mean rating of an item, over shared items, for each
  demographic group the persona belongs to, averaged over those groups;
* ``T`` (trustworthiness of the persona's cluster ``c_i``): the same error for the cluster's
  synthetic vs human annotators (clusters: k-means on the one-hot demographics of everyone, so
  intersectional identities fall together); a larger error gives a smaller weight;
* ``P`` (prevalence): the share of human annotators in the cluster, so rarer perspectives weigh
  more.

Errors are floored at ``floor`` rating points so a perfect match cannot give an infinite weight.
The seed leaves the scale of ``w`` open; with ``normalise`` (the default) the synthetic weights
are divided by their mean, so a synthetic rating weighs 1 on average, as a real one does.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from engines.data.groups import group_label
from engines.data.schema import ANNOTATOR_ID, ITEM_ID, LABEL

__all__ = ["demographic_clusters", "group_error", "synthetic_weights"]


def demographic_clusters(
    annotators: pd.DataFrame, attributes: Sequence[str], k: int = 5, seed: int = 0
) -> pd.Series:
    """``annotator_id -> cluster`` by k-means on one-hot demographics (``k`` capped by the rows)."""
    from sklearn.cluster import KMeans

    labels = pd.DataFrame({a: annotators[a].map(group_label) for a in attributes})
    x = pd.get_dummies(labels.astype(str)).to_numpy(float)
    k = max(1, min(k, len(np.unique(x, axis=0))))
    cluster = KMeans(k, n_init=10, random_state=seed).fit_predict(x) if k > 1 else np.zeros(len(x))
    return pd.Series(cluster.astype(int), index=annotators[ANNOTATOR_ID].astype(str).to_numpy())


def group_error(synthetic: pd.DataFrame, human: pd.DataFrame) -> float:
    """Mean |synthetic item mean - human item mean| over the items both rated (NaN: none)."""
    s = pd.to_numeric(synthetic[LABEL]).groupby(synthetic[ITEM_ID].astype(str)).mean()
    h = pd.to_numeric(human[LABEL]).groupby(human[ITEM_ID].astype(str)).mean()
    shared = s.index.intersection(h.index)
    return float((s[shared] - h[shared]).abs().mean()) if len(shared) else float("nan")


def synthetic_weights(
    synthetic: pd.DataFrame,
    human: pd.DataFrame,
    attributes: Sequence[str],
    clusters: pd.Series,
    normalise: bool = True,
    floor: float = 0.1,
) -> pd.DataFrame:
    """The weight of every synthetic row and its parts.

    Args:
        synthetic: ``item_id, annotator_id, label`` + attributes (one persona per annotator id).
        human: The same columns for the human annotations.
        attributes: The demographic columns that define groups.
        clusters: ``annotator_id -> cluster`` for every human and synthetic annotator.
        normalise: Divide the weights by their mean.
        floor: The smallest error used (rating points).

    Returns:
        ``alignment, trust_error, prevalence, weight`` aligned with ``synthetic``'s index.

    Raises:
        KeyError: An annotator without a cluster.
    """
    sl = {a: synthetic[a].map(group_label) for a in attributes}
    hl = {a: human[a].map(group_label) for a in attributes}
    fallback = max(group_error(synthetic, human), floor) if len(synthetic) else floor
    errors = {
        (a, g): group_error(synthetic[sl[a] == g], human[hl[a] == g])
        for a in attributes for g in sl[a].unique()
    }  # fmt: skip
    per_row = pd.DataFrame({a: [errors[(a, g)] for g in sl[a]] for a in attributes},
                           index=synthetic.index)  # fmt: skip
    fidelity = per_row.mean(axis=1, skipna=True).fillna(fallback).clip(lower=floor)
    s_cluster = _clusters_of(synthetic, clusters)
    h_cluster = _clusters_of(human, clusters)
    trust = {
        c: group_error(synthetic[s_cluster == c], human[h_cluster == c])
        for c in np.unique(s_cluster)
    }
    trust_error = s_cluster.map(trust).fillna(fallback).clip(lower=floor)
    people = human.drop_duplicates(ANNOTATOR_ID)
    prevalence_of = _clusters_of(people, clusters).value_counts(normalize=True)
    prevalence = s_cluster.map(prevalence_of)
    # a cluster with no human annotator: as rare as the rarest one
    prevalence = prevalence.fillna(prevalence_of.min() if len(prevalence_of) else 1.0)
    weight = (1.0 / fidelity) / trust_error / prevalence
    if normalise and len(weight):
        weight = weight / weight.mean()
    return pd.DataFrame({"alignment": 1.0 / fidelity, "trust_error": trust_error,
                         "prevalence": prevalence, "weight": weight})  # fmt: skip


def _clusters_of(rows: pd.DataFrame, clusters: pd.Series) -> pd.Series:
    ids = rows[ANNOTATOR_ID].astype(str)
    missing = sorted(set(ids) - set(clusters.index.astype(str)))
    if missing:
        raise KeyError(f"{len(missing)} annotators have no cluster, e.g. {missing[0]!r}")
    return ids.map(clusters).astype(int)
