"""Run a benchmark by name and print its result as one JSON object on the last line.

Usage: python benchmarks/run.py
    {load,profiles,moe,edits,robustness,mcstl,realm,synthetic,scale} [options]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

BENCHMARKS = (
    "load", "profiles", "moe", "edits", "robustness", "mcstl", "realm", "synthetic", "scale",
)  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run the benchmark, print JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("name", choices=BENCHMARKS)
    parser.add_argument("--repeats", type=int, default=5, help="load: warm repeats")
    parser.add_argument("--seeds", type=int, default=5, help="profiles: rater splits")
    parser.add_argument("--edits", type=int, default=50, help="profiles: timed profile edits")
    parser.add_argument(
        "--decoder",
        default="embedding",
        choices=["embedding", "statements", "cross-encoder"],
        help="profiles, edits: the decoder (cross-encoder: meant for a GPU)",
    )
    parser.add_argument(
        "--search-trials", type=int, default=0, help="moe: Optuna trials first (0: no search)"
    )
    parser.add_argument(
        "--over-seeds", type=int, default=1, help="moe: repeat the comparison over N seeds"
    )
    parser.add_argument(
        "--raters", type=int, default=30, help="edits: raters whose profiles are edited"
    )
    parser.add_argument(
        "--no-edit-reader",
        action="store_true",
        help="edits: the decoder reads typed edits itself (no edit reader), as before issue #10",
    )
    parser.add_argument(
        "--with-2m", action="store_true", help="scale: also 2,000,000 annotations (~8 GB)"
    )
    args = parser.parse_args(argv)
    if args.name == "load":
        from benchmarks.bench_load import run

        result = run(repeats=args.repeats)
    elif args.name == "profiles":
        from benchmarks.bench_profiles import run

        result = run(seeds=args.seeds, edits=args.edits, decoder=args.decoder)
    elif args.name == "moe":
        from benchmarks.bench_moe import run

        result = run(search_trials=args.search_trials, over_seeds=args.over_seeds)
    elif args.name == "edits":
        from benchmarks.bench_edits import run

        result = run(n_raters=args.raters, decoder=args.decoder, read_edits=not args.no_edit_reader)
    elif args.name == "mcstl":
        from benchmarks.bench_mcstl import run

        result = run()
    elif args.name == "realm":
        from benchmarks.bench_realm import run

        result = run()
    elif args.name == "robustness":
        from benchmarks.bench_robustness import run

        result = run()
    elif args.name == "scale":
        from benchmarks.bench_scale import run

        result = run(with_2m=args.with_2m)
    elif args.name == "synthetic":
        from benchmarks.bench_synthetic import run

        result = run()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
