"""The homogenisation audit and the blending grid against hand-computed cases (issue #16)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.synthetic.audit import (
    compute_group_alignment,
    compute_homogenisation,
    compute_persona_alignment,
    compute_prototypical_features,
    matched_entropy,
)
from analysis.synthetic.grid import compute_blending_grid, compute_category_mae

SAMPLE = Path(__file__).resolve().parents[3] / "sample_data" / "annotations.csv"


def test_matched_entropy_draws_as_many_labels_from_each_source() -> None:
    """Item a: human 1,2,1,2 (4 labels) vs synthetic 3,3 (2): k = 2 labels each; the
    synthetic pair is constant (entropy 0); a human pair is 0 or log 2 / log 3."""
    human = pd.DataFrame({"item_id": ["a"] * 4, "label": [1, 2, 1, 2]})
    synth = pd.DataFrame({"item_id": ["a"] * 2, "label": [3, 3]})
    h, s, used = matched_entropy(human, synth, n_classes=3, seed=0)
    assert used == 1 and s == 0.0 and h in (0.0, pytest.approx(np.log(2) / np.log(3)))
    assert np.isnan(matched_entropy(human, synth.head(1), 3)[0])  # one synthetic label


def test_the_planted_homogeneous_synthetic_subset_agrees_more_than_humans() -> None:
    """The sample's 20 synthetic personas rate severity + small noise (sample_data/README.md):
    alpha well above the humans', entropy lower. Shuffling their labels across items (a
    generator that ignores the item) must remove the effect."""
    df = pd.read_csv(SAMPLE)
    human, synth = df[df.is_synthetic == 0], df[df.is_synthetic == 1]
    table = compute_homogenisation(human, synth, "interval", [1, 2, 3, 4, 5]).set_index("source")
    assert table.loc["synthetic", "alpha_low"] > table.loc["human", "alpha_high"], table
    assert table.loc["synthetic", "entropy"] < table.loc["human", "entropy"], table
    shuffled = synth.assign(label=np.random.default_rng(0).permutation(synth["label"].to_numpy()))
    noise = compute_homogenisation(human, shuffled, "interval").set_index("source")
    assert noise.loc["synthetic", "alpha"] < table.loc["human", "alpha"], noise


def _planted(copy_gender: bool, seed: int = 0):
    """Humans: women rate +1 above men on every item (plus noise). Personas either copy their
    gender's deviation or ignore gender."""
    rng = np.random.default_rng(seed)
    items = [f"i{k}" for k in range(40)]
    severity = rng.normal(3, 1, len(items))
    human, synth = [], []
    for k, item in enumerate(items):
        for a in range(10):
            g = "woman" if a % 2 else "man"
            shift = 0.5 if g == "woman" else -0.5
            human.append((item, f"h{a}", severity[k] + shift + rng.normal(0, 0.3), g))
        for p in range(6):
            g = "woman" if p % 2 else "man"
            shift = (0.5 if g == "woman" else -0.5) if copy_gender else 0.0
            synth.append((item, f"s{p}", severity[k] + shift + rng.normal(0, 0.3), g))
    cols = ["item_id", "annotator_id", "label", "gender"]
    return pd.DataFrame(human, columns=cols), pd.DataFrame(synth, columns=cols)


def test_group_alignment_is_the_mae_and_r_of_group_item_means() -> None:
    human = pd.DataFrame({"item_id": ["a", "b", "c", "a", "b", "c"], "label": [1, 2, 3, 1, 2, 3],
                          "annotator_id": ["h"] * 3 + ["g"] * 3,
                          "gender": ["m"] * 3 + ["w"] * 3})  # fmt: skip
    synth = pd.DataFrame({"item_id": ["a", "b", "c"], "label": [2, 3, 4],
                          "annotator_id": ["s"] * 3, "gender": ["m"] * 3})  # fmt: skip
    table = compute_group_alignment(human, synth, ["gender"])
    assert table[["group", "items"]].values.tolist() == [["m", 3]]
    assert table["mae"].iloc[0] == pytest.approx(1.0) and table["pearson"].iloc[0] == pytest.approx(
        1.0
    )


def test_personas_that_use_an_attribute_side_with_their_own_group() -> None:
    copying = compute_prototypical_features(compute_persona_alignment(*_planted(True), ["gender"]))
    ignoring = compute_prototypical_features(
        compute_persona_alignment(*_planted(False), ["gender"])
    )
    assert copying["own_closest_share"].iloc[0] == 1.0 and copying["lift"].iloc[0] == 2.0
    assert ignoring["mean_own_cosine"].iloc[0] < 0.3 < copying["mean_own_cosine"].iloc[0]


def test_grid_category_mae_is_the_mean_over_attributes_of_subgroup_means() -> None:
    """Two attributes; real-only errs 1 everywhere; the cell errs 0 (a), 2 (b), 1 (c)."""
    rows = []
    people = {"a": ("woman", "young"), "b": ("man", "young"), "c": ("man", "old")}
    for item in range(30):
        for ann in people:
            rows.append(("real only", "real only", "real only", f"i{item}", ann, 3.0, 4.0))
            err = {"a": 0.0, "b": 2.0, "c": 1.0}[ann]
            rows.append(("1x · mix", "1x", "mix", f"i{item}", ann, 3.0, 3.0 + err))
    pred = pd.DataFrame(rows, columns=["model", "strategy", "blending", "item_id",
                                       "annotator_id", "rating", "prediction"])  # fmt: skip
    ann = pd.DataFrame([(k, *v) for k, v in people.items()],
                       columns=["annotator_id", "gender", "age"])  # fmt: skip
    grid = compute_blending_grid(pred, ann, ["gender", "age"], n_boot=50).set_index("model")
    # cell: gender -> woman 0, man 1.5 -> 0.75; age -> young 1, old 1 -> 1; mean 0.875
    assert grid.loc["1x · mix", "category_mae"] == pytest.approx(0.875)
    assert grid.loc["1x · mix", "mae"] == pytest.approx(1.0)
    assert grid.loc["1x · mix", "vs_real"] == pytest.approx(-0.125)
    assert grid.loc["real only", "vs_real"] == 0.0
    parts = compute_category_mae(pred, ann, ["gender", "age"], n_boot=50)
    cell = parts[parts.model == "1x · mix"].set_index("attribute")["mae"]
    assert cell.to_dict() == pytest.approx({"gender": 0.75, "age": 1.0})
