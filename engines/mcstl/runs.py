"""MC-STL comparisons kept on disk and restored (issue #27 part 0).

A kept run holds what the Value calibration page shows: every variant's test predictions, the
test annotations' cluster membership, the training annotations with their clusters, the K
sweep and the rationale centroids (rationale clusters), with each variant's settings. A
restored :class:`~engines.mcstl.workflow.MCSTLResult` holds those settings as unfitted
:class:`~engines.mcstl.model.MCSTL` estimators (what the page and the report read of them).
"""

from __future__ import annotations

import dataclasses

from engines.core.config_io import config_from_dict
from engines.core.run_store import RunRecord, RunStore, seedless
from engines.mcstl.clusters import RationaleClusters, ValueClusters
from engines.mcstl.model import MCSTL, MCSTLConfig
from engines.mcstl.scores import annotation_nll
from engines.mcstl.workflow import MCSTLResult, MCSTLRunConfig

__all__ = ["WING", "load_mcstl_run", "mcstl_settings", "save_mcstl_run"]

WING = "mcstl"
"""The wing name runs of the Value calibration page are kept under."""


def mcstl_settings(cfg: MCSTLRunConfig) -> dict:
    """What identifies a comparison besides its dataset and seed: every other setting."""
    return seedless(cfg)


def save_mcstl_run(
    store: RunStore, dataset: str, result: MCSTLResult, cfg: MCSTLRunConfig, dataset_name: str = ""
) -> RunRecord:
    """Keep a comparison; its headline is each variant's mean test log loss (nats)."""
    nll = annotation_nll(result.predictions).groupby("variant", sort=False)["nll"].mean()
    tables = {"predictions": result.predictions, "train_rows": result.train_rows}
    if result.sweep is not None:
        tables["sweep"] = result.sweep
    arrays = {"membership": result.membership, "cluster_membership": result.clusters.membership}
    rationale = result.rationale_model
    if rationale is not None:
        arrays["centroids"] = rationale.centroids_
    info = {
        "cluster_names": list(result.clusters.names),
        "cluster_source": result.clusters.source,
        "class_names": list(result.class_names),
        "fit_seconds": result.fit_seconds,
        "split_sizes": result.split_sizes,
        "configs": {k: dataclasses.asdict(m.config) for k, m in result.models.items()},
        "rationale": None if rationale is None else {
            "method": rationale.method, "k": rationale.k,
            "min_cluster_size": rationale.min_cluster_size, "umap_dims": rationale.umap_dims,
            "seed": rationale.seed,
        },
    }  # fmt: skip
    return store.save(WING, dataset, mcstl_settings(cfg), int(cfg.seed), tables, arrays,
                      headline={str(k): float(v) for k, v in nll.items()},
                      info=info, dataset_name=dataset_name)  # fmt: skip


def load_mcstl_run(store: RunStore, rid: str) -> MCSTLResult:
    """A kept comparison (see the module docstring for what its ``models`` hold).

    Raises:
        FileNotFoundError: no such run.
        ValueError: a file of the run was changed or damaged (named in the message).
    """
    tables, arrays, info = store.load_run(rid)
    rationale = None
    if info.get("rationale") is not None:
        rationale = RationaleClusters(**info["rationale"])
        rationale.centroids_ = arrays["centroids"]
        rationale.sweep_ = tables.get("sweep")
    return MCSTLResult(
        predictions=tables["predictions"],
        membership=arrays["membership"],
        clusters=ValueClusters(
            tuple(info["cluster_names"]), arrays["cluster_membership"], info["cluster_source"]
        ),  # fmt: skip
        class_names=tuple(info["class_names"]),
        fit_seconds={str(k): float(v) for k, v in info["fit_seconds"].items()},
        models={k: MCSTL(config_from_dict(c, MCSTLConfig)) for k, c in info["configs"].items()},
        train_rows=tables["train_rows"],
        split_sizes={str(k): int(v) for k, v in info["split_sizes"].items()},
        sweep=tables.get("sweep"),
        rationale_model=rationale,
    )
