"""``perspectives report``: one self-contained HTML report, running what it needs with defaults."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.common import add_data_arguments, load_dataset, progress
from cli.report_wings import RUNNERS

__all__ = ["WINGS", "add_parser", "run"]

WINGS = ("overview", "moe", "profiles", "mcstl", "realm", "synthetic")
"""Wings the headless report runs."""


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Declare the ``report`` sub-command and its options."""
    from engines.text.encoders import DEFAULT_MODEL

    r = sub.add_parser("report", help="one self-contained HTML report of the chosen wings")
    add_data_arguments(r)
    r.add_argument("--out", required=True, help="the HTML file to write")
    r.add_argument(
        "--wings",
        default=",".join(WINGS),
        help=f"comma-separated wings to run and report (default and choices: {','.join(WINGS)})",
    )
    r.add_argument("--seed", type=int, default=0, help="seed of every training run")
    r.add_argument("--epochs", type=int, default=None, help="epoch cap for neural models")
    r.add_argument("--models", default=None, help="DEM-MoE comparison's models (default: all)")
    r.add_argument("--min-group-size", type=int, default=5, help="smallest group shown (privacy)")
    r.add_argument("--encoder", default=DEFAULT_MODEL, help="local model path or 'hashing'")
    r.set_defaults(run=run)


def run(args: argparse.Namespace) -> dict:
    """Run each chosen wing with its defaults and write the report; return what it holds."""
    from analysis.report import about_data, overview_section, render_report

    wings = [w for w in args.wings.split(",") if w]
    unknown = sorted(set(wings) - set(WINGS))
    if unknown:
        raise ValueError(f"unknown wings {unknown}; choose from {', '.join(WINGS)}")
    ds = load_dataset(args)
    sections = []
    not_run = [f"{w} (not asked for)" for w in WINGS if w not in wings]
    for k, wing in enumerate(wings):
        progress(k, len(wings), wing)
        if wing == "overview":
            sections.append(overview_section(ds, min_group_size=args.min_group_size))
            continue
        try:
            sections.append(RUNNERS[wing](ds, args))
        except (ValueError, KeyError, ImportError) as exc:  # the others still make a report
            not_run.append(f"{wing} (could not run with its defaults: {exc})")
            print(f"warning: {wing} not in the report: {exc}", file=sys.stderr)
    html = render_report(
        sections, title=ds.name, about=about_data(ds, args.encoder), not_run=not_run
    )
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    size = len(html.encode())
    return {"dataset": ds.name, "sections": [s.title for s in sections], "bytes": size,
            "out": str(out)}  # fmt: skip
