"""The Annotator reliability page's kept runs (issue #27 part 0).

Saved on training, the newest shown after a reload, any one shown again, two compared.
"""

from __future__ import annotations

from analysis.realm.runs import compute_run_comparison
from engines.core.run_store import RunStore
from engines.data.schema import AnnotationDataset
from engines.realm import RealmResult, RealmRunConfig
from engines.realm.runs import WING, load_realm_run, save_realm_run
from ui.wing_runs import WingRuns, show_comparison

__all__ = ["RESULT", "RUNS", "keep_run"]

RESULT = "realm_result"


def _compare(store: RunStore, a: str, b: str) -> None:
    acc_a, acc_b = (store.load(rid)[0]["accuracy"] for rid in (a, b))
    show_comparison(
        compute_run_comparison(acc_a, acc_b), "method", "acc", ("classifier", "accuracy"),
        "realm_runs",
        "Test accuracy of each classifier both runs trained, with Wilson 95% intervals; "
        "**B − A** with Newcombe's interval for two proportions (both runs are scored on the "
        "same test items, so it is conservative).",
    )  # fmt: skip


RUNS = WingRuns(WING, RESULT, "realm_runs", {"REALM": "REALM test accuracy"},
                lambda store, rid, ds: load_realm_run(store, rid), _compare)  # fmt: skip
"""The Annotator reliability page's kept runs."""


def keep_run(ds: AnnotationDataset, result: RealmResult, cfg: RealmRunConfig) -> None:
    """Keep an experiment on disk and mark it as the one on screen (a failure only warns)."""
    RUNS.keep(ds, lambda store, key: save_realm_run(store, key, result, cfg, ds.name))
