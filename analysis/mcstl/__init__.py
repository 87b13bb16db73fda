"""MC-STL wing of the analyses (mc-stl seed section 3.2): ``compute_*`` -> tidy DataFrames.

- :mod:`~analysis.mcstl.metrics`: macro-AUC, per-group AUC and calibration line (decile bins,
  least-squares slope and bias), 1 - normalised EMD on minority annotations.

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

__all__ = [
    "CALIBRATION_COLUMNS",
    "calibration_line",
    "calibration_points",
    "compute_group_metrics",
    "emd_1d",
    "macro_auc",
    "one_minus_emd",
]
