"""Value profiles: natural-language rater profiles, a decoder, and a live profile editor."""

import numpy as np
import streamlit as st

from analysis.mcstl import plot_group_calibration
from analysis.profiles import (
    compute_reliability,
    compute_usable_information,
    expected_calibration_error,
    information_preserved,
    plot_jury,
    plot_reliability,
    plot_uncertainty_scatter,
    plot_usable_information,
)
from analysis.profiles.takeaways import (
    calibration_takeaway,
    cluster_takeaway,
    information_takeaway,
    jury_takeaway,
    uncertainty_takeaway,
)
from ui.data import human_subset, synthetic_count
from ui.downloads import download_table, show_figure
from ui.layout import fit_table, method_note, run_then_rerun, section, text_detail
from ui.profile_editor import show_editor
from ui.profile_form import profile_training_form
from ui.profile_tables import (
    MIN_HELD_OUT,
    calibration_groupings,
    cluster_makeup,
    cluster_summary,
    decoder_group_calibration,
    item_uncertainty,
    jury_table,
    majority_label,
    theme_table,
)
from ui.profiles import (
    compare_representations,
    profile_clusters,
    profile_table,
    stored_evaluation,
    stored_fitted,
    train_decoder,
    training_summary,
)
from ui.profiles_runs import RUNS as KEPT
from ui.state import ensure_dataset, get_origin
from ui.widgets import dataset_banner

st.title("Value profiles")
st.caption(
    "A **value profile** is a short natural-language description of what a rater cares about; "
    "a decoder predicts each rater's labels from (item, profile), and an edited profile updates "
    "the predictions without retraining (value-profiles paper)."
)
ds = ensure_dataset()
dataset_banner(ds, get_origin())

if synthetic_count(ds) and st.toggle("Human raters only", value=True, key="vp_human_only"):
    ds = human_subset(ds)
classes = np.asarray(ds.scale.classes, dtype=float) if ds.scale.is_numeric else None

# ---------------------------------------------------------------- training
trained = stored_fitted(ds) is not None
# A new label after training makes a new, folded expander (an expander keeps its open state).
label = "Profiles and decoder (change and train again)" if trained else "Profiles and decoder"
with st.expander(label, expanded=not trained, icon=":material/tune:"):
    request = profile_training_form(ds)
if request is not None:
    run_then_rerun(
        lambda: train_decoder(
            ds, request.source, request.run_cfg, upload=request.upload, llm=request.llm
        ),
        "The decoder could not be trained: ",
    )

fitted = stored_fitted(ds)
if fitted is None:
    st.info("Train the decoder to see profiles, the live editor and the analyses.")
    st.stop()

kept = KEPT.shown_record(ds)
st.success(training_summary(fitted) + (f" Showing the kept run of {kept}." if kept else ""))
KEPT.history(ds)
items = fitted.items
profiles = profile_table(fitted)
with st.expander(f"Raters and their profiles ({len(profiles):,})", expanded=False):
    fit_table(
        profiles,
        key="vp_profiles_table",
        column_config={"value_profile": st.column_config.TextColumn(width="large")},
    )
    download_table(profiles, "value profiles", key="vp_dl_profiles")
    themes = theme_table(fitted)
    if themes is not None:
        st.markdown("**Item themes the written profiles talk about** (hover an example)")
        fit_table(themes, key="vp_themes")
    st.caption(
        "Each profile is written from the rater's *fit* ratings only; the decoder learns from "
        "their other (*eval*) ratings, so it cannot simply memorise the profile's source."
    )

tabs = st.tabs(["Live editor", "Which representation informs", "Clusters", "Uncertainty & juries"])

# ---------------------------------------------------------------- 1. live editor
with tabs[0]:
    show_editor(ds, fitted, classes)

# ---------------------------------------------------------------- 2. representations
ev = stored_evaluation(ds)
with tabs[1]:
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
        else:
            st.rerun()
    if ev is None:
        st.info("Run the comparison to see usable information and calibration.")
    else:
        usable = compute_usable_information(ev.losses[["seed", "representation", "loss"]])
        with section(
            "Which representation carries information?",
            "vp_information",
            information_takeaway(usable),
        ):
            c1, c2 = st.columns([3, 2])
            with c1:
                show_figure(plot_usable_information(usable), "usable information", key="vp_fig_ui")
            with c2:
                preserved = information_preserved(usable, "profile", "examples")
                ex = usable.set_index("representation")["ci_low"].get("examples", np.nan)
                # The ratio is only meaningful when the examples carry information (CI above 0).
                shown = "–" if np.isnan(preserved) or not ex > 0 else f"{preserved:.0%}"
                st.metric(
                    "Information preserved (profile / examples)",
                    shown,
                    help="Share of the examples' usable information that the profile text keeps "
                    "(– when the examples' interval includes 0, so the ratio is undefined).",
                )
                fit_table(
                    usable,
                    key="vp_ui_table",
                    decimals=4,
                    column_order=["representation", "usable_info_nats", "ci_low", "ci_high"],
                    column_config={"usable_info_nats": "nats", "ci_low": "95% low",
                                   "ci_high": "95% high"},
                )  # fmt: skip
                download_table(usable, "usable information", key="vp_dl_ui")
            seen = ev.examples_summary()
            method_note(
                "Usable information I(g → Y | X) = held-out loss without rater information "
                "minus the loss with representation g, in nats, on raters never seen in "
                "training (Algorithm 1); bars show 95% intervals over seeded 50/50 rater splits. "
                "Information preserved = I(profile) / I(examples) (paper eq. 3). Profiles and "
                f"examples are built from the same fit ratings: a median of "
                f"{seen.get('median', 0):g} per rater ({seen.get('min', 0)}–{seen.get('max', 0)})."
            )
        cal_options = list(ev.predictions)
        rep_cal = st.session_state.get("vp_cal_rep", "profile")
        rep_cal = rep_cal if rep_cal in cal_options else cal_options[0]
        probs, y = ev.predictions[rep_cal]
        ece = expected_calibration_error(probs, y)
        reliability = compute_reliability(probs, y)
        with section(
            "Is the decoder calibrated?", "vp_calibration", calibration_takeaway(reliability, ece)
        ):
            c1, c2 = st.columns([3, 2])
            with c1:
                show_figure(
                    plot_reliability(reliability, ece), "reliability diagram", key="vp_fig_cal"
                )
            with c2:
                st.selectbox(
                    "Calibration of the decoder for",
                    cal_options,
                    index=cal_options.index("profile") if "profile" in cal_options else 0,
                    key="vp_cal_rep",
                )
                st.metric(
                    "Expected calibration error",
                    f"{ece:.3f}",
                    help="Mean |accuracy − confidence| over 10 confidence bins, weighted by bin "
                    "size (top label, held-out raters, first seed). 0 = perfectly calibrated. "
                    "The embedding decoder divides its logits by a temperature fitted on its "
                    "validation raters.",
                )
            groupings = calibration_groupings(ds, ev)
            if groupings:
                by = st.selectbox("Calibration per group of", groupings, key="vp_cal_by")
                per_group = decoder_group_calibration(ds, ev, rep_cal, by)
                if per_group is not None:
                    lines, points = per_group
                    tasks = list(dict.fromkeys(points["task"]))
                    show_figure(
                        plot_group_calibration(points, lines, tasks[len(tasks) // 2],
                                               title=f"Decoder calibration per {by}"),
                        "decoder calibration per group", key="vp_fig_cal_groups",
                    )  # fmt: skip
                    download_table(lines, "decoder calibration per group", key="vp_dl_cal_groups")

# ---------------------------------------------------------------- 3. clusters
with tabs[2], section("Profile clusters (Algorithm 2)", "vp_clusters") as say:
    n_c = st.select_slider("Number of clusters", [2, 3, 4, 6, 8], value=2, key="vp_clusters_c")
    frame = profile_clusters(ds, n_c)
    summary = cluster_summary(frame)
    say(cluster_takeaway(summary))
    picked = fit_table(
        summary,
        key="vp_cluster_table",
        column_order=["cluster", "n_raters", "profile"],
        column_config={
            "cluster": st.column_config.NumberColumn(width="small"),
            "n_raters": st.column_config.NumberColumn("raters", width="small"),
            "profile": st.column_config.TextColumn(width="large"),
        },
        select=True,
    )
    text_detail(summary, picked, column="profile")
    download_table(frame, "cluster assignments", key="vp_dl_clusters")
    if ds.demographics:
        attr = st.selectbox("Cluster make-up by", ds.demographics, key="vp_cluster_attr")
        st.dataframe(cluster_makeup(ds, frame, attr), key="vp_cluster_makeup")
    method_note(
        "Greedy search for C candidate profiles such that assigning every rater to the "
        "profile that best predicts their fit ratings minimises the total loss."
    )

# ---------------------------------------------------------------- 4. uncertainty and jury
with tabs[3]:
    unc = item_uncertainty(ev) if ev is not None else None
    jury_result = jury_table(ev) if ev is not None else None
    if unc is None and jury_result is None:
        st.info(
            "Both are measured on raters the decoder never saw: run the comparison in the "
            "'Which representation informs' tab (with the none and profile representations)."
        )
    texts = items.set_index("item_id")["text"]
    if unc is not None:
        with section("How uncertain are the items?", "vp_uncertainty",
                     uncertainty_takeaway(unc, texts)):  # fmt: skip
            show_figure(
                plot_uncertainty_scatter(unc, texts, majority_label(ds, fitted)),
                "item uncertainty",
                key="vp_fig_unc",
            )
            download_table(unc, "item uncertainty", key="vp_dl_unc")
            negative = float((unc["value_epistemic"] < 0).mean()) if len(unc) else 0.0
            method_note(
                f"Per item, on held-out raters' ratings (every seed; items with ≥ {MIN_HELD_OUT}):"
                " total = their cross-entropy under the no-information decoder, aleatoric = under "
                "each rater's own profile, value-epistemic = the difference, what knowing the "
                f"raters' values removes (appendix D.1). Below 0 ({negative:.0%} of items): there "
                "the profiles misled the decoder, or the few ratings fell where the "
                "no-information prediction put them."
            )
    if jury_result is not None:
        jury, corr = jury_result
        with section("Do simulated juries agree like real ones?", "vp_jury",
                     jury_takeaway(corr, len(jury))):  # fmt: skip
            show_figure(plot_jury(jury, corr.get("r")), "simulated jury", key="vp_fig_jury")
            download_table(jury, "simulated jury", key="vp_dl_jury")
            method_note(
                f"Out of sample: {len(ev.jury.jurors)} jurors drawn from the first split's "
                "held-out raters; each item is scored only by jurors whose profile was not "
                "written from a rating of it, through a decoder that never saw their labels. "
                "Predicted P(two jurors agree) vs the observed share of agreeing pairs among the "
                f"held-out raters' labels (items with ≥ {MIN_HELD_OUT})."
            )
