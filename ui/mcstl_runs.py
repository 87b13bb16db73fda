"""The Value calibration page's kept runs (issue #27 part 0).

Saved on training, the newest shown after a reload, any one shown again, two compared.
"""

from __future__ import annotations

from analysis.mcstl.runs import compute_run_comparison
from engines.core.run_store import RunStore
from engines.data.schema import AnnotationDataset
from engines.mcstl.runs import WING, load_mcstl_run, save_mcstl_run
from engines.mcstl.variants import VARIANT_NAMES
from engines.mcstl.workflow import MCSTLResult, MCSTLRunConfig
from ui.wing_runs import PAIRED, WingRuns, show_comparison

__all__ = ["RESULT", "RUNS", "keep_run"]

RESULT = "mcstl_result"


def _compare(store: RunStore, a: str, b: str) -> None:
    pred_a, pred_b = (store.load(rid)[0]["predictions"] for rid in (a, b))
    table = compute_run_comparison(pred_a, pred_b)
    table["variant"] = table["variant"].map(lambda v: VARIANT_NAMES.get(v, v))
    show_comparison(
        table, "variant", "nll", ("model", "log loss"), "mcstl_runs",
        "Mean test log loss (nats per annotation; lower is better) of each model both runs "
        "trained, with " + PAIRED,
    )  # fmt: skip


RUNS = WingRuns(WING, RESULT, "mcstl_runs", {"mcstl": "MC-STL test log loss"},
                lambda store, rid, ds: load_mcstl_run(store, rid), _compare)  # fmt: skip
"""The Value calibration page's kept runs."""


def keep_run(ds: AnnotationDataset, result: MCSTLResult, cfg: MCSTLRunConfig) -> None:
    """Keep a comparison on disk and mark it as the one on screen (a failure only warns)."""
    RUNS.keep(ds, lambda store, key: save_mcstl_run(store, key, result, cfg, ds.name))
