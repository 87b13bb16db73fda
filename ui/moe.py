"""The Demographic experts page's wrappers: configs from the form, training, the report.

Pages reach the DEM-MoE engines only through here (DESIGN.md section 1). The report (1,000
item-bootstrap resamples) is computed once per trained result and privacy threshold, not on
every rerun of the page.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import pandas as pd
import streamlit as st

from engines.data.schema import AnnotationDataset
from engines.moe import (
    MODEL_KEYS,
    DemMoE,
    MoEConfig,
    MoEResult,
    MoERunConfig,
    PhaseWeights,
    SearchConfig,
    model_names,
    run_over_seeds,
)
from ui.cache import item_embeddings
from ui.downloads import download_table
from ui.layout import fit_table
from ui.moe_runs import RESULT, RUNS, SEEDS, keep_run
from ui.progress import ProgressBar
from ui.state import derived, get_text_encoder, run_key, session_result, store_result

BASELINE_KEYS = tuple(k for k in MODEL_KEYS if k != "moe")
METRIC_HELP = (
    "- **MAE**: mean absolute error of each annotator's predicted rating (lower is better); "
    "95% CI from resampling test *items* (all their ratings together).\n"
    "- **Pearson r**: correlation of predicted and observed ratings, annotation level.\n"
    "- **Item MAE / r**: after averaging predictions and ratings per item.\n"
    "- **EMD**: earth mover's distance between each item's predicted and observed rating "
    "distributions (how well opinion diversity is kept), averaged over items.\n"
    "- **Seen / unseen**: annotators with / without ratings in the training split."
)
"""What each column of the model comparison means (markdown)."""

__all__ = [
    "BASELINE_KEYS",
    "METRIC_HELP",
    "RESULT",
    "MoEForm",
    "SearchForm",
    "defaults",
    "model_labels",
    "phase_weights",
    "comparison_report",
    "seed_summary",
    "show_seed_summary",
    "stored_result",
    "train",
    "training_history",
]


@dataclass(frozen=True)
class SearchForm:
    """The optional Optuna search settings as the page's form gives them."""

    n_trials: int
    minutes: float
    epochs_per_trial: int
    rounds: int
    specialised_within: float


@dataclass(frozen=True)
class MoEForm:
    """Everything the training form sets."""

    attributes: tuple[str, ...]
    baselines: tuple[str, ...]
    n_experts: int
    top_k: int
    max_epochs: int
    holdout_percent: int
    seed: int
    lr: float
    lr_gate: float
    kl_annotator: float
    kl_demographic: float
    demographic_specialisation: float
    phases: dict[str, PhaseWeights]
    search: SearchForm | None = None
    over_seeds: int = 1
    """Repeat the comparison over this many seeds (``seed``, ``seed + 1``, ...)."""


def defaults() -> MoEConfig:
    """DEM-MoE's default configuration (the paper's settings), for the form's initial values."""
    return MoEConfig()


def model_labels() -> dict[str, str]:
    """Model key -> display name."""
    return model_names()


def phase_weights(load: float, orth: float, var: float) -> PhaseWeights:
    """One phase's (load, orthogonality, variance) loss weights."""
    return PhaseWeights(float(load), float(orth), float(var))


def _configs(form: MoEForm) -> tuple[MoERunConfig, MoEConfig]:
    base = MoEConfig()
    moe_cfg = replace(
        base,
        n_experts=int(form.n_experts) or None,
        top_k=int(form.top_k),
        lr_gate=float(form.lr_gate),
        kl_annotator=float(form.kl_annotator),
        kl_demographic=float(form.kl_demographic),
        demographic_specialisation=float(form.demographic_specialisation),
        phase_a=form.phases["A"],
        phase_b=form.phases["B"],
        phase_c=form.phases["C"],
        train=replace(
            base.train, max_epochs=int(form.max_epochs), seed=int(form.seed), lr=float(form.lr)
        ),
    )
    s = form.search
    search = (
        SearchConfig(
            n_trials=int(s.n_trials),
            rounds=int(s.rounds),
            timeout_s=float(s.minutes) * 60 or None,
            max_epochs=int(s.epochs_per_trial),
            seed=int(form.seed),
            specialised_within=float(s.specialised_within) or None,
        )
        if s is not None
        else None
    )
    run_cfg = MoERunConfig(
        models=(*form.baselines, "moe"),
        attributes=tuple(form.attributes),
        holdout_annotators=form.holdout_percent / 100,
        seed=int(form.seed),
        max_epochs=int(form.max_epochs),
        search=search,
    )
    return run_cfg, moe_cfg


def train(ds: AnnotationDataset, form: MoEForm) -> MoEResult:
    """Train DEM-MoE and the chosen baselines with a progress bar; keep the result.

    Raises:
        ValueError, KeyError, ImportError, FloatingPointError: With a message for the page.
    """
    run_cfg, moe_cfg = _configs(form)
    fp = run_key(ds)
    emb = item_embeddings(ds.fingerprint(), ds, get_text_encoder())
    bar = ProgressBar("Training")
    seeds = [int(form.seed) + k for k in range(max(1, int(form.over_seeds)))]
    try:
        results = run_over_seeds(
            ds, emb.item_ids, emb.vectors, run_cfg, seeds, bar, {"moe": DemMoE(moe_cfg)}
        )
    finally:
        bar.done()
    store_result(RESULT, fp, results[0])
    store_result(SEEDS, fp, (seeds, [r.predictions for r in results]))
    keep_run(ds, results, seeds, run_cfg, moe_cfg)
    return results[0]


def seed_summary(ds: AnnotationDataset) -> tuple[pd.DataFrame, dict[str, Any]] | None:
    """MAE over seeds per model and DEM-MoE against the next-lowest mean MAE (pooled test).

    None unless the last training ran over two or more seeds.
    """
    from analysis.moe import compare_over_seeds, compute_seed_table

    stored = session_result(SEEDS, run_key(ds))
    if stored is None or len(stored[0]) < 2:
        return None
    seeds, preds = stored
    table = compute_seed_table(preds, seeds)
    others = table.loc[table["model"] != "DEM-MoE", "model"]
    if others.empty or "DEM-MoE" not in set(table["model"]):
        return table, {}
    return table, compare_over_seeds(preds, seeds, "DEM-MoE", str(others.iloc[0]))


def stored_result(ds: AnnotationDataset, restore: bool = True) -> MoEResult | None:
    """This session's comparison for ``ds``: trained here, or the newest kept run.

    None when there is neither; ``restore=False``: this session's only (the Home page's
    report loads no kept run).
    """
    if restore and session_result(RESULT, run_key(ds)) is None:
        RUNS.restore_latest(ds)
    return session_result(RESULT, run_key(ds))


def comparison_report(ds: AnnotationDataset, min_group_size: int) -> Any:
    """The DEM-MoE report of the stored result (computed once per result and threshold)."""
    from analysis.moe.report import report_for_result

    return derived(
        RESULT,
        run_key(ds),
        "report",
        int(min_group_size),
        lambda result: report_for_result(result, min_group_size=int(min_group_size)),
    )


def training_history(model: DemMoE) -> pd.DataFrame:
    """DEM-MoE's loss terms per epoch with the phase it was in."""
    hist = pd.DataFrame(model.history_.epochs)
    phases = pd.DataFrame(model.phase_log_)
    if not phases.empty:
        hist = hist.merge(phases[["epoch", "phase"]], on="epoch", how="left")
    return hist


def show_seed_summary(ds: AnnotationDataset) -> None:
    """The verdict over seeds and the MAE-over-seeds table (nothing after a one-seed run)."""
    over = seed_summary(ds)
    if over is None:
        return
    seed_table, pooled = over
    if pooled:
        verdict = "significantly" if pooled["significant"] else "not significantly"
        st.markdown(
            f"Over {pooled['n_seeds']} seeds, DEM-MoE's MAE differs from the next-best "
            f"(**{pooled['rival']}**) by {pooled['diff_mean']:+.3f} on average (SD "
            f"{pooled['diff_sd']:.3f}; pooled sign-flip p = {pooled['p_value']:.3f}): "
            f"{verdict} different."
        )
    fit_table(seed_table, key="moe_seed_table")
    download_table(seed_table, "MAE over seeds", key="moe_dl_seeds")


SIGNIFICANCE_HELP = (
    "- **The test**: DEM-MoE's MAE minus the next-best model's, on the same test ratings; 95% "
    "CI from a paired bootstrap over items, p from a sign-flip test over items (each item's "
    "paired difference flipped at random, 1,000 times): a real null test.\n"
    "- **Δ MAE**: each model's MAE minus DEM-MoE's (positive = DEM-MoE is better)."
)
"""What the comparison's test and Δ column mean (markdown)."""


def model_table_view(models: pd.DataFrame, focus: str = "DEM-MoE") -> tuple[pd.DataFrame, dict]:
    """The model table with its key columns first (MAE, CI, Δ vs ``focus``) and readable names.

    Item-level and seen / unseen columns stay in the download and the seen-vs-unseen tab.
    """
    view = models[["model", "mae"]].copy()
    view["ci"] = [f"{lo:.3f}–{hi:.3f}" for lo, hi in zip(models["ci_low"], models["ci_high"])]
    mae = models.set_index("model")["mae"]
    if focus in mae.index:
        view["delta"] = view["mae"] - float(mae[focus])
    view["pearson"] = models["pearson"]
    view["emd"] = models["emd"]
    config = {
        "model": st.column_config.TextColumn("model", width="medium"),
        "mae": st.column_config.NumberColumn("MAE", format="%.3f"),
        "ci": st.column_config.TextColumn("95% CI"),
        "delta": st.column_config.NumberColumn(f"Δ vs {focus}", format="%+.3f"),
        "pearson": st.column_config.NumberColumn("Pearson r", format="%.3f"),
        "emd": st.column_config.NumberColumn("EMD", format="%.3f"),
    }
    return view, config
