"""Synthetic twins: every human annotation redone by a persona, for the annotator-model test.

The annotator-personas seed trains annotator models on LLM labels and finds that models without
annotator information (text only) fit them better than ID-aware ones, the reverse of human data:
personas do not speak with distinct voices. :func:`synthetic_twins` builds the synthetic side
of that test offline: each human annotator gets a twin that labels exactly the items they did,
its labels imputed (:mod:`engines.synthetic.impute`) by a model trained on the real training
split. A ``strong`` twin is that individual (the imputer reads the annotator's own embedding
and demographics); a ``weak`` twin is only their group (demographics alone).
:func:`compare_annotator_models` then fits the same models to both datasets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import pandas as pd

from engines.core import Progress, prefixed
from engines.data.schema import ANNOTATOR_ID, IS_SYNTHETIC, LABEL, LABEL_CODE, AnnotationDataset
from engines.moe import MoERunConfig, run_comparison
from engines.synthetic.impute import Imputer
from engines.synthetic.personas import SOURCE
from engines.synthetic.prompts import Granularity
from engines.synthetic.workflow import SyntheticRunConfig, attributes_of, split_rows

__all__ = ["compare_annotator_models", "synthetic_twins"]


def synthetic_twins(
    ds: AnnotationDataset,
    item_ids: Sequence[str],
    item_emb: np.ndarray,
    cfg: SyntheticRunConfig | None = None,
    granularity: Granularity = "strong",
    progress: Progress | None = None,
) -> AnnotationDataset:
    """``ds`` with every human label replaced by its twin's (same items, splits, demographics)."""
    cfg = cfg or SyntheticRunConfig()
    attrs = attributes_of(ds, cfg)
    train, dev, _ = split_rows(ds, cfg)
    classes = [float(c) for c in ds.scale.classes]
    imputer = Imputer(cfg.imputation).fit(train, item_ids, item_emb, attrs, classes, dev, progress)
    df = ds.df
    if IS_SYNTHETIC in df.columns:
        df = df[df[IS_SYNTHETIC] != 1]
    plan = df.assign(**{SOURCE: df[ANNOTATOR_ID].astype(str) if granularity == "strong" else ""})
    twins = imputer.generate(plan.reset_index(drop=True), seed=cfg.seed)
    code = {float(c): k for k, c in enumerate(ds.scale.classes)}
    twins[LABEL_CODE] = twins[LABEL].map(code).astype(int)
    twins[ANNOTATOR_ID] = "syn:" + twins[ANNOTATOR_ID].astype(str)
    twins = twins.drop(columns=[SOURCE]).assign(**{IS_SYNTHETIC: 0})  # the set under study
    return replace(ds, df=twins, name=f"{ds.name} (synthetic twins, {granularity})", issues=[])


def compare_annotator_models(
    datasets: dict[str, AnnotationDataset],
    item_ids: Sequence[str],
    item_emb: np.ndarray,
    models: Sequence[str] = ("text", "annotator", "moe"),
    seed: int = 0,
    max_epochs: int | None = None,
    progress: Progress | None = None,
) -> pd.DataFrame:
    """Fit the same annotator models to each labelled version of the items.

    Args:
        datasets: Source name (``"human"``, ``"synthetic"``...) -> dataset.
        item_ids: Ids of the rows of ``item_emb``.
        item_emb: Frozen item embeddings.
        models: Model keys of :data:`engines.moe.MODEL_KEYS` (text only, annotator embedding,
            DEM-MoE by default).
        seed: Seed of the split's annotator hold-out (none is held out) and of training.
        max_epochs: Epoch cap of the neural models.
        progress: Told each source's training.

    Returns:
        The test predictions of every model on every source: ``source, model, item_id,
        annotator_id, rating, prediction, seen``.
    """
    cfg = MoERunConfig(models=tuple(models), holdout_annotators=0.0, seed=seed,
                       max_epochs=max_epochs)  # fmt: skip
    frames = []
    for k, (name, data) in enumerate(datasets.items()):
        step = prefixed(progress, f"Labels {k + 1} of {len(datasets)}: {name}")
        result = run_comparison(data, item_ids, item_emb, cfg, step)
        frames.append(result.predictions.assign(source=name))
    out = pd.concat(frames, ignore_index=True)
    return out[["source", *[c for c in out.columns if c != "source"]]]
