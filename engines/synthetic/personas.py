"""Personas and which synthetic annotations to make (dem-moe seed, section 7.1.1).

The persona pool is every demographic combination observed among the real annotators. A
*plan* says, per item, which personas annotate it:

* ``0.5x`` / ``1x``: an item with ``n`` real annotations gets ``round(0.5 n)`` / ``n``
  synthetic ones, from personas drawn at random;
* ``fill``: every item is filled up to the largest number of real annotations any item has;
* ``cluster``: real annotators are clustered by k-means on their demographics (one-hot) and
  rating behaviour (mean and SD of their ratings, standardised); each cluster keeps its
  ``n_representatives`` annotators nearest its centroid and as many *disagreers* drawn from the
  cluster farthest from it; per item one cluster is chosen at random and its ``n`` synthetic
  annotations come half from the representatives, half from the disagreers. These personas copy
  a real annotator's profile (``source_annotator``).

A persona annotates under the id ``syn:<persona_id>``, so a model sees one synthetic annotator
per persona.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from engines.data.groups import group_label
from engines.data.schema import ANNOTATOR_ID, ITEM_ID, LABEL

__all__ = [
    "PERSONA_ID",
    "SOURCE",
    "STRATEGIES",
    "Strategy",
    "counts_per_item",
    "describe_persona",
    "persona_pool",
    "plan_annotations",
    "synthetic_id",
]

Strategy = Literal["0.5x", "1x", "fill", "cluster"]
STRATEGIES: tuple[Strategy, ...] = ("0.5x", "1x", "fill", "cluster")
PERSONA_ID = "persona_id"
SOURCE = "source_annotator"
"""The real annotator a cluster-strategy persona copies (empty for random personas)."""


def synthetic_id(persona_id: str) -> str:
    """The annotator id a persona annotates under."""
    return f"syn:{persona_id}"


def _labels(frame: pd.DataFrame, attributes: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame({a: frame[a].map(group_label) for a in attributes}, index=frame.index)


def persona_pool(annotators: pd.DataFrame, attributes: Sequence[str]) -> pd.DataFrame:
    """Every observed combination of ``attributes``: ``persona_id``, the values, ``n_annotators``.

    Personas are numbered by decreasing number of real annotators (ties: by values).

    Raises:
        ValueError: Without attributes or annotators.
    """
    if not attributes:
        raise ValueError("Personas need at least one demographic column.")
    if annotators.empty:
        raise ValueError("There are no annotators to take personas from.")
    labels = _labels(annotators, attributes)
    pool = labels.value_counts().rename("n_annotators").reset_index()
    pool = pool.sort_values(
        ["n_annotators", *attributes], ascending=[False] + [True] * len(attributes)
    )
    pool.insert(0, PERSONA_ID, [f"p{k + 1:03d}" for k in range(len(pool))])
    return pool.reset_index(drop=True)


def describe_persona(persona: pd.Series | dict, attributes: Sequence[str]) -> str:
    """``"age: 25-29, gender: woman"``: a persona's values, missing ones left out."""
    parts = [f"{a}: {persona[a]}" for a in attributes if str(persona[a]) != group_label(None)]
    return ", ".join(parts) if parts else "an annotator"


def counts_per_item(real: pd.DataFrame, strategy: Strategy) -> pd.Series:
    """Synthetic annotations each item gets under a random strategy (or ``cluster``: ``n``)."""
    n = real.groupby(ITEM_ID, sort=True).size()
    if strategy == "0.5x":
        return np.floor(0.5 * n + 0.5).astype(int)
    if strategy in ("1x", "cluster"):
        return n.astype(int)
    if strategy == "fill":
        return (n.max() - n).astype(int)
    raise ValueError(f"strategy must be one of {', '.join(STRATEGIES)}, got {strategy!r}")


def plan_annotations(
    real: pd.DataFrame,
    annotators: pd.DataFrame,
    attributes: Sequence[str],
    strategy: Strategy,
    seed: int = 0,
    n_clusters: int = 5,
    n_representatives: int = 20,
) -> pd.DataFrame:
    """Which persona annotates which item.

    Args:
        real: The real annotations (``item_id, annotator_id, label``) the plan adds to.
        annotators: One row per real annotator with the ``attributes``.
        attributes: The demographic columns that make a persona.
        strategy: ``0.5x``, ``1x``, ``fill`` or ``cluster``.
        seed: Seed of every random choice.
        n_clusters: k-means clusters of the ``cluster`` strategy.
        n_representatives: Representatives (and disagreers) per cluster.

    Returns:
        ``item_id, persona_id, annotator_id, source_annotator`` + the attributes, one row per
        planned synthetic annotation.
    """
    rng = np.random.default_rng(seed)
    pool = persona_pool(annotators, attributes)
    counts = counts_per_item(real, strategy)
    if strategy == "cluster":
        rows = _cluster_plan(real, annotators, attributes, counts, pool, rng, n_clusters,
                             n_representatives)  # fmt: skip
    else:
        rows = []
        for item, k in counts.items():
            if k <= 0:
                continue
            picks = rng.choice(len(pool), int(k), replace=int(k) > len(pool))
            rows += [(str(item), int(p), "") for p in picks]
    plan = pd.DataFrame(rows, columns=[ITEM_ID, "_persona", SOURCE])
    personas = pool.iloc[plan["_persona"].to_numpy()].reset_index(drop=True)
    out = pd.concat([plan.drop(columns="_persona"), personas[[PERSONA_ID, *attributes]]], axis=1)
    out.insert(1, ANNOTATOR_ID, out[PERSONA_ID].map(synthetic_id))
    return out[[ITEM_ID, PERSONA_ID, ANNOTATOR_ID, SOURCE, *attributes]]


def _behaviour(
    real: pd.DataFrame, annotators: pd.DataFrame, attributes: Sequence[str]
) -> np.ndarray:
    """Per annotator: one-hot demographics and standardised rating mean and SD."""
    ids = annotators[ANNOTATOR_ID].astype(str)
    ratings = pd.to_numeric(real[LABEL], errors="coerce").groupby(real[ANNOTATOR_ID].astype(str))
    stats = pd.DataFrame({"mean": ratings.mean(), "sd": ratings.std()}).reindex(ids)
    stats = stats.fillna(stats.mean()).fillna(0.0)
    stats = (stats - stats.mean()) / stats.std(ddof=0).replace(0, 1.0)
    onehot = pd.get_dummies(_labels(annotators, attributes).astype(str)).to_numpy(float)
    return np.hstack([onehot, stats.to_numpy(float)])


def _cluster_plan(
    real: pd.DataFrame,
    annotators: pd.DataFrame,
    attributes: Sequence[str],
    counts: pd.Series,
    pool: pd.DataFrame,
    rng: np.random.Generator,
    n_clusters: int,
    n_representatives: int,
) -> list[tuple[str, int, str]]:
    from sklearn.cluster import KMeans

    x = _behaviour(real, annotators, attributes)
    k = max(2, min(n_clusters, len(x) // 2))
    km = KMeans(k, n_init=10, random_state=int(rng.integers(1 << 31))).fit(x)
    dist = np.linalg.norm(x[:, None, :] - km.cluster_centers_[None], axis=2)
    centre = np.linalg.norm(km.cluster_centers_[:, None] - km.cluster_centers_[None], axis=2)
    members = [np.flatnonzero(km.labels_ == c) for c in range(k)]
    reps = [m[np.argsort(dist[m, c])[:n_representatives]] for c, m in enumerate(members)]
    far = centre.argmax(1)
    disagree = [rng.choice(members[f], min(n_representatives, len(members[f])), replace=False)
                for f in far]  # fmt: skip
    key = _labels(annotators, attributes).astype(str).agg("\x1f".join, axis=1).to_numpy()
    persona_of = dict(zip(pool[list(attributes)].astype(str).agg("\x1f".join, axis=1),
                          range(len(pool)), strict=True))  # fmt: skip
    ids = annotators[ANNOTATOR_ID].astype(str).to_numpy()
    rows = []
    for item, n in counts.items():
        if n <= 0:
            continue
        c = int(rng.integers(k))
        half = int(np.ceil(n / 2))
        rest = n - half
        chosen = [*rng.choice(reps[c], half, replace=half > len(reps[c])),
                  *rng.choice(disagree[c], rest, replace=rest > len(disagree[c]))]  # fmt: skip
        rows += [(str(item), persona_of[key[a]], ids[a]) for a in chosen]
    return rows
