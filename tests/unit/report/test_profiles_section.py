"""The Value profiles report section: the page's figures, tables, takeaways and settings."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, datetime

import pytest

from analysis.profiles import compute_usable_information, expected_calibration_error
from analysis.report import render_report
from analysis.report.profiles import EDIT_COLUMNS, profiles_section
from engines.data.validation import build_dataset
from engines.profiles import (
    ROLE,
    ProfileRunConfig,
    WriterConfig,
    cluster_representation,
    evaluate_representations,
    fit_app_decoder,
    prepare,
)
from engines.text import HashingEncoder, embed_with
from tests.unit.profiles.toys import READER, fast_decoder, toy_ratings
from tests.unit.report.checks import check_section
from ui.profile_tables import cluster_summary, majority_label

T0 = datetime(2026, 1, 1, tzinfo=UTC)
SEED, EVAL_SEEDS = 3, (3, 4)  # not the default 0: the methods must carry the seeds used
EDIT = "Jokes about religion are very offensive to me."


@pytest.fixture(scope="module")
def run():  # noqa: ANN201
    """The app decoder, a comparison of representations, the page's clusters and majority."""
    ds = build_dataset(toy_ratings(), name="toy")
    prep = prepare(ds, embed_with(HashingEncoder(64)), WriterConfig(n_themes=2))
    cfg = ProfileRunConfig(seeds=(SEED,), decoder=fast_decoder(40, 6), decoder_kind="embedding",
                           statements=READER, n_candidates=8, jury_size=20)  # fmt: skip
    fitted = fit_app_decoder(ds, prep, cfg)
    reps = ("none", "demographics", "profile", "examples", "clusters-2")
    ev = evaluate_representations(
        ds, prep, dataclasses.replace(cfg, seeds=EVAL_SEEDS, representations=reps)
    )
    fit_rows = fitted.partition[fitted.partition[ROLE] == "fit"]
    _, frame = cluster_representation(
        fitted.decoder, fitted.profiles, fit_rows, sorted(fitted.profiles), 2, cfg.n_candidates
    )
    return ds, fitted, ev, cluster_summary(frame), majority_label(ds, fitted)


@pytest.fixture(scope="module")
def section(run):  # noqa: ANN001, ANN201
    ds, fitted, ev, clusters, majority = run
    edits = [(fitted.profiles["r00"], EDIT, 0.42)]
    return profiles_section(fitted, ev, encoder="hashing-64", clusters=clusters,
                            majority=majority, edits=edits)  # fmt: skip


def test_every_figure_is_titled_and_every_table_filled(section) -> None:  # noqa: ANN001
    captions = [c for c, _ in section.figures]
    assert captions == ["Usable information per representation", "Reliability diagram (profile)",
                        "Item uncertainty", "Simulated jury"]  # fmt: skip
    check_section(section)
    tables = dict(section.tables)
    profiles = tables["Raters and their profiles"]
    assert list(profiles.columns) == ["annotator_id", "n_ratings", "value_profile"]
    assert (profiles["n_ratings"] > 0).all()
    assert {"representation", "usable_info_nats", "ci_low", "ci_high"} <= set(
        tables["Usable information (nats, 95% interval over seeds)"].columns
    )
    edits = tables["Edits made in the live editor"]
    assert list(edits.columns) == EDIT_COLUMNS and edits.iloc[0].tolist()[1:] == [EDIT, 0.42]


def test_takeaways_state_the_results_numbers(section, run) -> None:  # noqa: ANN001
    _, _, ev, clusters, _ = run
    assert len(section.takeaways) == 5
    assert all(isinstance(t, str) and t.strip() for t in section.takeaways)
    info, calib, cluster, _unc, jury = section.takeaways
    usable = compute_usable_information(ev.losses[["seed", "representation", "loss"]])
    profile = float(usable.set_index("representation").loc["profile", "usable_info_nats"])
    assert f"{profile:.3f}" in info or f"{profile:+.3f}" in info, info
    probs, y = ev.predictions["profile"]
    assert f"ECE {expected_calibration_error(probs, y):.3f}" in calib, calib
    sizes = sorted(clusters["n_raters"].astype(int), reverse=True)
    assert ", ".join(f"{s:,}" for s in sizes) in cluster, cluster
    assert re.search(r"over \d+ items|Too few items", jury), jury


def test_methods_carry_the_decoder_its_settings_seeds_and_encoder(section, run) -> None:  # noqa: ANN001
    fitted = run[1]
    m = section.methods
    assert m["decoder"] == "embedding"
    assert m["decoder settings"] == dataclasses.asdict(fitted.config.decoder)
    assert m["seed (app decoder)"] == SEED and m["comparison seeds"] == list(EVAL_SEEDS)
    assert m["text encoder"] == "hashing-64"
    assert m["cluster candidates"] == 8


def test_the_report_draws_one_plot_per_figure(section) -> None:  # noqa: ANN001
    html = render_report([section], title="t", about={}, now=T0)
    assert html.count('class="plotly-graph-div"') == len(section.figures) == 4
    assert "Value profiles" in html and "<th>seed (app decoder)</th><td>3</td>" in html


def test_without_a_comparison_only_the_profiles_and_settings(run) -> None:  # noqa: ANN001
    fitted = run[1]
    section = profiles_section(fitted)
    assert section.figures == [] and section.takeaways == []
    assert [c for c, _ in section.tables][0] == "Raters and their profiles"
    assert section.methods["seed (app decoder)"] == SEED
    html = render_report([section], title="t", about={}, now=T0)
    assert html.count('class="plotly-graph-div"') == 0
