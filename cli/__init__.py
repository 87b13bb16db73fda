"""Headless entry point beside the pages: ``perspectives <wing> --data FILE --out DIR``.

One sub-command per wing, each writing the tables its page shows:

* ``perspectives overview``: the dataset statistics of the Overview page.
* ``perspectives profiles``: value profiles, the profile decoder, usable information.
* ``perspectives moe``: DEM-MoE against its baselines, with every table of its page.
* ``perspectives mcstl``: MC-STL and its baselines per value cluster (``--clusters``).
* ``perspectives realm``: annotator expertise, the classic aggregators, triage; or
  ``--simulate`` a profile of annotators (the simulation lab).
* ``perspectives synthetic``: synthetic persona annotations, the blending grid and the
  homogenisation audit (``--twins`` adds the annotator-model comparison).
* ``perspectives report``: one self-contained HTML report (the overview and DEM-MoE so far),
  running each wing with its defaults.
* ``perspectives search moe --study NAME [--storage URL]``: add trials to a DEM-MoE search
  (or, ``--over-seeds K``, a seed sweep of the comparison) shared by workers on several
  machines through Optuna's RDB storage; ``perspectives search status`` shows its progress.

Each prints a JSON summary on stdout and progress on stderr. ``python -m cli`` is the same.
"""

from __future__ import annotations

import argparse
import json
import sys

from cli import mcstl, moe, overview, profiles, realm, report, search, synthetic

__all__ = ["main"]


def build_parser() -> argparse.ArgumentParser:
    """The parser with every wing's sub-command."""
    parser = argparse.ArgumentParser(prog="perspectives", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for wing in (overview, profiles, moe, mcstl, realm, synthetic, report, search):
        wing.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse the command line, run the sub-command and print its JSON summary.

    A pipeline failure the user can act on (bad data or settings, a diverged training, a
    missing file) ends with its message on stderr (one line per problem) and exit status 1,
    not a traceback.
    """
    args = build_parser().parse_args(argv)
    try:
        summary = args.run(args)
    except (ValueError, KeyError, FloatingPointError, FileNotFoundError, ImportError) as exc:
        message = str(exc).strip() or type(exc).__name__
        print(f"perspectives {args.command}: {message}", file=sys.stderr)
        return 1
    print(json.dumps(summary))
    return 0
