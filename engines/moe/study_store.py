"""Shared Optuna studies on RDB storage: opening, setting up and reading them (torch-free).

A *study* is Optuna's own record of a search: its trials, their parameters, values and
attributes, kept in a relational database (Optuna's distributed mode). Workers on several
machines that open the same storage URL and study name share it; a local SQLite file is the
default, PostgreSQL the choice when several machines share a search. The workers are in
:mod:`engines.moe.study`; this module opens storages, creates or joins a study (the creator
sets it up, the others wait for that and check they run the same settings) and reads a study
back as a table.

What a study holds: each trial's parameters, its value (a MAE), its state and a few user
attributes (device, host, worker process id, seed, fit time, per-model MAEs); the study's own
attributes name its kind, metric, seeds and settings (a dataset fingerprint, a hash, not the
data). No annotation, text or model is written.
"""

from __future__ import annotations

import importlib.util
import inspect
import json
import math
import time
import warnings
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from engines.paths import default_cache_dir

__all__ = [
    "NO_SEED_LEFT",
    "STUDY_COLUMNS",
    "default_storage_url",
    "load_optuna",
    "open_storage",
    "prepare_study",
    "public_url",
    "study_attrs",
    "study_names",
    "study_trials",
    "trials_frame",
]

STUDY_COLUMNS = ("device", "host", "worker", "seed", "note")
"""Columns of :func:`trials_frame` that say where and how a trial ran (not parameters)."""

NO_SEED_LEFT = "no seed left"
"""Note of a seed-sweep trial started after the last seed was taken (it runs nothing)."""

_STATES = {"COMPLETE": "complete", "PRUNED": "pruned", "FAIL": "failed",
           "RUNNING": "running", "WAITING": "waiting"}  # fmt: skip


def load_optuna() -> Any:
    """Optuna, quiet, or an ImportError with the install hint."""
    try:
        import optuna
    except ImportError as exc:
        raise ImportError(
            "The hyperparameter search needs Optuna: pip install optuna "
            '(or pip install "perspectives-lab[search]").'
        ) from exc
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    # multivariate TPE, the constant liar and the heartbeat are experimental in Optuna
    warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)
    return optuna


def default_storage_url() -> str:
    """``sqlite:///<app data dir>/studies.db`` (beside the embedding cache and run store)."""
    return f"sqlite:///{default_cache_dir() / 'studies.db'}"


def public_url(url: str) -> str:
    """``url`` with its password hidden (for messages and summaries)."""
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # a malformed URL: shown without its user part
        return url.split("@")[-1] if "@" in url else url


def _with_driver(url: str) -> str:
    """``postgresql://`` with the installed driver named (psycopg2 or psycopg 3).

    SQLAlchemy 2.0 reads a bare ``postgresql://`` as psycopg2, 2.1 as psycopg 3.
    """
    if not url.startswith("postgresql://"):
        return url
    for module, dialect in (("psycopg2", "psycopg2"), ("psycopg", "psycopg")):
        if importlib.util.find_spec(module) is not None:
            return url.replace("postgresql://", f"postgresql+{dialect}://", 1)
    return url


def _sqlite_file(url: str) -> Path | None:
    return Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None


def open_storage(
    url: str | None = None,
    heartbeat_s: int | None = None,
    grace_s: int | None = None,
    on_stale: Callable[[Any, Any], None] | None = None,
    create: bool = True,
) -> Any | None:
    """An ``optuna.storages.RDBStorage`` on ``url`` (default: :func:`default_storage_url`).

    Args:
        url: SQLAlchemy URL: ``sqlite:///path.db`` or ``postgresql://user:pass@host/db``.
        heartbeat_s: seconds between a running trial's heartbeats (None: no heartbeat). A
            running trial whose heartbeat is older than ``grace_s`` is marked failed by the
            next worker that starts a trial (Optuna's ``fail_stale_trials``).
        grace_s: None: two heartbeats (Optuna's default).
        on_stale: called with ``(study, trial)`` for each trial so failed (e.g. a retry).
        create: False: return None for a SQLite file that does not exist (nothing to read)
            instead of creating it.

    Raises:
        ImportError: Optuna, or the database driver (psycopg2 for PostgreSQL), is missing.
        ValueError: the storage cannot be opened (bad URL, unreachable server, no access).
    """
    optuna = load_optuna()
    url = url or default_storage_url()
    kwargs: dict[str, Any] = {"heartbeat_interval": heartbeat_s, "grace_period": grace_s}
    engine: dict[str, Any] = {}
    if (path := _sqlite_file(url)) is not None:
        if not path.exists() and not create:
            return None
        path.parent.mkdir(parents=True, exist_ok=True)
        engine["connect_args"] = {"timeout": 60}  # concurrent writers wait for the lock
    elif url.startswith("postgresql"):
        engine["connect_args"] = {"connect_timeout": 10}
    if on_stale is not None:  # Optuna 4.9 renamed the argument
        params = inspect.signature(optuna.storages.RDBStorage).parameters
        name = "heartbeat_stale_trial_callback"
        kwargs[name if name in params else "failed_trial_callback"] = on_stale
    for attempt in range(1, 6):
        try:
            return optuna.storages.RDBStorage(_with_driver(url), engine_kwargs=engine, **kwargs)
        except ImportError as exc:
            raise ImportError(
                f"No database driver for {public_url(url)}: pip install psycopg2-binary for "
                'PostgreSQL (or pip install "perspectives-lab[search]").'
            ) from exc
        except Exception as exc:  # SQLAlchemy's errors vary by driver
            if attempt < 5 and _creating_tables_too(exc):
                time.sleep(0.5 * attempt)
                continue
            text = str(exc).strip()
            first = text.splitlines()[0] if text else type(exc).__name__
            raise ValueError(f"Cannot open the study storage {public_url(url)}: {first}") from exc
    raise AssertionError("unreachable")


def _creating_tables_too(exc: Exception) -> bool:
    """Whether another worker was creating Optuna's tables at the same moment.

    PostgreSQL's ``CREATE TABLE IF NOT EXISTS`` is not atomic: two workers starting on an empty
    database can collide (a unique violation in ``pg_type``); SQLite reports a lock or a table
    that now exists. Opening again finds the tables made.
    """
    text = str(exc).lower()
    name = type(exc).__name__
    return name in ("IntegrityError", "ProgrammingError") or any(
        s in text for s in ("already exists", "database is locked", "unique constraint")
    )


def study_names(url: str | None = None) -> list[str]:
    """Names of the studies in the storage, sorted ([] for a SQLite file not made yet)."""
    storage = open_storage(url, create=False)
    if storage is None:
        return []
    return sorted(load_optuna().study.get_all_study_names(storage=storage))


def study_attrs(url: str | None, name: str) -> dict[str, Any]:
    """The study's own attributes: ``kind``, ``metric``, ``settings`` (and ``seeds``)."""
    storage = open_storage(url, create=False)
    if storage is None:
        raise ValueError(f"No study storage at {public_url(url or default_storage_url())}.")
    return dict(load_optuna().load_study(study_name=name, storage=storage).user_attrs)


def prepare_study(
    storage: Any,
    name: str,
    kind: str,
    metric: str,
    settings: Mapping[str, Any],
    setup: Callable[[Any], dict[str, Any]] | None = None,
    sampler: Any = None,
    pruner: Any = None,
    wait_s: float = 60.0,
) -> tuple[Any, bool]:
    """Create study ``name`` or join it; ``(study, created)``.

    The one worker whose ``create_study`` succeeds runs ``setup(study)`` (e.g. enqueue the
    base trial or the seeds; it returns extra study attributes) and then records ``kind``,
    ``metric`` and ``settings``: the attributes the others wait for (up to ``wait_s``), so no
    worker starts before the queue is filled.

    Raises:
        ValueError: the study is of another kind or was started with other settings (another
            dataset, encoder, seed...), or its creator never finished setting it up.
    """
    optuna = load_optuna()
    settings = json.loads(json.dumps(dict(settings)))  # as stored: tuples become lists
    common = {"study_name": name, "storage": storage, "sampler": sampler, "pruner": pruner}
    try:
        study = optuna.create_study(direction="minimize", **common)
    except optuna.exceptions.DuplicatedStudyError:
        study = optuna.load_study(**common)
    else:
        extra = setup(study) if setup is not None else {}
        for key, value in {**extra, "metric": metric, "settings": settings}.items():
            study.set_user_attr(key, value)
        study.set_user_attr("kind", kind)  # last: the signal that the study is ready
        return study, True
    deadline = time.monotonic() + wait_s
    while "kind" not in study.user_attrs:
        if time.monotonic() > deadline:
            raise ValueError(
                f"Study {name!r} exists but was never set up (its first worker stopped while "
                "creating it); start again with another --study name."
            )
        time.sleep(0.2)
    attrs = study.user_attrs
    if attrs["kind"] != kind:
        raise ValueError(f"Study {name!r} is a {attrs['kind']} study, not a {kind} study.")
    theirs = attrs.get("settings", {})
    differ = sorted(k for k in {**theirs, **settings} if theirs.get(k) != settings.get(k))
    if differ:
        shown = ", ".join(f"{k}: {theirs.get(k)!r} there, {settings.get(k)!r} here" for k in differ)
        raise ValueError(f"Study {name!r} was started with other settings ({shown}).")
    return study, False


def _state(trial: Any, note: str | None) -> str:
    state = _STATES.get(trial.state.name, trial.state.name.lower())
    if state == "failed" and note == "diverged":
        return "failed (diverged)"
    if state == "pruned" and note == NO_SEED_LEFT:
        return "skipped"
    return state


def _clean(value: Any) -> Any:
    return math.nan if value is None else value


def trials_frame(study: Any) -> pd.DataFrame:
    """One row per trial, in the columns of the in-process search's trials table.

    ``trial, round, state, <metric>, seconds, <parameters>`` (``round`` is 1: a shared study
    does not narrow; ``seconds``: fit time) + ``dev_max_jsd, jsd_attribute`` of search trials
    and ``test_mae:<model>`` of seed-sweep trials, then :data:`STUDY_COLUMNS`.
    """
    metric = study.user_attrs.get("metric", "dev_mae")
    rows = []
    for t in study.get_trials(deepcopy=False):
        attrs = t.user_attrs
        row: dict[str, Any] = {
            "trial": t.number,
            "round": 1,
            "state": _state(t, attrs.get("note")),
            metric: t.value if t.value is not None else math.nan,
            "seconds": _clean(attrs.get("fit_seconds")),
            **t.params,
        }
        if metric == "dev_mae":
            row["dev_max_jsd"] = _clean(attrs.get("dev_max_jsd"))
            row["jsd_attribute"] = attrs.get("jsd_attribute")
        row.update({f"test_mae:{m}": v for m, v in attrs.get("test_mae", {}).items()})
        row.update({c: attrs.get(c) for c in STUDY_COLUMNS if c not in t.params})
        rows.append(row)
    frame = pd.DataFrame(rows)
    if frame.empty:
        return pd.DataFrame(columns=["trial", "round", "state", metric, "seconds",
                                     *STUDY_COLUMNS])  # fmt: skip
    return frame[[c for c in frame.columns if c not in STUDY_COLUMNS] + list(STUDY_COLUMNS)]


def study_trials(url: str | None, name: str) -> pd.DataFrame:
    """:func:`trials_frame` of study ``name`` in the storage at ``url``.

    Raises:
        ValueError: the storage cannot be opened or holds no such study.
    """
    storage = open_storage(url, create=False)
    if storage is None:
        raise ValueError(f"No study storage at {public_url(url or default_storage_url())}.")
    optuna = load_optuna()
    try:
        study = optuna.load_study(study_name=name, storage=storage)
    except KeyError as exc:
        raise ValueError(f"No study {name!r} in {public_url(storage.url)}.") from exc
    return trials_frame(study)
