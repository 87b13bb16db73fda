"""The Synthetic perspectives page's wrappers: making synthetic sets, blending, the audit.

Pages reach the synthetic engines only through here (DESIGN.md section 1). Tables derived from
a result (the audit of one synthetic set, the grid with bootstrap intervals) are computed once
per result.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pandas as pd

from analysis.report.synthetic import SYNTHETIC_NOTE
from engines.data.schema import ANNOTATOR_ID, AnnotationDataset
from engines.moe import MoEConfig
from engines.synthetic import BlendingResult, ImputationConfig, SyntheticRunConfig
from ui.cache import item_embeddings
from ui.profiles import LLMSettings, llm_backend
from ui.progress import ProgressBar
from ui.state import (
    derived,
    get_min_group_size,
    get_text_encoder,
    run_key,
    session_result,
    store_result,
)
from ui.synthetic_runs import RESULT, keep_run, wing_runs

__all__ = [
    "BLEND_LABELS",
    "GENERATOR_LABELS",
    "KEPT",
    "SYNTHETIC_NOTE",
    "AuditTables",
    "SyntheticForm",
    "audit",
    "grid",
    "llm_problems",
    "model_fit",
    "run",
    "run_twins",
    "stored_result",
]

TWINS = "synthetic_twins"
GENERATOR_LABELS = {
    "imputation": "Offline: impute with a demographics-conditioned model (DEM-MoE)",
    "imported": "Import: the dataset's rows marked is_synthetic",
    "llm": "LLM personas (an endpoint you configure)",
}
BLEND_LABELS = {
    "pt_ft": "Pretrain on synthetic, fine-tune on real",
    "mix": "Mix, unweighted",
    "weighted": "Mix, weighted w = A / T / P",
}


@dataclass(frozen=True)
class SyntheticForm:
    """The form's values."""

    generator: str = "imputation"
    strategies: tuple[str, ...] = ("0.5x", "1x", "fill", "cluster")
    blendings: tuple[str, ...] = ("pt_ft", "mix", "weighted")
    temperature: float = 1.0
    max_epochs: int = 30
    seed: int = 0
    llm_strategy: str = "1x"
    granularity: str = "strong"
    llm_temperatures: tuple[float, ...] = (0.0,)
    llm_limit: int = 200
    llm: LLMSettings | None = field(default=None, compare=False)


def _config(form: SyntheticForm) -> SyntheticRunConfig:
    model = MoEConfig().with_train(max_epochs=form.max_epochs, seed=form.seed)
    return SyntheticRunConfig(
        strategies=form.strategies,  # type: ignore[arg-type]
        blendings=form.blendings,  # type: ignore[arg-type]
        imputation=ImputationConfig(temperature=form.temperature, model=model),
        model=model,
        seed=form.seed,
    )


@dataclass
class SyntheticRun:
    """A stored run: the blending result and, for LLM personas, every reply's fate."""

    form: SyntheticForm
    result: BlendingResult
    replies: pd.DataFrame | None = None


def run(ds: AnnotationDataset, form: SyntheticForm) -> SyntheticRun:
    """Make the synthetic sets the form asks for, train the grid, keep the result.

    Raises:
        ValueError: With a message for the page.
    """
    from engines.synthetic import (
        by_temperature,
        imported_synthetic,
        llm_synthetic,
        make_synthetic,
        run_blending,
    )

    cfg = _config(form)
    emb = item_embeddings(ds.fingerprint(), ds, get_text_encoder())
    bar = ProgressBar("Synthetic perspectives")
    replies = None
    try:
        if form.generator == "imputation":
            sets = make_synthetic(ds, emb.item_ids, emb.vectors, cfg, bar)
        elif form.generator == "imported":
            sets = {"imported": imported_synthetic(ds, cfg)}
        else:
            if form.llm is None:
                raise ValueError("Configure the LLM endpoint first.")
            replies = llm_synthetic(
                ds, llm_backend(form.llm), form.llm.task, cfg, form.llm_strategy,  # type: ignore[arg-type]
                form.granularity, form.llm_temperatures, form.llm_limit, bar,  # type: ignore[arg-type]
            )  # fmt: skip
            sets = by_temperature(replies, f"LLM {form.llm_strategy}")
        result = run_blending(ds, emb.item_ids, emb.vectors, sets, cfg, bar)
    finally:
        bar.done()
    kept = SyntheticRun(form, result, replies)
    store_result(RESULT, run_key(ds), kept)
    keep_run(KEPT, ds, form, result, replies)
    return kept


def kept_run(
    settings: dict, seed: int, result: BlendingResult, replies: pd.DataFrame | None
) -> SyntheticRun:
    """A kept run as the page stores it (its form rebuilt from the settings; no LLM link)."""
    names = {f.name for f in dataclasses.fields(SyntheticForm)} - {"llm", "seed"}
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in settings.items() if k in names}
    return SyntheticRun(SyntheticForm(**values, seed=int(seed)), result, replies)


KEPT = wing_runs(kept_run)
"""The page's kept runs (each rebuilt into a :class:`SyntheticRun`)."""


def stored_result(ds: AnnotationDataset, restore: bool = True) -> SyntheticRun | None:
    """This session's run on ``ds``, or the newest kept one.

    None when there is neither; ``restore=False``: this session's only (the Home page's
    report loads no kept run).
    """
    if restore and session_result(RESULT, run_key(ds)) is None:
        KEPT.restore_latest(ds)
    return session_result(RESULT, run_key(ds))


def llm_problems(replies: pd.DataFrame | None) -> pd.DataFrame | None:
    """How many LLM replies were read, and why the others were not (None without an LLM)."""
    from engines.synthetic import reply_counts

    return None if replies is None else reply_counts(replies)


@dataclass(frozen=True)
class AuditTables:
    """The audit of one synthetic set against the real training annotations."""

    homogenisation: pd.DataFrame
    alignment: pd.DataFrame
    personas: pd.DataFrame
    features: pd.DataFrame


def audit(ds: AnnotationDataset, name: str) -> AuditTables | None:
    """The audit of synthetic set ``name`` (once per result)."""
    return derived(RESULT, run_key(ds), "audit", name, lambda r: _audit(ds, r.result, name))


def _audit(ds: AnnotationDataset, result: BlendingResult, name: str) -> AuditTables:
    from analysis.synthetic import (
        compute_group_alignment,
        compute_homogenisation,
        compute_persona_alignment,
        compute_prototypical_features,
    )

    human, synth = result.train, result.synthetic[name]
    level = "nominal" if ds.scale.kind == "nominal" else "interval"
    homogenisation = compute_homogenisation(human, synth, level, ds.scale.classes)
    personas = compute_persona_alignment(human, synth, result.attributes)
    return AuditTables(
        homogenisation=homogenisation,
        alignment=compute_group_alignment(human, synth, result.attributes),
        personas=personas,
        features=compute_prototypical_features(personas),
    )


def grid(ds: AnnotationDataset) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """The blending grid and its per-category parts, with intervals (once per result)."""
    from analysis.synthetic import compute_blending_grid, compute_category_mae

    def compute(kept: SyntheticRun) -> tuple[pd.DataFrame, pd.DataFrame]:
        r = kept.result
        people = ds.annotators()[[ANNOTATOR_ID, *r.attributes]].astype({ANNOTATOR_ID: str})
        size = get_min_group_size()
        return (
            compute_blending_grid(r.predictions, people, r.attributes, min_group_size=size),
            compute_category_mae(r.predictions, people, r.attributes, min_group_size=size),
        )

    return derived(RESULT, run_key(ds), "grid", None, compute)


def run_twins(ds: AnnotationDataset, granularity: str, max_epochs: int, seed: int = 0) -> None:
    """Fit text-only and annotator models to human labels and to synthetic twins' labels."""
    from analysis.synthetic import compute_model_fit
    from engines.synthetic import compare_annotator_models, synthetic_twins

    model = MoEConfig().with_train(max_epochs=max_epochs, seed=seed)
    cfg = SyntheticRunConfig(imputation=ImputationConfig(model=model), model=model, seed=seed)
    emb = item_embeddings(ds.fingerprint(), ds, get_text_encoder())
    bar = ProgressBar("Annotator models")
    try:
        twins = synthetic_twins(ds, emb.item_ids, emb.vectors, cfg, granularity, bar)  # type: ignore[arg-type]
        pred = compare_annotator_models({"human": ds, "synthetic": twins}, emb.item_ids,
                                        emb.vectors, seed=seed, max_epochs=max_epochs,
                                        progress=bar)  # fmt: skip
    finally:
        bar.done()
    store_result(TWINS, run_key(ds), (granularity, compute_model_fit(pred)))


def model_fit(ds: AnnotationDataset) -> tuple[str, pd.DataFrame] | None:
    """The last annotator-model comparison on ``ds``: (granularity, table)."""
    return session_result(TWINS, run_key(ds))
