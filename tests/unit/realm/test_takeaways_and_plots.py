"""The Annotator reliability page's sentences and figures say what the numbers say."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.realm import (
    accuracy_takeaway,
    expertise_takeaway,
    plot_expertise_ranking,
    plot_simulation,
    plot_triage,
    simulation_takeaway,
    triage_takeaway,
)


def _intervals(lows: list[float]) -> pd.DataFrame:
    e = np.array(lows) + 0.1
    return pd.DataFrame({"annotator_id": [f"a{k}" for k in range(len(lows))], "expertise": e,
                         "ci_low": np.array(lows), "ci_high": e + 0.1})  # fmt: skip


def test_expertise_takeaway_names_only_intervals_entirely_below_the_bar() -> None:
    text = expertise_takeaway(_intervals([0.0, 0.2, 0.5, 0.7]))  # ci_high 0.2, 0.4, 0.7, 0.9
    assert text.startswith("**2 of 4 annotators are confidently unreliable**")
    assert "a0, a1" in text and "a2" not in text
    assert "No annotator is confidently unreliable" in expertise_takeaway(_intervals([0.6, 0.7]))


def test_accuracy_takeaway_names_the_best() -> None:
    table = pd.DataFrame({"method": ["REALM", "Noisy"], "accuracy": [0.6, 0.7]})
    assert accuracy_takeaway(table).startswith("**Noisy agrees most with the held-out majority")
    gold = table.assign(against="gold label")
    assert accuracy_takeaway(gold).startswith("**Noisy agrees most with the held-out gold labels")


def test_triage_takeaway_separates_perspective_from_noise() -> None:
    table = pd.DataFrame({"annotator_id": ["a", "b", "c"], "expertise": [0.2, 0.3, 0.9],
                          "reading": ["shared with their group", "idiosyncratic",
                                      "idiosyncratic"]})  # fmt: skip
    assert triage_takeaway(table, "age").startswith("**1 of the 2 annotators")
    noise = table.assign(reading="idiosyncratic")
    assert "deviate on their own" in triage_takeaway(noise, "age")


def test_simulation_takeaway_direction() -> None:
    assert simulation_takeaway({"realm": 0.8, "noisy": 0.7, "oracle": 0.9}, 1.0).startswith(
        "**REALM beats noisy training by 10.0%**")  # fmt: skip
    assert "trails" in simulation_takeaway({"realm": 0.6, "noisy": 0.7}, float("nan"))


def test_figures_are_titled_with_legend_titles() -> None:
    table = _intervals([0.0, 0.2, 0.5]).assign(reading=["idiosyncratic", "–", "–"])
    fig = plot_expertise_ranking(table, "reading")
    assert fig.layout.title.text and fig.layout.legend.title.text == "reading"
    assert list(fig.data[0].x) == [1] and fig.data[0].name == "idiosyncratic"
    triage = pd.DataFrame({"annotator_id": ["a", "b"], "group": ["60+", "18-29"],
                           "expertise": [0.2, 0.8], "shared": [0.5, 0.1],
                           "n_items": [10, 12]})  # fmt: skip
    fig = plot_triage(triage)
    assert [t.name for t in fig.data] == ["18-29", "60+"] and fig.layout.legend.title.text
    sim = pd.DataFrame({"annotator": [0, 1], "true": [0.9, 0.1], "realm": [0.85, 0.2]})
    fig = plot_simulation(sim)
    assert fig.layout.title.text and [t.name for t in fig.data] == ["realm", "learned = true"]
