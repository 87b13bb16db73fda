"""``perspectives mcstl``: value clusters, MC-STL and its baselines, every table of the page."""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.common import add_data_arguments, load_dataset, progress

__all__ = ["add_parser", "run"]


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Declare the ``mcstl`` sub-command and its options."""
    from engines.text.encoders import DEFAULT_MODEL

    m = sub.add_parser("mcstl", help="train MC-STL and its baselines per value cluster")
    add_data_arguments(m)
    m.add_argument("--out", required=True, help="output folder")
    m.add_argument(
        "--clusters", choices=["rationale", "tags", "demographics"], default="tags",
        help="where the value clusters come from",
    )  # fmt: skip
    m.add_argument("--demographics", help="comma-separated columns to cross (default: all)")
    m.add_argument("--min-group-size", type=int, default=5, help="privacy minimum")
    m.add_argument("--method", choices=["kmeans", "hdbscan"], default="kmeans")
    m.add_argument("--k", type=int, default=None, help="k-means K (default: best silhouette)")
    m.add_argument("--epochs", type=int, default=40)
    m.add_argument(
        "--folds", type=int, default=0,
        help="0: evaluate on the test split; F >= 3: F-fold cross-fitting over items",
    )  # fmt: skip
    m.add_argument(
        "--dispersion", action="store_true",
        help="location-scale CORAL: items may differ in how widely their labels spread",
    )  # fmt: skip
    m.add_argument("--seed", type=int, default=0)
    m.add_argument("--encoder", default=DEFAULT_MODEL, help="local model path or 'hashing'")
    m.set_defaults(run=run)


def run(args: argparse.Namespace) -> dict:
    """Cluster, train, evaluate; write predictions and every table as CSV."""
    from analysis.mcstl import (
        compute_calibration,
        compute_cluster_summary,
        compute_results_table,
    )
    from engines.mcstl import MCSTLConfig, MCSTLRunConfig, run_mcstl
    from engines.text import EmbeddingCache, embed_items, embed_with, make_encoder

    ds = load_dataset(args)
    embed = embed_with(make_encoder(args.encoder), EmbeddingCache())
    items = embed_items(ds, embed)
    cols = tuple(c for c in args.demographics.split(",") if c) if args.demographics else None
    cfg = MCSTLRunConfig(
        source=args.clusters,
        demographics=cols,
        min_group_size=args.min_group_size,
        rationale_method=args.method,
        rationale_k=args.k,
        model=MCSTLConfig(dispersion=args.dispersion).with_train(max_epochs=args.epochs),
        seed=args.seed,
        folds=args.folds,
    )
    result = run_mcstl(ds, items.item_ids, items.vectors, cfg, embed, progress)
    names = result.clusters.names
    table = compute_results_table(result.predictions, result.membership, names)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    result.predictions.to_csv(out / "predictions.csv", index=False)
    table.to_csv(out / "comparison.csv", index=False)
    compute_calibration(result.predictions, result.membership, names).to_csv(
        out / "calibration_per_group.csv", index=False
    )
    compute_cluster_summary(result.train_rows, result.clusters.membership, names).to_csv(
        out / "cluster_summary.csv", index=False
    )
    if result.sweep is not None:
        result.sweep.to_csv(out / "k_sweep.csv", index=False)
    return {
        "dataset": ds.name,
        "clusters": args.clusters,
        "n_clusters": len(names),
        "split": result.split_sizes,
        "auc": table.set_index("model")["auc"].round(4).to_dict(),
        "fit_s": {k: round(v, 2) for k, v in result.fit_seconds.items()},
        "out": str(out),
    }
