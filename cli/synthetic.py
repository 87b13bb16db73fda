"""``perspectives synthetic``: synthetic annotations, the blending grid and the audit."""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.common import add_data_arguments, load_dataset, progress

__all__ = ["add_parser", "run"]


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Declare the ``synthetic`` sub-command and its options."""
    from engines.text.encoders import DEFAULT_MODEL

    m = sub.add_parser("synthetic", help="synthetic personas: blending grid and audit")
    add_data_arguments(m)
    m.add_argument("--out", required=True, help="output folder")
    m.add_argument(
        "--generator", choices=["imputation", "imported", "llm"], default="imputation",
        help="offline imputation by a demographics-conditioned DEM-MoE, the dataset's rows "
        "marked is_synthetic, or LLM personas (--llm-url, --llm-model)",
    )  # fmt: skip
    llm = m.add_argument_group("LLM personas (--generator llm)")
    llm.add_argument(
        "--llm-url",
        help="OpenAI-compatible base URL (the operator's key, "
        "PERSPECTIVES_LLM_API_KEY, goes only to PERSPECTIVES_LLM_ENDPOINTS)",
    )
    llm.add_argument("--llm-model", help="model name the endpoint serves")
    llm.add_argument(
        "--task",
        default="offensiveness",
        help="offensiveness, toxicity, politeness, safety or any other",
    )
    llm.add_argument("--granularity", choices=["strong", "weak"], default="strong")
    llm.add_argument("--temperatures", nargs="+", type=float, default=[0.0])
    llm.add_argument("--limit", type=int, default=200, help="most LLM calls per temperature")
    llm.add_argument("--llm-strategy", choices=["0.5x", "1x", "fill", "cluster"], default="1x")
    m.add_argument("--strategies", nargs="+", default=["0.5x", "1x", "fill", "cluster"],
                   choices=["0.5x", "1x", "fill", "cluster"])  # fmt: skip
    m.add_argument("--blends", nargs="+", default=["pt_ft", "mix", "weighted"],
                   choices=["pt_ft", "mix", "weighted"])  # fmt: skip
    m.add_argument("--temperature", type=float, default=1.0, help="imputation temperature")
    m.add_argument("--epochs", type=int, default=30)
    m.add_argument("--seed", type=int, default=0)
    m.add_argument("--twins", choices=["strong", "weak"],
                   help="also fit text-only and annotator models to human and twin "
                   "labels")  # fmt: skip
    m.add_argument("--encoder", default=DEFAULT_MODEL, help="local model path or 'hashing'")
    m.set_defaults(run=run)


def run(args: argparse.Namespace) -> dict:
    """Make the synthetic sets, train the grid, audit; write every table as CSV."""
    from analysis.synthetic import (
        compute_blending_grid,
        compute_group_alignment,
        compute_homogenisation,
        compute_model_fit,
        compute_persona_alignment,
        compute_prototypical_features,
    )
    from engines.moe import MoEConfig
    from engines.synthetic import (
        ImputationConfig,
        SyntheticRunConfig,
        by_temperature,
        compare_annotator_models,
        imported_synthetic,
        llm_synthetic,
        make_synthetic,
        reply_counts,
        run_blending,
        synthetic_twins,
    )
    from engines.text import EmbeddingCache, embed_items, embed_with, make_encoder
    from engines.text.llm import OpenAICompatibleBackend

    ds = load_dataset(args)
    items = embed_items(ds, embed_with(make_encoder(args.encoder), EmbeddingCache()))
    model = MoEConfig().with_train(max_epochs=args.epochs, seed=args.seed)
    cfg = SyntheticRunConfig(
        strategies=tuple(args.strategies), blendings=tuple(args.blends), model=model,
        imputation=ImputationConfig(temperature=args.temperature, model=model), seed=args.seed,
    )  # fmt: skip
    replies = None
    if args.generator == "imported":
        sets = {"imported": imported_synthetic(ds, cfg)}
    elif args.generator == "llm":
        if not args.llm_url or not args.llm_model:
            raise ValueError("--generator llm needs --llm-url and --llm-model")
        backend = OpenAICompatibleBackend(args.llm_url, args.llm_model)
        replies = llm_synthetic(ds, backend, args.task, cfg, args.llm_strategy, args.granularity,
                                args.temperatures, args.limit, progress)  # fmt: skip
        sets = by_temperature(replies, f"LLM {args.llm_strategy}")
    else:
        sets = make_synthetic(ds, items.item_ids, items.vectors, cfg, progress)
    result = run_blending(ds, items.item_ids, items.vectors, sets, cfg, progress)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    people = ds.annotators()[["annotator_id", *result.attributes]].astype({"annotator_id": str})
    grid = compute_blending_grid(result.predictions, people, result.attributes)
    grid.to_csv(out / "grid.csv", index=False)
    level = "nominal" if ds.scale.kind == "nominal" else "interval"
    audits = {}
    for name, rows in result.synthetic.items():
        rows.to_csv(out / f"synthetic_{name}.csv", index=False)
        homog = compute_homogenisation(result.train, rows, level, ds.scale.classes)
        homog.to_csv(out / f"homogenisation_{name}.csv", index=False)
        compute_group_alignment(result.train, rows, result.attributes).to_csv(
            out / f"group_alignment_{name}.csv", index=False
        )
        features = compute_prototypical_features(
            compute_persona_alignment(result.train, rows, result.attributes)
        )
        features.to_csv(out / f"persona_attributes_{name}.csv", index=False)
        audits[name] = homog.set_index("source")["alpha"].round(4).to_dict()
    if replies is not None:
        reply_counts(replies).to_csv(out / "llm_replies.csv", index=False)
    summary = {
        "dataset": ds.name,
        "skipped": result.skipped,
        "grid": grid.set_index("model")["category_mae"].round(4).to_dict(),
        "alpha": audits,
        "out": str(out),
    }
    if args.twins:
        twins = synthetic_twins(ds, items.item_ids, items.vectors, cfg, args.twins, progress)
        pred = compare_annotator_models({"human": ds, "synthetic": twins}, items.item_ids,
                                        items.vectors, seed=args.seed, max_epochs=args.epochs,
                                        progress=progress)  # fmt: skip
        fit = compute_model_fit(pred)
        fit.to_csv(out / "annotator_models.csv", index=False)
        summary["annotator_models"] = {
            f"{s} · {m}": round(v, 4)
            for s, m, v in fit[["source", "model", "mae"]].itertuples(index=False)
        }
    return summary
