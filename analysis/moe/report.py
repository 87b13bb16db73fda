"""Every table of a DEM-MoE comparison in one place (used by the page, the CLI, the benchmark)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from analysis.moe.bootstrap import bootstrap_group_mae, bootstrap_mae, compute_attribute_mae
from analysis.moe.metrics import compute_rating_metrics
from analysis.moe.significance import compare_attribute_mae, compare_models, next_best_model
from analysis.moe.specialisation import (
    compute_expert_usage,
    compute_specialisation_kl,
    compute_usage_ridge,
    routing_note,
    routing_summary,
)

__all__ = [
    "comparison_rows",
    "SEARCH_COLUMNS",
    "MoEReport",
    "build_report",
    "compute_model_table",
    "compute_search_table",
    "report_for_result",
]

if TYPE_CHECKING:
    from engines.moe.comparison import MoEResult


def compute_model_table(metrics: pd.DataFrame, boot: pd.DataFrame) -> pd.DataFrame:
    """One row per model: overall metrics, the MAE's bootstrap CI and seen/unseen MAE.

    Args:
        metrics: :func:`analysis.moe.metrics.compute_rating_metrics` output.
        boot: :func:`analysis.moe.bootstrap.bootstrap_mae` output.

    Returns:
        ``model, mae, ci_low, ci_high, pearson, item_mae, item_pearson, emd, mae_seen,
        mae_unseen, n`` sorted by MAE.
    """
    overall = metrics[metrics["subset"] == "overall"].set_index("model")
    table = overall[["mae", "pearson", "item_mae", "item_pearson", "emd", "n"]].join(
        boot.set_index("model")[["ci_low", "ci_high"]]
    )
    for subset in ("seen", "unseen"):
        sub = metrics[metrics["subset"] == subset].set_index("model")["mae"]
        table[f"mae_{subset}"] = sub.reindex(table.index)
    cols = ["mae", "ci_low", "ci_high", "pearson", "item_mae", "item_pearson", "emd"]
    table = table[[*cols, "mae_seen", "mae_unseen", "n"]].sort_values("mae")
    return table.reset_index()


@dataclass
class MoEReport:
    """Tables of one comparison (all computed on the test split)."""

    models: pd.DataFrame
    """:func:`compute_model_table`: one row per model, sorted by MAE."""
    metrics: pd.DataFrame
    """:func:`~analysis.moe.metrics.compute_rating_metrics` output."""
    group_mae: pd.DataFrame
    """:func:`~analysis.moe.bootstrap.compute_group_mae` table (empty without attributes)."""
    attribute_mae: pd.DataFrame
    """:func:`~analysis.moe.bootstrap.compute_attribute_mae` output."""
    significance: dict[str, dict] = field(default_factory=dict)
    """Attribute (and ``"overall"``) -> paired test of DEM-MoE vs the next-best model there
    (the rival is named under ``"rival"``: per attribute, the best other model on it)."""
    next_best: str | None = None
    """The model with the lowest MAE other than the focus (None without a rival)."""
    usage: pd.DataFrame = field(default_factory=pd.DataFrame)
    """The focus model's expert usage per subgroup (empty without routing)."""
    kl: pd.DataFrame = field(default_factory=pd.DataFrame)
    """Within-group KL (and JSD) per attribute (empty without routing)."""
    routing_summary: dict[str, object] = field(default_factory=dict)
    """:func:`~engines.moe.routing.routing_summary` of the focus model (empty without routing)."""
    routing_note: str = ""
    """One sentence on the effective and idle experts (empty without routing)."""
    ridge: pd.DataFrame = field(default_factory=pd.DataFrame)
    """Ridge coefficients from demographics to routing (empty without routing)."""
    notes: list[str] = field(default_factory=list)
    """What could not be computed and why (e.g. every subgroup below the privacy minimum)."""


def build_report(
    predictions: pd.DataFrame,
    routing: pd.DataFrame,
    annotators: pd.DataFrame,
    attributes: Sequence[str],
    n_experts: int | None,
    focus: str = "DEM-MoE",
    min_group_size: int = 5,
    n_boot: int = 1000,
    seed: int = 0,
) -> MoEReport:
    """Model table, per-group MAE with CIs, and the significance of ``focus`` vs the next-best.

    Adds the specialisation analyses (usage, normalised KL, ridge) of ``focus``'s routing when
    ``routing`` is given. Subgroups with fewer than ``min_group_size`` annotators are left out.
    """
    metrics = compute_rating_metrics(predictions)
    boot = bootstrap_mae(predictions, n_boot=n_boot, seed=seed)
    table = compute_model_table(metrics, boot)
    report = MoEReport(table, metrics, pd.DataFrame(), pd.DataFrame())
    has_focus = focus in set(predictions["model"])
    rival = next_best_model(boot, exclude=focus) if has_focus else None
    report.next_best = rival
    if rival:
        report.significance["overall"] = compare_models(
            predictions, focus, rival, n_boot=n_boot, seed=seed
        )
    if attributes:
        groups = bootstrap_group_mae(
            predictions, annotators, list(attributes), n_boot, seed, min_group_size
        )
        report.group_mae = groups.table
        report.attribute_mae = compute_attribute_mae(groups)
        if rival:
            for attr in attributes:
                if attr not in set(groups.table["attribute"]):
                    continue
                other = next_best_model(report.attribute_mae, exclude=focus, attribute=attr)
                if other:
                    report.significance[attr] = compare_attribute_mae(groups, focus, other, attr)
    if attributes and n_experts and not routing.empty:
        report.usage = compute_expert_usage(routing, annotators, list(attributes), min_group_size)
        if report.usage.empty:
            report.notes.append(_too_small("Expert usage and specialisation", min_group_size))
        else:
            report.kl = compute_specialisation_kl(report.usage, n_experts)
        report.routing_summary = routing_summary(routing, report.usage, n_experts)
        report.routing_note = routing_note(report.routing_summary)
        try:
            report.ridge = compute_usage_ridge(
                routing, annotators, list(attributes), min_group_size=min_group_size
            )
        except ValueError:
            report.notes.append(_too_small("The ridge of routing on demographics", min_group_size))
    if attributes and report.group_mae.empty:
        report.notes.append(_too_small("MAE per subgroup", min_group_size))
    return report


def _too_small(what: str, min_group_size: int) -> str:
    return (
        f"{what} not shown: every demographic subgroup has fewer than {min_group_size} "
        "annotators (the privacy minimum); lower it or add annotators."
    )


def report_for_result(result: MoEResult, **kwargs: Any) -> MoEReport:
    """:func:`build_report` of a :class:`~engines.moe.comparison.MoEResult` (DEM-MoE as focus).

    ``kwargs`` go to :func:`build_report` (``min_group_size``, ``n_boot``, ``seed``, ...).
    """
    moe = result.moe
    return build_report(
        result.predictions,
        result.routing,
        result.annotators,
        result.attributes,
        moe.module_.n_experts if moe else None,
        **kwargs,
    )


SEARCH_COLUMNS = ("trial", "round", "state", "dev_mae", "dev_max_jsd", "jsd_attribute", "seconds")
"""Columns of the search's trials table that are not searched parameters."""


def compute_search_table(trials: pd.DataFrame, kept: int | None = None) -> pd.DataFrame:
    """Each searched parameter: the first trial (the settings chosen) vs the kept trial.

    Args:
        trials: :attr:`engines.moe.search.SearchResult.trials` (trial 0 is the base config).
        kept: row of the kept trial (default: the lowest dev MAE).

    Returns:
        ``parameter, chosen, best, change`` (``change`` = best / chosen for positive values),
        plus final ``dev_mae`` and (when recorded) ``dev_max_jsd`` rows.
    """
    params = [c for c in trials.columns if c not in SEARCH_COLUMNS]
    done = trials[trials["state"] == "complete"]
    if done.empty:
        return pd.DataFrame(columns=["parameter", "chosen", "best", "change"])
    first = trials.iloc[0]
    best = trials.loc[kept] if kept is not None else done.loc[done["dev_mae"].idxmin()]
    scores = [c for c in ("dev_mae", "dev_max_jsd") if c in trials.columns]
    rows = [(p, float(first[p]), float(best[p])) for p in [*params, *scores]]
    out = pd.DataFrame(rows, columns=["parameter", "chosen", "best"])
    with np.errstate(divide="ignore", invalid="ignore"):
        out["change"] = np.where(out["chosen"] > 0, out["best"] / out["chosen"], np.nan)
    return out


def comparison_rows(result: MoEResult, models: pd.DataFrame) -> pd.DataFrame:
    """MAE, CI and n per model in training order, so each model keeps its colour everywhere."""
    order = pd.unique(result.predictions["model"])
    return models.set_index("model").loc[order, ["mae", "ci_low", "ci_high", "n"]].reset_index()
