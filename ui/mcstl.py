"""The Value calibration page's wrappers: configs from the form, training, the derived tables.

Pages reach the MC-STL engines only through here (DESIGN.md section 1). The tables derived from
a trained result (the Table 1 comparison, the per-group calibration, the cluster summaries and
the rationale map) are computed once per result, not on every rerun of the page.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st

from engines.data.schema import RATIONALE, AnnotationDataset
from engines.mcstl import MCSTLConfig, MCSTLResult, MCSTLRunConfig, run_mcstl
from engines.mcstl.variants import VARIANT_NAMES
from ui.cache import get_embedding_cache, get_encoder, item_embeddings
from ui.mcstl_runs import RESULT, RUNS, keep_run
from ui.profiles import LLMSettings, llm_backend
from ui.progress import ProgressBar
from ui.state import (
    derived,
    get_text_encoder,
    result_token,
    run_key,
    session_result,
    store_result,
)

__all__ = [
    "BASELINES",
    "RESULT",
    "SOURCE_LABELS",
    "McstlForm",
    "McstlTables",
    "cluster_help",
    "evaluated_on",
    "small_test_hint",
    "slope_table",
    "llm_summaries",
    "stored_summaries",
    "stored_result",
    "tables",
    "train",
    "training_summary",
]

BASELINES = {"no_info": "∅ (no clusters)", "majority": "Maj(Y) (majority labels)"}
SOURCE_LABELS = {
    "rationale": "Rater rationales (clustered)",
    "tags": "Expert value tags (value_tags)",
    "demographics": "Sociocultural cross-sections (demographics)",
}


@dataclass(frozen=True)
class McstlForm:
    """The form's values."""

    source: str
    demographics: tuple[str, ...] = ()
    rationale_method: str = "kmeans"
    rationale_k: int = 0
    """0: chosen by silhouette."""
    max_epochs: int = 40
    seed: int = 0
    folds: int = 0
    """0: the test split; 3 or more: cross-fitting over that many item folds."""
    dispersion: bool = False
    """Location-scale CORAL (items may differ in how widely their labels spread)."""
    variants: tuple[str, ...] = ("mcstl", "no_info", "majority")


def _embedder():  # noqa: ANN202 - engines.text.Embedder
    from engines.text.embed import embed_with

    return embed_with(get_encoder(get_text_encoder()), get_embedding_cache())


def train(ds: AnnotationDataset, form: McstlForm) -> MCSTLResult:
    """Cluster, train MC-STL and its baselines with a progress bar; keep the result.

    Raises:
        ValueError, KeyError: With a message for the page.
    """
    cfg = MCSTLRunConfig(
        source=form.source,  # type: ignore[arg-type]
        demographics=tuple(form.demographics) or None,
        rationale_method=form.rationale_method,  # type: ignore[arg-type]
        rationale_k=form.rationale_k or None,
        model=MCSTLConfig(dispersion=form.dispersion).with_train(max_epochs=int(form.max_epochs)),
        seed=int(form.seed),
        folds=int(form.folds),
        variants=tuple(form.variants),  # type: ignore[arg-type]
    )
    emb = item_embeddings(ds.fingerprint(), ds, get_text_encoder())
    bar = ProgressBar("Training")
    try:
        result = run_mcstl(ds, emb.item_ids, emb.vectors, cfg, _embedder(), bar)
    finally:
        bar.done()
    store_result(RESULT, run_key(ds), result)
    keep_run(ds, result, cfg)
    return result


def stored_result(ds: AnnotationDataset, restore: bool = True) -> MCSTLResult | None:
    """This session's comparison for ``ds``: trained here, or the newest kept run.

    None when there is neither; ``restore=False``: this session's only (the Home page's
    report loads no kept run).
    """
    if restore and session_result(RESULT, run_key(ds)) is None:
        RUNS.restore_latest(ds)
    return session_result(RESULT, run_key(ds))


@dataclass(frozen=True)
class McstlTables:
    """Every table the page shows for one result."""

    results: pd.DataFrame
    calibration: pd.DataFrame
    points: pd.DataFrame
    summary: pd.DataFrame
    rationale_map: pd.DataFrame


def tables(ds: AnnotationDataset, makeup: str | None) -> McstlTables | None:
    """The derived tables of the stored result (computed once per result and make-up column)."""
    return derived(
        RESULT, run_key(ds), "tables", makeup, lambda r: _tables(r, makeup, ds.demographics)
    )


def _tables(result: MCSTLResult, makeup: str | None, demographics: tuple[str, ...]) -> McstlTables:
    from analysis.mcstl import (
        compute_calibration,
        compute_calibration_points,
        compute_cluster_summary,
        compute_rationale_map,
        compute_results_table,
        label_tasks,
        readable_cluster_names,
    )

    names = result.clusters.names
    preds, member = result.predictions, result.membership
    rows = result.train_rows
    emb = centroids = None
    present = np.zeros(len(rows), bool)
    if result.rationale_model is not None and RATIONALE in rows.columns:
        texts = rows[RATIONALE].fillna("").astype(str)
        present = (texts.str.strip() != "").to_numpy()
        emb = np.zeros((len(rows), result.rationale_model.centroids_.shape[1]))
        if present.any():
            emb[present] = _embedder()(texts[present].tolist())
        centroids = result.rationale_model.centroids_
    summary = compute_cluster_summary(
        rows, result.clusters.membership, names, emb, centroids, makeup
    )
    if result.rationale_model is not None:  # "cluster 1 (hurt, harm)": readable everywhere
        readable = dict(zip(summary["cluster"], readable_cluster_names(summary), strict=True))
        names = tuple(readable.get(n, n) for n in names)
        summary = summary.assign(cluster=summary["cluster"].map(readable))
    rationale_map = pd.DataFrame()
    if emb is not None and present.any():
        texts = rows[RATIONALE].fillna("").astype(str)
        cluster = result.clusters.membership.argmax(1)
        groups = rows.loc[present, [c for c in demographics if c in rows.columns]]
        rationale_map = compute_rationale_map(
            texts[present], emb[present], cluster[present], rows["label"][present], names,
            groups=groups,
        )  # fmt: skip
    return McstlTables(
        results=compute_results_table(preds, member, names),
        calibration=label_tasks(compute_calibration(preds, member, names), result.class_names),
        points=label_tasks(compute_calibration_points(preds, member, names), result.class_names),
        summary=summary,
        rationale_map=rationale_map,
    )


SUMMARIES = "mcstl_llm_summaries"


def llm_summaries(ds: AnnotationDataset, result: MCSTLResult, llm: LLMSettings) -> pd.DataFrame:
    """Ask the LLM for a summary of each cluster's rationales (appendix A.3); keep them.

    Raises:
        ValueError: Without rationales, or with a message from the backend.
    """
    from engines.mcstl import summarise_clusters
    from engines.text.llm import LLMError

    rows = result.train_rows
    if RATIONALE not in rows.columns:
        raise ValueError("The dataset has no rationales to summarise.")
    texts = rows[RATIONALE].fillna("").astype(str)
    member = result.clusters.membership > 0
    groups = {name: texts[member[:, k]].tolist() for k, name in enumerate(result.clusters.names)}
    bar = ProgressBar("Summarising clusters")
    try:
        summaries = summarise_clusters(groups, llm_backend(llm), bar)
    except LLMError as exc:
        raise ValueError(f"The LLM backend failed: {exc}") from exc
    finally:
        bar.done()
    table = pd.DataFrame({"cluster": list(summaries), "summary": list(summaries.values())})
    st.session_state[SUMMARIES] = (result_token(RESULT, run_key(ds)), table)
    return table


def stored_summaries(ds: AnnotationDataset) -> pd.DataFrame | None:
    """The LLM summaries of the current result's clusters (None before any)."""
    kept = st.session_state.get(SUMMARIES)
    token = result_token(RESULT, run_key(ds))
    return kept[1] if kept is not None and token is not None and kept[0] == token else None


def training_summary(result: MCSTLResult) -> str:
    """One line on what was trained on what."""
    sizes, n = result.split_sizes, len(result.models)
    seconds = sum(result.fit_seconds.values())
    clusters = f"{len(result.clusters.names)} value clusters"
    if "folds" in sizes:
        return (
            f"Trained {n} models on each of {sizes['folds']} item folds ({sizes['test']:,} "
            f"annotations, each predicted by models that never saw its item) in {seconds:.0f} s, "
            f"with {clusters}."
        )
    return (
        f"Trained {n} models on {sizes['train']:,} training annotations (dev {sizes['dev']:,}, "
        f"test {sizes['test']:,}) in {seconds:.0f} s, with {clusters}."
    )


def small_test_hint(result: MCSTLResult, below: int = 2000) -> str | None:
    """A hint to cross-fit when the test split is small (None otherwise)."""
    sizes = result.split_sizes
    if "folds" in sizes or sizes.get("test", below) >= below:
        return None
    per_group = sizes["test"] / max(len(result.clusters.names), 1)
    return (
        f"The test split holds {sizes['test']:,} annotations (about {per_group:,.0f} per value "
        "group), so each group's calibration line rests on few points and its slope is noisy. "
        "Evaluate on 5-fold cross-fitting (settings) to score every annotation."
    )


def slope_table(calibration: pd.DataFrame, task: str) -> pd.DataFrame:
    """One sub-task's slopes with their intervals, per model and group, for the page."""
    rows = calibration[calibration["task"] == task]
    return rows.assign(model=rows["variant"].map(lambda v: VARIANT_NAMES.get(str(v), str(v))))[
        ["model", "group", "n", "slope", "slope_low", "slope_high", "bias"]
    ]


def evaluated_on(result: MCSTLResult) -> str:
    """``"test split"`` or ``"out of fold, F folds"``, for section titles."""
    folds = result.split_sizes.get("folds")
    return f"out of fold, {folds} folds" if folds else "test split"


def cluster_help(source: str) -> str:
    """One line on what a cluster of this source is."""
    return {
        "rationale": "Annotations whose free-text rationales are close in meaning (k-means or "
        "UMAP → HDBSCAN over sentence embeddings); a test annotation joins the nearest centroid.",
        "tags": "One cluster per expert value tag; an annotation with several tags is in each.",
        "demographics": "One cluster per cross-section of the chosen annotator columns; "
        "cross-sections below the privacy minimum are merged.",
    }[source]
