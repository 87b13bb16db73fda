"""Value profiles: natural-language rater profiles, a decoder, and a live profile editor."""

from dataclasses import replace

import numpy as np
import pandas as pd
import streamlit as st

from analysis.profiles.metrics import (
    compute_item_uncertainty,
    compute_jury,
    compute_prediction_shift,
    compute_reliability,
    compute_usable_information,
    expected_calibration_error,
    information_preserved,
    jury_correlation,
    summarise_distribution,
)
from analysis.profiles.plots import (
    plot_distribution_shift,
    plot_jury,
    plot_reliability,
    plot_uncertainty_scatter,
    plot_usable_information,
)
from engines.data.schema import ANNOTATOR_ID, IS_SYNTHETIC, ITEM_ID, LABEL_CODE, VALUE_PROFILE
from engines.profiles.decoder import ROLE
from engines.profiles.workflow import (
    ProfileRunConfig,
    cluster_representation,
    evaluate_representations,
    fit_app_decoder,
    supplied_profiles,
    write_llm_profiles,
)
from engines.text.encoders import DEFAULT_MODEL
from ui.downloads import download_table, show_figure
from ui.profiles import (
    CLUSTERS,
    EVALUATION,
    FITTED,
    decoder_settings,
    jury_predictions,
    predict_text,
    prepared,
    session_result,
    store_result,
)
from ui.progress import ProgressBar
from ui.state import ensure_dataset, get_origin
from ui.widgets import dataset_banner

st.title("Value profiles")
st.caption(
    "A **value profile** is a short natural-language description of what a rater cares about. "
    "A decoder predicts each rater's label distribution for every item from (item, profile); "
    "edit a profile and the predictions update without retraining (value-profiles paper)."
)
ds = ensure_dataset()
dataset_banner(ds, get_origin())

if ds.has(IS_SYNTHETIC) and (ds.df[IS_SYNTHETIC] == 1).any():
    if st.toggle("Human raters only", value=True, key="vp_human_only"):
        ds = type(ds)(
            ds.df[ds.df[IS_SYNTHETIC] != 1].reset_index(drop=True),
            ds.scale,
            ds.demographics,
            ds.name,
            ds.issues,
            ds.n_rows_in,
        )
fp_key = ds.fingerprint()
classes = np.asarray(ds.scale.classes, dtype=float) if ds.scale.is_numeric else None

# ---------------------------------------------------------------- 1. train the decoder
st.subheader("1 · Profiles and decoder")
with st.form("vp_train_form"):
    sources = ["Written from ratings (offline)", "Supplied profiles", "LLM endpoint (optional)"]
    source = st.radio(
        "Where profiles come from",
        sources,
        horizontal=True,
        key="vp_source",
        help="Offline: item themes (k-means + c-TF-IDF keywords) and how the rater deviates "
        "from the item means per theme, plus distinctive rationale words and value tags. "
        "Supplied: a value_profile column or an annotator -> profile CSV. LLM: the paper's "
        "encoder prompt sent to an OpenAI-compatible endpoint you run (off by default).",
    )
    prof_file = st.file_uploader(
        "Annotator -> profile CSV (for 'Supplied profiles' when the data has no "
        "value_profile column)",
        type=["csv"],
        key="vp_profiles_csv",
    )
    c1, c2, c3 = st.columns(3)
    llm_url = c1.text_input("LLM base URL", "http://127.0.0.1:8000/v1", key="vp_llm_url")
    llm_model = c2.text_input("LLM model", "", key="vp_llm_model")
    llm_timeout = c3.number_input("LLM timeout (s)", 1, 600, 60, key="vp_llm_timeout")
    task = st.text_input(
        "Task description (LLM prompt)", "Rate how offensive this text is.", key="vp_task"
    )
    run_cfg = decoder_settings()
    train = st.form_submit_button("Write profiles and train the decoder", type="primary")

if train:
    supplied, rep = None, "profile"
    try:
        if source == sources[1]:
            if prof_file is not None:
                supplied = supplied_profiles(pd.read_csv(prof_file, keep_default_na=False))
            elif ds.has(VALUE_PROFILE):
                supplied = supplied_profiles(ds.df)
            else:
                raise ValueError(
                    "No profiles supplied: upload an annotator -> profile CSV or map a "
                    "value_profile column on the Data page."
                )
            rep = "supplied"
        elif source == sources[2]:
            from engines.text.llm import LLMError, OpenAICompatibleBackend

            if not llm_model.strip():
                raise ValueError("Enter the model name your LLM endpoint serves.")
            backend = OpenAICompatibleBackend(llm_url, llm_model, timeout_s=float(llm_timeout))
            bar = ProgressBar("Writing profiles with the LLM")
            try:
                supplied = write_llm_profiles(
                    ds, backend, ProfileRunConfig(), task, on_progress=lambda d, t, _: bar(d, t)
                )
            except LLMError as exc:
                bar.done()
                st.error(f"The LLM backend failed: {exc}")
                st.stop()
            bar.done()
            rep = "supplied"
    except ValueError as exc:
        st.error(str(exc))
        st.stop()
    prep = prepared(fp_key, ds, DEFAULT_MODEL)
    bar = ProgressBar("Training the decoder")
    try:
        fitted = fit_app_decoder(ds, prep, run_cfg, rep, supplied, on_epoch_end=bar.on_epoch_end)
    except (FileNotFoundError, OSError, ValueError) as exc:
        bar.done()
        st.error(f"The decoder could not be trained: {exc}")
        st.stop()
    bar.done()
    store_result(FITTED, fp_key, fitted)
    st.session_state.pop(CLUSTERS, None)

fitted = session_result(FITTED, fp_key)
if fitted is None:
    st.info("Train the decoder to see profiles, the live editor and the analyses.")
    st.stop()

hist = fitted.decoder.history_
st.success(
    f"Decoder trained in {fitted.seconds:.1f} s on {len(fitted.partition):,} ratings of "
    f"{len(fitted.profiles):,} raters with the {fitted.config.decoder_kind} decoder "
    f"(best epoch {hist.best_epoch}, validation loss {hist.best_val_loss:.3f} nats)."
)
items = fitted.items
counts = fitted.partition.groupby(ANNOTATOR_ID).size()
profile_table = pd.DataFrame(
    {
        ANNOTATOR_ID: list(fitted.profiles),
        "n_ratings": [int(counts.get(r, 0)) for r in fitted.profiles],
        "value_profile": list(fitted.profiles.values()),
    }
)
with st.expander(f"Raters and their profiles ({len(profile_table):,})", expanded=False):
    st.dataframe(
        profile_table,
        hide_index=True,
        key="vp_profiles_table",
        column_config={"value_profile": st.column_config.TextColumn(width="large")},
    )
    download_table(profile_table, "value profiles", key="vp_dl_profiles")
    st.caption(
        "Each profile is written from the rater's *fit* ratings only; the decoder learns from "
        "their other (*eval*) ratings, so it cannot simply memorise the profile's source."
    )

# ---------------------------------------------------------------- 2. live editor
st.subheader("2 · Live profile editor")
raters = sorted(fitted.profiles)
choice = st.selectbox("Start from", ["(blank profile)", *raters], index=1, key="vp_rater")
original = "" if choice == "(blank profile)" else fitted.profiles[choice]
edit_key = f"vp_edit_{choice}"


def _reset() -> None:
    st.session_state[edit_key] = original


st.session_state.setdefault(edit_key, original)
text = st.text_area(
    "Profile text (edit freely; predictions update when you leave the box or press Ctrl+Enter)",
    key=edit_key,
    height=150,
)
st.button("Reset to the original profile", on_click=_reset, key="vp_reset")
model_id = id(fitted)
p_before = predict_text(fp_key, model_id, original, fitted)
p_after = predict_text(fp_key, model_id, text, fitted)
shift = compute_prediction_shift(
    items[ITEM_ID].tolist(), items["text"].tolist(), p_before, p_after, classes
)
moved = int((shift["delta"].abs() > 0.25).sum()) if classes is not None else None
m = st.columns(3)
if classes is not None:
    m[0].metric(
        "Mean expected label",
        f"{float((p_after @ classes).mean()):.2f}",
        delta=f"{float(((p_after - p_before) @ classes).mean()):+.2f}",
        help="Average over all items of the predicted expected label under the edited profile.",
    )
    m[1].metric(
        "Items moved by > 0.25",
        f"{moved:,}",
        help="Items whose expected label changed by more than a quarter of a rating point.",
    )
m[2].metric(
    "Mean Jensen–Shannon change",
    f"{float(shift['js_divergence'].mean()):.4f}",
    help="Average divergence between the original and edited predicted distributions (nats).",
)
c1, c2 = st.columns([2, 3])
with c1:
    show_figure(
        plot_distribution_shift(
            summarise_distribution(p_before, ds.scale.classes),
            summarise_distribution(p_after, ds.scale.classes),
        ),
        "predicted label distribution before and after the edit",
        key="vp_fig_shift",
    )
with c2:
    st.markdown("**Items that moved most**")
    st.dataframe(
        shift.head(15),
        hide_index=True,
        key="vp_moved",
        column_config={"text": st.column_config.TextColumn(width="large")},
    )
preds = pd.DataFrame(p_after, columns=[f"p({c})" for c in ds.scale.classes])
preds.insert(0, "text", items["text"].to_numpy())
preds.insert(0, ITEM_ID, items[ITEM_ID].to_numpy())
download_table(preds, "predictions for the edited profile", key="vp_dl_preds")

# ---------------------------------------------------------------- 3. representations
st.subheader("3 · Which representation carries information?")
st.caption(
    "Usable information I(g → Y | X) = held-out loss without rater information minus the loss "
    "with representation g, in nats, on raters never seen in training (Algorithm 1); bars show "
    "95% intervals over seeded 50/50 rater splits. Information preserved = I(profile) / "
    "I(examples) (paper eq. 3)."
)
with st.form("vp_eval_form"):
    c1, c2, c3 = st.columns(3)
    n_seeds = c1.slider("Seeds (rater splits)", 2, 10, 3, key="vp_seeds")
    n_clusters = c2.multiselect("Profile clusters", [2, 4, 8], default=[2], key="vp_nclusters")
    single_demo = c3.checkbox(
        "Single demographics", value=bool(ds.demographics), key="vp_single_demo"
    )
    go_eval = st.form_submit_button("Compare representations")
if go_eval:
    reps = ["none", "demographics", "profile", "examples"]
    if not ds.demographics:
        reps.remove("demographics")
    if fitted.decoder.representation_.name == "supplied":
        reps.append("supplied")
    reps += [f"clusters-{c}" for c in n_clusters]
    if single_demo:
        reps += [f"demo:{d}" for d in ds.demographics]
    cfg = replace(fitted.config, seeds=tuple(range(n_seeds)), representations=tuple(reps))
    bar = ProgressBar("Training decoders")
    supplied = fitted.profiles if "supplied" in reps else None
    ev = evaluate_representations(
        ds, prepared(fp_key, ds, DEFAULT_MODEL), cfg, supplied, lambda d, t, _: bar(d, t)
    )
    bar.done()
    store_result(EVALUATION, fp_key, ev)
ev = session_result(EVALUATION, fp_key)
if ev is None:
    st.info("Run the comparison to see usable information, calibration and clusters vs groups.")
else:
    usable = compute_usable_information(ev.losses[["seed", "representation", "loss"]])
    c1, c2 = st.columns([3, 2])
    with c1:
        show_figure(plot_usable_information(usable), "usable information", key="vp_fig_ui")
    with c2:
        preserved = information_preserved(usable, "profile", "examples")
        ex = usable.set_index("representation")["ci_low"].get("examples", np.nan)
        # The ratio is only meaningful when the examples carry information (CI above 0).
        shown = "n/a" if np.isnan(preserved) or not ex > 0 else f"{preserved:.0%}"
        st.metric(
            "Information preserved (profile / examples)",
            shown,
            help="Share of the examples' usable information that the profile text keeps "
            "(n/a when the examples' interval includes 0, so the ratio is undefined).",
        )
        st.dataframe(usable.round(4), hide_index=True, key="vp_ui_table")
        download_table(usable, "usable information", key="vp_dl_ui")
    cal_options = list(ev.predictions)
    rep_cal = st.selectbox(
        "Calibration of the decoder for",
        cal_options,
        index=cal_options.index("profile") if "profile" in cal_options else 0,
        key="vp_cal_rep",
    )
    probs, y = ev.predictions[rep_cal]
    ece = expected_calibration_error(probs, y)
    c1, c2 = st.columns([3, 2])
    with c1:
        show_figure(
            plot_reliability(compute_reliability(probs, y), ece),
            "reliability diagram",
            key="vp_fig_cal",
        )
    with c2:
        st.metric(
            "Expected calibration error",
            f"{ece:.3f}",
            help="Mean |accuracy − confidence| over 10 confidence bins, weighted by bin size "
            "(top label, held-out raters, first seed). 0 = perfectly calibrated.",
        )

# ---------------------------------------------------------------- 4. clusters
st.subheader("4 · Profile clusters (Algorithm 2)")
st.caption(
    "Greedy search for C candidate profiles such that assigning every rater to the profile "
    "that best predicts their fit ratings minimises the total loss."
)
n_c = st.select_slider("Number of clusters", [2, 3, 4, 6, 8], value=2, key="vp_clusters_c")
clusters = session_result(CLUSTERS, fp_key)
if clusters is None or clusters[0] != n_c:
    fit_rows = fitted.partition[fitted.partition[ROLE] == "fit"]
    _, frame = cluster_representation(
        fitted.decoder,
        fitted.profiles,
        fit_rows,
        sorted(fitted.profiles),
        n_c,
        fitted.config.n_candidates,
    )
    clusters = (n_c, frame)
    store_result(CLUSTERS, fp_key, clusters)
frame = clusters[1]
summary = (
    frame.groupby(["cluster", "profile"]).size().rename("n_raters").reset_index()
    if len(frame)
    else frame
)
st.dataframe(
    summary,
    hide_index=True,
    key="vp_cluster_table",
    column_config={"profile": st.column_config.TextColumn(width="large")},
)
download_table(frame, "cluster assignments", key="vp_dl_clusters")
if ds.demographics:
    attr = st.selectbox("Cluster make-up by", ds.demographics, key="vp_cluster_attr")
    makeup = pd.crosstab(
        frame["cluster"], frame[ANNOTATOR_ID].map(ds.annotators().set_index(ANNOTATOR_ID)[attr])
    )
    st.dataframe(makeup, key="vp_cluster_makeup")

# ---------------------------------------------------------------- 5. uncertainty and jury
st.subheader("5 · Uncertainty and simulated juries")
jurors, grid = jury_predictions(fp_key, fitted)
unc = compute_item_uncertainty(items[ITEM_ID].tolist(), fitted.prior_probs(), grid)
observed = ds.df[[ITEM_ID, LABEL_CODE]]
majority = observed.groupby(ITEM_ID)[LABEL_CODE].agg(lambda s: s.mode().iloc[0])
c1, c2 = st.columns(2)
with c1:
    colour = items[ITEM_ID].map(majority).map(lambda c: str(ds.scale.classes[int(c)]))
    show_figure(
        plot_uncertainty_scatter(unc, items["text"], colour.rename("majority label")),
        "item uncertainty",
        key="vp_fig_unc",
    )
    st.caption(
        f"Total = entropy of the no-information prediction; aleatoric = mean entropy given "
        f"each of {len(jurors)} rater profiles; value-epistemic = total − aleatoric, the "
        "uncertainty that knowing a rater's values removes (appendix D.1). Hover for the text."
    )
    download_table(unc, "item uncertainty", key="vp_dl_unc")
with c2:
    min_ann = max(2, int(observed.groupby(ITEM_ID).size().median()))
    jury = compute_jury(items[ITEM_ID].tolist(), grid, observed, min_annotations=min_ann)
    corr = jury_correlation(jury) if len(jury) > 2 else {"r": float("nan")}
    show_figure(plot_jury(jury, corr.get("r")), "simulated jury", key="vp_fig_jury")
    st.caption(
        f"For items with at least {min_ann} ratings: predicted probability that two simulated "
        "raters (profiles drawn from the jury) agree vs the observed share of agreeing rater "
        "pairs."
    )
    download_table(jury, "simulated jury", key="vp_dl_jury")
