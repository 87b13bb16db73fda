"""Temperature scaling: one scalar that recalibrates a classifier's probabilities.

``softmax(z / T)`` with ``T`` chosen to minimise the cross-entropy of held-out rows (Guo et al.,
2017). ``T > 1`` softens over-confident predictions, ``T < 1`` sharpens timid ones; the
argmax never changes.
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import minimize_scalar
from scipy.special import log_softmax

__all__ = ["fit_temperature"]


def fit_temperature(
    logits: np.ndarray, y: np.ndarray, bounds: tuple[float, float] = (0.1, 10.0)
) -> float:
    """The temperature minimising the mean cross-entropy of ``softmax(logits / T)`` on ``y``.

    Args:
        logits: Class logits (or log-probabilities) ``[n, C]``.
        y: Observed classes ``[n]``.
        bounds: Search interval for ``T``.

    Returns:
        ``T`` (1.0 when there are no rows).

    >>> z = np.log(np.array([[0.9, 0.1]] * 10))
    >>> # 0.9 said, 0.7 true: T = ln 9 / ln(7 / 3) = 2.593
    >>> round(fit_temperature(z, np.array([0] * 7 + [1] * 3)), 3)
    2.593
    """
    z = np.asarray(logits, dtype=np.float64)
    y = np.asarray(y, dtype=np.int64)
    if len(y) == 0:
        return 1.0

    def nll(log_t: float) -> float:
        return float(-log_softmax(z / np.exp(log_t), axis=1)[np.arange(len(y)), y].mean())

    res = minimize_scalar(nll, bounds=tuple(np.log(bounds)), method="bounded")
    return float(np.exp(res.x))
