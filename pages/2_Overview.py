"""Overview: agreement, disagreement and demographic structure of the dataset."""

import streamlit as st

from analysis.dataset import merged_label
from analysis.dataset.overview import STAT_HELP
from analysis.dataset.plot_demographics import plot_composition, plot_demographic_signal
from analysis.dataset.plot_distributions import plot_count_histogram, plot_label_distribution
from analysis.dataset.takeaways import (
    agreement_takeaway,
    coverage_takeaway,
    disputed_takeaway,
    signal_takeaway,
)
from ui.cache import overview_tables
from ui.data import synthetic_count
from ui.downloads import download_table, show_figure
from ui.layout import fit_table, method_note, section, text_detail
from ui.state import MIN_GROUP_SIZE, ensure_dataset, get_origin
from ui.widgets import dataset_banner

st.title("Overview")
ds = ensure_dataset()
dataset_banner(ds, get_origin())

with st.sidebar:
    st.slider(
        "Smallest group shown",
        1,
        30,
        key=MIN_GROUP_SIZE,
        help="Groups with fewer annotators are merged into one 'merged (<k annotators)' group "
        "in every group-level table and figure (privacy).",
    )
human_only = True
if n_synthetic := synthetic_count(ds):
    human_only = st.toggle(
        "Human annotations only",
        value=True,
        key="ov_human_only",
        help=f"{n_synthetic:,} annotations are marked synthetic.",
    )
min_group = int(st.session_state[MIN_GROUP_SIZE])
t = overview_tables(ds.fingerprint(), ds, human_only, min_group)

stats = t["stats"].iloc[0]
with section("Agreement", "ov_agreement", agreement_takeaway(stats)):
    m = st.columns(4)
    m[0].metric("Items", f"{stats['items']:,}", help=STAT_HELP["items"])
    m[1].metric("Annotators", f"{stats['annotators']:,}", help=STAT_HELP["annotators"])
    m[2].metric("Annotations", f"{stats['annotations']:,}", help=STAT_HELP["annotations"])
    m[3].metric(
        "Labels per item",
        f"{stats['avg_annotators_per_item']:.2f}",
        help=STAT_HELP["avg_annotators_per_item"],
    )
    m = st.columns(4)
    m[0].metric(
        f"Krippendorff's α ({stats['alpha_level']})",
        f"{stats['alpha']:.3f}",
        help=STAT_HELP["alpha"] + f" 95% bootstrap CI over items: {stats['alpha_ci_low']:.3f} "
        f"to {stats['alpha_ci_high']:.3f}.",
    )
    m[1].metric(
        "Mean item entropy (bits)",
        f"{stats['mean_entropy_bits']:.3f}",
        help=STAT_HELP["mean_entropy"],
    )
    m[2].metric(
        "Mean item SD",
        "–" if stats["mean_sd"] != stats["mean_sd"] else f"{stats['mean_sd']:.3f}",
        help=STAT_HELP["mean_sd"],
    )
    m[3].metric(
        "Demographic combinations",
        f"{stats['demographic_combinations']:,}",
        help=STAT_HELP["demographic_combinations"],
    )
    c1, c2 = st.columns([3, 2])
    with c1:
        fit_table(
            t["alpha"],
            key="ov_alpha_table",
            column_config={
                "alpha": "α",
                "ci_low": "95% CI low",
                "ci_high": "95% CI high",
                "n_units": "items",
                "n_pairable": "pairable labels",
            },
        )
    with c2:
        download_table(t["stats"], "dataset statistics", key="ov_dl_stats")
        download_table(t["alpha"], "agreement by level", key="ov_dl_alpha")
    method_note(
        "Krippendorff's α by level of measurement: **nominal**, any two different labels "
        "disagree equally; **ordinal**, disagreement grows with the number of ratings in "
        "between; **interval**, with the squared difference of the ratings. Units with fewer "
        "than two labels are excluded; 95% intervals from a bootstrap over items. For "
        "comparison, the dem-moe paper reports α = 0.287, mean entropy 1.212 and mean SD 0.909 "
        "for POPQUORN offensiveness."
    )

with section("Labels and coverage", "ov_labels", coverage_takeaway(t["labels"], t["per_item"])):
    c1, c2, c3 = st.columns(3)
    with c1:
        show_figure(plot_label_distribution(t["labels"]), "label distribution", key="ov_fig_labels")
    with c2:
        show_figure(
            plot_count_histogram(t["per_item"], unit="item"),
            "annotations per item",
            key="ov_fig_per_item",
        )
    with c3:
        show_figure(
            plot_count_histogram(t["per_annotator"], unit="annotator"),
            "annotations per annotator",
            key="ov_fig_per_annotator",
        )

if not ds.demographics:
    who = "No demographic columns were mapped: map them on the Data page to see who annotated."
elif not ds.scale.is_numeric:
    who = "Demographic signal needs numeric (binary or ordinal) labels; composition below."
else:
    who = signal_takeaway(t["signal"])
with section("Who annotated", "ov_who", who):
    if ds.demographics:
        comp = t["composition"]
        c1, c2 = st.columns([3, 2])
        with c1:
            show_figure(plot_composition(comp), "demographic composition", key="ov_fig_comp")
            download_table(comp, "demographic composition", key="ov_dl_comp")
        with c2:
            if len(t["signal"]):
                show_figure(
                    plot_demographic_signal(t["signal"]),
                    "demographic signal",
                    key="ov_fig_signal",
                )
                download_table(t["signal_levels"], "mean rating per group", key="ov_dl_signal")
            elif ds.scale.is_numeric:
                st.info("No demographic attribute has two or more groups: nothing to contrast.")
        method_note(
            "**Demographic signal**: how far apart an attribute's groups rate the same items — "
            "the spread (SD) of the groups' mean item-centred ratings, minus the spread chance "
            "alone gives (the attribute shuffled across annotators, 200 times), in rating "
            "points. 0 = no more than chance, whatever the number or size of groups; bars show "
            "95% bootstrap intervals over annotators, p from the shuffles. Computed on every "
            "group; the privacy minimum only hides small groups' means in the download. "
            f"In the composition, groups with fewer than {min_group} annotators are merged into "
            f"'{merged_label(min_group)}' (grey bars)."
        )

disputed = t["disputed"]
with section("Most disputed items", "ov_disputed", disputed_takeaway(disputed)):
    spread = "sd" if ds.scale.is_numeric else "normalised_entropy"
    picked = fit_table(
        disputed,
        key="ov_disputed",
        column_order=["text", "n_annotations", spread, "majority", "majority_share"],
        column_config={
            "text": st.column_config.TextColumn("item", width="large"),
            "n_annotations": st.column_config.NumberColumn("labels"),
            "sd": st.column_config.NumberColumn("SD", format="%.2f"),
            "normalised_entropy": st.column_config.NumberColumn("entropy (0–1)", format="%.2f"),
            "majority_share": st.column_config.NumberColumn("majority share", format="percent"),
        },
        select=True,
    )
    text_detail(disputed, picked)
    download_table(disputed, "most disputed items", key="ov_dl_disputed")
    method_note(
        "Items whose labels spread the most: standard deviation for numeric labels, entropy "
        "(divided by its maximum) otherwise, among items with at least two labels. Select a "
        "row to read its whole text."
    )
