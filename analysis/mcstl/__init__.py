"""MC-STL wing of the analyses (mc-stl seed section 3.2): ``compute_*`` -> tidy DataFrames.

- :mod:`~analysis.mcstl.metrics`: macro-AUC, per-group AUC and calibration line (decile bins,
  least-squares slope and bias), 1 - normalised EMD on minority annotations.
- :mod:`~analysis.mcstl.report`: the comparison in the layout of the seed's Table 1, the
  per-group calibration table and its decile points; drawn by
  :mod:`~analysis.mcstl.plot_calibration` (small multiples per group).
- :mod:`~analysis.mcstl.summaries`: rationale-cluster summaries and the 2-D rationale map;
  drawn by :mod:`~analysis.mcstl.plot_summaries`.

Never imports streamlit or torch.
"""

from analysis.mcstl.metrics import (
    CALIBRATION_COLUMNS,
    calibration_line,
    calibration_points,
    compute_group_metrics,
    emd_1d,
    macro_auc,
    one_minus_emd,
)
from analysis.mcstl.plot_calibration import plot_group_calibration
from analysis.mcstl.plot_summaries import plot_rationale_map
from analysis.mcstl.report import (
    TABLE_COLUMNS,
    VARIANT_NAMES,
    compute_calibration,
    compute_calibration_points,
    compute_distribution_calibration,
    compute_results_table,
    exceedance,
    label_tasks,
)
from analysis.mcstl.summaries import (
    MAP_COLUMNS,
    SUMMARY_COLUMNS,
    compute_cluster_summary,
    compute_rationale_map,
    readable_cluster_names,
    summary_prompt,
)

__all__ = [
    "CALIBRATION_COLUMNS",
    "MAP_COLUMNS",
    "SUMMARY_COLUMNS",
    "compute_cluster_summary",
    "compute_rationale_map",
    "plot_group_calibration",
    "plot_rationale_map",
    "readable_cluster_names",
    "summary_prompt",
    "TABLE_COLUMNS",
    "VARIANT_NAMES",
    "compute_calibration",
    "compute_calibration_points",
    "compute_distribution_calibration",
    "exceedance",
    "label_tasks",
    "compute_results_table",
    "calibration_line",
    "calibration_points",
    "compute_group_metrics",
    "emd_1d",
    "macro_auc",
    "one_minus_emd",
]
