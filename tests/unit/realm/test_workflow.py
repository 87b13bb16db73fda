"""run_realm on a dataset with a task column: one expertise per annotator and task."""

from __future__ import annotations

import numpy as np
import pandas as pd

from engines.data.validation import build_dataset
from engines.realm import RealmConfig, RealmRunConfig, run_realm


def test_run_realm_reads_tasks_skills_and_test_accuracy() -> None:
    """Annotator a0 is reliable on task 'x' and random on 'y'; a1 the reverse; a2, a3 always
    reliable. The expertise matrix shows it; the aggregators score a0..a3; accuracy is on the
    test items' majority labels."""
    rng = np.random.default_rng(0)
    emb = rng.normal(size=(120, 6)).astype(np.float32)
    gold = (emb[:, 0] > 0).astype(int)
    rows = []
    for i in range(120):
        task = "x" if i % 2 else "y"
        for a in range(4):
            random = (a == 0 and task == "y") or (a == 1 and task == "x")
            label = int(rng.integers(0, 2)) if random else int(gold[i])
            split = "train" if i < 80 else ("dev" if i < 100 else "test")
            rows.append({"item_id": f"i{i:03d}", "text": f"t{i}", "annotator_id": f"a{a}",
                         "label": label, "task": task, "split": split})  # fmt: skip
    ds = build_dataset(pd.DataFrame(rows), name="toy")
    item_ids = [f"i{i:03d}" for i in range(120)]
    cfg = RealmRunConfig(model=RealmConfig(hidden=(16,)).with_train(max_epochs=60, lr=3e-3))
    result = run_realm(ds, item_ids, emb, cfg)
    e = result.expertise.set_index(["annotator_id", "task"])["realm"]
    assert result.tasks == ("x", "y")
    assert e[("a0", "x")] > e[("a0", "y")] + 0.2 and e[("a1", "y")] > e[("a1", "x")] + 0.2, e
    assert set(result.skills.columns) == {"annotator_id", "majority", "dawid_skene", "glad", "mace"}
    assert result.accuracy["n_items"].eq(20).all() and result.accuracy["accuracy"].gt(0.7).all()
    assert result.annotations["p_label"].between(0, 1).all()


def test_a_gold_column_adds_the_oracle_and_scores_against_gold() -> None:
    rng = np.random.default_rng(1)
    emb = rng.normal(size=(300, 6)).astype(np.float32)
    gold = (emb[:, 0] > 0).astype(int)
    rows = [
        {"item_id": f"i{i:03d}", "text": f"t{i}", "annotator_id": f"a{a}",
         "label": int(rng.integers(0, 2)) if a < 2 else int(gold[i]), "gold_label": int(gold[i])}
        for i in range(300) for a in range(3)
    ]  # fmt: skip
    ds = build_dataset(pd.DataFrame(rows), name="toy")
    cfg = RealmRunConfig(model=RealmConfig(hidden=(16,)).with_train(max_epochs=150, lr=1e-2))
    result = run_realm(ds, [f"i{i:03d}" for i in range(300)], emb, cfg)
    table = result.accuracy.set_index("method")
    assert "Oracle (gold labels)" in table.index and set(table["against"]) == {"gold label"}
    assert table.loc["Oracle (gold labels)", "accuracy"] > 0.85, table


def test_item_texts_follow_the_given_item_order_and_name_what_is_missing() -> None:
    import pytest

    from engines.realm import item_texts

    rows = [{"item_id": i, "text": f"text of {i}", "annotator_id": "a", "label": 0}
            for i in ("001", "002", "010")]  # fmt: skip
    rows.append({"item_id": "010", "text": "text of 010", "annotator_id": "b", "label": 1})
    ds = build_dataset(pd.DataFrame(rows), name="toy")
    assert item_texts(ds, ["010", "001"]) == ["text of 010", "text of 001"]
    with pytest.raises(ValueError, match="1 items have no text, e.g. '999'"):
        item_texts(ds, ["001", "999"])


def test_run_realm_fine_tunes_every_classifier_when_asked() -> None:
    """The encoder option reaches every variant through run_realm (a tiny run on CPU)."""
    rows = [
        {"item_id": f"i{i}", "text": f"It was {'a lovely' if i % 2 else 'an awful'} day {i}.",
         "annotator_id": f"a{a}", "label": i % 2, "split": "train" if i < 8 else "test"}
        for i in range(12) for a in range(2)
    ]  # fmt: skip
    ds = build_dataset(pd.DataFrame(rows), name="toy")
    ids = [f"i{i}" for i in range(12)]
    model = RealmConfig(fine_tune=True, hidden=(), max_length=12).with_train(max_epochs=1)
    result = run_realm(ds, ids, np.zeros((12, 1)), RealmRunConfig(model=model, aggregators=()))
    for fitted in result.models.values():
        assert type(fitted.module_.items).__name__ == "FineTunedItems"
    assert len(result.accuracy) == 3
