"""The Value calibration page (MC-STL, issue #14) as a report section (issue #27).

The section shows what the page shows for a trained :class:`~engines.mcstl.MCSTLResult`: the
takeaway of each results tab, the per-group calibration small multiples (one figure per CORAL
sub-task, the page's sub-task picker laid out), the rationale map when the page's tables carry
one, the value clusters, the comparison in the layout of Table 1, the per-group calibration
lines, and the settings the models were trained with.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Protocol

import pandas as pd

from analysis.mcstl import (
    compute_calibration,
    compute_calibration_points,
    compute_cluster_summary,
    compute_results_table,
    label_tasks,
    plot_group_calibration,
    plot_rationale_map,
    readable_cluster_names,
)
from analysis.mcstl.takeaways import calibration_takeaway, clusters_takeaway, comparison_takeaway
from analysis.report.document import ReportSection
from engines.mcstl.variants import VARIANT_NAMES

if TYPE_CHECKING:
    from engines.mcstl.workflow import MCSTLResult, MCSTLRunConfig

__all__ = ["mcstl_section"]

TITLE = "Value calibration (MC-STL)"
_SUMMARY_COLUMNS = ["cluster", "n", "share", "labels", "keywords", "central", "makeup"]


class _PageTables(Protocol):
    """The page's derived tables of one result (``ui.mcstl.McstlTables`` has this shape)."""

    @property
    def results(self) -> pd.DataFrame: ...  # noqa: D102

    @property
    def calibration(self) -> pd.DataFrame: ...  # noqa: D102

    @property
    def points(self) -> pd.DataFrame: ...  # noqa: D102

    @property
    def summary(self) -> pd.DataFrame: ...  # noqa: D102

    @property
    def rationale_map(self) -> pd.DataFrame: ...  # noqa: D102


@dataclasses.dataclass(frozen=True)
class _Tables:
    results: pd.DataFrame
    calibration: pd.DataFrame
    points: pd.DataFrame
    summary: pd.DataFrame
    rationale_map: pd.DataFrame


def _page_tables(result: MCSTLResult, makeup: str | None) -> _Tables:
    """The page's tables from the analysis functions it calls (no rationale map: see below).

    Rationale clusters are named by their first keywords ("cluster 1 (hurt, harm)"), as on the
    page. The central rationales and the rationale map need the rationales embedded by the
    session's encoder, which the page does in ``ui.mcstl``: pass its tables for them.
    """
    names = result.clusters.names
    summary = compute_cluster_summary(
        result.train_rows, result.clusters.membership, names, makeup_column=makeup
    )
    if result.rationale_model is not None:
        names = readable_cluster_names(summary)
        summary = summary.assign(cluster=list(names))
    preds, member = result.predictions, result.membership
    return _Tables(
        results=compute_results_table(preds, member, names),
        calibration=label_tasks(compute_calibration(preds, member, names), result.class_names),
        points=label_tasks(compute_calibration_points(preds, member, names), result.class_names),
        summary=summary,
        rationale_map=pd.DataFrame(),
    )


def _summary_shown(summary: pd.DataFrame) -> pd.DataFrame:
    """The cluster summary's columns that say something (blank text columns left out)."""
    keep = [
        c
        for c in _SUMMARY_COLUMNS
        if c in summary.columns
        and (
            pd.api.types.is_numeric_dtype(summary[c])
            or summary[c].astype(str).str.strip().ne("").any()
        )
    ]
    return summary[keep]


def _methods(result: MCSTLResult, run_config: MCSTLRunConfig | None) -> dict[str, object]:
    """The settings the models were trained with, read from the fitted models and the result."""
    sizes = result.split_sizes
    folds = sizes.get("folds")
    methods: dict[str, object] = {
        "value clusters from": result.clusters.source,
        "value clusters": len(result.clusters.names),
        "evaluation": (
            f"{folds}-fold cross-fitting over items (every annotation predicted out of fold)"
            if folds
            else "item-level train / dev / test split, scored on test"
        ),
        "split (annotations)": sizes,
        "models": ", ".join(VARIANT_NAMES.get(str(v), str(v)) for v in result.models),
    }
    rationale = result.rationale_model
    if rationale is not None:
        how = f"{rationale.method}, K = {len(rationale.centroids_)}"
        if rationale.method == "kmeans":
            how += " (given)" if rationale.k is not None else " (best silhouette of K = 2-6)"
        methods["rationale clustering"] = how
    if run_config is not None:
        methods["seed (clustering, folds, training)"] = run_config.seed
        methods.update(
            {k: v for k, v in dataclasses.asdict(run_config).items()
             if v is not None and k not in ("model", "seed", "source")}
        )  # fmt: skip
    else:
        seeds = sorted({m.config.train.seed for m in result.models.values()})
        methods["seed (training)"] = ", ".join(map(str, seeds))
    fitted = result.models.get("mcstl") or next(iter(result.models.values()), None)
    if fitted is not None:
        settings = dataclasses.asdict(fitted.config)
        settings.pop("variant", None)
        methods["model settings (as trained)"] = settings
        lam = getattr(fitted, "lambda_kl_", None)
        if lam is not None:
            methods["lambda_1 (KL weight, as trained)"] = f"{float(lam):.4g}"
    return methods


def mcstl_section(
    result: MCSTLResult,
    run_config: MCSTLRunConfig | None = None,
    *,
    tables: _PageTables | None = None,
    makeup: str | None = None,
) -> ReportSection:
    """The Value calibration page: value clusters, the Table 1 comparison, calibration per group.

    Args:
        result: A trained MC-STL comparison (:func:`~engines.mcstl.run_mcstl`).
        run_config: The run's configuration, when the caller kept it (its fields go into
            ``methods``; without it they are read from the fitted models and the result).
        tables: The page's derived tables of ``result`` (e.g. ``ui.mcstl.tables(...)``), used
            as they are: the app's report then shows the page's numbers, central rationales and
            rationale map without computing them again. None: computed here.
        makeup: The annotator column describing each cluster's make-up (computed tables only).
    """
    t = tables if tables is not None else _page_tables(result, makeup)
    section = ReportSection(
        TITLE,
        takeaways=[
            clusters_takeaway(t.summary, result.clusters.source),
            comparison_takeaway(t.results),
            calibration_takeaway(t.calibration),
        ],
    )
    if not t.rationale_map.empty:
        section.figures.append(
            ("Rationales on a 2-D map", plot_rationale_map(t.rationale_map, "cluster"))
        )
    for task in dict.fromkeys(t.points["task"]):  # sub-task order, as the page's picker
        section.figures.append(
            (
                f"Calibration per value group ({task})",
                plot_group_calibration(t.points, t.calibration, str(task)),
            )
        )
    section.tables.append(("Value clusters", _summary_shown(t.summary)))
    if result.sweep is not None:
        section.tables.append(("K sweep (k-means; the best silhouette was kept)", result.sweep))
    section.tables += [
        ("Model comparison (the layout of the paper's Table 1)", t.results),
        ("Calibration per value group (every sub-task; 95% item-bootstrap slope interval)",
         t.calibration),
    ]  # fmt: skip
    section.methods = _methods(result, run_config)
    return section
