"""Rationale-cluster summaries, the map and the calibration small multiples (issue #14)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.mcstl.plot_calibration import plot_group_calibration
from analysis.mcstl.plot_summaries import plot_rationale_map
from analysis.mcstl.summaries import (
    compute_cluster_summary,
    compute_rationale_map,
    summary_prompt,
)


@pytest.fixture()
def clustered():
    rows = pd.DataFrame(
        {
            "rationale": ["hurts people", "hurts many people", "free speech", "free debate",
                          "hurts people", ""],
            "label": [4.0, 5.0, 1.0, 2.0, 4.0, 3.0],
            "age": ["60+", "60+", "18-29", "18-29", "30-44", "60+"],
        }
    )  # fmt: skip
    member = np.array([[1, 0], [1, 0], [0, 1], [0, 1], [1, 0], [0, 0]])
    emb = np.array([[1, 0.1], [1, 0.3], [0.1, 1], [0.3, 1], [1, 0.1], [0, 0]], float)
    centroids = np.array([[1.0, 0.0], [0.0, 1.0]])
    return rows, member, emb, centroids


def test_summary_has_size_labels_keywords_central_rationales_and_makeup(clustered) -> None:
    rows, member, emb, centroids = clustered
    table = compute_cluster_summary(rows, member, ["c1", "c2"], emb, centroids, "age")
    first = table.iloc[0]
    assert first["n"] == 3 and first["share"] == pytest.approx(0.5)
    assert first["labels"] == "4: 67% · 5: 33%"
    assert "hurts" in first["keywords"]
    assert first["central"].split(" | ")[0] == "hurts people"  # nearest to the centroid
    assert first["makeup"] == "30-44: 33% · 60+: 67%"
    assert table.iloc[1]["labels"] == "1: 50% · 2: 50%"


def test_map_has_one_point_per_distinct_rationale(clustered) -> None:
    rows, member, emb, _ = clustered
    cluster = member.argmax(1)
    table = compute_rationale_map(rows["rationale"], emb, cluster, rows["label"], ["c1", "c2"])
    assert sorted(table["rationale"]) == sorted({"hurts people", "hurts many people",
                                                 "free speech", "free debate"})  # fmt: skip
    assert table.set_index("rationale").loc["hurts people", "n"] == 2
    fig = plot_rationale_map(table, "cluster")
    assert fig.layout.title.text and fig.layout.legend.title.text == "value cluster"
    assert plot_rationale_map(table, "label").layout.legend.title.text == "label"


def test_the_prompt_is_appendix_a3s() -> None:
    prompt = summary_prompt(["a", "b", "a"])
    assert prompt.startswith("You are a helpful assistant.\nSummarize the core theme")
    assert prompt.endswith("- a\n- b")


def test_calibration_small_multiples_one_panel_per_group() -> None:
    points = pd.DataFrame(
        {"variant": ["mcstl"] * 4, "group": ["g1", "g1", "g2", "g2"], "task": ["y > 0"] * 4,
         "mean_prediction": [0.2, 0.8, 0.3, 0.7], "mean_label": [0.25, 0.75, 0.3, 0.7],
         "n": [10, 10, 10, 10]}
    )  # fmt: skip
    lines = pd.DataFrame(
        {"variant": ["mcstl"] * 2, "group": ["g1", "g2"], "task": ["y > 0"] * 2,
         "slope": [0.83, 1.0], "bias": [0.08, 0.0]}
    )  # fmt: skip
    fig = plot_group_calibration(points, lines)
    assert [a.text for a in fig.layout.annotations][:2] == ["g1", "g2"]
    assert fig.layout.legend.title.text == "model" and "y > 0" in fig.layout.title.text
    fitted = [t for t in fig.data if t.mode == "lines" and t.line.dash is None]
    assert fitted[0].y[1] == pytest.approx(0.91)  # slope + bias at x = 1
    with pytest.raises(ValueError, match="y > 3"):
        plot_group_calibration(points, lines, task="y > 3")


def test_takeaways_name_the_best_model_and_the_largest_cluster() -> None:
    from analysis.mcstl.takeaways import (
        calibration_takeaway,
        clusters_takeaway,
        comparison_takeaway,
    )

    results = pd.DataFrame({"model": ["MC-STL", "∅ (no clusters)"], "auc": [0.84, 0.72]})
    assert comparison_takeaway(results).startswith("**MC-STL has the highest AUC** (0.840")
    flipped = results.assign(auc=[0.70, 0.72])
    assert comparison_takeaway(flipped).startswith("**∅ (no clusters) has the highest AUC**")
    calib = pd.DataFrame(
        {"variant": ["mcstl", "mcstl", "no_info", "no_info"], "slope": [0.9, 1.1, 0.5, 1.6],
         "bias": [0.0, 0.0, 0.1, -0.1]}
    )  # fmt: skip
    text = calibration_takeaway(calib)
    assert text.startswith("**MC-STL's calibration lines are closest to ideal**")
    assert "0.10 over groups" in text and "0.55 (∅ (no clusters))" in text
    summary = pd.DataFrame({"cluster": ["harm", "civility"], "n": [30, 10], "share": [0.6, 0.2]})
    assert "2 value clusters from expert value tags" in clusters_takeaway(summary, "tags")
    assert "“harm”, holds 60%" in clusters_takeaway(summary, "tags")


def test_any_models_distributions_get_per_group_calibration() -> None:
    """Item 4: the value-profile decoder's distributions, grouped by demographic or cluster."""
    from analysis.mcstl.report import compute_distribution_calibration, exceedance

    probs = np.array([[0.2, 0.5, 0.3], [0.6, 0.3, 0.1]])
    assert np.allclose(exceedance(probs), [[0.8, 0.3], [0.4, 0.1]])
    rng = np.random.default_rng(0)
    true = rng.dirichlet([1, 1, 1], size=20_000)
    codes = np.array([rng.choice(3, p=p) for p in true])
    member = np.eye(2)[rng.integers(0, 2, len(codes))]
    lines, points = compute_distribution_calibration(true, codes, member, ["a", "b"], "decoder")
    assert set(lines["variant"]) == {"decoder"} and len(lines) == 4
    assert lines["slope"].between(0.9, 1.1).all() and lines["bias"].abs().max() < 0.05
    assert set(points["group"]) == {"a", "b"}


def test_llm_summaries_send_the_seeds_prompt_per_cluster() -> None:
    from engines.mcstl.llm_summary import summarise_clusters

    class Fake:
        id = "fake"

        def __init__(self) -> None:
            self.prompts: list[str] = []

        def complete(self, prompt: str, max_tokens: int = 300) -> str:
            self.prompts.append(prompt)
            return f" summary {len(self.prompts)} "

    fake = Fake()
    out = summarise_clusters({"c1": ["hurts", "hurts", "harm"], "c2": ["", " "]}, fake)
    assert out == {"c1": "summary 1", "c2": ""}  # a cluster without rationales is not sent
    assert fake.prompts == [summary_prompt(["hurts", "harm"])]


def test_map_can_be_coloured_by_the_group_that_wrote_each_rationale(clustered) -> None:
    rows, member, emb, _ = clustered
    rows = rows.assign(age=["60+", "60+", "18-29", "18-29", "30-44", "60+"])
    rows.loc[4, "age"] = "60+"  # 'hurts people': written twice by 60+
    table = compute_rationale_map(rows["rationale"], emb, member.argmax(1), rows["label"],
                                  ["c1", "c2"], groups=rows[["age"]])  # fmt: skip
    by_text = table.set_index("rationale")["age"]
    assert by_text["hurts people"] == "60+" and by_text["free speech"] == "18-29"
    fig = plot_rationale_map(table, "age")
    assert fig.layout.legend.title.text == "age (most writers)"
    assert {t.name for t in fig.data} == {"60+", "18-29"}
    with pytest.raises(ValueError, match="colour_by"):
        plot_rationale_map(table, "gender")


def test_readable_cluster_names_carry_the_first_keywords() -> None:
    from analysis.mcstl import readable_cluster_names

    summary = pd.DataFrame({"cluster": ["cluster 1", "cluster 2"],
                            "keywords": ["hurt, harm, unsafe", ""]})  # fmt: skip
    assert readable_cluster_names(summary) == ("cluster 1 (hurt, harm)", "cluster 2")
