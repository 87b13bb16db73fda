"""The Value calibration report section: the page's takeaways, figures, tables and settings."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

import pandas as pd
import pytest

from analysis.mcstl import compute_results_table
from analysis.report.mcstl import mcstl_section
from engines.mcstl.workflow import MCSTLRunConfig, run_mcstl
from tests.unit.mcstl.toys import FAST, fake_embed, strict_raters
from tests.unit.report.checks import check_section

SEED = 3
T0 = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def run() -> tuple[object, MCSTLRunConfig]:
    """The wing's toy (tests/unit/mcstl/toys.py): 'strict' raters rate one level higher."""
    ds, item_ids, emb = strict_raters()
    cfg = MCSTLRunConfig(source="rationale", rationale_k=2, model=FAST, seed=SEED)
    return run_mcstl(ds, item_ids, emb, cfg, embed=fake_embed), cfg


def test_the_section_carries_the_pages_results(run) -> None:  # noqa: ANN001
    result, cfg = run
    section = mcstl_section(result, cfg, makeup="gender")
    check_section(section)
    captions = [c for c, _ in section.figures]
    assert captions == ["Calibration per value group (label > 1)",
                        "Calibration per value group (label > 2)"]  # fmt: skip
    # the takeaways state the result's numbers: its cluster count and its best AUC
    assert len(section.takeaways) == 3
    assert all(isinstance(t, str) and t for t in section.takeaways)
    assert section.takeaways[0].startswith(f"**{len(result.clusters.names)} value clusters")
    names = tuple(section.tables[0][1]["cluster"])  # the page's readable "cluster 1 (hurt)"
    assert names[0].startswith(f"{result.clusters.names[0]} (")  # named by its keywords
    auc = compute_results_table(result.predictions, result.membership, names)["auc"]
    assert f"{auc.max():.3f}" in section.takeaways[1]
    calibration = section.tables[-1][1]  # the page's readable cluster names throughout
    assert set(calibration["group"]) == set(names)
    assert "makeup" in section.tables[0][1].columns  # the make-up column asked for
    # the settings used: the seed, the source, the evaluation and the trained model's settings
    methods = section.methods
    assert methods["seed (clustering, folds, training)"] == SEED
    assert methods["value clusters from"] == "rationale"
    assert methods["rationale clustering"] == "kmeans, K = 2 (given)"
    assert methods["model settings (as trained)"]["train"]["seed"] == SEED
    assert "test" in methods["split (annotations)"]


def test_without_the_run_config_the_seed_is_read_from_the_models(run) -> None:  # noqa: ANN001
    result, _ = run
    assert mcstl_section(result).methods["seed (training)"] == str(SEED)


def test_the_pages_own_tables_are_used_as_they_are(run) -> None:  # noqa: ANN001
    """Given the page's tables (with its rationale map), they are shown as they are."""
    from analysis.mcstl import compute_calibration_points, label_tasks

    result, cfg = run
    tables = dict(mcstl_section(result, cfg).tables)
    summary = tables["Value clusters"]
    names = tuple(summary["cluster"])
    points = compute_calibration_points(result.predictions, result.membership, names)
    page = SimpleNamespace(
        results=tables["Model comparison (the layout of the paper's Table 1)"].assign(auc=0.777),
        calibration=next(t for c, t in tables.items() if c.startswith("Calibration per")),
        points=label_tasks(points, result.class_names),
        summary=summary,
        rationale_map=pd.DataFrame({
            "x": [0.0, 1.0], "y": [0.0, 1.0], "rationale": ["this could hurt", "people say"],
            "cluster": list(names), "label": ["3", "1"], "n": [5, 4],
        }),
    )  # fmt: skip
    section = mcstl_section(result, cfg, tables=page)
    check_section(section)
    assert [c for c, _ in section.figures][0] == "Rationales on a 2-D map"
    assert "0.777" in section.takeaways[1]  # the page's table, not a recomputed one
