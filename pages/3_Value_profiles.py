"""Value profiles: natural-language rater profiles, a decoder, and a live profile editor."""

import numpy as np
import streamlit as st

from analysis.profiles import (
    compute_reliability,
    compute_usable_information,
    expected_calibration_error,
    information_preserved,
    moved_nothing,
    plot_distribution_shift,
    plot_jury,
    plot_reliability,
    plot_uncertainty_scatter,
    plot_usable_information,
    summarise_distribution,
)
from ui.data import human_subset, synthetic_count
from ui.decoder_form import decoder_settings
from ui.downloads import download_table, show_figure
from ui.llm_form import llm_settings
from ui.profile_tables import (
    MIN_HELD_OUT,
    cluster_makeup,
    cluster_summary,
    edit_explanation,
    edit_shift,
    item_uncertainty,
    jury_table,
    majority_label,
    theme_table,
)
from ui.profiles import (
    SOURCES,
    compare_representations,
    edit_predictions,
    predictions_table,
    profile_clusters,
    profile_table,
    show_statement_effects,
    stored_evaluation,
    stored_fitted,
    train_decoder,
    training_summary,
)
from ui.state import ensure_dataset, get_origin, get_text_encoder
from ui.widgets import dataset_banner

st.title("Value profiles")
st.caption(
    "A **value profile** is a short natural-language description of what a rater cares about. "
    "A decoder predicts each rater's label distribution for every item from (item, profile); "
    "edit a profile and the predictions update without retraining (value-profiles paper)."
)
ds = ensure_dataset()
dataset_banner(ds, get_origin())

if synthetic_count(ds) and st.toggle("Human raters only", value=True, key="vp_human_only"):
    ds = human_subset(ds)
classes = np.asarray(ds.scale.classes, dtype=float) if ds.scale.is_numeric else None

# ---------------------------------------------------------------- 1. train the decoder
st.subheader("1 · Profiles and decoder")
with st.form("vp_train_form"):
    source = st.radio(
        "Where profiles come from",
        SOURCES,
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
    llm = llm_settings()
    run_cfg = decoder_settings()
    train = st.form_submit_button("Write profiles and train the decoder", type="primary")

if train:
    try:
        train_decoder(ds, source, run_cfg, upload=prof_file, llm=llm)
    except (FileNotFoundError, OSError, ValueError, FloatingPointError) as exc:
        st.error(f"The decoder could not be trained: {exc}")
        st.stop()

fitted = stored_fitted(ds)
if fitted is None:
    st.info("Train the decoder to see profiles, the live editor and the analyses.")
    st.stop()

st.success(training_summary(fitted))
items = fitted.items
profile_table = profile_table(fitted)
with st.expander(f"Raters and their profiles ({len(profile_table):,})", expanded=False):
    st.dataframe(
        profile_table,
        hide_index=True,
        key="vp_profiles_table",
        column_config={"value_profile": st.column_config.TextColumn(width="large")},
    )
    download_table(profile_table, "value profiles", key="vp_dl_profiles")
    themes = theme_table(fitted)
    if themes is not None:
        st.markdown("**Item themes the written profiles talk about** (hover an example)")
        st.dataframe(themes, hide_index=True, key="vp_themes")
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
if get_text_encoder().startswith("hashing"):
    st.warning(
        "The hashing encoder knows words, not meanings: the edit reader cannot tell "
        "'more' from 'less offensive' reliably, so edits may not move predictions the way "
        "they say. Use a sentence encoder (Data page) to edit profiles."
    )
p_before, p_after = edit_predictions(ds, fitted, original, text)
shift = edit_shift(fitted, p_before, p_after, classes)
statements, shift = edit_explanation(fitted, original, text, shift)
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
if text.strip() != original.strip() and moved_nothing(shift):
    st.warning(
        f"This edit moved no item measurably (largest change "
        f"{float(shift['delta'].abs().max()):.3f}). The decoder may not have understood it: "
        "name the topic and say the direction plainly, e.g. 'Jokes about religion are very "
        "offensive to me' or 'Swearing does not bother me'."
    )
if statements is not None:
    show_statement_effects(statements, by_reader=fitted.reader is not None)
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
preds = predictions_table(fitted, p_after, ds.scale.classes)
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
    try:
        compare_representations(ds, fitted, n_seeds, n_clusters, single_demo)
    except (ValueError, FloatingPointError) as exc:  # e.g. too few raters, divergence
        st.error(f"The comparison was not run: {exc}")
ev = stored_evaluation(ds)
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
        seen = ev.examples_summary()
        st.metric(
            "Information preserved (profile / examples)",
            shown,
            help="Share of the examples' usable information that the profile text keeps "
            "(n/a when the examples' interval includes 0, so the ratio is undefined).",
        )
        st.caption(
            f"Profiles and examples are built from the same fit ratings: a median of "
            f"{seen.get('median', 0):g} per rater ({seen.get('min', 0)}–{seen.get('max', 0)})."
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
            "(top label, held-out raters, first seed). 0 = perfectly calibrated. The embedding "
            "decoder divides its logits by a temperature fitted on its validation raters.",
        )

# ---------------------------------------------------------------- 4. clusters
st.subheader("4 · Profile clusters (Algorithm 2)")
st.caption(
    "Greedy search for C candidate profiles such that assigning every rater to the profile "
    "that best predicts their fit ratings minimises the total loss."
)
n_c = st.select_slider("Number of clusters", [2, 3, 4, 6, 8], value=2, key="vp_clusters_c")
frame = profile_clusters(ds, n_c)
summary = cluster_summary(frame)
st.dataframe(
    summary,
    hide_index=True,
    key="vp_cluster_table",
    column_config={"profile": st.column_config.TextColumn(width="large")},
)
download_table(frame, "cluster assignments", key="vp_dl_clusters")
if ds.demographics:
    attr = st.selectbox("Cluster make-up by", ds.demographics, key="vp_cluster_attr")
    st.dataframe(cluster_makeup(ds, frame, attr), key="vp_cluster_makeup")

# ---------------------------------------------------------------- 5. uncertainty and jury
st.subheader("5 · Uncertainty and simulated juries")
unc = item_uncertainty(ev) if ev is not None else None
jury_result = jury_table(ev) if ev is not None else None
if unc is None and jury_result is None:
    st.info(
        "Both are measured on raters the decoder never saw: run the comparison in section 3 "
        "(with the none and profile representations)."
    )
c1, c2 = st.columns(2)
texts = items.set_index("item_id")["text"]
if unc is not None:
    with c1:
        show_figure(
            plot_uncertainty_scatter(unc, texts, majority_label(ds, fitted)),
            "item uncertainty",
            key="vp_fig_unc",
        )
        negative = float((unc["value_epistemic"] < 0).mean()) if len(unc) else 0.0
        st.caption(
            f"Per item, on held-out raters' ratings (every seed; items with ≥ {MIN_HELD_OUT}): "
            "total = their cross-entropy under the no-information decoder, aleatoric = under "
            "each rater's own profile, value-epistemic = the difference, what knowing the "
            f"raters' values removes (appendix D.1). Below 0 ({negative:.0%} of items): there "
            "the profiles misled the decoder, or the few ratings fell where the "
            "no-information prediction put them."
        )
        download_table(unc, "item uncertainty", key="vp_dl_unc")
if jury_result is not None:
    jury, corr = jury_result
    with c2:
        show_figure(plot_jury(jury, corr.get("r")), "simulated jury", key="vp_fig_jury")
        st.caption(
            f"Out of sample: {len(ev.jury.jurors)} jurors drawn from the first split's "
            "held-out raters; each item is scored only by jurors whose profile was not written "
            "from a rating of it, through a decoder that never saw their labels. Predicted "
            "P(two jurors agree) vs the observed share of agreeing pairs among the held-out "
            f"raters' labels (items with ≥ {MIN_HELD_OUT})."
        )
        download_table(jury, "simulated jury", key="vp_dl_jury")
