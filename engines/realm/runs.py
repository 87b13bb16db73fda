"""REALM experiments kept on disk and restored (issue #27 part 0).

A kept run holds what the Annotator reliability page shows: the annotations with REALM's
``p_theta`` of each observed label, the learned expertise, the aggregators' skills and every
classifier's test accuracy, with each classifier's settings. A restored
:class:`~engines.realm.workflow.RealmResult` holds those settings as unfitted
:class:`~engines.realm.model.Realm` estimators (what the page and the report read of them);
the tables are the fitted models' outputs.
"""

from __future__ import annotations

import dataclasses

from engines.core.config_io import config_from_dict
from engines.core.run_store import RunRecord, RunStore, seedless
from engines.realm.model import Realm, RealmConfig
from engines.realm.workflow import RealmResult, RealmRunConfig

__all__ = ["WING", "load_realm_run", "realm_settings", "save_realm_run"]

WING = "realm"
"""The wing name runs of the Annotator reliability page are kept under."""

_TABLES = ("annotations", "expertise", "skills", "accuracy")


def realm_settings(cfg: RealmRunConfig) -> dict:
    """What identifies an experiment besides its dataset and seed: every other setting."""
    return seedless(cfg)


def save_realm_run(
    store: RunStore, dataset: str, result: RealmResult, cfg: RealmRunConfig, dataset_name: str = ""
) -> RunRecord:
    """Keep an experiment; its headline is each classifier's test accuracy."""
    acc = result.accuracy
    headline = {str(m): float(a) for m, a in zip(acc["method"], acc["accuracy"])}
    info = {
        "n_classes": int(result.n_classes),
        "tasks": list(result.tasks),
        "fit_seconds": result.fit_seconds,
        "configs": {k: dataclasses.asdict(m.config) for k, m in result.models.items()},
    }
    tables = {name: getattr(result, name) for name in _TABLES}
    return store.save(WING, dataset, realm_settings(cfg), int(cfg.seed), tables,
                      headline=headline, info=info, dataset_name=dataset_name)  # fmt: skip


def load_realm_run(store: RunStore, rid: str) -> RealmResult:
    """A kept experiment (see the module docstring for what its ``models`` hold).

    Raises:
        FileNotFoundError: no such run.
        ValueError: a file of the run was changed or damaged (named in the message).
    """
    tables, _, info = store.load_run(rid)
    models = {k: Realm(config_from_dict(c, RealmConfig)) for k, c in info["configs"].items()}
    return RealmResult(
        **{name: tables[name] for name in _TABLES},
        n_classes=int(info["n_classes"]),
        tasks=tuple(info["tasks"]),
        fit_seconds={str(k): float(v) for k, v in info["fit_seconds"].items()},
        models=models,
    )
