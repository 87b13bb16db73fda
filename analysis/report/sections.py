"""Each wing's results as a report section: the takeaways, figures and tables of its page."""

from __future__ import annotations

import dataclasses
import platform
from importlib import metadata
from typing import TYPE_CHECKING

import pandas as pd

from analysis.dataset.overview import build_overview_tables
from analysis.dataset.plot_demographics import plot_composition, plot_demographic_signal
from analysis.dataset.plot_distributions import plot_count_histogram, plot_label_distribution
from analysis.dataset.takeaways import (
    agreement_takeaway,
    coverage_takeaway,
    disputed_takeaway,
    signal_takeaway,
)
from analysis.moe import (
    comparison_rows,
    plot_attribute_mae,
    plot_model_comparison,
    plot_seen_unseen,
    report_for_result,
)
from analysis.moe.takeaways import comparison_takeaway, group_takeaway, seen_unseen_takeaway
from analysis.report.document import ReportSection
from engines.data.schema import AnnotationDataset

if TYPE_CHECKING:
    from engines.moe.comparison import MoEResult

__all__ = ["about_data", "moe_section", "overview_section"]

_PACKAGES = ("perspectives-lab", "numpy", "pandas", "scikit-learn", "torch", "plotly",
             "sentence-transformers", "statsmodels")  # fmt: skip


def about_data(ds: AnnotationDataset, encoder: str | None = None) -> dict[str, object]:
    """The data and software a report's numbers come from."""
    about: dict[str, object] = {
        "dataset": ds.name,
        "fingerprint": ds.fingerprint(),
        "annotations": len(ds.df),
        "items": ds.n_items,
        "annotators": ds.n_annotators,
        "label scale": ", ".join(str(c) for c in ds.scale.classes),
    }
    if encoder:
        about["text encoder"] = encoder
    about["python"] = platform.python_version()
    for name in _PACKAGES:
        try:
            about[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return about


def overview_section(
    ds: AnnotationDataset,
    tables: dict[str, pd.DataFrame] | None = None,
    min_group_size: int = 5,
) -> ReportSection:
    """The Overview page: agreement, labels and coverage, who disagrees, disputed items."""
    t = tables or build_overview_tables(ds, min_group_size=min_group_size)
    stats = t["stats"].iloc[0]
    section = ReportSection(
        "Dataset overview",
        takeaways=[
            agreement_takeaway(stats),
            coverage_takeaway(t["labels"], t["per_item"]),
            signal_takeaway(t["signal"]),
            disputed_takeaway(t["disputed"]),
        ],
        figures=[
            ("Label distribution", plot_label_distribution(t["labels"])),
            ("Annotations per item", plot_count_histogram(t["per_item"], unit="item")),
            (
                "Annotations per annotator",
                plot_count_histogram(t["per_annotator"], unit="annotator"),
            ),
        ],
        tables=[("Dataset statistics", t["stats"]), ("Agreement", t["alpha"])],
        methods={"groups smaller than": f"{min_group_size} annotators are merged or left out"},
    )
    if not t["composition"].empty:
        section.figures.append(("Demographic composition", plot_composition(t["composition"])))
    if not t["signal"].empty:
        section.figures.append(("Demographic signal", plot_demographic_signal(t["signal"])))
        section.tables.append(("Demographic signal", t["signal"]))
    section.tables.append(("Most disputed items", t["disputed"]))
    return section


def moe_section(result: MoEResult, run_config: object | None = None) -> ReportSection:
    """The Demographic experts page: the comparison, error by group, seen vs unseen."""
    report = report_for_result(result)
    section = ReportSection(
        "Demographic experts (DEM-MoE)",
        takeaways=[
            comparison_takeaway(report.models, report.significance),
            group_takeaway(report.significance),
            seen_unseen_takeaway(report.metrics),
            *report.notes,
        ],
        figures=[
            (
                "Model comparison (test split)",
                plot_model_comparison(comparison_rows(result, report.models)),
            ),
            ("Seen vs unseen annotators", plot_seen_unseen(report.metrics)),
        ],
        tables=[("Model comparison (test split)", report.models)],
    )
    if not report.attribute_mae.empty:
        stars = {
            a: bool(t["significant"] and t["diff"] < 0)
            for a, t in report.significance.items()
            if a != "overall"
        }
        section.figures.append(
            ("MAE by attribute", plot_attribute_mae(report.attribute_mae, stars))
        )
        section.tables.append(("MAE by subgroup", report.group_mae))
    methods: dict[str, object] = {"split (rows)": result.split_sizes,
                                  "attributes": ", ".join(result.attributes) or "none"}  # fmt: skip
    if run_config is not None and dataclasses.is_dataclass(run_config):
        methods.update({k: v for k, v in dataclasses.asdict(run_config).items() if v is not None})
    moe = result.moe
    if moe is not None:
        methods["DEM-MoE settings"] = dataclasses.asdict(moe.config)
        ran = getattr(moe, "trained_config_", None)
        if ran is not None and ran != moe.config:  # the batch grown with the data
            trained = {"batch_size": ran.train.batch_size, "lr": ran.train.lr}
            methods["DEM-MoE trained with"] = {**trained, "lr_gate": ran.lr_gate}
    section.methods = methods
    return section
