"""The Value profiles page's wrappers: training, the live editor, comparisons, clusters.

Pages reach the value-profile engines only through here (DESIGN.md section 1). Results are
kept per session (``ui.state``); predictions for an edited profile are memoised per run token
and text (``ui.cache.predict_text``); clusters are computed once per trained decoder. The
uncertainty decomposition and the simulated jury come from the comparison (held-out raters).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st

from analysis.report.profiles import rater_profiles
from engines.data.importers import read_upload
from engines.data.schema import ITEM_ID, VALUE_PROFILE, AnnotationDataset
from engines.profiles import (
    ROLE,
    Evaluation,
    FittedProfiles,
    ProfileRunConfig,
    cluster_representation,
    evaluate_representations,
    fit_app_decoder,
    supplied_profiles,
    write_llm_profiles,
)
from ui.cache import predict_text, prepared_profiles
from ui.decoder_form import RETEACH, model_folder
from ui.layout import fit_table
from ui.profiles_runs import FITTED, RUNS, keep_run
from ui.progress import ProgressBar
from ui.state import derived, get_text_encoder, result_token, run_key, session_result, store_result

EVALUATION = "profiles_evaluation"
SOURCES = ("Written from ratings (offline)", "Supplied profiles", "LLM endpoint (optional)")

__all__ = [
    "llm_backend",
    "EVALUATION",
    "FITTED",
    "SOURCES",
    "LLMSettings",
    "compare_representations",
    "edit_predictions",
    "predictions_table",
    "profile_clusters",
    "profile_table",
    "stored_evaluation",
    "show_statement_effects",
    "stored_fitted",
    "train_decoder",
    "training_summary",
]


@dataclass(frozen=True)
class LLMSettings:
    """The optional LLM endpoint the page's form names."""

    url: str
    model: str
    timeout_s: float
    task: str
    api_key: str | None = None
    """A key typed in this session (required for a typed URL); None: an operator endpoint."""


def _supplied(ds: AnnotationDataset, upload: Any | None) -> dict[str, str]:
    if upload is not None:
        # The importer's reader: cells as written, surplus fields an error (an unquoted comma in
        # a profile would otherwise shift it into another column).
        return supplied_profiles(read_upload(upload.getvalue(), upload.name))
    if ds.has(VALUE_PROFILE):
        return supplied_profiles(ds.df)
    raise ValueError(
        "No profiles supplied: upload an annotator -> profile CSV or map a value_profile "
        "column on the Data page."
    )


def llm_backend(llm: LLMSettings):  # noqa: ANN201 - engines.text.llm.OpenAICompatibleBackend
    """The OpenAI-compatible backend of the form's settings.

    Raises:
        ValueError: Without an endpoint, a typed URL's own key, or a model name.
    """
    from engines.text.llm import OpenAICompatibleBackend

    if not llm.url.strip():
        raise ValueError("Choose an LLM endpoint (or type one with its key).")
    if llm.api_key is not None and not llm.api_key.strip():
        raise ValueError(
            "A typed LLM URL needs its own API key (the operator's key is only sent to the "
            "operator's endpoints)."
        )
    if not llm.model.strip():
        raise ValueError("Enter the model name your LLM endpoint serves.")
    return OpenAICompatibleBackend(
        llm.url, llm.model, api_key=llm.api_key, timeout_s=float(llm.timeout_s)
    )


def _llm_profiles(ds: AnnotationDataset, llm: LLMSettings) -> dict[str, str]:
    from engines.text.llm import LLMError

    backend = llm_backend(llm)
    bar = ProgressBar("Writing profiles with the LLM")
    try:
        return write_llm_profiles(ds, backend, ProfileRunConfig(), llm.task, progress=bar)
    except LLMError as exc:
        raise ValueError(f"The LLM backend failed: {exc}") from exc
    finally:
        bar.done()


def train_decoder(
    ds: AnnotationDataset,
    source: str,
    run_cfg: ProfileRunConfig,
    upload: Any | None = None,
    llm: LLMSettings | None = None,
) -> FittedProfiles:
    """Write or read the profiles, train the decoder with a progress bar, keep the result.

    Raises:
        ValueError, OSError: With a message for the page.
    """
    if run_cfg.decoder_kind == "cross-encoder":  # a typed folder stays in the models dir
        ce = run_cfg.cross_encoder
        run_cfg = replace(run_cfg, cross_encoder=replace(ce, model=model_folder(ce.model)))
    supplied, rep = None, "profile"
    if source == SOURCES[1]:
        supplied, rep = _supplied(ds, upload), "supplied"
    elif source == SOURCES[2]:
        if llm is None:
            raise ValueError("The LLM source needs an endpoint.")
        supplied, rep = _llm_profiles(ds, llm), "supplied"
    prep = prepared_profiles(ds.fingerprint(), ds, get_text_encoder())
    if run_cfg.decoder_kind == "statements" and st.session_state.get(RETEACH):
        prep.taught.forget()  # the researcher asked for the curriculum to be taught again
    bar = ProgressBar("Training the decoder")
    try:
        fitted = fit_app_decoder(ds, prep, run_cfg, rep, supplied, progress=bar)
    finally:
        bar.done()
    store_result(FITTED, run_key(ds), fitted)
    keep_run(ds, fitted)
    return fitted


def training_summary(fitted: FittedProfiles) -> str:
    """One sentence: how long, on what, which decoder, and its held-out cross-entropy."""
    hist = fitted.decoder.history_
    best = hist.epochs[hist.best_epoch - 1] if hist.epochs else {}
    nats = best.get("val_ce", hist.best_val_loss)
    return (
        f"Decoder trained in {fitted.seconds:.1f} s on {len(fitted.partition):,} ratings of "
        f"{len(fitted.profiles):,} raters with the {fitted.config.decoder_kind} decoder "
        f"(best epoch {hist.best_epoch}, validation cross-entropy {nats:.3f} nats)"
        + ("; typed edits are read by the edit reader." if fitted.reader is not None else ".")
        + _curriculum_note(fitted)
    )


def _curriculum_note(fitted: FittedProfiles) -> str:
    """Whether the statement decoder's edit curriculum was taught now or read from disk."""
    dec = fitted.decoder
    if getattr(dec, "taught_net_", None) is None:
        return ""
    if dec.lesson_history_ is None:
        return (
            " The edit curriculum was reused from the cache (taught once for this dataset and "
            "encoder); tick 'Teach the edit curriculum again' to retrain it."
        )
    return " The edit curriculum was taught now and kept in the cache for later sessions."


def stored_fitted(ds: AnnotationDataset, restore: bool = True) -> FittedProfiles | None:
    """This session's decoder for ``ds``: trained here, or the newest kept one.

    None when there is neither; ``restore=False``: this session's only (the Home page's
    report loads no kept run).
    """
    if restore and session_result(FITTED, run_key(ds)) is None:
        RUNS.restore_latest(ds)
    return session_result(FITTED, run_key(ds))


def profile_table(fitted: FittedProfiles) -> pd.DataFrame:
    """``annotator_id, n_ratings, value_profile`` for every rater with a profile."""
    return rater_profiles(fitted)


def edit_predictions(
    ds: AnnotationDataset, fitted: FittedProfiles, original: str, text: str | None
) -> tuple[np.ndarray, np.ndarray | None]:
    """Every item's predicted distribution under the original and the edited profile.

    ``text=None``: the original's only (the edit reader's attribution predicts the edit).
    """
    token = result_token(FITTED, run_key(ds)) or ""
    before = predict_text(token, original, fitted)
    return before, None if text is None else predict_text(token, text, fitted)


def predictions_table(fitted: FittedProfiles, probs: np.ndarray, classes: tuple) -> pd.DataFrame:
    """``item_id, text, p(class)...`` for a download."""
    items = fitted.items
    table = pd.DataFrame(probs, columns=[f"p({c})" for c in classes])
    table.insert(0, "text", items["text"].to_numpy())
    table.insert(0, ITEM_ID, items[ITEM_ID].to_numpy())
    return table


def compare_representations(
    ds: AnnotationDataset,
    fitted: FittedProfiles,
    n_seeds: int,
    n_clusters: list[int],
    single_demographics: bool,
) -> Evaluation:
    """Algorithm 1 over the representations the form chose, with a progress bar; kept."""
    reps = ["none", "demographics", "profile", "examples"]  # the engine drops empty ones
    if fitted.decoder.representation_.name == "supplied":
        reps.append("supplied")
    reps += [f"clusters-{c}" for c in n_clusters]
    if single_demographics:
        reps += [f"demo:{d}" for d in ds.demographics]
    cfg = replace(fitted.config, seeds=tuple(range(n_seeds)), representations=tuple(reps))
    supplied = fitted.profiles if "supplied" in reps else None
    prep = prepared_profiles(ds.fingerprint(), ds, get_text_encoder())
    bar = ProgressBar("Training decoders")
    try:
        ev = evaluate_representations(ds, prep, cfg, supplied, progress=bar)
    finally:
        bar.done()
    store_result(EVALUATION, run_key(ds), ev)
    return ev


def stored_evaluation(ds: AnnotationDataset) -> Evaluation | None:
    """This session's representation comparison for ``ds`` (None before it ran)."""
    return session_result(EVALUATION, run_key(ds))


def profile_clusters(ds: AnnotationDataset, n_clusters: int) -> pd.DataFrame | None:
    """Algorithm 2's assignments for ``n_clusters`` (once per trained decoder and C)."""

    def compute(fitted: FittedProfiles) -> pd.DataFrame:
        fit_rows = fitted.partition[fitted.partition[ROLE] == "fit"]
        _, frame = cluster_representation(
            fitted.decoder,
            fitted.profiles,
            fit_rows,
            sorted(fitted.profiles),
            n_clusters,
            fitted.config.n_candidates,
        )
        return frame

    return derived(FITTED, run_key(ds), "clusters", int(n_clusters), compute)


def show_statement_effects(statements: pd.DataFrame) -> None:
    """The statement decoder's table of how each statement acts on the items, with a caption.

    Typed edits read by the edit reader have their own tables (``ui.edit_reading``).
    """
    st.markdown("**How each statement acts on the items**")
    fit_table(
        statements,
        key="vp_statements",
        column_config={
            "statement": st.column_config.TextColumn(width="large"),
            "items_concerned": st.column_config.NumberColumn("items concerned"),
            "share_concerned": st.column_config.ProgressColumn(
                "share of items", min_value=0.0, max_value=1.0, format="percent"
            ),
            "mean_effect": st.column_config.NumberColumn(
                "mean effect", format="%+.2f",
                help="Average push on the items it concerns, in cumulative logits "
                "(about one rating class per 1.5).",
            ),
        },
    )  # fmt: skip
    st.caption(
        "The decoder reads every statement on its own: an item attends to the statements "
        "about it (relevance ≥ 0.5 counts as concerned) and each pushes it up or down. "
        "'moved by' in the table below names the new statement that moved each item most."
    )
