"""REALM on the bundled sample: the planted near-random annotators come out least reliable."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from sklearn.metrics import roc_auc_score

from analysis.realm import compute_expertise_intervals
from engines.data.load import load_dataset
from engines.realm import run_realm
from engines.text import EmbeddingCache, embed_items, embed_with, make_encoder

pytestmark = pytest.mark.slow
SAMPLE = Path(__file__).resolve().parents[2] / "sample_data"


@pytest.fixture(scope="module")
def fitted():
    ds = load_dataset(SAMPLE / "annotations.csv", name="sample")
    embed = embed_with(make_encoder(), EmbeddingCache())
    items = embed_items(ds, embed)
    truth = pd.read_csv(SAMPLE / "annotator_truth.csv").set_index("annotator_id")["is_random"]
    return run_realm(ds, items.item_ids, items.vectors), truth


def test_near_random_annotators_get_the_lowest_expertise(fitted) -> None:
    """Both readings of the expertise put the 8 planted near-random annotators at the bottom:
    AUC of 'low expertise' for 'near-random' (a constant expertise scores 0.5)."""
    result, truth = fitted
    joint = result.expertise.set_index("annotator_id")["realm"]
    intervals = compute_expertise_intervals(result.annotations, result.n_classes)
    em = intervals.set_index("annotator_id")["expertise"]
    for name, expertise in (("joint", joint), ("EM", em)):
        planted = truth.reindex(expertise.index).astype(bool)
        auc = roc_auc_score(planted, -expertise)
        lowest = expertise.sort_values().index[:12]
        print(f"{name}: AUC {auc:.3f}, near-random among the lowest 12: {planted[lowest].sum()}")
        assert auc > 0.95, (name, auc)
        assert planted[lowest].sum() >= 7, (name, list(lowest))
