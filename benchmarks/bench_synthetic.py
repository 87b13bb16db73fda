"""Synthetic perspectives benchmark (issue #16).

POPQUORN offensiveness, offline imputation: a DEM-MoE trained on the real training split imputes
synthetic annotations of the training items for each strategy (0.5x, 1x, fill, cluster;
temperature 1); DEM-MoE is then trained on real data only and with each synthetic set under
each blend (pretrain-finetune, unweighted mix, weighted mix) and scored on the same real test
annotations: annotation-level MAE and the mean MAE across demographic categories (the dem-moe
seed's Figure 3 quantity), each with a 95% item-bootstrap interval (500 resamples shared by all
cells). The audit compares Krippendorff's alpha (interval) of the human training annotations
with each synthetic set's.

HS-Brexit (Le-Wi-Di 2023, binary; six annotators in two groups): every human label gets a
synthetic twin imputed offline (strong: the individual; weak: their group), and text-only,
annotator-embedding and DEM-MoE models are fitted to human and to twin labels (the
annotator-personas seed's test).
"""

from __future__ import annotations

import tempfile
import time

import pandas as pd

from benchmarks.common import POPQUORN, SHARED_DATA, require

__all__ = ["run"]

HS_BREXIT = SHARED_DATA / "lewidi2023" / "HS-Brexit_long.csv"


def _grid(embed, seed: int) -> dict:  # noqa: ANN001
    from analysis.synthetic import compute_blending_grid, compute_homogenisation
    from engines.data.load import load_dataset
    from engines.synthetic import SyntheticRunConfig, make_synthetic, run_blending
    from engines.text import embed_items

    ds = load_dataset(require(POPQUORN), name="popquorn_offensiveness")
    items = embed_items(ds, embed)
    cfg = SyntheticRunConfig(seed=seed)
    t0 = time.perf_counter()
    sets = make_synthetic(ds, items.item_ids, items.vectors, cfg)
    result = run_blending(ds, items.item_ids, items.vectors, sets, cfg)
    people = ds.annotators()[["annotator_id", *result.attributes]].astype({"annotator_id": str})
    grid = compute_blending_grid(result.predictions, people, result.attributes)
    audit = {
        name: compute_homogenisation(result.train, rows, "interval", ds.scale.classes).set_index(
            "source"
        )
        for name, rows in result.synthetic.items()
    }
    cells = []
    for row in grid.itertuples(index=False):
        cells.append({
            "cell": row.model, "strategy": row.strategy, "blending": row.blending,
            "mae": round(row.mae, 4), "mae_ci": [round(row.mae_low, 4), round(row.mae_high, 4)],
            "category_mae": round(row.category_mae, 4),
            "category_ci": [round(row.category_low, 4), round(row.category_high, 4)],
            "vs_real": round(row.vs_real, 4),
            "vs_real_ci": [round(row.vs_real_low, 4), round(row.vs_real_high, 4)],
            "synthetic_rows": int(len(result.synthetic.get(row.strategy, []))),
            "fit_s": round(result.fit_seconds[row.model], 1),
        })  # fmt: skip
    first = next(iter(audit.values()))
    return {
        "dataset": "popquorn_offensiveness", "generator": "imputation (DEM-MoE, temperature 1)",
        "train_rows": len(result.train), "cells": cells,
        "alpha_human": round(float(first.loc["human", "alpha"]), 4),
        "alpha_synthetic": {k: round(float(v.loc["synthetic", "alpha"]), 4)
                            for k, v in audit.items()},
        "entropy": {k: [round(float(v.loc["human", "entropy"]), 4),
                        round(float(v.loc["synthetic", "entropy"]), 4)] for k, v in audit.items()},
        "wall_s": round(time.perf_counter() - t0, 1),
    }  # fmt: skip


def _brexit(embed, seed: int) -> dict:  # noqa: ANN001
    from analysis.synthetic import compute_homogenisation, compute_model_fit
    from engines.data.validation import build_dataset
    from engines.synthetic import SyntheticRunConfig, compare_annotator_models, synthetic_twins
    from engines.text import embed_items

    raw = pd.read_csv(require(HS_BREXIT))
    ds = build_dataset(raw[["item_id", "annotator_id", "label", "text", "split",
                            "annotator_group"]], name="HS-Brexit")  # fmt: skip
    items = embed_items(ds, embed)
    cfg = SyntheticRunConfig(seed=seed)
    out = {"dataset": "HS-Brexit", "twins": {}}
    for granularity in ("strong", "weak"):
        t0 = time.perf_counter()
        twins = synthetic_twins(ds, items.item_ids, items.vectors, cfg, granularity)
        pred = compare_annotator_models({"human": ds, "synthetic": twins}, items.item_ids,
                                        items.vectors, seed=seed)  # fmt: skip
        fit = compute_model_fit(pred)
        alpha = compute_homogenisation(ds.df, twins.df, "nominal", [0, 1]).set_index("source")
        out["twins"][granularity] = {
            "mae": {f"{s} · {m}": round(v, 4) for s, m, v in
                    fit[["source", "model", "mae"]].itertuples(index=False)},
            "alpha_human": round(float(alpha.loc["human", "alpha"]), 4),
            "alpha_synthetic": round(float(alpha.loc["synthetic", "alpha"]), 4),
            "wall_s": round(time.perf_counter() - t0, 1),
        }  # fmt: skip
    return out


def run(seed: int = 0) -> dict:
    """The POPQUORN grid and the HS-Brexit annotator-model comparison; JSON-friendly."""
    from engines.text import EmbeddingCache, embed_with, make_encoder

    with tempfile.TemporaryDirectory() as cache:
        embed = embed_with(make_encoder(), EmbeddingCache(cache))
        grid = _grid(embed, seed)
        brexit = _brexit(embed, seed)
    return {"benchmark": "synthetic", "grid": grid, "annotator_models": brexit}
