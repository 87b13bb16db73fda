"""Tests for analysis.dataset.overview: the Overview page's tables in one call."""

from __future__ import annotations

import pytest

from analysis.dataset.agreement import krippendorff_alpha
from analysis.dataset.overview import build_overview_tables, compute_dataset_stats, headline_level
from engines.data import AnnotationDataset, LabelScale

TABLES = {
    "stats",
    "alpha",
    "labels",
    "per_item",
    "per_annotator",
    "composition",
    "disputed",
    "signal",
    "signal_levels",
}


@pytest.fixture(scope="module")
def tables(toy_dataset: AnnotationDataset) -> dict:
    return build_overview_tables(toy_dataset, n_boot=20, n_disputed=5)


def test_headline_level_fits_the_scale() -> None:
    assert headline_level(LabelScale("ordinal", (1.0, 2.0, 3.0))) == "interval"
    assert headline_level(LabelScale("binary", (0.0, 1.0))) == "nominal"
    assert headline_level(LabelScale("nominal", ("a", "b"))) == "nominal"


def test_every_table_is_built_without_synthetic_rows(tables: dict) -> None:
    assert set(tables) == TABLES
    stats = tables["stats"].iloc[0]
    assert (stats["items"], stats["annotators"], stats["annotations"]) == (30, 11, 330)
    assert stats["alpha_level"] == "interval"
    assert tables["per_annotator"]["n_annotations"].sum() == stats["annotations"]
    assert list(tables["alpha"]["level"]) == ["nominal", "ordinal", "interval"]
    interval = tables["alpha"].set_index("level").loc["interval"]
    assert stats["alpha"] == pytest.approx(interval["alpha"])
    assert len(tables["disputed"]) == 5
    assert set(tables["signal"]["attribute"]) <= {"gender", "age"}
    assert "x" not in set(tables["composition"]["group"])  # the synthetic annotator is out


def test_stats_agree_with_the_underlying_computations(toy_dataset: AnnotationDataset) -> None:
    df = toy_dataset.df
    stats = compute_dataset_stats(df, toy_dataset.scale, toy_dataset.demographics, n_boot=0)
    row = stats.iloc[0]
    assert row["alpha"] == pytest.approx(
        krippendorff_alpha(df, level="interval", values=list(toy_dataset.scale.classes))
    )
    assert row["avg_annotators_per_item"] == pytest.approx(12.0)
    assert row["demographic_combinations"] == 5  # f/m x young/old, and x/young
    assert row["mean_entropy_bits"] == pytest.approx(row["mean_entropy"] / 0.6931471805599453)


def test_human_only_can_be_turned_off(toy_dataset: AnnotationDataset) -> None:
    everyone = build_overview_tables(toy_dataset, human_only=False, n_boot=0)
    assert everyone["stats"].iloc[0]["annotators"] == 12
