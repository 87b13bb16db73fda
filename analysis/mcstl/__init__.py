"""MC-STL wing of the analyses (mc-stl seed section 3.2): ``compute_*`` -> tidy DataFrames.

- :mod:`~analysis.mcstl.metrics`: macro-AUC, per-group AUC and calibration line (decile bins,
  least-squares slope and bias), 1 - normalised EMD on minority annotations.
- :mod:`~analysis.mcstl.report`: the comparison in the layout of the seed's Table 1, the
  per-group calibration table and its decile points.

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
from analysis.mcstl.report import (
    TABLE_COLUMNS,
    VARIANT_NAMES,
    compute_calibration,
    compute_calibration_points,
    compute_results_table,
)

__all__ = [
    "CALIBRATION_COLUMNS",
    "TABLE_COLUMNS",
    "VARIANT_NAMES",
    "compute_calibration",
    "compute_calibration_points",
    "compute_results_table",
    "calibration_line",
    "calibration_points",
    "compute_group_metrics",
    "emd_1d",
    "macro_auc",
    "one_minus_emd",
]
