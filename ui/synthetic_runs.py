"""The Synthetic perspectives page's kept runs (issue #27 part 0).

Saved when the grid is trained, the newest shown after a reload, any one shown again, two
compared (each grid cell's test MAE, paired over the same test items).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pandas as pd

from analysis.moe.runs import compute_run_comparison
from engines.core.run_store import RunStore
from engines.data.schema import AnnotationDataset
from engines.synthetic import BlendingResult
from engines.synthetic.runs import WING, load_synthetic_run, save_synthetic_run
from ui.wing_runs import PAIRED, WingRuns, show_comparison

__all__ = ["RESULT", "form_settings", "keep_run", "wing_runs"]

RESULT = "synthetic_result"
Rebuild = Callable[[dict[str, Any], int, BlendingResult, pd.DataFrame | None], Any]
"""How the page turns a kept run's settings, seed, result and replies into its stored run."""


def form_settings(form: Any) -> dict[str, Any]:
    """The form's values as a run's settings.

    No seed (the run's own field) and no LLM connection (its key is never written): only the
    LLM's model name.
    """
    values = dataclasses.asdict(form)
    llm = values.pop("llm", None) or {}
    values.pop("seed", None)
    if values.get("generator") == "llm":
        values["llm_model"] = llm.get("model")
    return values


def _compare(store: RunStore, a: str, b: str) -> None:
    pred_a, pred_b = (store.load(rid)[0]["predictions"] for rid in (a, b))
    show_comparison(
        compute_run_comparison(pred_a, pred_b), "model", "mae", ("grid cell", "MAE"),
        "syn_runs", "Test MAE on the real annotations of each grid cell both runs trained, with "
        + PAIRED,
    )  # fmt: skip


def wing_runs(rebuild: Rebuild) -> WingRuns:
    """The page's kept runs, each rebuilt into the page's stored run by ``rebuild``."""

    def load(store: RunStore, rid: str, ds: AnnotationDataset) -> Any:
        result, replies, settings, seed = load_synthetic_run(store, rid)
        return rebuild(settings, seed, result, replies)

    return WingRuns(WING, RESULT, "syn_runs", {"real only": "real only test MAE"}, load, _compare)


def keep_run(runs: WingRuns, ds: AnnotationDataset, form: Any, result: BlendingResult,
             replies: pd.DataFrame | None) -> None:  # fmt: skip
    """Keep an experiment on disk and mark it as the one on screen (a failure only warns)."""
    runs.keep(ds, lambda store, key: save_synthetic_run(
        store, key, result, form_settings(form), form.seed, replies, ds.name))  # fmt: skip
