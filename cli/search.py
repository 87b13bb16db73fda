"""``perspectives search``: searches and seed sweeps shared by workers on several machines.

* ``perspectives search moe --data FILE --study NAME [--storage URL] [--trials N]``: add N
  DEM-MoE hyperparameter-search trials to a shared Optuna study; with ``--over-seeds K``, run
  the model comparison's seeds ``--seed`` .. ``--seed + K - 1`` instead, one trial per seed.
  Start the same command on every machine: with one ``--storage`` (a PostgreSQL URL when
  several machines share it) and ``--study`` they share the study.
* ``perspectives search status [--storage URL] [--study NAME]``: every study's trials by
  state, best trial and parameters, and workers.

The storage defaults to a SQLite file in the app data directory; it receives trial
parameters, values and attributes (device, host, process id, seed, fit time), nothing else.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from cli.common import add_data_arguments, load_dataset, progress

__all__ = ["add_parser", "run_moe", "run_status"]


def _storage_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--storage",
        default=None,
        help="SQLAlchemy URL of the study storage, e.g. postgresql://user:pass@host/db "
        "(default: sqlite:///<app data dir>/studies.db)",
    )


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Declare ``search moe`` and ``search status``."""
    from engines.moe.keys import MODEL_KEYS
    from engines.text.encoders import DEFAULT_MODEL

    s = sub.add_parser("search", help="shared Optuna studies: searches and seed sweeps")
    targets = s.add_subparsers(dest="target", required=True)
    m = targets.add_parser("moe", help="add trials to a shared DEM-MoE study")
    add_data_arguments(m)
    m.add_argument("--study", required=True, help="the study's name (the same on every worker)")
    _storage_argument(m)
    m.add_argument("--trials", type=int, default=10, help="search trials this worker adds")
    m.add_argument(
        "--over-seeds",
        type=int,
        default=0,
        help="K > 0: a seed sweep of the model comparison, one trial per seed",
    )
    m.add_argument(
        "--models",
        default=",".join(MODEL_KEYS),
        help="comma-separated model keys compared in a seed sweep (default: every model)",
    )
    m.add_argument("--epochs", type=int, default=15, help="epoch cap per trial")
    m.add_argument("--seed", type=int, default=0, help="training seed (sweep: the first seed)")
    m.add_argument("--attributes", help="comma-separated demographic columns (default: all)")
    m.add_argument("--experts", type=int, default=None, help="default: one per attribute")
    m.add_argument("--top-k", type=int, default=2)
    m.add_argument("--holdout", type=float, default=0.1, help="share of unseen annotators")
    m.add_argument("--encoder", default=DEFAULT_MODEL, help="local model path or 'hashing'")
    m.add_argument(
        "--heartbeat", type=int, default=60, help="seconds between a running trial's heartbeats"
    )
    m.add_argument(
        "--grace",
        type=int,
        default=None,
        help="a running trial silent this long is marked failed (default: two heartbeats)",
    )
    m.add_argument("--no-prune", action="store_true", help="never stop a trial early")
    m.set_defaults(run=run_moe)
    st = targets.add_parser("status", help="progress of the shared studies")
    _storage_argument(st)
    st.add_argument("--study", default=None, help="one study (default: every study)")
    st.set_defaults(run=run_status)


def _settings(args: argparse.Namespace, ds: Any, attrs: list[str]) -> dict[str, Any]:
    """What every worker of one study must share (a mismatch is refused)."""
    return {"dataset": ds.fingerprint(), "encoder": args.encoder, "attributes": attrs,
            "epochs": args.epochs, "experts": args.experts, "top_k": args.top_k,
            "holdout": args.holdout, "seed": args.seed,
            "models": args.models if args.over_seeds else None}  # fmt: skip


def run_moe(args: argparse.Namespace) -> dict:
    """Join (or create) the study and run this worker's trials."""
    from engines.moe import DemMoE, MoEConfig, MoERunConfig, split_for_moe
    from engines.moe.study import StudyConfig, search_worker, sweep_worker
    from engines.text import EmbeddingCache, embed_items, embed_with, make_encoder

    cfg = StudyConfig(
        study=args.study, storage=args.storage, n_trials=args.trials, seed=args.seed,
        heartbeat_s=args.heartbeat, grace_s=args.grace, prune=not args.no_prune,
    )  # fmt: skip
    ds = load_dataset(args)
    attrs = [a for a in args.attributes.split(",") if a] if args.attributes else None
    attrs = list(attrs if attrs is not None else ds.demographics)
    items = embed_items(ds, embed_with(make_encoder(args.encoder), EmbeddingCache()))
    base = MoEConfig(n_experts=args.experts, top_k=args.top_k).with_train(
        seed=args.seed, max_epochs=args.epochs
    )
    run_cfg = MoERunConfig(
        models=tuple(args.models.split(",")), attributes=tuple(attrs),
        holdout_annotators=args.holdout, seed=args.seed, max_epochs=args.epochs,
    )  # fmt: skip
    settings = _settings(args, ds, attrs)
    if args.over_seeds > 0:
        seeds = list(range(args.seed, args.seed + args.over_seeds))
        done = sweep_worker(ds, items.item_ids, items.vectors, run_cfg, seeds, cfg, settings,
                            progress, {"moe": DemMoE(base)})  # fmt: skip
    else:
        train, dev, _ = split_for_moe(ds, run_cfg)
        fit_args = (train, items.item_ids, items.vectors, attrs)
        done = search_worker(fit_args, dev, base, cfg, settings, progress)
    summary = _status(args.storage, done.study)
    return {"study": done.study, "storage": done.storage, "created": done.created,
            "ran": done.trials, "seconds": round(done.seconds, 1), **summary}  # fmt: skip


def _status(url: str | None, name: str) -> dict[str, Any]:
    from analysis.moe.study import summarise_study
    from engines.moe.study_store import study_attrs, study_trials

    return summarise_study(study_trials(url, name), study_attrs(url, name))


def run_status(args: argparse.Namespace) -> dict:
    """Every study in the storage (or ``--study``): trials by state, best trial, workers."""
    from engines.moe.study_store import default_storage_url, public_url, study_names

    url = args.storage or default_storage_url()
    names = [args.study] if args.study else study_names(url)
    studies = []
    for name in names:
        status = {"study": name, **_status(url, name)}
        studies.append(status)
        best = status.get("best")
        line = f"{name} ({status['kind']}): {status['states']}"
        if best:
            metric = status["metric"]
            line += f"; best trial {best['trial']}, {metric} {best[metric]}"
        print(line, file=sys.stderr)
    return {"storage": public_url(url), "studies": studies}
