"""Two kept REALM experiments side by side (issue #27 part 0).

Each classifier's test accuracy in both runs, with Wilson 95% intervals, and the change with
Newcombe's interval for a difference of two proportions (statsmodels). The two runs are scored
on the same test items, so the independent-samples interval of the change is conservative.
"""

from __future__ import annotations

import pandas as pd
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint

__all__ = ["REALM_RUN_COLUMNS", "compute_run_comparison"]

REALM_RUN_COLUMNS = [
    "method", "acc_a", "ci_low_a", "ci_high_a", "acc_b", "ci_low_b", "ci_high_b",
    "diff", "diff_ci_low", "diff_ci_high", "n_items",
]  # fmt: skip


def compute_run_comparison(acc_a: pd.DataFrame, acc_b: pd.DataFrame) -> pd.DataFrame:
    """Each classifier both runs trained (``method, accuracy, n_items`` tables), A's order.

    Returns:
        :data:`REALM_RUN_COLUMNS`; ``diff = acc_b - acc_a``.
    """
    a = acc_a.set_index("method")
    b = acc_b.set_index("method")
    rows = []
    for method in [m for m in a.index if m in b.index]:
        na, nb = int(a.loc[method, "n_items"]), int(b.loc[method, "n_items"])
        ka = int(round(float(a.loc[method, "accuracy"]) * na))
        kb = int(round(float(b.loc[method, "accuracy"]) * nb))
        lo_a, hi_a = proportion_confint(ka, na, method="wilson")
        lo_b, hi_b = proportion_confint(kb, nb, method="wilson")
        d_lo, d_hi = confint_proportions_2indep(kb, nb, ka, na, method="newcomb")
        rows.append((method, ka / na, lo_a, hi_a, kb / nb, lo_b, hi_b, kb / nb - ka / na,
                     float(d_lo), float(d_hi), na))  # fmt: skip
    out = pd.DataFrame(rows, columns=REALM_RUN_COLUMNS)
    return out.astype({c: float for c in REALM_RUN_COLUMNS[1:-1]}) if rows else out
