"""The Demographic experts page's kept runs (issue #27 part 0).

Saved on training, the newest shown after a reload, any one shown again, two compared.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.moe.runs import compute_run_comparison
from engines.core.run_store import RunStore
from engines.data.schema import AnnotationDataset
from engines.moe import MoEConfig, MoEResult, MoERunConfig
from engines.moe.runs import WING, load_moe_run, save_moe_run
from ui.state import run_key, store_result
from ui.wing_runs import PAIRED, WingRuns, show_comparison

__all__ = ["RESULT", "RUNS", "SEEDS", "keep_run"]

RESULT = "moe_result"
SEEDS = "moe_seeds"


def _load(store: RunStore, rid: str, ds: AnnotationDataset) -> MoEResult:
    result, seeds, per_seed = load_moe_run(store, rid)
    store_result(SEEDS, run_key(ds), (seeds, per_seed))  # the sweep's table comes back too
    return result


def _compare(store: RunStore, a: str, b: str) -> None:
    pred_a, pred_b = (store.load(rid)[0]["predictions"] for rid in (a, b))
    show_comparison(
        compute_run_comparison(pred_a, pred_b), "model", "mae", ("model", "MAE"), "moe_runs",
        "Test MAE of each model both runs trained, with " + PAIRED,
    )  # fmt: skip


RUNS = WingRuns(WING, RESULT, "moe_runs", {"DEM-MoE": "DEM-MoE test MAE"}, _load, _compare)
"""The Demographic experts page's kept runs."""


def keep_run(
    ds: AnnotationDataset,
    results: Sequence[MoEResult],
    seeds: Sequence[int],
    run_cfg: MoERunConfig,
    moe_cfg: MoEConfig,
) -> None:
    """Keep a comparison on disk and mark it as the one on screen (a failure only warns)."""
    RUNS.keep(ds, lambda store, key: save_moe_run(store, key, results, seeds, run_cfg, moe_cfg,
                                                  dataset_name=ds.name))  # fmt: skip
