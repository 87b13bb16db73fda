"""Synthetic perspectives experiments: make synthetic annotations, blend them into DEM-MoE.

:func:`make_synthetic` plans personas for the training items by each strategy and imputes their
ratings offline (:mod:`engines.synthetic.impute`); :func:`imported_synthetic` takes the
dataset's own ``is_synthetic`` rows instead (an LLM's, made elsewhere or by
:mod:`engines.synthetic.llm`). :func:`run_blending` then trains DEM-MoE on the real training
annotations alone and, per synthetic set, with each blend (dem-moe seed, section 7.1.2):

* ``pt_ft``: pretrain on the synthetic annotations, then fine-tune on the real ones;
* ``mix``: one training set, every annotation weighing 1;
* ``weighted``: the same set, synthetic annotations weighted by ``A / T / P``
  (:mod:`engines.synthetic.weights`).

Every model is scored on the same real test annotations (the DEM-MoE split: items split
train/dev/test, 10% of annotators held out of training).
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

from engines.core import Progress, prefixed, report
from engines.data.schema import (
    ANNOTATOR_ID,
    IS_SYNTHETIC,
    ITEM_ID,
    LABEL,
    SPLIT,
    AnnotationDataset,
)
from engines.moe import DemMoE, MoEConfig, MoERunConfig
from engines.moe.comparison import prediction_frame, split_for_moe
from engines.moe.encoding import ratings_of
from engines.synthetic.impute import ImputationConfig, Imputer
from engines.synthetic.personas import STRATEGIES, Strategy, plan_annotations
from engines.synthetic.weights import demographic_clusters, synthetic_weights

__all__ = [
    "BLENDINGS",
    "REAL_ONLY",
    "Blending",
    "BlendingResult",
    "SyntheticRunConfig",
    "attributes_of",
    "imported_synthetic",
    "make_synthetic",
    "run_blending",
    "split_rows",
]

Blending = Literal["pt_ft", "mix", "weighted"]
BLENDINGS: tuple[Blending, ...] = ("pt_ft", "mix", "weighted")
REAL_ONLY = "real only"


@dataclass(frozen=True)
class SyntheticRunConfig:
    """What one experiment makes and trains."""

    strategies: tuple[Strategy, ...] = STRATEGIES
    """Persona strategies of the offline generator."""
    blendings: tuple[Blending, ...] = BLENDINGS
    """How synthetic annotations enter DEM-MoE's training."""
    attributes: tuple[str, ...] | None = None
    """Demographic columns (None: all of the dataset's)."""
    imputation: ImputationConfig = field(default_factory=ImputationConfig)
    """The offline generator."""
    model: MoEConfig = field(default_factory=lambda: MoEConfig().with_train(max_epochs=30))
    """The DEM-MoE trained in every cell."""
    holdout_annotators: float = 0.1
    """Share of annotators held out of training (unseen at test time)."""
    n_clusters: int = 5
    """k-means clusters of the cluster strategy and of the weights' ``T`` and ``P``."""
    n_representatives: int = 20
    """Representatives (and disagreers) per cluster of the cluster strategy."""
    seed: int = 0


@dataclass
class BlendingResult:
    """Everything the page, the CLI and the benchmark show."""

    predictions: pd.DataFrame
    """``model, strategy, blending, item_id, annotator_id, rating, prediction, seen`` on the
    real test annotations (``model`` names the cell: ``"1x · mix"`` or ``"real only"``)."""
    synthetic: dict[str, pd.DataFrame]
    """Synthetic set name -> its annotations (training items) with a ``weight`` column."""
    train: pd.DataFrame
    """The real training annotations."""
    attributes: tuple[str, ...]
    fit_seconds: dict[str, float]
    skipped: list[str] = field(default_factory=list)
    """Synthetic sets without a single label (e.g. every LLM reply unreadable): not trained."""


def split_rows(ds: AnnotationDataset, cfg: SyntheticRunConfig) -> tuple[pd.DataFrame, ...]:
    """The real ``(train, dev, test)`` annotations, split as for DEM-MoE."""
    moe = MoERunConfig(holdout_annotators=cfg.holdout_annotators, seed=cfg.seed)
    return split_for_moe(ds, moe)


def attributes_of(ds: AnnotationDataset, cfg: SyntheticRunConfig) -> tuple[str, ...]:
    """The demographic columns personas are made of.

    Raises:
        ValueError: The dataset has none.
    """
    attrs = tuple(cfg.attributes if cfg.attributes is not None else ds.demographics)
    if not attrs:
        raise ValueError("Synthetic personas need demographic columns; map them on the Data page.")
    return attrs


def make_synthetic(
    ds: AnnotationDataset,
    item_ids: Sequence[str],
    item_emb: np.ndarray,
    cfg: SyntheticRunConfig | None = None,
    progress: Progress | None = None,
) -> dict[str, pd.DataFrame]:
    """Offline synthetic annotations of the training items, one set per strategy.

    Returns:
        Strategy -> ``item_id, persona_id, annotator_id, source_annotator, label`` + the
        attributes and ``is_synthetic = 1``.
    """
    cfg = cfg or SyntheticRunConfig()
    attrs = attributes_of(ds, cfg)
    train, dev, _ = split_rows(ds, cfg)
    annotators = train.drop_duplicates(ANNOTATOR_ID)[[ANNOTATOR_ID, *attrs]]
    classes = [float(c) for c in ds.scale.classes]
    imputer = Imputer(cfg.imputation).fit(
        train, item_ids, item_emb, attrs, classes, dev, prefixed(progress, "Imputing model")
    )
    out = {}
    for k, strategy in enumerate(cfg.strategies):
        report(progress, k, len(cfg.strategies), f"Synthetic annotations: {strategy}")
        plan = plan_annotations(train, annotators, attrs, strategy, cfg.seed, cfg.n_clusters,
                                cfg.n_representatives)  # fmt: skip
        out[strategy] = imputer.generate(plan, seed=cfg.seed + k).assign(**{IS_SYNTHETIC: 1})
    return out


def imported_synthetic(
    ds: AnnotationDataset, cfg: SyntheticRunConfig | None = None
) -> pd.DataFrame:
    """The dataset's ``is_synthetic`` annotations of the training items (its own generator's).

    Raises:
        ValueError: The dataset has no synthetic annotations on training items.
    """
    cfg = cfg or SyntheticRunConfig()
    df = ds.df
    if IS_SYNTHETIC not in df.columns or not (df[IS_SYNTHETIC] == 1).any():
        raise ValueError("The dataset has no annotations marked is_synthetic to import.")
    train_items = set(split_rows(ds, cfg)[0][ITEM_ID].astype(str))
    rows = df[(df[IS_SYNTHETIC] == 1) & df[ITEM_ID].astype(str).isin(train_items)]
    if rows.empty:
        raise ValueError("None of the synthetic annotations are on training items.")
    return rows.reset_index(drop=True)


def run_blending(
    ds: AnnotationDataset,
    item_ids: Sequence[str],
    item_emb: np.ndarray,
    synthetic: Mapping[str, pd.DataFrame],
    cfg: SyntheticRunConfig | None = None,
    progress: Progress | None = None,
) -> BlendingResult:
    """Train DEM-MoE on real data alone and with each synthetic set under each blend.

    Args:
        ds: The dataset (numeric labels, demographic columns).
        item_ids: Ids of the rows of ``item_emb``.
        item_emb: Frozen item embeddings.
        synthetic: Set name (a strategy, ``"imported"``...) -> synthetic annotations with
            ``item_id, annotator_id, label`` and the attributes.
        cfg: What to run.
        progress: Told each cell's epochs ("Cell 3 of 13 · 1x · mix: epoch ...").
    """
    cfg = cfg or SyntheticRunConfig()
    attrs = attributes_of(ds, cfg)
    train, dev, test = split_rows(ds, cfg)
    human = train.drop_duplicates(ANNOTATOR_ID)
    labelled = {n: r.dropna(subset=[LABEL]).reset_index(drop=True) for n, r in synthetic.items()}
    skipped = [n for n, r in labelled.items() if r.empty]
    labelled = {n: r for n, r in labelled.items() if not r.empty}
    cells: list[tuple[str, str, Blending | None]] = [(REAL_ONLY, "", None)]
    cells += [(f"{name} · {b}", name, b) for name in labelled for b in cfg.blendings]
    sets = {}
    for name, rows in labelled.items():
        personas = rows.drop_duplicates(ANNOTATOR_ID)[[ANNOTATOR_ID, *attrs]]
        everyone = pd.concat([human[[ANNOTATOR_ID, *attrs]], personas])
        clusters = demographic_clusters(everyone, attrs, cfg.n_clusters, cfg.seed)
        w = synthetic_weights(rows, train, attrs, clusters)
        sets[name] = rows.assign(weight=w["weight"].to_numpy())
    rating = ratings_of(test)
    frames, seconds = [], {}
    for k, (cell, name, blending) in enumerate(cells):
        step = prefixed(progress, f"Cell {k + 1} of {len(cells)} · {cell}")
        model = DemMoE(cfg.model.with_train(seed=cfg.seed))
        t0 = time.perf_counter()
        _fit(model, train, sets.get(name), blending, item_ids, item_emb, attrs, dev, step)
        seconds[cell] = time.perf_counter() - t0
        frame = prediction_frame(model, test, rating).assign(model=cell)
        frame.insert(1, "strategy", name or REAL_ONLY)
        frame.insert(2, "blending", blending or REAL_ONLY)
        frames.append(frame)
    return BlendingResult(
        predictions=pd.concat(frames, ignore_index=True),
        synthetic=sets,
        train=train,
        attributes=attrs,
        fit_seconds=seconds,
        skipped=skipped,
    )


def _fit(
    model: DemMoE,
    train: pd.DataFrame,
    synthetic: pd.DataFrame | None,
    blending: Blending | None,
    item_ids: Sequence[str],
    item_emb: np.ndarray,
    attrs: Sequence[str],
    dev: pd.DataFrame,
    progress: Progress | None,
) -> None:
    """Fit one cell's DEM-MoE."""
    if synthetic is None or blending is None:
        model.fit(train, item_ids, item_emb, attrs, dev, progress)
        return
    columns = [ITEM_ID, ANNOTATOR_ID, LABEL, *attrs]
    extra = synthetic[columns].assign(**{SPLIT: "train"})
    if blending == "pt_ft":
        model.fit(train, item_ids, item_emb, attrs, dev, progress, pretrain=extra)
        return
    both = pd.concat([train[columns], extra[columns]], ignore_index=True)
    weight = None
    if blending == "weighted":
        weight = np.concatenate([np.ones(len(train)), synthetic["weight"].to_numpy(float)])
    model.fit(both, item_ids, item_emb, attrs, dev, progress, sample_weight=weight)
