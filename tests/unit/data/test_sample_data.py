"""The bundled sample: reproducible, loads cleanly, and carries the documented planted effects."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.dataset.agreement import krippendorff_alpha
from analysis.dataset.signal import compute_demographic_signal
from engines.data.schema import AnnotationDataset
from tests.unit.data.toys import SAMPLE_DIR


def _generator():
    spec = importlib.util.spec_from_file_location("sample_generate", SAMPLE_DIR / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def frames() -> dict[str, pd.DataFrame]:
    names = ("annotations", "annotator_truth", "item_truth")
    return {n: pd.read_csv(SAMPLE_DIR / f"{n}.csv", keep_default_na=False) for n in names}


@pytest.fixture(scope="module")
def merged(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    truth = frames["annotator_truth"][["annotator_id", "orientation", "is_random"]]
    items = frames["item_truth"][["item_id", "topic"]]
    return frames["annotations"].merge(items, on="item_id").merge(truth, on="annotator_id")


def test_committed_files_match_the_generator(tmp_path: Path) -> None:
    for path in _generator().write(tmp_path):
        assert path.read_bytes() == (SAMPLE_DIR / path.name).read_bytes(), path.name


def test_another_seed_gives_different_ratings(frames: dict[str, pd.DataFrame]) -> None:
    other, _, _ = _generator().generate(seed=7)
    assert not np.array_equal(other["label"].to_numpy(), frames["annotations"]["label"].to_numpy())


def test_sample_loads_without_losing_rows(
    frames: dict[str, pd.DataFrame], sample_dataset: AnnotationDataset
) -> None:
    ds = sample_dataset
    assert len(ds.df) == len(frames["annotations"]) == 6120
    assert ds.df["item_id"].nunique() == 606
    assert ds.df["annotator_id"].nunique() == 170
    assert set(ds.demographics) == {"gender", "age", "race", "education"}
    assert ds.scale.kind == "ordinal" and ds.scale.classes == (1, 2, 3, 4, 5)
    assert {"rationale", "value_tags", "is_synthetic"} <= set(ds.df.columns)


def test_every_demographic_group_is_large_enough(frames: dict[str, pd.DataFrame]) -> None:
    humans = frames["annotator_truth"].query("is_synthetic == 0")
    for col in ("gender", "age", "race", "education"):
        assert humans[col].value_counts().min() >= 5, col


def _gap(df: pd.DataFrame, topic: str, col: str, high: str, low: str) -> float:
    means = df[df["topic"] == topic].groupby(col)["label"].mean()
    return float(means[high] - means[low])


def test_planted_age_effect_on_profanity(merged: pd.DataFrame) -> None:
    humans = merged[(merged["is_synthetic"] == 0) & (~merged["is_random"].astype(bool))]
    assert _gap(humans, "profanity", "age", "60+", "18-29") > 1.0
    assert abs(_gap(humans, "everyday", "age", "60+", "18-29")) < 0.3


def test_planted_orientation_effect_on_value_topics(merged: pd.DataFrame) -> None:
    humans = merged[(merged["is_synthetic"] == 0) & (~merged["is_random"].astype(bool))]
    for topic in ("religion", "politics"):
        assert _gap(humans, topic, "orientation", "harm_avoidance", "free_expression") > 1.5
    assert abs(_gap(humans, "profanity", "orientation", "harm_avoidance", "free_expression")) < 0.3


def test_orientation_not_confounded_with_age(frames: dict[str, pd.DataFrame]) -> None:
    humans = frames["annotator_truth"].query("is_synthetic == 0")
    share = humans.groupby("age")["orientation"].apply(lambda s: (s == "harm_avoidance").mean())
    assert share.between(0.35, 0.65).all()


def test_age_is_the_dominant_demographic_signal(sample_dataset: AnnotationDataset) -> None:
    ds = sample_dataset
    signal, _ = compute_demographic_signal(ds.df, ds.demographics, n_boot=0)
    assert signal.iloc[0]["attribute"] == "age"


def test_synthetic_annotations_are_more_homogeneous(frames: dict[str, pd.DataFrame]) -> None:
    df = frames["annotations"]
    alpha_syn = krippendorff_alpha(df[df["is_synthetic"] == 1], level="interval")
    alpha_hum = krippendorff_alpha(df[df["is_synthetic"] == 0], level="interval")
    assert alpha_syn > alpha_hum + 0.2


def test_near_random_annotators_disagree_with_item_means(merged: pd.DataFrame) -> None:
    humans = merged[merged["is_synthetic"] == 0].copy()
    humans["dev"] = (humans["label"] - humans.groupby("item_id")["label"].transform("mean")).abs()
    per = humans.groupby("annotator_id").agg(dev=("dev", "mean"), random=("is_random", "first"))
    worst = per.sort_values("dev", ascending=False).head(8)
    assert worst["random"].astype(bool).sum() >= 6


def test_rationales_follow_orientation(merged: pd.DataFrame) -> None:
    value = merged[merged["topic"].isin(["religion", "politics"]) & (merged["is_synthetic"] == 0)]
    free = value[value["orientation"] == "free_expression"]["rationale"]
    harm = value[value["orientation"] == "harm_avoidance"]["rationale"]
    assert free.str.contains("free|fair game|opinion", case=False).mean() > 0.4
    assert harm.str.contains("free|fair game|opinion", case=False).mean() == 0.0
