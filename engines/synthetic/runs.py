"""Synthetic-perspective experiments kept on disk and restored (issue #27 part 0).

A kept run holds what the Synthetic perspectives page shows: the blending grid's test
predictions, every synthetic set with its weights, the real training annotations and, for LLM
personas, every reply's fate. Its settings are the page's form without the LLM connection (an
endpoint's key is never written).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from engines.core.run_store import RunRecord, RunStore
from engines.synthetic.workflow import BlendingResult

__all__ = ["WING", "load_synthetic_run", "save_synthetic_run"]

WING = "synthetic"
"""The wing name runs of the Synthetic perspectives page are kept under."""


def save_synthetic_run(
    store: RunStore,
    dataset: str,
    result: BlendingResult,
    settings: dict[str, Any],
    seed: int,
    replies: pd.DataFrame | None = None,
    dataset_name: str = "",
) -> RunRecord:
    """Keep an experiment; its headline is each grid cell's test MAE.

    ``settings``: what identifies it besides its dataset and seed (no secret belongs here).
    """
    pred = result.predictions
    mae = (pred["prediction"] - pred["rating"]).abs().groupby(pred["model"], sort=False).mean()
    names = list(result.synthetic)
    tables = {"predictions": pred, "train": result.train}
    tables.update({f"synthetic_{k}": rows for k, rows in enumerate(result.synthetic.values())})
    if replies is not None:
        tables["replies"] = replies
    info = {"set_names": names, "attributes": list(result.attributes),
            "fit_seconds": result.fit_seconds, "skipped": list(result.skipped)}  # fmt: skip
    return store.save(WING, dataset, settings, int(seed), tables,
                      headline={str(k): float(v) for k, v in mae.items()},
                      info=info, dataset_name=dataset_name)  # fmt: skip


def load_synthetic_run(
    store: RunStore, rid: str
) -> tuple[BlendingResult, pd.DataFrame | None, dict[str, Any], int]:
    """A kept experiment: its result, its LLM replies (None without), settings and seed.

    Raises:
        FileNotFoundError: no such run.
        ValueError: a file of the run was changed or damaged (named in the message).
    """
    tables, _ = store.load(rid)
    record = store.record(rid)
    if record is None:
        raise FileNotFoundError(f"No kept run {rid!r} under {store.root}.")
    info = record.info
    result = BlendingResult(
        predictions=tables["predictions"],
        synthetic={n: tables[f"synthetic_{k}"] for k, n in enumerate(info["set_names"])},
        train=tables["train"],
        attributes=tuple(info["attributes"]),
        fit_seconds={str(k): float(v) for k, v in info["fit_seconds"].items()},
        skipped=list(info["skipped"]),
    )
    return result, tables.get("replies"), record.settings, record.seed
