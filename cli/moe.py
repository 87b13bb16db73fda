"""``perspectives moe``: DEM-MoE and its baselines on one split, with every table of the page."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cli.common import add_data_arguments, load_dataset, progress

__all__ = ["add_parser", "run"]


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Declare the ``moe`` sub-command and its options."""
    from engines.moe.keys import MODEL_KEYS
    from engines.text.encoders import DEFAULT_MODEL

    m = sub.add_parser("moe", help="train DEM-MoE and its baselines, write every table")
    add_data_arguments(m)
    m.add_argument("--out", required=True, help="output folder")
    m.add_argument("--attributes", help="comma-separated demographic columns (default: all)")
    m.add_argument("--experts", type=int, default=None, help="default: one per attribute")
    m.add_argument("--top-k", type=int, default=2)
    m.add_argument("--epochs", type=int, default=None, help="epoch cap for neural models")
    m.add_argument("--holdout", type=float, default=0.1, help="share of unseen annotators")
    m.add_argument("--seed", type=int, default=0)
    m.add_argument(
        "--models",
        default=",".join(MODEL_KEYS),
        help="comma-separated model keys (default: every model, the median baselines included, "
        "as on the page)",
    )
    m.add_argument("--encoder", default=DEFAULT_MODEL, help="local model path or 'hashing'")
    m.add_argument(
        "--search-trials", type=int, default=0, help="Optuna trials for DEM-MoE (0: no search)"
    )
    m.add_argument("--search-minutes", type=float, default=None, help="search time limit")
    m.add_argument("--search-epochs", type=int, default=15, help="epoch cap per search trial")
    m.add_argument(
        "--search-specialised-within",
        type=float,
        default=None,
        help="keep the most specialised trial within this dev-MAE margin of the best",
    )
    m.set_defaults(run=run)


def _configs(args: argparse.Namespace) -> tuple[Any, Any]:
    """``(MoERunConfig, MoEConfig)`` from the command line."""
    from engines.moe import MoEConfig, MoERunConfig, SearchConfig

    attrs = tuple(a for a in args.attributes.split(",") if a) if args.attributes else None
    search = (
        SearchConfig(
            n_trials=args.search_trials,
            timeout_s=args.search_minutes * 60 if args.search_minutes else None,
            max_epochs=args.search_epochs,
            seed=args.seed,
            specialised_within=args.search_specialised_within,
        )
        if args.search_trials
        else None
    )
    cfg = MoERunConfig(
        models=tuple(args.models.split(",")),
        attributes=attrs,
        holdout_annotators=args.holdout,
        seed=args.seed,
        max_epochs=args.epochs,
        search=search,
    )
    moe_cfg = MoEConfig(n_experts=args.experts, top_k=args.top_k).with_train(
        seed=args.seed, **({"max_epochs": args.epochs} if args.epochs else {})
    )
    return cfg, moe_cfg


def _write(result: Any, report: Any, out: Path, meta: dict[str, str]) -> None:
    """The saved model, routing, predictions and every table of the page, as CSV."""
    out.mkdir(parents=True, exist_ok=True)
    if result.moe is not None:
        result.moe.save(out / "dem_moe", meta)
        result.routing.to_csv(out / "routing.csv", index=False)
    result.predictions.to_csv(out / "predictions.csv", index=False)
    tables = {
        "model_table": report.models,
        "group_mae": report.group_mae,
        "attribute_mae": report.attribute_mae,
        "expert_usage": report.usage,
        "specialisation_kl": report.kl,
    }
    for name, table in tables.items():
        if len(table):  # an empty table is no result: the notes say why it is missing
            table.to_csv(out / f"{name}.csv", index=False)
    if len(report.ridge):
        report.ridge.to_csv(out / "ridge_coefficients.csv")
    if report.notes:
        (out / "notes.txt").write_text("\n".join(report.notes) + "\n", encoding="utf-8")
    if result.search is not None:
        result.search.trials.to_csv(out / "search_trials.csv", index=False)


def run(args: argparse.Namespace) -> dict:
    """Train DEM-MoE and the baselines on one split; save the model and every table."""
    from analysis.moe.report import report_for_result
    from engines.moe import DemMoE, run_comparison
    from engines.text import EmbeddingCache, embed_items, embed_with, make_encoder

    ds = load_dataset(args)
    items = embed_items(ds, embed_with(make_encoder(args.encoder), EmbeddingCache()))
    cfg, moe_cfg = _configs(args)
    result = run_comparison(
        ds, items.item_ids, items.vectors, cfg, progress, models={"moe": DemMoE(moe_cfg)}
    )
    report = report_for_result(result)
    out = Path(args.out)
    _write(result, report, out, {"dataset": ds.name, "encoder": args.encoder})
    search = {}
    if result.search is not None:
        search = {
            "search": {
                "trials": len(result.search.trials),
                "dev_mae_chosen": round(result.search.default_mae, 4),
                "dev_mae_best": round(result.search.best_mae, 4),
                "kept_trial": result.search.chosen_trial,
            }
        }
    return {
        **search,
        "dataset": ds.name,
        "split": result.split_sizes,
        "mae": report.models.set_index("model")["mae"].round(4).to_dict(),
        "fit_s": {k: round(v, 2) for k, v in result.fit_seconds.items()},
        "next_best": report.next_best,
        "notes": report.notes,
        "out": str(out),
    }
