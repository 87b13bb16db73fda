"""Value clusters over annotations, from three sources (mc-stl seed, section 2.1).

* ``"rationale"``: the annotations' free-text rationales, embedded, clustered by k-means for a
  chosen K (or the K of a sweep with the best silhouette) or by UMAP -> HDBSCAN; a new
  annotation joins the cluster with the nearest centroid (in the embedding space).
* ``"tags"``: an expert taxonomy in ``value_tags`` (``;``-separated): one cluster per tag, an
  annotation in every cluster it is tagged with (multi-membership, eq. 1's sum).
* ``"demographics"``: sociocultural cross-sections of chosen annotator columns; a
  cross-section with fewer annotators than the privacy minimum joins one merged cluster.

Every source gives a 0/1 membership matrix ``[N, K]``; an annotation may be in no cluster
(a blank rationale, no tag), in which case MC-STL adds no value embedding for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

from engines.data.groups import merged_label, natural_key

__all__ = [
    "SOURCES",
    "ClusterSource",
    "RationaleClusters",
    "ValueClusters",
    "cross_sections",
    "demographic_clusters",
    "k_sweep",
    "tag_clusters",
]

ClusterSource = Literal["rationale", "tags", "demographics"]
SOURCES: tuple[ClusterSource, ...] = ("rationale", "tags", "demographics")


@dataclass(frozen=True)
class ValueClusters:
    """Cluster names and the membership of each annotation."""

    names: tuple[str, ...]
    """The ``K`` clusters."""
    membership: np.ndarray
    """``[N, K]`` 0/1 (float32)."""
    source: ClusterSource
    """Where they came from."""

    @property
    def sizes(self) -> pd.Series:
        """Annotations per cluster."""
        return pd.Series(self.membership.sum(0).astype(int), index=list(self.names), name="n")


def tag_clusters(tags: pd.Series, names: Sequence[str] | None = None) -> ValueClusters:
    """One cluster per tag of ``;``-separated ``value_tags`` (blank: no cluster).

    Args:
        tags: One cell per annotation.
        names: The clusters to use (e.g. those of the training set, so that test annotations
            get the same columns); None: every tag seen, in natural order.
    """
    split = [
        [t.strip() for t in str(v).split(";") if t.strip()] if pd.notna(v) else [] for v in tags
    ]
    if names is None:
        names = sorted({t for row in split for t in row}, key=natural_key)
    index = {n: k for k, n in enumerate(names)}
    member = np.zeros((len(split), len(names)), np.float32)
    for i, row in enumerate(split):
        for t in row:
            if t in index:
                member[i, index[t]] = 1.0
    return ValueClusters(tuple(names), member, "tags")


def cross_sections(
    annotators: pd.DataFrame, columns: Sequence[str], min_group_size: int
) -> pd.Series:
    """Each annotator's cross-section label (``age=18-29 · gender=woman``), small ones merged.

    Args:
        annotators: ``annotator_id`` plus the columns (one row per annotator).
        columns: The demographic columns to cross.
        min_group_size: Cross-sections with fewer annotators are pooled into
            :func:`~engines.data.groups.merged_label`.

    Returns:
        Annotator id -> label.
    """
    if not columns:
        raise ValueError("choose at least one demographic column")
    missing = [c for c in columns if c not in annotators.columns]
    if missing:
        raise KeyError(f"column(s) {missing} not found; available: {list(annotators.columns)}")
    parts = annotators[list(columns)].astype(str).fillna("(missing)")
    label = parts.apply(lambda r: " · ".join(f"{c}={r[c]}" for c in columns), axis=1)
    sizes = label.value_counts()
    small = sizes.index[sizes < min_group_size]
    label = label.where(~label.isin(small), merged_label(min_group_size))
    return pd.Series(label.to_numpy(), index=annotators["annotator_id"].astype(str))


def demographic_clusters(
    annotator_ids: Sequence[str], sections: pd.Series, names: Sequence[str] | None = None
) -> ValueClusters:
    """One cluster per cross-section (:func:`cross_sections`) for each annotation's annotator."""
    labels = pd.Series([str(a) for a in annotator_ids]).map(sections)
    if names is None:
        names = sorted(labels.dropna().unique(), key=natural_key)
    index = {n: k for k, n in enumerate(names)}
    member = np.zeros((len(labels), len(names)), np.float32)
    for i, lab in enumerate(labels):
        if lab in index:
            member[i, index[lab]] = 1.0
    return ValueClusters(tuple(names), member, "demographics")


def k_sweep(emb: np.ndarray, ks: Sequence[int] = (2, 3, 4, 5, 6), seed: int = 0) -> pd.DataFrame:
    """k-means for each K: silhouette (cosine; on at most 5,000 points) and cluster sizes.

    Returns:
        ``k, silhouette, sizes`` (sizes largest first, as a string), one row per feasible K.
    """
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score

    x = _normalise(emb)
    rows = []
    for k in ks:
        if not 2 <= k < len(x):
            continue
        labels = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(x)
        score = silhouette_score(x, labels, metric="cosine", sample_size=min(len(x), 5000),
                                 random_state=seed)  # fmt: skip
        sizes = np.sort(np.bincount(labels))[::-1]
        rows.append((int(k), float(score), ", ".join(str(int(s)) for s in sizes)))
    return pd.DataFrame(rows, columns=["k", "silhouette", "sizes"])


@dataclass
class RationaleClusters:
    """Clusters of rationale embeddings with nearest-centroid assignment of new ones.

    Args:
        method: ``"kmeans"`` (a chosen K, or the best silhouette of :func:`k_sweep` when K is
            None) or ``"hdbscan"`` (UMAP to ``umap_dims`` dimensions, then scikit-learn's
            HDBSCAN; its noise points join their nearest cluster).
        k: Clusters for k-means (None: chosen by silhouette over 2-6).
        min_cluster_size: HDBSCAN's smallest cluster.
        umap_dims: UMAP output dimensions before HDBSCAN.
        seed: Random state of k-means and UMAP.

    Attributes:
        centroids_: ``[K, d]`` unit-norm centroids in the embedding space.
        labels_: Cluster of each fitted rationale.
        sweep_: The K sweep (k-means without a chosen K), else None.
    """

    method: Literal["kmeans", "hdbscan"] = "kmeans"
    k: int | None = None
    min_cluster_size: int = 15
    umap_dims: int = 5
    seed: int = 0
    sweep_: pd.DataFrame | None = field(default=None, init=False)

    def fit(self, emb: np.ndarray) -> RationaleClusters:
        """Cluster ``emb`` ``[N, d]`` (one row per non-blank rationale)."""
        x = _normalise(emb)
        if len(x) < 3:
            raise ValueError(f"rationale clustering needs at least 3 rationales, got {len(x)}")
        if self.method == "kmeans":
            from sklearn.cluster import KMeans

            k = self.k
            if k is None:
                self.sweep_ = k_sweep(x, seed=self.seed)
                k = int(self.sweep_.loc[self.sweep_["silhouette"].idxmax(), "k"])
            labels = KMeans(n_clusters=k, n_init=10, random_state=self.seed).fit_predict(x)
        elif self.method == "hdbscan":
            labels = self._hdbscan(x)
        else:
            raise ValueError(f"method must be 'kmeans' or 'hdbscan', got {self.method!r}")
        found = np.unique(labels[labels >= 0])
        if len(found) == 0:
            raise ValueError("HDBSCAN found no cluster: lower the smallest cluster size")
        self.centroids_ = _normalise(np.stack([x[labels == c].mean(0) for c in found]))
        self.labels_ = self.assign(emb)  # noise points join their nearest cluster
        return self

    def _hdbscan(self, x: np.ndarray) -> np.ndarray:
        import umap
        from sklearn.cluster import HDBSCAN

        dims = min(self.umap_dims, max(2, len(x) - 2))
        reduced = umap.UMAP(
            n_components=dims, metric="cosine", random_state=self.seed, n_jobs=1,
            n_neighbors=min(15, len(x) - 1),
        ).fit_transform(x)  # fmt: skip
        size = min(self.min_cluster_size, len(x))
        return HDBSCAN(min_cluster_size=size, copy=True).fit_predict(reduced)

    def assign(self, emb: np.ndarray) -> np.ndarray:
        """The nearest centroid (cosine) of each embedding."""
        return np.argmax(_normalise(emb) @ self.centroids_.T, axis=1)

    def clusters(self, emb: np.ndarray, present: np.ndarray) -> ValueClusters:
        """Each annotation's rationale cluster; none where ``present`` is False (blank)."""
        k = len(self.centroids_)
        member = np.zeros((len(present), k), np.float32)
        rows = np.flatnonzero(present)
        if len(rows):
            member[rows, self.assign(np.asarray(emb)[rows])] = 1.0
        return ValueClusters(tuple(f"cluster {c + 1}" for c in range(k)), member, "rationale")


def _normalise(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float64)
    return x / np.clip(np.linalg.norm(x, axis=1, keepdims=True), 1e-12, None)
