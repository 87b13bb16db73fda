"""Synthetic perspectives: persona annotations, blending into DEM-MoE, the homogenisation audit."""

import streamlit as st

from analysis.synthetic import (
    plot_blending_grid,
    plot_group_alignment,
    plot_homogenisation,
    plot_model_fit,
    plot_prototypical_features,
)
from analysis.synthetic.takeaways import (
    grid_takeaway,
    homogenisation_takeaway,
    model_fit_takeaway,
    prototypical_takeaway,
)
from ui.downloads import download_table, show_figure
from ui.layout import fit_table, method_note, run_then_rerun, section
from ui.llm_form import llm_settings
from ui.state import ensure_dataset, get_origin
from ui.synthetic import (
    BLEND_LABELS,
    GENERATOR_LABELS,
    KEPT,
    SYNTHETIC_NOTE,
    SyntheticForm,
    audit,
    grid,
    llm_problems,
    model_fit,
    run,
    run_twins,
    stored_result,
)
from ui.widgets import dataset_banner

st.title("Synthetic perspectives")
st.caption(
    "Can generated **personas** stand in for missing annotators, or do they flatten the "
    "perspectives under study? Make synthetic annotations (offline, imported, or from an LLM "
    "you configure), blend them into DEM-MoE's training (dem-moe paper, §7) and audit them "
    "against the human annotations (annotator-personas paper)."
)
ds = ensure_dataset()
dataset_banner(ds, get_origin())

# ---------------------------------------------------------------- settings
kept = stored_result(ds)
label = "Settings (change and run again)" if kept else "Settings"
with st.expander(label, expanded=kept is None, icon=":material/tune:"):
    generator = st.radio("Synthetic annotations", list(GENERATOR_LABELS), key="syn_generator",
                         format_func=GENERATOR_LABELS.get)  # fmt: skip
    llm = None
    if generator == "llm":
        llm = llm_settings(
            "Each planned (item, persona) pair sends the item's text and the persona's "
            "demographics to this endpoint (the dem-moe paper's prompt); nothing is sent "
            "otherwise.",
            task="offensiveness",
        )  # fmt: skip
        st.caption(
            "Task: offensiveness, toxicity, politeness or safety use the paper's own prompts "
            "(appendix D.1); any other name gets the same instruction over this dataset's labels."
        )
    with st.form("syn_form"):
        c1, c2 = st.columns(2)
        strategies = ("0.5x", "1x", "fill", "cluster")
        if generator == "imputation":
            chosen = c1.multiselect("Strategies", strategies, list(strategies),
                                    key="syn_strategies",
                                    help="0.5x / 1x: half as many / as many synthetic "
                                    "annotations as an item has; fill: up to the most any item "
                                    "has; cluster: half representatives of a rater cluster, "
                                    "half from the farthest cluster.")  # fmt: skip
            temperature = c2.slider("Temperature", 0.0, 1.5, 1.0, 0.25, key="syn_temperature",
                                    help="0: every persona of a demographic combination gives "
                                    "the model's mean rating; 1: the spread the model leaves "
                                    "unexplained on real raters.")  # fmt: skip
        blends = st.multiselect("Blends", list(BLEND_LABELS), list(BLEND_LABELS),
                                format_func=BLEND_LABELS.get, key="syn_blends")  # fmt: skip
        c3, c4 = st.columns(2)
        epochs = c3.slider("Max epochs (DEM-MoE)", 5, 60, 30, key="syn_epochs")
        seed = c4.number_input("Seed", 0, 10_000, 0, key="syn_seed")
        extra = {}
        if generator == "llm":
            c5, c6, c7 = st.columns(3)
            extra["llm_strategy"] = c5.selectbox("Strategy", strategies, 1, key="syn_llm_strategy")
            extra["granularity"] = c6.radio("Personas", ["strong", "weak"], key="syn_granularity",
                                            help="strong: one individual (every value); weak: "
                                            "a group (one value).")  # fmt: skip
            extra["llm_limit"] = int(c7.number_input("At most (replies)", 10, 5000, 200,
                                                     key="syn_limit"))  # fmt: skip
            sweep = st.multiselect("Temperatures (a sweep)", [0.0, 0.1, 0.5, 0.8], [0.0],
                                   key="syn_sweep")  # fmt: skip
            extra["llm_temperatures"] = tuple(sweep) or (0.0,)
        go = st.form_submit_button("Make synthetic annotations and train", type="primary")
if go:
    form = SyntheticForm(
        generator=generator,
        strategies=tuple(chosen) if generator == "imputation" else (),
        blendings=tuple(blends),
        temperature=float(temperature) if generator == "imputation" else 1.0,
        max_epochs=int(epochs),
        seed=int(seed),
        llm=llm,
        **extra,
    )
    run_then_rerun(lambda: run(ds, form))

kept = stored_result(ds)
if kept is not None:
    r = kept.result
    n_syn = sum(len(v) for v in r.synthetic.values())
    shown = KEPT.shown_record(ds)
    st.success(
        f"Made {n_syn:,} synthetic annotations in {len(r.synthetic)} set(s) on "
        f"{r.train['item_id'].nunique():,} training items; trained {len(r.fit_seconds)} DEM-MoE "
        f"models in {sum(r.fit_seconds.values()):.0f} s."
        + (f" Showing the kept run of {shown}." if shown else "")
    )
    KEPT.history(ds)
    for name in r.skipped:
        st.warning(f"The synthetic set '{name}' has no readable label, so nothing was trained "
                   "on it (see Synthetic annotations).")  # fmt: skip
st.caption(f":material/warning: {SYNTHETIC_NOTE}")
tabs = st.tabs(["Audit", "Blending grid", "Annotator models", "Synthetic annotations"])

# ---------------------------------------------------------------- 1. audit
with tabs[0]:
    if kept is None:
        st.info("Make synthetic annotations (settings above) to audit them.")
    else:
        name = st.selectbox("Synthetic set", list(kept.result.synthetic), key="syn_audit_set")
        st.caption(SYNTHETIC_NOTE)
        a = audit(ds, name)
        with section("Homogenisation", "syn_homog", homogenisation_takeaway(a.homogenisation)):
            show_figure(plot_homogenisation(a.homogenisation), "homogenisation",
                        key="syn_fig_homog")  # fmt: skip
            fit_table(a.homogenisation, key="syn_homog_table",
                      column_config={"alpha_low": "α 95% from", "alpha_high": "to",
                                     "entropy_items": "items in entropy"})  # fmt: skip
            download_table(a.homogenisation, "homogenisation", key="syn_dl_homog")
            method_note(
                "**α**: Krippendorff's alpha of each source's labels on its items (interval "
                "level for ratings), with a 95% interval from 200 item resamples. **entropy**: "
                "the items' label entropy divided by log(number of classes), on matched draws: "
                "per item both sources give as many labels as the smaller has, since more "
                "labels per item mean more entropy. Synthetic annotators that agree far more "
                "than people do have been homogenised: the perspectives were flattened."
            )
        with section("Who do the personas sound like?", "syn_personas",
                     prototypical_takeaway(a.features)):  # fmt: skip
            c1, c2 = st.columns(2)
            with c1:
                show_figure(plot_prototypical_features(a.features), "persona attributes",
                            key="syn_fig_proto")  # fmt: skip
            with c2:
                show_figure(plot_group_alignment(a.alignment), "group alignment",
                            key="syn_fig_align")  # fmt: skip
            fit_table(a.alignment, key="syn_align_table")
            download_table(a.alignment, "group alignment", key="syn_dl_align")
            download_table(a.personas, "persona alignment", key="syn_dl_personas")
            method_note(
                "Left: per attribute, the share of personas whose deviations from the human "
                "item means are closest (cosine) to their own human group's, divided by chance "
                "(1 / groups). Above 1: the generator uses the attribute (a 'prototypical' "
                "feature); about 1: it ignores it. An attribute is named only when a one-sided "
                "binomial test against chance gives p < 0.05 / the number of attributes. "
                "Right and table: per human group, the "
                "Pearson r and mean absolute difference between the synthetic and the human "
                "item means of that group on the items both rated."
            )

# ---------------------------------------------------------------- 2. grid
with tabs[1]:
    both = grid(ds) if kept is not None else None
    if both is None:
        st.info("Make synthetic annotations (settings above) to train the grid.")
    else:
        g, categories = both
        with section("Blending synthetic annotations into DEM-MoE", "syn_grid", grid_takeaway(g)):
            show_figure(plot_blending_grid(g), "blending grid", key="syn_fig_grid")
            fit_table(g, key="syn_grid_table",
                      column_order=["model", "category_mae", "category_low", "category_high",
                                    "vs_real", "vs_real_low", "vs_real_high", "mae", "n"],
                      column_config={"model": "cell", "category_mae": "MAE across categories",
                                     "category_low": "95% from", "category_high": "to",
                                     "vs_real": "vs real only", "vs_real_low": "from",
                                     "vs_real_high": "to", "mae": "MAE (all)"})  # fmt: skip
            download_table(g, "blending grid", key="syn_dl_grid")
            st.markdown("**MAE by demographic category** (the mean of each category's groups)")
            wide = categories.pivot(index="model", columns="attribute", values="mae")
            order = [a for a in kept.result.attributes if a in wide.columns]
            wide = wide.reindex(index=list(g["model"]), columns=order).reset_index()
            fit_table(wide, key="syn_category_table", column_config={"model": "cell"})
            download_table(categories, "MAE by demographic category", key="syn_dl_categories")
            method_note(
                "Every cell trains DEM-MoE on the real training annotations plus one synthetic "
                "set: **pretrain** on synthetic then fine-tune on real; **mix** them unweighted; "
                "or **weight** each synthetic rating by w = A / T / P: A the inverse of its "
                "persona's mean gap to its human groups, T its demographic cluster's gap, P the "
                "cluster's share of human annotators (weights scaled to mean 1). All cells are "
                "scored on the same real test annotations: **MAE across categories** is the "
                "mean over demographic attributes of the mean MAE of their groups (the paper's "
                "Figure 3); intervals from 500 item resamples shared by every cell."
            )

# ---------------------------------------------------------------- 3. annotator models
with tabs[2], st.form("syn_twins_form"):
    st.caption(
        "Give every human annotation a synthetic twin (its labels imputed offline), then fit "
        "text-only and annotator-aware models to both label sets. The annotator-personas paper "
        "finds annotator models win on human labels but not on LLM labels: personas do not "
        "speak with distinct voices."
    )
    c1, c2 = st.columns(2)
    granularity = c1.radio("Twins", ["strong", "weak"], key="syn_twin_granularity",
                           help="strong: the individual (their own embedding and "
                           "demographics); weak: their group (demographics only).")  # fmt: skip
    twin_epochs = c2.slider("Max epochs", 5, 60, 20, key="syn_twin_epochs")
    go_twins = st.form_submit_button("Fit the models to both label sets")
if go_twins:
    run_then_rerun(lambda: run_twins(ds, granularity, int(twin_epochs)))
fitted = model_fit(ds)
if fitted is not None:
    twins_kind, table = fitted
    with tabs[2], section("Annotator models on human vs synthetic labels", "syn_models",
                          model_fit_takeaway(table)):  # fmt: skip
        st.caption(f"Synthetic twins: {twins_kind}.")
        show_figure(plot_model_fit(table), "annotator models", key="syn_fig_models")
        fit_table(table, key="syn_models_table",
                  column_config={"ci_low": "95% from", "ci_high": "to"})  # fmt: skip
        download_table(table, "annotator models", key="syn_dl_models")

# ---------------------------------------------------------------- 4. the annotations
with tabs[3]:
    if kept is None:
        st.info("Make synthetic annotations (settings above) to see them.")
    else:
        problems = llm_problems(kept.replies)
        if problems is not None:
            st.markdown("**LLM replies** (unreadable ones keep their row without a label)")
            fit_table(problems, key="syn_problems")
        shown = st.selectbox("Synthetic set", list(kept.result.synthetic), key="syn_show_set")
        rows = kept.result.synthetic[shown]
        wanted = ["item_id", "annotator_id", "label", *kept.result.attributes, "weight",
                  "temperature", "problem", "explanation"]  # fmt: skip
        fit_table(rows.head(2000), key="syn_rows",
                  column_order=[c for c in wanted if c in rows.columns])  # fmt: skip
        shown_rows = "the first 2,000 shown; " if len(rows) > 2000 else ""
        st.caption(f"{len(rows):,} rows ({shown_rows}the download has every column).")
        download_table(rows, f"synthetic annotations {shown}", key="syn_dl_rows")
