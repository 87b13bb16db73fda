"""``perspectives realm`` writes every table of the page, or runs the simulation lab."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from cli import main


@pytest.fixture()
def toy_csv(tmp_path):
    rng = np.random.default_rng(0)
    rows = []
    for i in range(60):
        truth = int(rng.integers(0, 2))
        for a in range(6):
            label = int(rng.integers(0, 2)) if a == 5 else truth
            rows.append({"item_id": f"i{i}", "text": f"item {i} {'yes' if truth else 'no'}",
                         "annotator_id": f"a{a}", "label": label,
                         "age": "young" if a < 3 else "old"})  # fmt: skip
    path = tmp_path / "toy.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def test_realm_cli_writes_every_table(toy_csv, tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("PERSPECTIVES_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "out"
    args = ["realm", "--data", str(toy_csv), "--out", str(out), "--encoder", "hashing"]
    # 20 epochs: at 5 the classifier has not learned yet (p = 0.51 for every label), and the
    # likelihood then puts every annotator at expertise 1.
    assert main([*args, "--epochs", "20"]) == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert summary["annotators"] == 6 and summary["lowest"][0] == "a5"  # the random annotator
    for name in ("expertise", "accuracy", "triage"):
        assert len(pd.read_csv(out / f"{name}.csv")) > 0, name
    assert main([*args, "--epochs", "3", "--simulate", "one_reliable"]) == 0
    sim = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert set(sim["accuracy"]) == {"realm", "noisy", "majority", "dawid_skene", "oracle"}


@pytest.mark.slow
def test_realm_cli_fine_tunes_the_bundled_encoder(toy_csv, tmp_path, monkeypatch, capsys) -> None:
    """``--fine-tune`` trains every classifier over MiniLM (the hashing encoder is no
    transformer, so the bundled one is fine-tuned)."""
    monkeypatch.setenv("PERSPECTIVES_CACHE_DIR", str(tmp_path / "cache"))
    args = ["realm", "--data", str(toy_csv), "--out", str(tmp_path / "out"), "--encoder",
            "hashing", "--fine-tune", "--epochs", "1"]  # fmt: skip
    assert main(args) == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    from engines.realm.variants import VARIANT_NAMES, VARIANTS

    assert set(summary["accuracy"]) == {VARIANT_NAMES[v] for v in VARIANTS}
