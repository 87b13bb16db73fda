"""MC-STL benchmark: value clusters, MC-STL and its baselines on real data (issue #14).

One run per (dataset, cluster source), as the seed's Table 1 rows: POPQUORN offensiveness with
sociocultural cross-sections (gender x race), VariErrNLI and Paraphrase (Le-Wi-Di 2025) with
rationale clusters (k-means, K by silhouette). VariErrNLI's labels are read as ordered
(contradiction < neutral < entailment), as the seed reads ValuePrism's oppose / either /
support; Paraphrase's -5..5 scores are 11 ordered classes (10 CORAL sub-tasks).

Beyond the seed's setting (the dataset's test split, plain CORAL) some runs use 5-fold
cross-fitting (every annotation predicted out of fold: steadier calibration lines on the small
Le-Wi-Di sets) and the location-scale extension (``dispersion``), and the bundled sample with
K = 2 rationale clusters shows the planted recovery.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pandas as pd

from analysis.mcstl.report import TABLE_COLUMNS
from benchmarks.common import POPQUORN, SHARED_DATA, require

SAMPLE = Path(__file__).resolve().parents[1] / "sample_data" / "annotations.csv"

__all__ = ["RUNS", "run"]

LEWIDI = SHARED_DATA / "lewidi2025"
NLI_ORDER = {"contradiction": 0, "neutral": 1, "entailment": 2}
RUNS = (
    ("popquorn_offensiveness", "demographics", 0, False),
    ("popquorn_offensiveness", "demographics", 0, True),
    ("VariErrNLI", "rationale", 0, False),
    ("VariErrNLI", "rationale", 5, False),
    ("Paraphrase", "rationale", 0, False),
    ("Paraphrase", "rationale", 5, False),
    ("Paraphrase", "rationale", 5, True),
    ("sample", "rationale", 5, False),
    ("sample", "rationale", 5, True),
)
"""(dataset, cluster source, folds (0: the test split), location-scale CORAL)."""
METRICS = tuple(c for c in TABLE_COLUMNS if c not in ("model", "n"))


def _dataset(name: str):  # noqa: ANN202 - engines.data.AnnotationDataset
    from engines.data.load import load_dataset
    from engines.data.validation import build_dataset

    if name == "popquorn_offensiveness":
        return load_dataset(require(POPQUORN), name=name)
    if name == "sample":
        return load_dataset(SAMPLE, name=name)
    df = pd.read_csv(require(LEWIDI / f"{name}_long.csv"))
    if name == "VariErrNLI":
        df["label"] = df["label"].map(NLI_ORDER)
    df = df.drop(columns=["dataset", "lang"]).rename(columns=lambda c: c.removeprefix("ann_"))
    return build_dataset(df, name=name)


def _one(name: str, source: str, folds: int, dispersion: bool, embed, seed: int) -> dict:  # noqa: ANN001
    from analysis.mcstl import compute_results_table
    from engines.mcstl import MCSTLConfig, MCSTLRunConfig, run_mcstl
    from engines.text import embed_items

    ds = _dataset(name)
    items = embed_items(ds, embed)
    cfg = MCSTLRunConfig(
        source=source,  # type: ignore[arg-type]
        demographics=("gender", "race") if source == "demographics" else None,
        rationale_k=2 if name == "sample" else None,
        model=MCSTLConfig(dispersion=dispersion),
        folds=folds,
        seed=seed,
    )
    t0 = time.perf_counter()
    result = run_mcstl(ds, items.item_ids, items.vectors, cfg, embed)
    table = compute_results_table(result.predictions, result.membership, result.clusters.names)
    models = {}
    for row in table.itertuples(index=False):
        variant = {"MC-STL": "mcstl", "∅ (no clusters)": "no_info", "Maj(Y)": "majority"}[row.model]
        models[row.model] = {m: round(float(getattr(row, m)), 4) for m in METRICS}
        models[row.model]["fit_s"] = round(result.fit_seconds[variant], 2)
    return {
        "dataset": name,
        "clusters": source,
        "folds": folds,
        "dispersion": dispersion,
        "n_clusters": len(result.clusters.names),
        "classes": len(ds.scale.classes),
        "split": result.split_sizes,
        "models": models,
        "wall_s": round(time.perf_counter() - t0, 1),
    }


def run(seed: int = 0) -> dict:
    """Every run of :data:`RUNS`; JSON-friendly (embeddings cached in a temporary folder)."""
    from engines.text import EmbeddingCache, embed_with, make_encoder

    with tempfile.TemporaryDirectory() as cache:
        embed = embed_with(make_encoder(), EmbeddingCache(cache))
        runs = [_one(*run, embed=embed, seed=seed) for run in RUNS]
    return {"benchmark": "mcstl", "runs": runs}
