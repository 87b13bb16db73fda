"""``perspectives report``: one self-contained HTML report, running what it needs with defaults."""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.common import add_data_arguments, load_dataset, progress

__all__ = ["WINGS", "add_parser", "run"]

WINGS = ("overview", "moe")
"""Wings a report can carry (the others are listed in it as not carried yet)."""


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
    if "overview" in wings:
        progress(0, len(wings), "overview")
        sections.append(overview_section(ds, min_group_size=args.min_group_size))
    if "moe" in wings:
        sections.append(_moe(ds, args))
    not_run = [w for w in WINGS if w not in wings] + [
        "Value profiles", "Value calibration", "Annotator reliability", "Synthetic perspectives",
    ]  # fmt: skip
    html = render_report(
        sections, title=ds.name, about=about_data(ds, args.encoder), not_run=not_run
    )
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    size = len(html.encode())
    return {"dataset": ds.name, "sections": [s.title for s in sections], "bytes": size,
            "out": str(out)}  # fmt: skip


def _moe(ds, args: argparse.Namespace):  # noqa: ANN001, ANN202
    """The DEM-MoE comparison at its defaults (the page's), as a report section."""
    from analysis.report import moe_section
    from engines.moe import MoERunConfig, run_comparison
    from engines.moe.keys import MODEL_KEYS
    from engines.text import EmbeddingCache, embed_items, embed_with, make_encoder

    items = embed_items(ds, embed_with(make_encoder(args.encoder), EmbeddingCache()))
    models = tuple(args.models.split(",")) if args.models else MODEL_KEYS
    cfg = MoERunConfig(models=models, seed=args.seed, max_epochs=args.epochs)
    result = run_comparison(ds, items.item_ids, items.vectors, cfg, progress)
    return moe_section(result, cfg)
