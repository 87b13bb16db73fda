"""Classic label aggregation with worker-skill estimates, through crowd-kit.

Majority vote, Dawid-Skene, GLAD and MACE from the crowd-kit library (Toloka), not by hand.
Each returns the aggregated label per item and a skill per annotator on a common reading, the
probability of labelling an item correctly where the model defines one:

* majority vote: agreement with the majority label (crowd-kit's ``skills_``);
* Dawid-Skene: ``sum_c prior_c P(label c | true c)`` from its confusion matrices;
* GLAD: its worker ability ``alpha`` (a log-odds-like score, larger is better);
* MACE: the probability of not spamming (``1 - spamming``).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

__all__ = ["AGGREGATORS", "Aggregated", "Aggregator", "aggregate"]

Aggregator = Literal["majority", "dawid_skene", "glad", "mace"]
AGGREGATORS: dict[str, str] = {
    "majority": "Majority vote",
    "dawid_skene": "Dawid–Skene",
    "glad": "GLAD",
    "mace": "MACE",
}


@dataclass(frozen=True)
class Aggregated:
    """One aggregator's output."""

    labels: pd.Series
    """Item -> aggregated class code."""
    skills: pd.Series
    """Annotator -> skill (see the module docstring for each method's scale)."""


def aggregate(
    item: np.ndarray, annotator: np.ndarray, code: np.ndarray, method: Aggregator, seed: int = 0
) -> Aggregated:
    """Aggregate annotations ``(item, annotator, code)`` with ``method``.

    Raises:
        ValueError: For an unknown method or no annotations.
    """
    # crowd-kit 1.4 still passes pandas' deprecated ``inplace=``: silence only that warning
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", getattr(pd.errors, "Pandas4Warning", FutureWarning))
        return _aggregate(item, annotator, code, method, seed)


def _aggregate(
    item: np.ndarray, annotator: np.ndarray, code: np.ndarray, method: Aggregator, seed: int
) -> Aggregated:
    from crowdkit.aggregation import GLAD, MACE, DawidSkene, MajorityVote

    if method not in AGGREGATORS:
        raise ValueError(f"method must be one of {list(AGGREGATORS)}, got {method!r}")
    frame = pd.DataFrame({"task": np.asarray(item), "worker": np.asarray(annotator),
                          "label": np.asarray(code, dtype=np.int64)})  # fmt: skip
    if frame.empty:
        raise ValueError("No annotations to aggregate.")
    if method == "majority":
        model = MajorityVote().fit(frame)
        return Aggregated(model.labels_, model.skills_.rename("skill"))
    if method == "dawid_skene":
        model = DawidSkene(n_iter=100).fit(frame)
        errors = model.errors_  # index (worker, observed), columns true: P(observed | true)
        skill = {}
        for worker in errors.index.get_level_values(0).unique():
            table = errors.xs(worker, level=0)
            skill[worker] = float(sum(p * table.at[c, c] for c, p in model.priors_.items()
                                      if c in table.index and c in table.columns))  # fmt: skip
        return Aggregated(model.labels_, pd.Series(skill, name="skill"))
    if method == "glad":
        model = GLAD(n_iter=100).fit(frame)
        return Aggregated(model.labels_, model.alphas_.rename("skill"))
    model = MACE(random_state=seed).fit(frame)
    workers = pd.unique(frame["worker"])  # MACE indexes workers by pd.factorize
    spam = np.asarray(model.spamming_)[:, 0]
    return Aggregated(model.labels_, pd.Series(1.0 - spam, index=workers, name="skill"))
