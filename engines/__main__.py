"""Headless command line.

``python -m engines profiles --data CSV --out DIR``: value profiles and the profile decoder.
``python -m engines moe --data CSV --out DIR``: DEM-MoE and its baselines, with every table.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def _load(path: str):  # noqa: ANN202 - returns AnnotationDataset
    from engines.importers import read_path
    from engines.schema import DataValidationError
    from engines.validation import build_dataset

    try:
        return build_dataset(read_path(path), name=Path(path).name)
    except DataValidationError as exc:
        sys.exit(f"Could not load {path}:\n{exc}")


def _progress(done: int, total: int, what: str) -> None:
    print(f"[{done}/{total}] {what}", file=sys.stderr, flush=True)


def profiles(args: argparse.Namespace) -> dict:
    """Write value profiles, train the decoder, optionally compare representations."""
    from dataclasses import replace

    import pandas as pd

    from engines.cross_encoder import CrossEncoderConfig
    from engines.encoders import EmbeddingCache, make_encoder
    from engines.profile_pipeline import (
        ProfileRunConfig,
        evaluate_representations,
        fit_app_decoder,
        prepare,
        supplied_profiles,
    )
    from engines.profiles import embed_with

    ds = _load(args.data)
    supplied = None
    if args.profiles:
        supplied = supplied_profiles(pd.read_csv(args.profiles, keep_default_na=False))
    elif "value_profile" in ds.df.columns:
        supplied = supplied_profiles(ds.df)
    rep = "supplied" if supplied and args.representation == "auto" else args.representation
    rep = "profile" if rep == "auto" else rep
    prep = prepare(ds, embed_with(make_encoder(args.encoder), EmbeddingCache()))
    cfg = ProfileRunConfig(
        seeds=tuple(range(args.seeds)),
        decoder_kind=args.decoder,
        cross_encoder=CrossEncoderConfig(
            model=args.ce_model,
            max_epochs=args.ce_epochs,
            max_train_rows=args.ce_max_rows,
            max_length=args.ce_max_length,
        ),
    )
    fitted = fit_app_decoder(ds, prep, cfg, representation=rep, supplied=supplied)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    fitted.decoder.save(out / "decoder", {"dataset": ds.name, "encoder": args.encoder})
    pd.DataFrame(
        {"annotator_id": list(fitted.profiles), "value_profile": list(fitted.profiles.values())}
    ).to_csv(out / "profiles.csv", index=False)
    summary = {"dataset": ds.name, "representation": rep, "decoder": args.decoder}
    summary["fit_s"] = round(fitted.seconds, 2)
    summary["n_profiles"] = len(fitted.profiles)
    if args.evaluate:
        from analysis.value_profiles import compute_usable_information

        reps = ("none", "demographics", "profile", "examples")
        reps = (*reps, "supplied") if supplied else reps
        ev = evaluate_representations(
            ds, prep, replace(cfg, representations=reps), supplied, _progress
        )
        ev.losses.to_csv(out / "losses.csv", index=False)
        usable = compute_usable_information(ev.losses[["seed", "representation", "loss"]])
        usable.to_csv(out / "usable_information.csv", index=False)
        summary["usable_info_nats"] = (
            usable.set_index("representation")["usable_info_nats"].round(4).to_dict()
        )
    return summary


def moe(args: argparse.Namespace) -> dict:
    """Train DEM-MoE and the baselines on one split; save the model and every table."""
    from dataclasses import replace

    from analysis.moe_report import report_for_result
    from engines.encoders import EmbeddingCache, make_encoder
    from engines.moe import DemMoE, MoEConfig
    from engines.moe_pipeline import MoERunConfig, run_comparison
    from engines.moe_search import SearchConfig
    from engines.profiles import embed_with, item_table

    ds = _load(args.data)
    attrs = tuple(a for a in args.attributes.split(",") if a) if args.attributes else None
    items = item_table(ds)
    emb = embed_with(make_encoder(args.encoder), EmbeddingCache())(items["text"].tolist())
    cfg = MoERunConfig(
        models=tuple(args.models.split(",")),
        attributes=attrs,
        holdout_annotators=args.holdout,
        seed=args.seed,
        max_epochs=args.epochs,
        search=SearchConfig(
            n_trials=args.search_trials,
            timeout_s=args.search_minutes * 60 if args.search_minutes else None,
            max_epochs=args.search_epochs,
            seed=args.seed,
            specialised_within=args.search_specialised_within,
        )
        if args.search_trials
        else None,
    )
    moe_cfg = replace(
        MoEConfig(), n_experts=args.experts, top_k=args.top_k, seed=args.seed,
        **({"max_epochs": args.epochs} if args.epochs else {}),
    )  # fmt: skip
    result = run_comparison(
        ds,
        items["item_id"].astype(str).tolist(),
        emb,
        cfg,
        lambda name, done, total: _progress(done, total, name),
        models={"moe": DemMoE(moe_cfg)},
    )
    model = result.moe
    report = report_for_result(result)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if model is not None:
        model.save(out / "dem_moe", {"dataset": ds.name, "encoder": args.encoder})
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
        table.to_csv(out / f"{name}.csv", index=False)
    report.ridge.to_csv(out / "ridge_coefficients.csv")
    search = {}
    if result.search is not None:
        result.search.trials.to_csv(out / "search_trials.csv", index=False)
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
        "out": str(out),
    }


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run a sub-command; prints a JSON summary."""
    from engines.encoders import DEFAULT_MODEL

    parser = argparse.ArgumentParser(prog="python -m engines", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("profiles", help="write value profiles and train the profile decoder")
    p.add_argument("--data", required=True, help="annotation CSV / Le-Wi-Di JSON")
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--profiles", help="optional annotator -> value_profile CSV")
    p.add_argument(
        "--representation", default="auto", choices=["auto", "profile", "supplied", "demographics"]
    )
    p.add_argument("--encoder", default=DEFAULT_MODEL, help="local model path or 'hashing'")
    p.add_argument("--seeds", type=int, default=5, help="rater splits for --evaluate")
    p.add_argument("--evaluate", action="store_true", help="also compare representations")
    p.add_argument(
        "--decoder",
        default="embedding",
        choices=["embedding", "cross-encoder"],
        help="embedding: small network over frozen embeddings (CPU, seconds); cross-encoder: "
        "fine-tuned transformer over (profile, item) pairs (GPU recommended)",
    )
    p.add_argument("--ce-model", default=DEFAULT_MODEL, help="cross-encoder: local model folder")
    p.add_argument("--ce-epochs", type=int, default=3, help="cross-encoder: epochs")
    p.add_argument(
        "--ce-max-rows", type=int, default=None, help="cross-encoder: subsample training rows"
    )
    p.add_argument("--ce-max-length", type=int, default=256, help="cross-encoder: tokens/pair")
    m = sub.add_parser("moe", help="train DEM-MoE and its baselines, write every table")
    m.add_argument("--data", required=True, help="annotation CSV / Le-Wi-Di JSON")
    m.add_argument("--out", required=True, help="output folder")
    m.add_argument("--attributes", help="comma-separated demographic columns (default: all)")
    m.add_argument("--experts", type=int, default=None, help="default: one per attribute")
    m.add_argument("--top-k", type=int, default=2)
    m.add_argument("--epochs", type=int, default=None, help="epoch cap for neural models")
    m.add_argument("--holdout", type=float, default=0.1, help="share of unseen annotators")
    m.add_argument("--seed", type=int, default=0)
    m.add_argument("--models", default="mean,text,pmf,annotator,deepcross,moe")
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
    args = parser.parse_args(argv)
    result = profiles(args) if args.command == "profiles" else moe(args)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
