"""Figure tests for the dataset wing: trace types, axis titles and row order (fig.to_dict())."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.dataset.demographics import compute_composition
from analysis.dataset.disagreement import compute_annotation_counts, compute_label_distribution
from analysis.dataset.plot_demographics import plot_composition, plot_demographic_signal
from analysis.dataset.plot_distributions import plot_count_histogram, plot_label_distribution
from analysis.dataset.signal import compute_demographic_signal
from engines.data import AnnotationDataset


def test_label_distribution_bars(toy_dataset: AnnotationDataset) -> None:
    table = compute_label_distribution(toy_dataset.df, classes=list(toy_dataset.scale.classes))
    fig = plot_label_distribution(table)
    (bar,) = fig.data
    assert bar.type == "bar"
    assert list(bar.x) == ["1", "2", "3", "4", "5"]  # whole-number floats lose the '.0'
    assert list(bar.y) == table["count"].tolist()
    assert fig.layout.xaxis.type == "category"
    assert fig.layout.xaxis.title.text == "label"
    assert fig.layout.yaxis.title.text == "annotations"
    assert fig.layout.yaxis.range[1] == pytest.approx(table["count"].max() * 1.15)


@pytest.mark.parametrize("unit", ["item", "annotator"])
def test_count_histogram(toy_dataset: AnnotationDataset, unit: str) -> None:
    counts = compute_annotation_counts(toy_dataset.df, by=f"{unit}_id")
    fig = plot_count_histogram(counts, unit=unit)
    (hist,) = fig.data
    assert hist.type == "histogram"
    assert list(hist.x) == counts["n_annotations"].tolist()
    assert fig.layout.title.text == f"Annotations per {unit}"
    assert fig.layout.xaxis.title.text == f"annotations per {unit}"
    assert fig.layout.yaxis.title.text == f"{unit}s"


def test_composition_panels_and_suppressed_bars(toy_dataset: AnnotationDataset) -> None:
    table = compute_composition(toy_dataset.df, toy_dataset.demographics, min_group_size=5)
    fig = plot_composition(table)
    assert [t.type for t in fig.data] == ["bar", "bar"]  # one panel per attribute
    gender = fig.data[list(toy_dataset.demographics).index("gender")]
    # ascending annotator counts; the merged bucket cannot be taken for a category "Other"
    assert list(gender.y) == ["merged (<5 annotators)", "m", "f"]
    assert list(gender.x) == [1, 5, 6]
    assert gender.marker.color[0] == "#9e9e9e"  # the merged small group is greyed out
    titles = [a.text for a in fig.layout.annotations]
    assert titles == list(toy_dataset.demographics)


def test_demographic_signal_bars(toy_dataset: AnnotationDataset) -> None:
    table, _ = compute_demographic_signal(
        toy_dataset.df, toy_dataset.demographics, min_group_size=5, n_boot=10
    )
    fig = plot_demographic_signal(table)
    (bar,) = fig.data
    assert bar.orientation == "h"
    assert list(bar.y) == table.sort_values("signal")["attribute"].tolist()
    assert bar.error_x.visible
    assert fig.layout.xaxis.title.text == "beyond-chance spread (rating points)"
    no_ci = plot_demographic_signal(table.assign(ci_low=float("nan"), ci_high=float("nan")))
    assert not no_ci.data[0].error_x.visible
    assert isinstance(fig.to_dict(), dict)


def test_empty_tables_still_draw() -> None:
    empty = pd.DataFrame(columns=["label", "count", "share"])
    assert plot_label_distribution(empty).data[0].type == "bar"


def test_composition_reads_age_bands_by_age_and_other_groups_by_size() -> None:
    """Issue #13: ordered categories in their natural order, top to bottom."""
    table = pd.DataFrame(
        {
            "attribute": ["age"] * 4 + ["race"] * 3,
            "group": ["60+", "18-29", "30-44", "merged (<5 annotators)", "b", "a", "c"],
            "n_annotators": [40, 10, 30, 3, 5, 20, 9],
            "share": 0.1,
            "n_annotations": 100,
            "mean_label": 2.0,
            "suppressed": [False, False, False, True, False, False, False],
        }
    )
    fig = plot_composition(table)
    top_down = [list(t.y)[::-1] for t in fig.data]
    assert top_down[0] == ["18-29", "30-44", "60+", "merged (<5 annotators)"]
    assert top_down[1] == ["a", "c", "b"]


def test_class_colours_are_shared_by_the_label_chart_and_the_uncertainty_legend() -> None:
    """Issue #13: one colour per class across pages, classes in their natural order."""
    import numpy as np

    from analysis._style import class_colours
    from analysis.profiles import plot_uncertainty_scatter

    colours = class_colours([3.0, 1.0, 2.0])
    assert list(colours) == ["1", "2", "3"] and len(set(colours.values())) == 3
    labels = pd.DataFrame({"label": [1.0, 2.0, 3.0], "count": [5, 3, 2], "share": [0.5, 0.3, 0.2]})
    bars = plot_label_distribution(labels).data[0]
    assert list(bars.marker.color) == [colours["1"], colours["2"], colours["3"]]
    unc = pd.DataFrame(
        {
            "item_id": ["a", "b", "c"],
            "total": [1.0, 1.0, 1.0],
            "aleatoric": [0.8, 0.9, 1.0],
            "value_epistemic": [0.2, 0.1, 0.0],
            "fraction_value_epistemic": [0.2, 0.1, 0.0],
            "n_ratings": [3, 3, 3],
        }
    )
    majority = pd.Series(["3", "1", "2"], index=["a", "b", "c"], name="majority label")
    fig = plot_uncertainty_scatter(unc, None, majority)
    by_name = {t.name: t.marker.color for t in fig.data if t.name}
    assert [t.name for t in fig.data if t.name] == ["1", "2", "3"]
    assert by_name == colours and fig.layout.legend.title.text == "majority label"
    assert np.isfinite(fig.layout.height or 1)


def test_titles_start_below_the_toolbar_band() -> None:
    """Issue #13: plotly's toolbar (top right) never covers a chart title."""
    from analysis._style import TOOLBAR_BAND

    labels = pd.DataFrame({"label": [1.0, 2.0], "count": [5, 3], "share": [0.6, 0.4]})
    layout = plot_label_distribution(labels).layout
    assert layout.title.yref == "container" and layout.title.yanchor == "top"
    assert layout.title.pad.t >= TOOLBAR_BAND and layout.margin.t > layout.title.pad.t


@pytest.mark.parametrize("title", ["A title", None])
def test_styled_figure_is_apply_style_built_at_once(title: str | None) -> None:
    """The live editor's fast path draws exactly what ``apply_style`` would."""
    import plotly.graph_objects as go

    from analysis._style import apply_style, styled_figure

    data = [{"type": "bar", "x": ["1", "2"], "y": [0.4, 0.6], "name": "edited"}]
    layout = {"barmode": "group", "yaxis": {"range": [0, 1], "tickformat": ".0%"}}
    kw = {"title": title, "height": 340, "x_title": "class", "y_title": "share"}
    slow = apply_style(go.Figure(data=data, layout=layout), **kw).to_plotly_json()
    fast = styled_figure(data, layout, **kw).to_plotly_json()
    for fig in (slow, fast):  # no title: ``update_layout(title=None)`` leaves an empty one
        if not fig["layout"].get("title"):
            fig["layout"].pop("title", None)
    assert fast == slow
    assert fast["layout"]["yaxis"]["title"]["text"] == "share"
    assert fast["layout"]["yaxis"]["tickformat"] == ".0%"  # the figure's own axis keys kept
