"""``perspectives realm``: annotator expertise (REALM), the aggregators, triage; or a simulation."""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.common import add_data_arguments, load_dataset, progress

__all__ = ["add_parser", "run"]


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Declare the ``realm`` sub-command and its options."""
    from engines.text.encoders import DEFAULT_MODEL

    m = sub.add_parser("realm", help="annotator expertise (REALM), classic aggregators, triage")
    add_data_arguments(m)
    m.add_argument("--out", required=True, help="output folder")
    m.add_argument("--epochs", type=int, default=40)
    m.add_argument("--seed", type=int, default=0)
    m.add_argument("--triage-by", help="annotator column for the triage (default: the first)")
    m.add_argument(
        "--simulate", choices=["one_reliable", "two_reliable", "spread"],
        help="instead: simulate 3 annotators with this expertise profile on the items' "
        "majority labels and compare the methods against them",
    )  # fmt: skip
    m.add_argument("--noise", choices=["uniform", "asymmetric", "systematic"], default="uniform")
    m.add_argument("--mode", choices=["shared", "exclusive"], default="shared")
    m.add_argument("--encoder", default=DEFAULT_MODEL, help="local model path or 'hashing'")
    m.add_argument(
        "--fine-tune", action="store_true",
        help="fine-tune a transformer (--encoder when it is a model folder, else the bundled "
        "MiniLM) with every classifier instead of reading frozen embeddings (for a GPU or "
        "small data)",
    )  # fmt: skip
    m.set_defaults(run=run)


def run(args: argparse.Namespace) -> dict:
    """Train (or simulate), then write every table of the page as CSV."""
    from analysis.realm import compute_expertise_intervals, compute_method_agreement, compute_triage
    from engines.data.majority import majority_labels
    from engines.realm import (
        PROFILES,
        RealmConfig,
        RealmRunConfig,
        item_texts,
        run_realm,
        run_simulation,
    )
    from engines.text import DEFAULT_MODEL, EmbeddingCache, embed_items, embed_with, make_encoder

    ds = load_dataset(args)
    embed = embed_with(make_encoder(args.encoder), EmbeddingCache())
    items = embed_items(ds, embed)
    tuned = {}
    if args.fine_tune:
        tuned = {"fine_tune": True}
        if args.encoder not in (DEFAULT_MODEL, "hashing"):
            tuned["encoder_model"] = args.encoder
    model = RealmConfig(**tuned).with_train(max_epochs=args.epochs)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.simulate:
        gold = majority_labels(ds.df["item_id"].astype(str), ds.df["label_code"])
        gold = gold.reindex([str(i) for i in items.item_ids]).to_numpy()
        sim = run_simulation(
            items.vectors, gold, len(ds.scale.classes), PROFILES[args.simulate], args.noise,
            args.mode, args.seed, model, progress=progress,
            item_texts=item_texts(ds, items.item_ids) if args.fine_tune else None,
        )  # fmt: skip
        sim.expertise.to_csv(out / "simulated_expertise.csv", index=False)
        return {
            "dataset": ds.name, "profile": args.simulate, "noise": args.noise, "mode": args.mode,
            "accuracy": {k: round(v, 4) for k, v in sim.accuracy.items()},
            "expertise_spearman": round(sim.expertise_spearman, 4), "out": str(out),
        }  # fmt: skip
    result = run_realm(ds, items.item_ids, items.vectors,
                       RealmRunConfig(model=model, seed=args.seed), progress)  # fmt: skip
    intervals = compute_expertise_intervals(result.annotations, result.n_classes)
    intervals = intervals.merge(result.skills, on="annotator_id", how="left")
    intervals.to_csv(out / "expertise.csv", index=False)
    methods = ["expertise", *[c for c in result.skills.columns if c != "annotator_id"]]
    compute_method_agreement(intervals, methods).to_csv(out / "method_agreement.csv")
    result.accuracy.to_csv(out / "accuracy.csv", index=False)
    by = args.triage_by or (ds.demographics[0] if ds.demographics else None)
    if by:
        groups = ds.annotators().set_index("annotator_id")[by].astype(str)
        per_annotator = intervals.groupby("annotator_id")["expertise"].mean()
        compute_triage(result.annotations, groups, per_annotator).to_csv(out / "triage.csv",
                                                                        index=False)  # fmt: skip
    return {
        "dataset": ds.name,
        "annotators": int(intervals["annotator_id"].nunique()),
        "lowest": intervals["annotator_id"].head(5).tolist(),
        "accuracy": result.accuracy.set_index("method")["accuracy"].round(4).to_dict(),
        "fit_s": {k: round(v, 2) for k, v in result.fit_seconds.items()},
        "out": str(out),
    }
