"""DEM-MoE benchmark on POPQUORN offensiveness with a fixed item-level split.

DEM-MoE and its five baselines train on the same split (the dataset's item-level
train/dev/test split, seed 0, with 10% of annotators held out of train/dev so the test split
has unseen annotators) over cached MiniLM item embeddings. Reported per model: annotator-level
MAE with an item-bootstrap 95% CI, Pearson r, item-level MAE after averaging, EMD between
predicted and observed rating distributions per item, MAE on seen / unseen annotators, the fit
time; per demographic subgroup MAE with CIs; the paired bootstrap test of DEM-MoE against the
next-best model; and DEM-MoE's expert specialisation (normalised KL per attribute).
"""

from __future__ import annotations

import os
import tempfile

from benchmarks.common import POPQUORN, require


def run(seed: int = 0, n_boot: int = 1000) -> dict:
    """Run the DEM-MoE benchmark and return its JSON-ready result."""
    from analysis.moe_report import build_report
    from engines.encoders import EmbeddingCache, make_encoder
    from engines.importers import read_path
    from engines.moe_pipeline import MoERunConfig, run_comparison
    from engines.profiles import embed_with, item_table
    from engines.validation import build_dataset

    ds = build_dataset(read_path(require(POPQUORN)), name="popquorn_offensiveness")
    items = item_table(ds)
    with tempfile.TemporaryDirectory() as cache:
        emb = embed_with(make_encoder(), EmbeddingCache(cache))(items["text"].tolist())
    ids = items["item_id"].astype(str).tolist()
    result = run_comparison(ds, ids, emb, MoERunConfig(seed=seed))
    moe = result.moe
    report = build_report(
        result.predictions,
        result.routing,
        result.annotators,
        result.attributes,
        moe.module_.n_experts if moe else None,
        n_boot=n_boot,
        seed=seed,
    )
    keys = {m.name: k for k, m in result.models.items()}
    models = {
        r.model: {
            "mae": round(r.mae, 4),
            "mae_ci": [round(r.ci_low, 4), round(r.ci_high, 4)],
            "pearson": _num(r.pearson),
            "item_mae": round(r.item_mae, 4),
            "emd": round(r.emd, 4),
            "mae_seen": _num(r.mae_seen),
            "mae_unseen": _num(r.mae_unseen),
            "fit_s": round(result.fit_seconds[keys[r.model]], 2),
        }
        for r in report.models.itertuples()
    }
    return {
        "benchmark": "moe",
        "dataset": "popquorn_offensiveness",
        "split": result.split_sizes,
        "models": models,
        "per_group": report.group_mae.round(4).to_dict(orient="records"),
        "attribute_mae": report.attribute_mae.round(4).to_dict(orient="records"),
        "moe_vs_next_best": {
            "next_best": report.next_best,
            **{k: {n: _num(v) for n, v in t.items()} for k, t in report.significance.items()},
        },
        "specialisation_normalised_kl": dict(
            zip(report.kl["attribute"], report.kl["normalised_kl"].round(4), strict=True)
        ),
        "cpu_count": os.cpu_count(),
    }


def _num(v: object) -> object:
    """JSON-friendly rounding (NaN -> None)."""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return v
    return None if v != v else round(float(v), 4)
