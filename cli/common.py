"""What every sub-command shares: reading a dataset and printing progress."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from engines.data.schema import AnnotationDataset

__all__ = ["add_data_arguments", "load_dataset", "progress"]


def add_data_arguments(parser: argparse.ArgumentParser) -> None:
    """``--data`` and the options for imperfect data (as on the Data page)."""
    parser.add_argument(
        "--data",
        required=True,
        nargs="+",
        help="annotation CSV/TSV or Le-Wi-Di JSON; several files with the same columns are "
        "combined into one dataset (e.g. a Le-Wi-Di dataset's dev and test files)",
    )
    parser.add_argument("--meta", help="Le-Wi-Di annotators_meta.json joined to JSON files")
    parser.add_argument(
        "--label-kind",
        choices=["auto", "numeric", "nominal"],
        default="auto",
        help="read labels as numbers (cells that are none are dropped and counted) or as "
        "unordered classes; auto: numbers when 90%% of the cells are",
    )
    parser.add_argument(
        "--split",
        choices=["auto", "use", "make"],
        default="auto",
        help="the file's split column: use it, make new item-level splits, or auto (use it "
        "when it has a train split)",
    )
    parser.add_argument(
        "--more-is",
        choices=["auto", "higher", "lower"],
        default="auto",
        help="which end of the label scale means more of the construct (more offensive, more "
        "abusive): higher or lower labels; auto: inferred from where the ratings pile up "
        "(printed with its reason)",
    )
    parser.add_argument(
        "--label-outliers",
        choices=["drop", "keep"],
        default="drop",
        help="label values that look like missing-value codes (a 99 among ratings 1-5) or sit "
        "far outside the others: drop them (counted) or keep them as classes",
    )


def load_dataset(args: argparse.Namespace) -> AnnotationDataset:
    """Read and validate ``args.data``; print what validation did (warnings) on stderr.

    Raises:
        DataValidationError: every problem, one line each (``cli.main`` prints them).
    """
    from engines.data.load import load_dataset as load
    from engines.data.validation import LoadOptions

    options = LoadOptions(
        label_kind=args.label_kind, label_outliers=args.label_outliers, splits=args.split
    )
    ds = load(args.data, options=options, meta=args.meta)
    for issue in ds.issues:
        if issue.level != "info":
            print(f"{issue.level}: {issue.message}", file=sys.stderr)
    more_is = getattr(args, "more_is", "auto")
    if more_is == "auto":
        from engines.data.direction import infer_more

        more, why = infer_more(ds)
        side = "higher" if more > 0 else "lower"
        print(f"info: {side} labels read as more of the construct: {why}", file=sys.stderr)
    else:
        ds.more = 1 if more_is == "higher" else -1
    return ds


def progress(done: int, total: int, what: str) -> None:
    """Progress line on stderr (stdout carries the JSON summary)."""
    print(f"[{done}/{total}] {what}", file=sys.stderr, flush=True)
