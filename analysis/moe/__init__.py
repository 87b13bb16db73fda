"""DEM-MoE wing of the analyses: ``compute_*`` -> tidy DataFrames, ``plot_*`` -> figures.

Modules, by concept (each ``plot_*`` module draws the tables of the module named beside it):

- :mod:`~analysis.moe.metrics`: accuracy per model, overall and for seen/unseen annotators
  (the predictions table every evaluation reads); drawn by :mod:`~analysis.moe.plot_comparison`.
- :mod:`~analysis.moe.bootstrap`: item-cluster bootstrap of MAE per model, subgroup and
  attribute; drawn by :mod:`~analysis.moe.plot_comparison` and :mod:`~analysis.moe.plot_groups`.
- :mod:`~analysis.moe.significance`: paired tests of DEM-MoE against the next-best model.
- :mod:`~analysis.moe.seeds`: a comparison repeated over seeds (MAE mean and SD, pooled test).
- :mod:`~analysis.moe.specialisation`: expert usage, within-group KL (computed in
  :mod:`engines.moe.usage`) and the ridge from demographics to routing; drawn by
  :mod:`~analysis.moe.plot_experts` and :mod:`~analysis.moe.plot_ridge`.
- :mod:`~analysis.moe.report`: every table of one comparison, and the search summary; the
  search history is drawn by :mod:`~analysis.moe.plot_search`.

Never imports streamlit or torch.
"""

from analysis.moe.bootstrap import (
    ATTRIBUTE_MAE_COLUMNS,
    BOOT_COLUMNS,
    GROUP_MAE_COLUMNS,
    GroupMAEBootstrap,
    bootstrap_group_mae,
    bootstrap_mae,
    compute_attribute_mae,
    compute_group_mae,
)
from analysis.moe.metrics import METRIC_COLUMNS, PRED_COLUMNS, SUBSETS, compute_rating_metrics
from analysis.moe.plot_comparison import plot_model_comparison, plot_seen_unseen
from analysis.moe.plot_experts import plot_specialisation_kl, plot_usage_heatmaps
from analysis.moe.plot_groups import plot_attribute_mae, plot_group_mae
from analysis.moe.plot_ridge import plot_ridge_clustermap
from analysis.moe.plot_search import plot_search_history
from analysis.moe.report import (
    SEARCH_COLUMNS,
    MoEReport,
    build_report,
    comparison_rows,
    compute_model_table,
    compute_search_table,
    report_for_result,
)
from analysis.moe.seeds import SEED_COLUMNS, compare_over_seeds, compute_seed_table
from analysis.moe.significance import compare_attribute_mae, compare_models, next_best_model
from analysis.moe.specialisation import (
    KL_COLUMNS,
    USAGE_COLUMNS,
    cluster_linkage,
    cluster_order,
    compute_expert_usage,
    compute_specialisation_kl,
    compute_usage_ridge,
)

__all__ = [
    "ATTRIBUTE_MAE_COLUMNS",
    "BOOT_COLUMNS",
    "GROUP_MAE_COLUMNS",
    "KL_COLUMNS",
    "METRIC_COLUMNS",
    "PRED_COLUMNS",
    "SEARCH_COLUMNS",
    "SEED_COLUMNS",
    "SUBSETS",
    "USAGE_COLUMNS",
    "GroupMAEBootstrap",
    "MoEReport",
    "bootstrap_group_mae",
    "bootstrap_mae",
    "build_report",
    "cluster_linkage",
    "cluster_order",
    "comparison_rows",
    "compare_attribute_mae",
    "compare_models",
    "compare_over_seeds",
    "compute_attribute_mae",
    "compute_expert_usage",
    "compute_group_mae",
    "compute_model_table",
    "compute_rating_metrics",
    "compute_search_table",
    "compute_seed_table",
    "compute_specialisation_kl",
    "compute_usage_ridge",
    "next_best_model",
    "plot_attribute_mae",
    "plot_group_mae",
    "plot_model_comparison",
    "plot_ridge_clustermap",
    "plot_search_history",
    "plot_seen_unseen",
    "plot_specialisation_kl",
    "plot_usage_heatmaps",
    "report_for_result",
]
