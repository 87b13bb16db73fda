"""The Annotator reliability report section: the page's takeaways, figures, tables, settings."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from analysis.report.realm import realm_section
from engines.data.validation import build_dataset
from engines.realm import RealmConfig, RealmRunConfig, run_realm
from tests.unit.report.checks import check_section

SEED = 4
T0 = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def run():  # noqa: ANN201
    """80 items x 6 annotators in two age groups; a5 labels at random, the rest the truth.

    MACE is left out of the aggregators: crowd-kit's takes ~10 s even here.
    """
    rng = np.random.default_rng(0)
    truth = rng.integers(0, 2, size=80)
    emb = rng.normal(size=(80, 6)).astype(np.float32)
    emb[:, 0] += 3.0 * (2.0 * truth - 1.0)
    rows = [
        {"item_id": f"i{i:02d}", "text": f"item {i}", "annotator_id": f"a{a}",
         "label": int(rng.integers(0, 2)) if a == 5 else int(truth[i]),
         "age": "young" if a < 3 else "old",
         "split": "train" if i < 53 else ("dev" if i < 64 else "test")}
        for i in range(80) for a in range(6)
    ]  # fmt: skip
    ds = build_dataset(pd.DataFrame(rows), name="toy")
    model = RealmConfig(hidden=(16,)).with_train(max_epochs=40, lr=3e-3)
    cfg = RealmRunConfig(model=model, seed=SEED, aggregators=("majority", "dawid_skene", "glad"))
    return ds, run_realm(ds, [f"i{i:02d}" for i in range(80)], emb, cfg), cfg


def test_the_section_carries_the_pages_results_with_triage(run) -> None:  # noqa: ANN001
    ds, result, cfg = run
    section = realm_section(result, cfg, ds=ds)  # triage by the first attribute, as the page
    check_section(section)
    assert [c for c, _ in section.figures] == ["Expertise of each annotator",
                                               "Noise or perspective? (by age)"]  # fmt: skip
    ranking = section.figures[0][1]
    assert ranking.layout.legend.title.text == "reading"  # coloured by the triage reading
    tables = dict(section.tables)
    intervals = next(t for c, t in tables.items() if c.startswith("Expertise"))
    assert intervals["annotator_id"].iloc[0] == "a5"  # the random annotator ranks lowest
    assert {"ci_low", "ci_high", "majority", "dawid_skene", "glad"} <= set(intervals)
    agreement = tables["Do the methods rank the annotators alike? (Spearman ρ)"]
    assert list(agreement["method"]) == ["REALM expertise", "Majority vote", "Dawid–Skene", "GLAD"]
    # the takeaways state the result's numbers
    assert len(section.takeaways) == 3
    assert all(isinstance(t, str) and t for t in section.takeaways)
    best = result.accuracy["accuracy"].max()
    assert f"({best:.1%};" in section.takeaways[1]
    low = intervals[intervals["ci_high"] < 0.5]  # a5, whose labels are random
    assert list(low["annotator_id"]) == ["a5"]
    assert section.takeaways[0].startswith(f"**{len(low)} of 6 annotators are confidently")
    assert section.takeaways[0].endswith(": a5.")
    assert section.takeaways[2].startswith("**The 1 annotators with expertise below 0.5 deviate")
    methods = section.methods
    assert methods["seed (training, aggregators)"] == SEED
    assert methods["model settings (as trained)"]["train"]["seed"] == SEED
    assert methods["triage grouped by"] == "age"
    assert methods["scored on"] == "16 test items against their majority labels"


def test_without_the_dataset_there_is_no_triage_and_the_seed_comes_from_the_models(
    run,  # noqa: ANN001
) -> None:
    _, result, _ = run
    section = realm_section(result)
    check_section(section)
    assert len(section.figures) == 1 and len(section.takeaways) == 2
    assert section.figures[0][1].layout.legend.title.text in (None, "")
    assert section.methods["seed (training)"] == str(SEED)
    assert "triage grouped by" not in section.methods


def test_the_pages_own_tables_are_used_as_they_are(run) -> None:  # noqa: ANN001
    ds, result, cfg = run
    own = dict(realm_section(result, cfg).tables)
    intervals = next(t for c, t in own.items() if c.startswith("Expertise"))
    page = SimpleNamespace(
        intervals=intervals.assign(ci_high=0.01),  # every annotator confidently unreliable
        agreement=own["Do the methods rank the annotators alike? (Spearman ρ)"].set_index("method"),
        triage=None,
    )
    section = realm_section(result, cfg, ds=ds, tables=page)
    check_section(section)
    assert section.takeaways[0].startswith("**6 of 6 annotators are confidently unreliable**")
    assert len(section.figures) == 1  # the page's tables had no triage
