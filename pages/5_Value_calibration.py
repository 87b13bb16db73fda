"""Value calibration: MC-STL against its baselines, per value group (mc-stl seed)."""

import streamlit as st

from analysis.mcstl import plot_group_calibration, plot_rationale_map
from analysis.mcstl.takeaways import (
    calibration_takeaway,
    clusters_takeaway,
    comparison_takeaway,
)
from ui.downloads import download_table, show_figure
from ui.layout import fit_table, method_note, run_then_rerun, section, text_detail
from ui.llm_form import llm_settings
from ui.mcstl import (
    BASELINES,
    SOURCE_LABELS,
    McstlForm,
    cluster_help,
    evaluated_on,
    llm_summaries,
    slope_table,
    small_test_hint,
    stored_result,
    stored_summaries,
    tables,
    train,
    training_summary,
)
from ui.mcstl_runs import RUNS as KEPT
from ui.state import ensure_dataset, get_origin
from ui.widgets import dataset_banner

st.title("Value calibration")
st.caption(
    "**MC-STL** (mc-stl paper) adds a learned embedding for each value cluster of an annotation "
    "to the text embedding and is trained to be calibrated within every cluster; it is compared "
    "with the same network without clusters (∅) and one trained on majority labels (Maj)."
)
ds = ensure_dataset()
dataset_banner(ds, get_origin())
if ds.scale.kind == "nominal" and len(ds.scale.classes) > 2:
    st.warning(
        f"MC-STL needs binary or ordinal labels; this dataset's are {ds.scale.describe()}. "
        "Map an ordinal or binary label on the Data page."
    )
    st.stop()

# ---------------------------------------------------------------- settings
has_result = stored_result(ds) is not None
label = "Settings (change and train again)" if has_result else "Training settings"
with st.expander(label, expanded=not has_result, icon=":material/tune:"):
    source = st.radio(
        "Value clusters from",
        list(SOURCE_LABELS),
        format_func=SOURCE_LABELS.get,
        horizontal=True,
        key="mc_source",
    )
    st.caption(cluster_help(source))
    demographics: list[str] = []
    method, k = "kmeans", 0
    if source == "demographics":
        demographics = st.multiselect(
            "Cross these annotator columns", list(ds.demographics),
            default=list(ds.demographics)[:2], key="mc_demographics",
        )  # fmt: skip
    elif source == "rationale":
        c1, c2 = st.columns(2)
        method = c1.radio(
            "Clustering", ["kmeans", "hdbscan"], horizontal=True, key="mc_method",
            format_func={"kmeans": "k-means (K sweep)", "hdbscan": "UMAP → HDBSCAN"}.get,
        )  # fmt: skip
        if method == "kmeans":
            k = c2.number_input("K (0 = best silhouette of 2–6)", 0, 20, 0, key="mc_k")
    with st.form("mc_form"):
        c1, c2 = st.columns(2)
        evaluation = c1.radio(
            "Evaluate on", [0, 5], key="mc_folds", horizontal=True,
            format_func={0: "the test split", 5: "5-fold cross-fitting"}.get,
            help="Cross-fitting trains each model 5 times, each time predicting one fifth of "
            "the items it never saw: every annotation is scored, so small datasets give "
            "steadier calibration lines (5 times the training time).",
        )  # fmt: skip
        baselines = c2.multiselect(
            "Baselines", list(BASELINES), default=list(BASELINES), key="mc_baselines",
            format_func=BASELINES.get,
        )  # fmt: skip
        c1, c2, c3 = st.columns(3)
        epochs = c1.slider("Max epochs", 5, 100, 40, key="mc_epochs")
        seed = c2.number_input("Seed", 0, 10_000, 0, key="mc_seed")
        dispersion = c3.checkbox(
            "Items differ in label spread", key="mc_dispersion",
            help="Location-scale CORAL (an extension of the paper's model, for ordinal "
            "labels): each item also gets a learned spread, so items whose raters disagree "
            "widely are not forced onto the same spacing between labels as items they agree on.",
        )  # fmt: skip
        go = st.form_submit_button("Train MC-STL and baselines", type="primary")
if go:
    form = McstlForm(
        source, tuple(demographics), method, int(k), int(epochs), int(seed), int(evaluation),
        bool(dispersion), ("mcstl", *baselines),
    )  # fmt: skip
    run_then_rerun(lambda: train(ds, form))

result = stored_result(ds)
if result is None:
    st.info("Choose where the value clusters come from and train.")
    st.stop()

kept = KEPT.shown_record(ds)
st.success(training_summary(result) + (f" Showing the kept run of {kept}." if kept else ""))
KEPT.history(ds)
makeup = st.session_state.get("mc_makeup") if ds.demographics else None
t = tables(ds, makeup)
tabs = st.tabs(["Value clusters", "Comparison", "Calibration per group"])

# ---------------------------------------------------------------- 1. clusters
with (
    tabs[0],
    section("Value clusters", "mc_clusters", clusters_takeaway(t.summary, result.clusters.source)),
):
    if ds.demographics:
        st.selectbox("Make-up by", list(ds.demographics), key="mc_makeup")
    picked = fit_table(
        t.summary,
        key="mc_summary",
        column_order=["cluster", "n", "labels", "keywords", "central"],
        column_config={
            "cluster": st.column_config.TextColumn(width="small"),
            "n": st.column_config.NumberColumn("annotations", width="small"),
            "labels": st.column_config.TextColumn(width="medium"),
            "keywords": st.column_config.TextColumn(width="medium"),
            "central": st.column_config.TextColumn("central rationales", width="medium"),
        },
        select=True,
    )
    text_detail(t.summary, picked, column=("labels", "keywords", "central", "makeup"))
    download_table(t.summary, "value cluster summaries", key="mc_dl_summary")
    if not t.rationale_map.empty:
        colour = st.radio("Colour the map by", ["cluster", "label", *ds.demographics],
                          horizontal=True, key="mc_map_colour")  # fmt: skip
        show_figure(plot_rationale_map(t.rationale_map, colour), "rationale map",
                    key="mc_fig_map")  # fmt: skip
        download_table(t.rationale_map, "rationale map", key="mc_dl_map")
    if result.sweep is not None:
        st.markdown("**K sweep** (k-means; the best silhouette was kept)")
        fit_table(result.sweep, key="mc_sweep")
    if result.clusters.source == "rationale":
        with st.expander("Optional: a summary of each cluster written by an LLM"):
            with st.form("mc_llm_form"):
                llm = llm_settings()
                ask = st.form_submit_button("Summarise the clusters")
            if ask:
                try:
                    llm_summaries(ds, result, llm)
                except ValueError as exc:
                    st.error(str(exc))
            written = stored_summaries(ds)
            if written is not None:
                fit_table(
                    written,
                    key="mc_llm_table",
                    column_config={"summary": st.column_config.TextColumn(width="large")},
                )
                download_table(written, "LLM cluster summaries", key="mc_dl_llm")
    method_note(
        "Clusters are built on the training annotations; dev and test annotations get the same "
        "columns (nearest centroid for rationales). With cross-fitting they are built once on "
        "every annotation (rationale clustering reads the texts only, never a label). "
        "Keywords: c-TF-IDF of a cluster's rationales against the other clusters'; central "
        "rationales: the distinct rationales nearest the cluster's centroid. A summary written "
        "by an LLM (the paper's appendix A.3 prompt) is optional and not needed to read the "
        "clusters."
    )

# ---------------------------------------------------------------- 2. comparison
with (
    tabs[1],
    section(f"Comparison ({evaluated_on(result)})", "mc_compare", comparison_takeaway(t.results)),
):
    fit_table(
        t.results,
        key="mc_results",
        column_config={
            "auc": "AUC", "group_auc_mean": "group AUC", "group_auc_sd": "± sd",
            "calib_slope_mean": "slope", "calib_slope_sd": "± sd ",
            "calib_bias_mean": "bias", "calib_bias_sd": "±  sd", "one_minus_emd": "1 − EMD",
        },
    )  # fmt: skip
    download_table(t.results, "MC-STL comparison", key="mc_dl_results")
    hint = small_test_hint(result)
    if hint:
        st.info(hint, icon=":material/info:")
    method_note(
        "The layout of the paper's Table 1. **AUC**: macro one-vs-rest AUC (binary: of the "
        "positive class); **group AUC**: its mean ± sd over value groups; **slope / bias**: "
        "mean ± sd over groups and CORAL sub-tasks of the least-squares line through the "
        "decile points of each group's calibration plot (ideal: 1 and 0); **1 − EMD**: one "
        "minus the normalised earth mover's distance between the predicted distribution and "
        "each test annotation that differs from its item's majority (minority voices)."
    )

# ---------------------------------------------------------------- 3. calibration
with (
    tabs[2],
    section("Calibration per value group", "mc_calibration", calibration_takeaway(t.calibration)),
):
    tasks = list(dict.fromkeys(t.points["task"]))  # sub-task order
    task = st.selectbox("Sub-task", tasks, key="mc_task") if len(tasks) > 1 else tasks[0]
    show_figure(plot_group_calibration(t.points, t.calibration, task), "calibration per group",
                key="mc_fig_calibration")  # fmt: skip
    fit_table(
        slope_table(t.calibration, task), key="mc_slopes", decimals=2,
        column_config={
            "n": st.column_config.NumberColumn("annotations"),
            "slope": st.column_config.NumberColumn(format="%.2f"),
            "slope_low": st.column_config.NumberColumn("95% CI low", format="%.2f"),
            "slope_high": st.column_config.NumberColumn("95% CI high", format="%.2f"),
            "bias": st.column_config.NumberColumn(format="%+.2f"),
        },
    )  # fmt: skip
    download_table(t.calibration, "calibration per group", key="mc_dl_calibration")
    method_note(
        "Per value group and CORAL sub-task 'y > c': the test (or out-of-fold) predictions "
        "binned by deciles; "
        "each point is a bin's mean prediction (x) and the share of its annotations above c (y); "
        "the lines are least-squares fits (the paper's Figure 3). On the dotted diagonal the "
        "model is calibrated for that group. The slope's 95% interval comes from 200 resamples "
        "of the items (all their annotations together): a rare sub-task or a small group gives "
        "a wide interval, and a slope whose interval includes 1 is not shown to be off."
    )
