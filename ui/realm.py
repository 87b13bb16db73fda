"""The Annotator reliability page's wrappers: training, the simulation lab, derived tables.

Pages reach the REALM engines only through here (DESIGN.md section 1). Tables derived from a
trained result (expertise intervals, method agreement, triage) are computed once per result.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from engines.data.majority import majority_labels
from engines.data.schema import ANNOTATOR_ID, ITEM_ID, LABEL_CODE, AnnotationDataset
from engines.realm import (
    AGGREGATORS,
    RealmConfig,
    RealmResult,
    RealmRunConfig,
    SimulationResult,
)
from ui.cache import item_embeddings
from ui.progress import ProgressBar
from ui.realm_runs import RESULT, RUNS, keep_run
from ui.state import derived, get_text_encoder, run_key, session_result, store_result

__all__ = [
    "METHOD_LABELS",
    "PROFILE_LABELS",
    "RESULT",
    "RealmForm",
    "RealmTables",
    "SimulationForm",
    "profile_expertise",
    "sim_accuracy_table",
    "sim_expertise_table",
    "fine_tune_help",
    "simulate",
    "stored_result",
    "stored_simulation",
    "tables",
    "train",
    "training_summary",
]

SIMULATION = "realm_simulation"
PROFILE_LABELS = {
    "one_reliable": "One reliable, two near-random",
    "two_reliable": "Two reliable, one near-random",
    "spread": "A spread from reliable to random",
}
METHOD_LABELS = {
    "realm": "REALM",
    "noisy": "Noisy training (CE on every label)",
    "majority": "Majority vote labels",
    "dawid_skene": "Dawid–Skene labels",
    "oracle": "Oracle (true labels)",
}


def profile_expertise(name: str) -> tuple[float, ...]:
    """The true expertise of the simulated annotators of a profile."""
    from engines.realm.simulate import PROFILES

    return PROFILES[name]


def sim_expertise_table(result: SimulationResult) -> pd.DataFrame:
    """The simulated annotators' true and learned expertise, columns named for readers."""
    names = {"realm": "REALM", "majority": "Majority vote (agreement)",
             "dawid_skene": "Dawid–Skene (P correct)"}  # fmt: skip
    return result.expertise.rename(columns=names)


def sim_accuracy_table(result: SimulationResult) -> pd.DataFrame:
    """``method, accuracy`` of a simulation, best first."""
    table = pd.DataFrame(
        {"method": [METHOD_LABELS.get(m, m) for m in result.accuracy],
         "accuracy": list(result.accuracy.values())}
    )  # fmt: skip
    return table.sort_values("accuracy", ascending=False).reset_index(drop=True)


@dataclass(frozen=True)
class RealmForm:
    """The training form's values."""

    max_epochs: int = 40
    seed: int = 0
    expertise_lr_scale: float = 10.0
    state_dim: int = 0
    fine_tune: bool = False


def fine_tune_help() -> str:
    """What fine-tuning the encoder means and costs on this machine."""
    from engines.core import resolve_device

    where = (
        "A GPU is available: it runs there."
        if resolve_device("auto").type == "cuda"
        else "No GPU here: on a CPU it takes minutes per epoch for a few thousand annotations, "
        "so try it on a small dataset or a GPU machine."
    )
    return (
        "Train the text encoder (all-MiniLM-L6-v2) together with the classifier, as the paper "
        "does, instead of reading frozen sentence embeddings. Every classifier (REALM and the "
        f"baselines) is then fine-tuned. {where}"
    )


def train(ds: AnnotationDataset, form: RealmForm) -> RealmResult:
    """Train REALM and the baselines with a progress bar; keep the result.

    Raises:
        ValueError: With a message for the page.
    """
    from engines.realm import run_realm

    model = RealmConfig(expertise_lr_scale=form.expertise_lr_scale, state_dim=form.state_dim,
                        fine_tune=form.fine_tune)  # fmt: skip
    cfg = RealmRunConfig(model=model.with_train(max_epochs=form.max_epochs), seed=form.seed)
    emb = item_embeddings(ds.fingerprint(), ds, get_text_encoder())
    bar = ProgressBar("Training")
    try:
        result = run_realm(ds, emb.item_ids, emb.vectors, cfg, bar)
    finally:
        bar.done()
    store_result(RESULT, run_key(ds), result)
    keep_run(ds, result, cfg)
    return result


def training_summary(result: RealmResult) -> str:
    """One line on what was trained: classifiers, annotators, time, tasks, the encoder."""
    n_annotators = result.expertise[ANNOTATOR_ID].nunique()
    tuned = any(m.config.fine_tune for m in result.models.values())
    return (
        f"Trained {len(result.models)} classifiers on the labels of {n_annotators:,} annotators "
        f"in {sum(result.fit_seconds.values()):.0f} s"
        + (", each fine-tuning its own copy of the text encoder" if tuned else "")
        + (f"; expertise on {len(result.tasks)} tasks." if len(result.tasks) > 1 else ".")
    )


def stored_result(ds: AnnotationDataset, restore: bool = True) -> RealmResult | None:
    """This session's result for ``ds``: trained here, or the newest kept run.

    None when there is neither; ``restore=False``: this session's only (the Home page's
    report loads no kept run).
    """
    if restore and session_result(RESULT, run_key(ds)) is None:
        RUNS.restore_latest(ds)
    return session_result(RESULT, run_key(ds))


@dataclass(frozen=True)
class RealmTables:
    """Every table the page shows for one result."""

    intervals: pd.DataFrame
    """Expertise with bootstrap intervals, REALM's learned value and the aggregators' skills."""
    agreement: pd.DataFrame
    triage: pd.DataFrame | None


def tables(ds: AnnotationDataset, by: str | None) -> RealmTables | None:
    """The derived tables of the stored result (once per result and triage column)."""
    annotators = ds.annotators().set_index(ANNOTATOR_ID) if by else None
    return derived(RESULT, run_key(ds), "tables", by, lambda r: _tables(r, annotators, by))


def _tables(result: RealmResult, annotators: pd.DataFrame | None, by: str | None) -> RealmTables:
    from analysis.realm import compute_expertise_intervals, compute_method_agreement, compute_triage

    intervals = compute_expertise_intervals(result.annotations, result.n_classes)
    learned = result.expertise.rename(columns={"realm": "realm_joint"})
    intervals = intervals.merge(learned[[ANNOTATOR_ID, "task", "realm_joint"]],
                                on=[ANNOTATOR_ID, "task"], how="left")  # fmt: skip
    intervals = intervals.merge(result.skills, on=ANNOTATOR_ID, how="left")
    methods = ["expertise", *[c for c in result.skills.columns if c != ANNOTATOR_ID]]
    names = {"expertise": "REALM expertise", **AGGREGATORS}
    agreement = compute_method_agreement(intervals, methods).rename(index=names, columns=names)
    triage = None
    if by and annotators is not None and by in annotators.columns:
        per_annotator = intervals.groupby(ANNOTATOR_ID)["expertise"].mean()
        triage = compute_triage(result.annotations, annotators[by].astype(str), per_annotator)
    return RealmTables(intervals, agreement, triage)


@dataclass(frozen=True)
class SimulationForm:
    """The simulation lab's values."""

    expertise: tuple[float, ...]
    noise: str = "uniform"
    mode: str = "shared"
    max_epochs: int = 40
    seed: int = 0


def simulate(ds: AnnotationDataset, form: SimulationForm) -> SimulationResult:
    """Simulated annotators on this dataset's items, their majority labels as gold; kept."""
    from engines.realm import run_simulation

    emb = item_embeddings(ds.fingerprint(), ds, get_text_encoder())
    gold_of = majority_labels(ds.df[ITEM_ID].astype(str), ds.df[LABEL_CODE])
    gold = gold_of.reindex([str(i) for i in emb.item_ids]).to_numpy()
    bar = ProgressBar("Simulating")
    try:
        result = run_simulation(
            emb.vectors, gold, len(ds.scale.classes), form.expertise, form.noise,  # type: ignore[arg-type]
            form.mode,  # type: ignore[arg-type]
            seed=form.seed, model=RealmConfig().with_train(max_epochs=form.max_epochs),
            progress=bar,
        )  # fmt: skip
    finally:
        bar.done()
    store_result(SIMULATION, run_key(ds), (form, result))
    return result


def stored_simulation(ds: AnnotationDataset) -> tuple[SimulationForm, SimulationResult] | None:
    """The last simulation on ``ds`` with its settings (None before any)."""
    return session_result(SIMULATION, run_key(ds))
