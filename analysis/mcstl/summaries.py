"""Rationale-cluster summaries and the 2-D map of rationales (mc-stl seed sections 3-4, A.3).

:func:`compute_cluster_summary` gives per value cluster its size, label distribution, c-TF-IDF
keywords (of its rationales against the other clusters'), the rationales nearest its centroid
and its demographic make-up; :func:`compute_rationale_map` places each distinct rationale on a
2-D UMAP map with its cluster, its most frequent label and how often it was written.
:func:`~engines.mcstl.llm_summary.summary_prompt` is the seed's appendix A.3 prompt, for the
optional LLM summary (re-exported here).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from engines.mcstl.llm_summary import summary_prompt
from engines.profiles.themes import ctfidf_keywords

__all__ = [
    "readable_cluster_names",
    "MAP_COLUMNS",
    "SUMMARY_COLUMNS",
    "compute_cluster_summary",
    "compute_rationale_map",
    "summary_prompt",
]

SUMMARY_COLUMNS = ["cluster", "n", "share", "labels", "keywords", "central", "makeup"]
MAP_COLUMNS = ["x", "y", "rationale", "cluster", "label", "n"]


def _normalise(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=float)
    return x / np.clip(np.linalg.norm(x, axis=1, keepdims=True), 1e-12, None)


def compute_cluster_summary(
    rows: pd.DataFrame,
    membership: np.ndarray,
    names: Sequence[str],
    rationale_emb: np.ndarray | None = None,
    centroids: np.ndarray | None = None,
    makeup_column: str | None = None,
    n_keywords: int = 5,
    n_central: int = 3,
) -> pd.DataFrame:
    """One row per value cluster.

    Args:
        rows: The clustered annotations: ``label`` and, when present, ``rationale`` and
            ``makeup_column``.
        membership: ``[N, K]`` 0/1 membership of ``rows``.
        names: The ``K`` cluster names.
        rationale_emb: ``[N, d]`` rationale embeddings of ``rows`` (for the central ones).
        centroids: ``[K, d]`` cluster centroids in the same space.
        makeup_column: A demographic column whose shares describe each cluster.
        n_keywords: c-TF-IDF keywords per cluster.
        n_central: Rationales nearest the centroid per cluster.

    Returns:
        ``cluster, n, share, labels, keywords, central, makeup``: ``labels`` and ``makeup``
        read like ``1: 40% · 2: 35% · ...``; ``central`` joins the distinct rationales nearest
        the centroid with `` | ``.
    """
    member = np.asarray(membership) > 0
    has_text = "rationale" in rows.columns
    texts = rows["rationale"].fillna("").astype(str) if has_text else pd.Series([""] * len(rows))
    docs = [" ".join(texts[member[:, k]]) for k in range(len(names))]
    keywords = ctfidf_keywords(docs, n_keywords) if has_text else [[] for _ in names]
    out = []
    for k, name in enumerate(names):
        sel = member[:, k]
        part = rows[sel]
        central = ""
        if rationale_emb is not None and centroids is not None and sel.any():
            emb = _normalise(np.asarray(rationale_emb)[sel])
            closeness = emb @ _normalise(centroids)[k]
            order = np.argsort(-closeness, kind="stable")
            picked = list(dict.fromkeys(texts[sel].to_numpy()[order]))
            central = " | ".join([t for t in picked if t.strip()][:n_central])
        out.append(
            (
                str(name),
                int(sel.sum()),
                float(sel.mean()) if len(sel) else 0.0,
                _shares(part["label"]) if "label" in part else "",
                ", ".join(keywords[k]),
                central,
                _shares(part[makeup_column]) if makeup_column and makeup_column in part else "",
            )
        )
    return pd.DataFrame(out, columns=SUMMARY_COLUMNS)


def _shares(values: pd.Series, top: int = 5) -> str:
    from engines.data.groups import natural_key
    from engines.data.schema import format_label

    counts = values.dropna().map(format_label).value_counts(normalize=True)
    order = (
        sorted(counts.index, key=natural_key)[:top] if len(counts) <= top else counts.index[:top]
    )
    return " · ".join(f"{v}: {counts[v]:.0%}" for v in order)


def readable_cluster_names(summary: pd.DataFrame, n_words: int = 2) -> tuple[str, ...]:
    """Cluster names with their first keywords: ``"cluster 1 (hurt, harm)"``.

    Clusters without keywords keep their name.
    """
    names = []
    for name, words in zip(summary["cluster"], summary["keywords"], strict=True):
        top = [w.strip() for w in str(words).split(",") if w.strip()][:n_words]
        names.append(f"{name} ({', '.join(top)})" if top else str(name))
    return tuple(names)


def compute_rationale_map(
    rationales: Sequence[str],
    emb: np.ndarray,
    cluster: Sequence[int],
    labels: Sequence[object],
    names: Sequence[str],
    seed: int = 0,
    groups: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Each distinct rationale on a 2-D UMAP map (cosine), with its cluster and usual label.

    Args:
        rationales: One per annotation (blank ones are left out).
        emb: ``[N, d]`` their embeddings.
        cluster: Cluster index of each annotation.
        labels: Each annotation's label.
        names: Cluster names.
        seed: UMAP's random state.
        groups: Optional annotator columns (one row per annotation, e.g. demographics): each
            becomes a column holding the group that wrote the rationale most often.

    Returns:
        ``x, y, rationale, cluster, label, n`` and the ``groups`` columns: one row per distinct
        rationale (``label`` is its most frequent label, ``n`` how often it was written).
    """
    frame = pd.DataFrame(
        {"rationale": [str(r) for r in rationales], "cluster": list(cluster), "label": labels}
    )
    extra = [] if groups is None else [str(c) for c in groups.columns]
    for col in extra:
        frame[col] = groups[col].astype(str).to_numpy()
    frame["row"] = np.arange(len(frame))
    frame = frame[frame["rationale"].str.strip() != ""]
    if frame.empty:
        return pd.DataFrame(columns=[*MAP_COLUMNS, *extra])
    grouped = frame.groupby("rationale", sort=True)
    first = grouped["row"].first()
    table = pd.DataFrame(
        {
            "rationale": first.index,
            "cluster": [str(names[int(c)]) for c in grouped["cluster"].agg(lambda s: s.mode()[0])],
            "label": grouped["label"].agg(lambda s: s.mode()[0]).astype(str).to_numpy(),
            "n": grouped.size().to_numpy(),
        }
    )
    for col in extra:
        table[col] = grouped[col].agg(lambda s: s.mode()[0]).to_numpy()
    points = np.asarray(emb)[first.to_numpy()]
    table[["x", "y"]] = _umap_2d(points, seed)
    return table[[*MAP_COLUMNS, *extra]]


def _umap_2d(x: np.ndarray, seed: int) -> np.ndarray:
    if len(x) < 4:  # too few for UMAP's neighbour graph: the first two principal axes
        centred = x - x.mean(0)
        _, _, vt = np.linalg.svd(centred, full_matrices=False)
        out = centred @ vt[:2].T
        return np.pad(out, ((0, 0), (0, 2 - out.shape[1])))
    import umap

    reducer = umap.UMAP(
        n_components=2, metric="cosine", random_state=seed, n_jobs=1,
        n_neighbors=min(15, len(x) - 1),
    )  # fmt: skip
    return reducer.fit_transform(x)
