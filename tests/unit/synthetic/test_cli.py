"""``perspectives synthetic`` writes the grid and the audit (issue #16)."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from cli import main


@pytest.fixture()
def toy_csv(tmp_path):
    """30 items x 8 human annotators (young rate +1), plus two homogeneous synthetic raters."""
    rng = np.random.default_rng(0)
    rows = []
    for i in range(30):
        severity = rng.integers(1, 4)
        for a in range(8):
            young = a < 4
            label = int(np.clip(severity + young + rng.integers(-1, 2), 1, 5))
            rows.append({"item_id": f"i{i:02d}", "text": f"item {i} level {severity}",
                         "annotator_id": f"a{a}", "label": label,
                         "age": "young" if young else "old", "is_synthetic": 0})  # fmt: skip
        for s in range(2):
            rows.append({"item_id": f"i{i:02d}", "text": f"item {i} level {severity}",
                         "annotator_id": f"syn{s}", "label": int(severity), "age": "old",
                         "is_synthetic": 1})  # fmt: skip
    path = tmp_path / "toy.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def test_synthetic_cli_writes_the_grid_and_the_audit(toy_csv, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PERSPECTIVES_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "out"
    args = ["synthetic", "--data", str(toy_csv), "--out", str(out), "--encoder", "hashing",
            "--epochs", "3", "--blends", "mix", "weighted"]  # fmt: skip
    assert main([*args, "--strategies", "1x"]) == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert set(summary["grid"]) == {"real only", "1x · mix", "1x · weighted"}
    grid = pd.read_csv(out / "grid.csv")
    assert grid["category_mae"].notna().all()
    assert len(pd.read_csv(out / "synthetic_1x.csv")) > 0
    assert main([*args, "--generator", "imported"]) == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    # the imported raters give every item its level: they agree more than the humans
    assert summary["alpha"]["imported"]["synthetic"] > summary["alpha"]["imported"]["human"]


def test_synthetic_cli_llm_personas_write_the_reply_counts(toy_csv, tmp_path, monkeypatch,
                                                           capsys) -> None:  # fmt: skip
    from engines.text.llm import OpenAICompatibleBackend

    def fake(self, prompt: str, max_tokens: int = 300) -> str:  # noqa: ANN001
        return "Fine.:::[2]" if "age: young" in prompt else "cannot say"

    monkeypatch.setattr(OpenAICompatibleBackend, "complete", fake)
    monkeypatch.setenv("PERSPECTIVES_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "out"
    args = ["synthetic", "--data", str(toy_csv), "--out", str(out), "--encoder", "hashing",
            "--epochs", "3", "--blends", "mix", "--generator", "llm", "--llm-url",
            "http://127.0.0.1:9/v1", "--llm-model", "tiny", "--limit", "30"]  # fmt: skip
    assert main(args) == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert list(summary["grid"]) == ["real only", "LLM 1x · mix"]
    counts = pd.read_csv(out / "llm_replies.csv").set_index("reply")["n"]
    assert counts.sum() == 30 and set(counts.index) <= {"read", "no separator"}
    assert main(["synthetic", "--data", str(toy_csv), "--out", str(out), "--generator", "llm"]) != 0
    assert "needs --llm-url and --llm-model" in capsys.readouterr().err
