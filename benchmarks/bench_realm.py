"""REALM benchmark: the simulation lab on real items (issue #15).

For MD-Agreement and HS-Brexit (Le-Wi-Di 2023, binary), each item's majority label is the
truth; three annotators are simulated with each expertise profile (one reliable + two
near-random; two reliable + one near-random; a spread) under each noise type, every annotator
labelling every item. Each method trains the same classifier over MiniLM item embeddings on the
training items (REALM and noisy training on the simulated labels, majority vote and Dawid-Skene
on their aggregated labels, the oracle on the truth) and is scored on held-out items (20%).
``expertise_spearman``: Spearman correlation of REALM's learned expertise with the true one.
With two classes an asymmetric or systematic error is always the other class, so those two noise
types coincide; a uniform error is a coin flip and may land on the truth.
"""

from __future__ import annotations

import tempfile
import time

import pandas as pd

from benchmarks.common import SHARED_DATA, require

__all__ = ["DATASETS", "run"]

LEWIDI = SHARED_DATA / "lewidi2023"
DATASETS = ("MD-Agreement", "HS-Brexit")
NOISES = ("uniform", "asymmetric", "systematic")


def _items(name: str, embed):  # noqa: ANN001, ANN202
    from engines.data.majority import majority_labels
    from engines.data.validation import build_dataset
    from engines.text import embed_items

    df = pd.read_csv(require(LEWIDI / f"{name}_long.csv"))
    ds = build_dataset(df[["item_id", "annotator_id", "label", "text"]], name=name)
    items = embed_items(ds, embed)
    gold = majority_labels(ds.df["item_id"].astype(str), ds.df["label_code"])
    return items.vectors, gold.reindex([str(i) for i in items.item_ids]).to_numpy(), ds


def run(seed: int = 0) -> dict:
    """Every (dataset, noise, profile) cell; JSON-friendly."""
    from engines.realm import PROFILES, run_simulation
    from engines.text import EmbeddingCache, embed_with, make_encoder

    sims = []
    with tempfile.TemporaryDirectory() as cache:
        embed = embed_with(make_encoder(), EmbeddingCache(cache))
        for name in DATASETS:
            vectors, gold, ds = _items(name, embed)
            for noise in NOISES:
                for profile, expertise in PROFILES.items():
                    t0 = time.perf_counter()
                    out = run_simulation(vectors, gold, len(ds.scale.classes), expertise, noise,
                                         "shared", seed)  # fmt: skip
                    sims.append({
                        "dataset": name, "items": len(gold), "noise": noise, "profile": profile,
                        "expertise": list(expertise),
                        "accuracy": {k: round(v, 4) for k, v in out.accuracy.items()},
                        "learned": [round(float(e), 3) for e in out.expertise["realm"]],
                        "expertise_spearman": round(out.expertise_spearman, 3),
                        "wall_s": round(time.perf_counter() - t0, 1),
                    })  # fmt: skip
    return {"benchmark": "realm", "sims": sims}
