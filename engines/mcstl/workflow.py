"""One MC-STL experiment: value clusters on the training split, MC-STL and its baselines.

:func:`run_mcstl` builds the clusters from the chosen source on the training annotations
(rationale centroids, the training tags, the cross-sections of the training annotators), gives
the dev and test annotations the same columns (nearest centroid for rationales), trains every
variant on the item-level training split with early stopping on dev, and returns each model's
test predictions with their cluster membership (seed section 3).

With ``folds = F`` (small datasets) it cross-fits instead: the items are dealt into ``F`` folds,
each fold is the test set once (the next fold is dev, the rest train), and every annotation
gets an out-of-fold prediction, so the calibration lines rest on all annotations rather than a
15% test split. The clusters are then built once on every annotation: rationale clustering
reads the texts only, never a label.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

import numpy as np
import pandas as pd

from engines.core import Progress, epoch_reporter, prefixed, report
from engines.data.schema import (
    ANNOTATOR_ID,
    ITEM_ID,
    LABEL_CODE,
    RATIONALE,
    VALUE_TAGS,
    AnnotationDataset,
    format_label,
)
from engines.mcstl.clusters import (
    ClusterSource,
    RationaleClusters,
    ValueClusters,
    cross_sections,
    demographic_clusters,
    tag_clusters,
)
from engines.mcstl.model import MCSTL, MCSTLConfig
from engines.mcstl.splits import human_rows, item_folds, split_rows
from engines.mcstl.variants import VARIANTS, Variant
from engines.text.embed import Embedder

__all__ = ["MCSTLResult", "MCSTLRunConfig", "run_mcstl"]


@dataclass(frozen=True)
class MCSTLRunConfig:
    """What one experiment runs."""

    source: ClusterSource = "tags"
    """Where the value clusters come from."""
    demographics: tuple[str, ...] | None = None
    """Columns crossed for ``"demographics"`` (None: every demographic column)."""
    min_group_size: int = 5
    """Privacy minimum of a cross-section (smaller ones are merged)."""
    rationale_method: Literal["kmeans", "hdbscan"] = "kmeans"
    """How rationales are clustered."""
    rationale_k: int | None = None
    """k-means K (None: the best silhouette over K = 2..6)."""
    variants: tuple[Variant, ...] = VARIANTS
    """Models trained: MC-STL, no-information, majority labels."""
    model: MCSTLConfig = field(default_factory=MCSTLConfig)
    """Network and training settings shared by the variants."""
    seed: int = 0
    """Seed of clustering and training."""
    human_only: bool = True
    """Leave out annotations marked synthetic."""
    folds: int = 0
    """0: train on the train split, test on the test split; ``F >= 3``: ``F``-fold
    cross-fitting over items (out-of-fold predictions of every annotation)."""


@dataclass
class MCSTLResult:
    """Everything the page, the CLI and the benchmark show."""

    predictions: pd.DataFrame
    """``variant, item_id, annotator_id, label_code, p_0..p_{L-1}, t_0..t_{L-2}`` on test."""
    membership: np.ndarray
    """``[N_test, K]`` cluster membership of the test annotations (the order of one variant's
    rows in :attr:`predictions`)."""
    clusters: ValueClusters
    """The training annotations' clusters (names, membership, source)."""
    class_names: tuple[str, ...]
    """The ordered classes."""
    fit_seconds: dict[str, float]
    """Variant -> training time."""
    models: dict[str, MCSTL]
    """Variant -> fitted model."""
    train_rows: pd.DataFrame = field(default_factory=pd.DataFrame)
    """The training annotations the clusters were built on (rows of :attr:`clusters`)."""
    split_sizes: dict[str, int] = field(default_factory=dict)
    """Annotations of train, dev and test."""
    sweep: pd.DataFrame | None = None
    """The k-means K sweep of rationale clustering (None otherwise)."""
    rationale_model: RationaleClusters | None = None
    """The fitted rationale clustering (None for the other sources)."""


def _clusters(
    ds: AnnotationDataset,
    parts: dict[str, pd.DataFrame],
    cfg: MCSTLRunConfig,
    embed: Embedder | None,
) -> tuple[dict[str, ValueClusters], RationaleClusters | None]:
    """Each split's membership, with the training split's clusters as columns."""
    train = parts["train"]
    if cfg.source == "tags":
        if VALUE_TAGS not in train.columns:
            raise ValueError("The dataset has no value_tags column: map one on the Data page.")
        fitted = tag_clusters(train[VALUE_TAGS])
        return {n: tag_clusters(p[VALUE_TAGS], fitted.names) for n, p in parts.items()}, None
    if cfg.source == "demographics":
        cols = list(cfg.demographics if cfg.demographics is not None else ds.demographics)
        if not cols:
            raise ValueError("The dataset has no demographic columns to cross.")
        sections = cross_sections(ds.annotators(), cols, cfg.min_group_size)
        fitted = demographic_clusters(train[ANNOTATOR_ID].astype(str), sections)
        return {
            n: demographic_clusters(p[ANNOTATOR_ID].astype(str), sections, fitted.names)
            for n, p in parts.items()
        }, None
    if cfg.source != "rationale":
        raise ValueError(f"source must be rationale, tags or demographics, got {cfg.source!r}")
    if RATIONALE not in train.columns or embed is None:
        raise ValueError("Rationale clusters need a rationale column and a text encoder.")

    def texts(rows: pd.DataFrame) -> tuple[np.ndarray, list[str]]:
        present = rows[RATIONALE].notna() & (rows[RATIONALE].astype(str).str.strip() != "")
        return present.to_numpy(), rows.loc[present, RATIONALE].astype(str).tolist()

    present, train_texts = texts(train)
    unique = sorted(set(train_texts))
    model = RationaleClusters(cfg.rationale_method, cfg.rationale_k, seed=cfg.seed)
    model.fit(embed(unique))
    out = {}
    for name, rows in parts.items():
        mask, written = texts(rows)
        emb = np.zeros((len(rows), model.centroids_.shape[1]))
        if written:
            emb[mask] = embed(written)
        out[name] = model.clusters(emb, mask)
    return out, model


def run_mcstl(
    ds: AnnotationDataset,
    item_ids: Sequence[str],
    item_emb: np.ndarray,
    cfg: MCSTLRunConfig | None = None,
    embed: Embedder | None = None,
    progress: Progress | None = None,
) -> MCSTLResult:
    """Cluster, train MC-STL and its baselines, predict the test split (or every fold).

    Args:
        ds: The dataset (binary or ordinal labels).
        item_ids: Ids of the rows of ``item_emb``.
        item_emb: ``[n_items, d]`` frozen item embeddings.
        cfg: What to run.
        embed: Text -> embedding function (needed for rationale clusters).
        progress: Hears each variant's epochs ("Fold 1 of 5 · Model 2 of 3 · ∅: epoch").

    Raises:
        ValueError: For nominal labels with more than two classes, a missing cluster source or
            an empty split.
    """
    cfg = cfg or MCSTLRunConfig()
    if ds.scale.kind == "nominal" and len(ds.scale.classes) > 2:
        raise ValueError(
            f"MC-STL needs binary or ordinal labels; this dataset's are {ds.scale.describe()}."
        )
    report(progress, 0, 1, "Value clusters")
    if cfg.folds:
        everything = human_rows(ds, cfg.human_only)
        member, rationale = _clusters(ds, {"train": everything}, cfg, embed)
        fitted, train_rows = member["train"], everything
        fold = item_folds(everything, cfg.folds, cfg.seed)
        runs = []
        for f in range(cfg.folds):
            masks = {"test": fold == f, "dev": fold == (f + 1) % cfg.folds}
            masks["train"] = ~(masks["test"] | masks["dev"])
            runs.append((
                {n: everything[m].reset_index(drop=True) for n, m in masks.items()},
                {n: fitted.membership[m] for n, m in masks.items()},
            ))  # fmt: skip
    else:
        parts = split_rows(ds, cfg.human_only)
        member, rationale = _clusters(ds, parts, cfg, embed)
        fitted, train_rows = member["train"], parts["train"]
        runs = [(parts, {n: m.membership for n, m in member.items()})]
    outcome = _Outcome()
    for f, (parts, memberships) in enumerate(runs):
        step = prefixed(progress, f"Fold {f + 1} of {len(runs)}") if cfg.folds else progress
        _train_and_predict(ds, item_ids, item_emb, parts, memberships, cfg, step, outcome)
    sizes = {n: len(p) for n, p in runs[0][0].items()}
    if cfg.folds:
        sizes = {"train": len(train_rows), "dev": 0, "test": len(train_rows), "folds": cfg.folds}
    return MCSTLResult(
        predictions=pd.concat(
            [pd.concat(frames, ignore_index=True) for frames in outcome.frames.values()],
            ignore_index=True,
        ),
        membership=np.concatenate(outcome.membership),
        clusters=fitted,
        class_names=tuple(format_label(c) for c in ds.scale.classes),
        fit_seconds=outcome.seconds,
        models=outcome.models,
        train_rows=train_rows,
        split_sizes=sizes,
        sweep=None if rationale is None else rationale.sweep_,
        rationale_model=rationale,
    )


@dataclass
class _Outcome:
    """What the folds add up to: per variant its prediction frames, seconds and last model."""

    frames: dict[str, list[pd.DataFrame]] = field(default_factory=dict)
    membership: list[np.ndarray] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    models: dict[str, MCSTL] = field(default_factory=dict)


def _train_and_predict(
    ds: AnnotationDataset,
    item_ids: Sequence[str],
    item_emb: np.ndarray,
    parts: dict[str, pd.DataFrame],
    memberships: dict[str, np.ndarray],
    cfg: MCSTLRunConfig,
    progress: Progress | None,
    outcome: _Outcome,
) -> None:
    """Train every variant on ``parts["train"]`` and add its test predictions to ``outcome``."""
    index = {str(i): k for k, i in enumerate(item_ids)}
    data = {}
    for name, rows in parts.items():
        idx = rows[ITEM_ID].astype(str).map(index)
        if idx.isna().any():
            raise ValueError(f"{int(idx.isna().sum())} {name} annotations have no item embedding")
        data[name] = (idx.to_numpy(np.int64), memberships[name],
                      rows[LABEL_CODE].to_numpy(np.int64))  # fmt: skip
    n_classes = len(ds.scale.classes)
    for k, variant in enumerate(cfg.variants):
        model = MCSTL(replace(cfg.model, variant=variant).with_train(seed=cfg.seed))
        step = prefixed(progress, f"Model {k + 1} of {len(cfg.variants)}")
        t0 = time.perf_counter()
        model.fit(item_emb, *data["train"], n_classes, val=data["dev"],
                  on_epoch_end=epoch_reporter(step, model.name))  # fmt: skip
        outcome.seconds[variant] = outcome.seconds.get(variant, 0.0) + time.perf_counter() - t0
        outcome.models[variant] = model
        frame = _predictions(model, variant, parts["test"], data["test"])
        outcome.frames.setdefault(variant, []).append(frame)
    outcome.membership.append(memberships["test"])


def _predictions(
    model: MCSTL, variant: str, test: pd.DataFrame, data: tuple[np.ndarray, ...]
) -> pd.DataFrame:
    idx, membership, codes = data
    probs = model.predict_proba(idx, membership)
    tasks = model.predict_tasks(idx, membership)
    frame = pd.DataFrame(
        {
            "variant": variant,
            ITEM_ID: test[ITEM_ID].astype(str).to_numpy(),
            ANNOTATOR_ID: test[ANNOTATOR_ID].astype(str).to_numpy(),
            LABEL_CODE: codes,
        }
    )
    for c in range(probs.shape[1]):
        frame[f"p_{c}"] = probs[:, c]
    for t in range(tasks.shape[1]):
        frame[f"t_{t}"] = tasks[:, t]
    return frame
