"""Demographic experts: DEM-MoE against its baselines, by group, and what the experts learned."""

import streamlit as st

from analysis.moe import (
    comparison_rows,
    plot_attribute_mae,
    plot_group_mae,
    plot_model_comparison,
    plot_seen_unseen,
)
from analysis.moe.takeaways import (
    comparison_takeaway,
    group_takeaway,
    seen_unseen_takeaway,
    specialisation_takeaway,
)
from ui.downloads import download_table, show_figure
from ui.layout import fit_table, method_note, run_then_rerun, section
from ui.moe import (
    METRIC_HELP,
    SIGNIFICANCE_HELP,
    comparison_report,
    model_table_view,
    show_seed_summary,
    stored_result,
    train,
    training_history,
)
from ui.moe_figures import show_expert_figures, show_search
from ui.moe_form import moe_form
from ui.moe_runs import RUNS as KEPT
from ui.moe_study import show_shared_study
from ui.state import ensure_dataset, get_min_group_size, get_origin
from ui.widgets import dataset_banner

st.title("Demographic experts")
st.caption(
    "**DEM-MoE** (dem-moe paper) routes every (item, annotator) pair to a few *experts* through "
    "a gate that sees the text, the annotator and their demographics; it is compared with seven "
    "baselines on one item-level split."
)
ds = ensure_dataset()
dataset_banner(ds, get_origin())
if not ds.scale.is_numeric:
    st.warning(
        f"DEM-MoE regresses numeric ratings; this dataset's labels are {ds.scale.describe()}. "
        "Map an ordinal or binary label on the Data page."
    )
    st.stop()
if not ds.demographics:
    st.info(
        "This dataset has no demographic columns, so DEM-MoE can only route on text and "
        "annotator; the group and specialisation analyses need demographics."
    )
has_result = stored_result(ds) is not None
# A new label after training makes a new, folded expander (an expander keeps its open state).
label = "Settings (change and train again)" if has_result else "Training settings"
with st.expander(label, expanded=not has_result, icon=":material/tune:"):
    form = moe_form(ds)
if form is not None:
    run_then_rerun(lambda: train(ds, form))

show_shared_study()  # a study shared by workers on other machines (no training needed)
result = stored_result(ds)
if result is None:
    st.info("Choose the settings and train to compare DEM-MoE with its baselines.")
    st.stop()

moe = result.moe
report = comparison_report(ds, get_min_group_size())
sizes = result.split_sizes
kept = KEPT.shown_record(ds)
st.success(
    f"Trained {len(result.fit_seconds)} models on {sizes['train']:,} training annotations "
    f"(dev {sizes['dev']:,}, test {sizes['test']:,}) in "
    f"{sum(result.fit_seconds.values()):.0f} s; DEM-MoE took {result.fit_seconds['moe']:.0f} s."
    + (f" Showing the kept run of {kept}." if kept else "")
)
KEPT.history(ds)
if result.search is not None:
    show_search(result.search)

tabs = st.tabs(["Model comparison", "Error by group", "Seen vs unseen", "Specialisation"])

# ---------------------------------------------------------------- 1. comparison
with (
    tabs[0],
    section(
        "Model comparison (test split)",
        "moe_models",
        comparison_takeaway(report.models, report.significance),
    ),
):
    c1, c2 = st.columns([3, 2])
    with c1:
        view, config = model_table_view(report.models)
        fit_table(view, key="moe_table", column_config=config)
        download_table(report.models, "model comparison", key="moe_dl_table")
    with c2:
        boot = comparison_rows(result, report.models)
        show_figure(plot_model_comparison(boot), "model comparison", key="moe_fig_models")
    show_seed_summary(ds)
    method_note(METRIC_HELP + "\n" + SIGNIFICANCE_HELP, "What the metrics and the test mean")

# ---------------------------------------------------------------- 2. by group
with (
    tabs[1],
    section("Error by demographic group", "moe_groups", group_takeaway(report.significance)),
):
    if report.group_mae.empty:
        st.info(
            next((n for n in report.notes if n.startswith("MAE per subgroup")), None)
            or "No demographic groups to compare (choose attributes, or lower the group size)."
        )
    else:
        stars = {
            a: bool(t["significant"] and t["diff"] < 0)
            for a, t in report.significance.items()
            if a != "overall"
        }
        show_figure(
            plot_attribute_mae(report.attribute_mae, stars),
            "MAE by attribute",
            key="moe_fig_attr",
        )
        attr = st.selectbox("Subgroups of", list(result.attributes), key="moe_group_attr")
        show_figure(plot_group_mae(report.group_mae, attr), "MAE by subgroup", key="moe_fig_group")
        download_table(report.group_mae, "MAE by subgroup", key="moe_dl_groups")
        method_note(
            "Mean of the subgroups' MAEs per attribute (the paper's Figure 1); ★ = DEM-MoE is "
            "significantly better than the next-best model on that attribute ("
            + ", ".join(
                f"{a}: {t['rival']}" for a, t in report.significance.items() if a != "overall"
            )
            + "), sign-flip test over items p < 0.05. Subgroups with fewer than "
            f"{get_min_group_size()} annotators are left out."
        )

# ---------------------------------------------------------------- 3. seen / unseen
with (
    tabs[2],
    section("Seen vs unseen annotators", "moe_seen", seen_unseen_takeaway(report.metrics)),
):
    show_figure(plot_seen_unseen(report.metrics), "seen vs unseen", key="moe_fig_seen")
    download_table(report.metrics, "metrics by subset", key="moe_dl_metrics")
    if moe is not None:
        history = training_history(moe)
        with st.expander("DEM-MoE training history (loss terms per epoch, phases)"):
            fit_table(history, key="moe_hist", decimals=4)
            download_table(history, "DEM-MoE training history", key="moe_dl_hist")

# ---------------------------------------------------------------- 4. specialisation
with (
    tabs[3],
    section(
        "What the experts specialise in",
        "moe_experts",
        specialisation_takeaway(report.kl, report.routing_summary)
        if not report.usage.empty
        else next((n for n in report.notes if n.startswith("Expert usage")), None)
        or "Specialisation needs DEM-MoE trained with at least one demographic attribute.",
    ),
):
    if not report.usage.empty:
        show_expert_figures(report)

download_table(result.predictions, "test predictions of every model", key="moe_dl_preds")
