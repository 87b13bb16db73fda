"""Headless entry point beside the pages: ``perspectives <wing> --data FILE --out DIR``.

One sub-command per wing, each writing the tables its page shows:

* ``perspectives overview``: the dataset statistics of the Overview page.
* ``perspectives profiles``: value profiles, the profile decoder, usable information.
* ``perspectives moe``: DEM-MoE against its baselines, with every table of its page.

Each prints a JSON summary on stdout and progress on stderr. ``python -m cli`` is the same.
"""

from __future__ import annotations

import argparse
import json

from cli import moe, overview, profiles

__all__ = ["main"]


def build_parser() -> argparse.ArgumentParser:
    """The parser with every wing's sub-command."""
    parser = argparse.ArgumentParser(prog="perspectives", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for wing in (overview, profiles, moe):
        wing.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse the command line, run the sub-command and print its JSON summary."""
    args = build_parser().parse_args(argv)
    print(json.dumps(args.run(args)))
    return 0
