"""Runs kept on disk: round trip, identity, history order, tampering, the size cap."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from engines.core.run_store import RunStore, run_id

TABLE = pd.DataFrame({"model": ["DEM-MoE", "PMF"], "mae": [0.75, 0.91], "n": [10, 10]})


def _save(store: RunStore, seed: int = 0, **settings: object):  # noqa: ANN202
    return store.save("moe", "fp1", {"top_k": 2, **settings}, seed, {"model table": TABLE},
                      {"routing": np.arange(6.0).reshape(2, 3)}, {"mae": 0.75})  # fmt: skip


def test_a_run_comes_back_as_saved(tmp_path: Path) -> None:
    store = RunStore(tmp_path / "runs")
    record = _save(store)
    tables, arrays = store.load(record.run_id)
    pd.testing.assert_frame_equal(tables["model_table"], TABLE)  # dtypes kept (Parquet)
    np.testing.assert_array_equal(arrays["routing"], np.arange(6.0).reshape(2, 3))
    listed = store.runs(wing="moe", dataset="fp1")
    assert [r.run_id for r in listed] == [record.run_id]
    assert listed[0].headline == {"mae": 0.75} and listed[0].settings == {"top_k": 2}
    assert store.runs(wing="realm") == [] and store.runs(dataset="other") == []
    assert all(p.is_relative_to(tmp_path / "runs") for p in tmp_path.rglob("*") if p.is_file())


def test_same_settings_replace_a_run_and_another_seed_adds_one(tmp_path: Path) -> None:
    store = RunStore(tmp_path)
    first = _save(store, seed=0)
    assert _save(store, seed=0).run_id == first.run_id
    second = _save(store, seed=1)
    assert second.run_id != first.run_id
    assert [r.seed for r in store.runs()] == [1, 0]  # newest first
    assert run_id("moe", "fp1", {"top_k": 2}, 0) == first.run_id
    assert run_id("moe", "fp1", {"top_k": 3}, 0) != first.run_id


def test_a_changed_file_is_refused_naming_it(tmp_path: Path) -> None:
    store = RunStore(tmp_path)
    record = _save(store)
    path = tmp_path / record.run_id / "model_table.parquet"
    path.write_bytes(path.read_bytes()[:-8] + b"tampered")
    with pytest.raises(ValueError, match="model_table.parquet does not match the checksum"):
        store.load(record.run_id)
    with pytest.raises(FileNotFoundError, match="No kept run"):
        store.load("nope")


def test_the_size_cap_deletes_the_oldest_runs_and_delete_removes_one(tmp_path: Path) -> None:
    one = _save(RunStore(tmp_path), seed=0).size_bytes
    store = RunStore(tmp_path, max_bytes=int(2.5 * one))
    _save(store, seed=1)
    newest = _save(store, seed=2)  # three runs pass the cap: the oldest goes
    assert [r.seed for r in store.runs()] == [2, 1]
    assert store.total_bytes() <= store.max_bytes
    store.delete(newest.run_id)
    assert [r.seed for r in store.runs()] == [1]


def test_a_cap_set_once_holds_for_later_stores_and_applies_at_once(tmp_path: Path) -> None:
    store = RunStore(tmp_path)
    one = _save(store, seed=0).size_bytes
    _save(store, seed=1)
    newest = _save(store, seed=2)
    store.set_cap(int(1.5 * one))  # two runs too many: only the newest stays
    assert [r.run_id for r in store.runs()] == [newest.run_id]
    later = RunStore(tmp_path)
    assert later.max_bytes == int(1.5 * one)
    _save(later, seed=3)
    assert [r.seed for r in later.runs()] == [3]
    with pytest.raises(ValueError, match="must be positive"):
        later.set_cap(0)
    # a model folder written by the wing is checksummed with the rest and found again
    rec = store.save("moe", "fp", {}, 0, {}, models={"m": lambda d: _write(d, b"weights")})
    assert store.model_dir(rec.run_id, "m").joinpath("w.bin").read_bytes() == b"weights"
    assert store.record(rec.run_id).run_id == rec.run_id and store.record("nope") is None


def _write(folder: Path, data: bytes) -> None:
    folder.mkdir(parents=True)
    (folder / "w.bin").write_bytes(data)


def test_seedless_settings_drop_every_seed_and_keep_the_rest() -> None:
    from dataclasses import dataclass, field

    from engines.core.run_store import seedless

    @dataclass
    class Train:
        seed: int = 3
        lr: float = 0.1

    @dataclass
    class Run:
        seed: int = 5
        epochs: int = 2
        train: Train = field(default_factory=Train)

    assert seedless(Run()) == {"epochs": 2, "train": {"lr": 0.1}}
    assert seedless(Run(seed=9)) == seedless(Run(train=Train(seed=1)))
