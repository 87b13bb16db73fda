"""Issue #27: workers in separate processes share one Optuna study on a real PostgreSQL server.

A throw-away cluster is made with ``initdb`` in a temporary folder and served on a free local
port; the workers are ``python -m cli search moe`` processes, as on GPU machines. Checked:
trials are never duplicated, every worker contributes, and a worker killed mid-trial leaves a
trial that the next worker marks failed (a seed sweep runs that seed again) while the study
goes on. Skips, with the reason, without PostgreSQL's server programs or a psycopg driver
(Debian: ``apt-get install postgresql``, which ``.ci/run`` does when root).
"""

from __future__ import annotations

import glob
import importlib.util
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cli import main
from tests.unit.moe.toys import toy_dataset

ROOT = Path(__file__).resolve().parents[2]
HEARTBEAT, GRACE = 1, 3
"""Seconds: a killed worker's trial is stale 3 s after its last heartbeat."""

pytestmark = pytest.mark.xdist_group("postgres")


def _pg_bin() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(versions[-1]).parent if versions else None


def _as_server_user(cmd: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run as Debian's ``postgres`` user then."""
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--", *cmd]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def postgres() -> Iterator[str]:
    """URL of a fresh database on a local PostgreSQL server, stopped after the module."""
    bin_dir = _pg_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL's initdb is not installed (Debian: apt-get install postgresql)")
    if not any(importlib.util.find_spec(m) for m in ("psycopg2", "psycopg")):
        pytest.skip('no PostgreSQL driver: pip install psycopg2-binary (or ".[search]")')
    if os.geteuid() == 0 and (shutil.which("runuser") is None or _no_user("postgres")):
        pytest.skip("running as root without a 'postgres' user to run the server as")
    home = Path(tempfile.mkdtemp(prefix="perspectives-pg-"))  # outside root's private tmp
    if os.geteuid() == 0:
        shutil.chown(home, "postgres", "postgres")
    data, port = home / "data", _free_port()
    run = {"check": True, "capture_output": True, "text": True, "timeout": 120}
    subprocess.run(_as_server_user([str(bin_dir / "initdb"), "-D", str(data), "-U", "lab",
                                    "--auth=trust", "-E", "UTF8"]), **run)  # fmt: skip
    options = f"-k {home} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(_as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options,
                                    "-l", str(home / "log"), "-w", "start"]), **run)  # fmt: skip
    try:
        subprocess.run(_as_server_user([str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p",
                                        str(port), "-U", "lab", "studies"]), **run)  # fmt: skip
        yield f"postgresql://lab@127.0.0.1:{port}/studies"
    finally:
        subprocess.run(_as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-m",
                                        "immediate", "stop"]), capture_output=True)  # fmt: skip
        shutil.rmtree(home, ignore_errors=True)


def _no_user(name: str) -> bool:
    import pwd

    try:
        pwd.getpwnam(name)
    except KeyError:
        return True
    return False


@pytest.fixture(scope="module")
def toy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return toy_dataset(tmp_path_factory.mktemp("pg-toy"), n_items=30)[1]


def _worker(data: Path, url: str, study: str, cache: Path, *extra: str) -> subprocess.Popen:
    """``perspectives search moe`` in its own process (as on another machine)."""
    cmd = [sys.executable, "-m", "cli", "search", "moe", "--data", str(data), "--study", study,
           "--storage", url, "--encoder", "hashing", "--heartbeat", str(HEARTBEAT),
           "--grace", str(GRACE), *extra]  # fmt: skip
    env = {**os.environ, "PERSPECTIVES_CACHE_DIR": str(cache), "PERSPECTIVES_THREADS": "1",
           "PYTHONPATH": str(ROOT)}  # fmt: skip
    return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)  # fmt: skip


def _finish(proc: subprocess.Popen, timeout: float = 120) -> None:
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, err[-3000:]


def _study(url: str, name: str):
    from engines.moe.study_store import load_optuna, open_storage

    return load_optuna().load_study(study_name=name, storage=open_storage(url))


def _kill_mid_trial(proc: subprocess.Popen, url: str, name: str) -> int:
    """SIGKILL ``proc`` while one of its trials runs; that trial's number."""
    from optuna.trial import TrialState

    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            running = _study(url, name).get_trials(deepcopy=False, states=(TrialState.RUNNING,))
        except KeyError:  # the worker has not created the study yet
            running = []
        if any(t.user_attrs.get("worker") == proc.pid for t in running):
            break
        assert proc.poll() is None, proc.communicate()[1][-3000:]
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    mine = [
        t.number
        for t in _study(url, name).get_trials(deepcopy=False, states=(TrialState.RUNNING,))
        if t.user_attrs.get("worker") == proc.pid
    ]
    assert len(mine) == 1, "the killed worker should leave exactly one running trial"
    return mine[0]


def test_two_workers_share_one_search_and_a_killed_trial_fails(
    postgres, toy, tmp_path, capsys
) -> None:
    from optuna.trial import TrialState

    from engines.moe.study import device_label

    # Every worker of a study shares its settings; 15 epochs: a trial runs for about 0.4 s.
    args = ("--epochs", "15", "--no-prune")
    a = _worker(toy, postgres, "search", tmp_path, "--trials", "3", *args)
    b = _worker(toy, postgres, "search", tmp_path, "--trials", "3", *args)
    _finish(a)
    _finish(b)
    trials = _study(postgres, "search").get_trials(deepcopy=False)
    assert sorted(t.number for t in trials) == list(range(6))  # 3 + 3, none twice
    assert all(t.state == TrialState.COMPLETE for t in trials)
    assert {t.user_attrs["worker"] for t in trials} == {a.pid, b.pid}  # both contributed
    assert sum(t.user_attrs["worker"] == a.pid for t in trials) == 3
    device = device_label()  # "cpu", or "cuda:0 (<GPU name>)" on a GPU machine
    params = {tuple(sorted(t.params.items())) for t in trials}
    assert len(params) == 6  # no two workers proposed the same configuration
    for t in trials:
        assert t.user_attrs["device"] == device and t.user_attrs["host"] == socket.gethostname()
        assert t.user_attrs["seed"] == 0 and t.user_attrs["fit_seconds"] > 0

    doomed = _worker(toy, postgres, "search", tmp_path, "--trials", "200", *args)
    killed = _kill_mid_trial(doomed, postgres, "search")
    time.sleep(GRACE + 1)  # its heartbeat goes stale
    after = _worker(toy, postgres, "search", tmp_path, "--trials", "2", *args)
    _finish(after)
    trials = {t.number: t for t in _study(postgres, "search").get_trials(deepcopy=False)}
    assert trials[killed].state == TrialState.FAIL
    new = [t for t in trials.values() if t.user_attrs.get("worker") == after.pid]
    assert len(new) == 2 and all(t.state == TrialState.COMPLETE for t in new)
    assert min(t.number for t in new) > killed
    assert not [t for t in trials.values() if t.state == TrialState.RUNNING]

    assert main(["search", "status", "--storage", postgres]) == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    (study,) = summary["studies"]
    assert study["states"]["failed"] == 1 and study["states"]["complete"] >= 8
    assert {w["worker"] for w in study["workers"]} >= {a.pid, b.pid, after.pid}


def test_a_seed_sweep_runs_each_seed_once_and_reruns_a_killed_seed(postgres, toy, tmp_path) -> None:
    from optuna.trial import TrialState

    args = ("--over-seeds", "3", "--models", "mean,moe", "--epochs", "15")
    doomed = _worker(toy, postgres, "seeds", tmp_path, *args)
    killed = _kill_mid_trial(doomed, postgres, "seeds")
    b = _worker(toy, postgres, "seeds", tmp_path, *args)
    c = _worker(toy, postgres, "seeds", tmp_path, *args)
    _finish(b)
    _finish(c)
    trials = _study(postgres, "seeds").get_trials(deepcopy=False)
    by_number = {t.number: t for t in trials}
    assert by_number[killed].state == TrialState.FAIL
    done = [t for t in trials if t.state == TrialState.COMPLETE]
    assert sorted(t.params["seed"] for t in done) == [0, 1, 2]  # every seed, once
    retried = [t for t in done if t.system_attrs.get("failed_trial") == killed]
    assert len(retried) == 1  # the killed seed ran again, on a surviving worker
    assert retried[0].params["seed"] == by_number[killed].system_attrs["fixed_params"]["seed"]
    assert {t.user_attrs["worker"] for t in done} <= {doomed.pid, b.pid, c.pid}
    for t in done:
        assert set(t.user_attrs["test_mae"]) == {"Mean predictor", "DEM-MoE"}
        assert t.value == t.user_attrs["test_mae"]["DEM-MoE"]
    # Anything else is a trial a worker asked for after the last seed was taken: it ran nothing.
    rest = [t for t in trials if t.state not in (TrialState.COMPLETE, TrialState.FAIL)]
    assert all(t.state == TrialState.PRUNED and not t.params for t in rest)
