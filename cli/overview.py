"""``perspectives overview``: the dataset statistics of the Overview page, as CSV tables."""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.common import add_data_arguments, load_dataset

__all__ = ["add_parser", "run"]


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Declare the ``overview`` sub-command and its options."""
    o = sub.add_parser("overview", help="dataset statistics, agreement and demographic signal")
    add_data_arguments(o)
    o.add_argument("--out", required=True, help="output folder")
    o.add_argument("--min-group-size", type=int, default=5, help="smallest group shown (privacy)")
    o.add_argument("--all", action="store_true", help="include synthetic annotations")
    o.set_defaults(run=run)


def run(args: argparse.Namespace) -> dict:
    """Write every Overview table as CSV; return the headline statistics."""
    from analysis.dataset.overview import build_overview_tables

    ds = load_dataset(args)
    tables = build_overview_tables(ds, human_only=not args.all, min_group_size=args.min_group_size)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        table.to_csv(out / f"{name}.csv", index=False)
    return {"dataset": ds.name, "tables": sorted(tables), "out": str(out)}
