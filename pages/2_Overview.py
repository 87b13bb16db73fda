"""Overview: agreement, disagreement and demographic structure of the dataset."""

import streamlit as st

from analysis.dataset import merged_label
from analysis.dataset.overview import STAT_HELP
from analysis.dataset.plot_demographics import plot_composition, plot_demographic_signal
from analysis.dataset.plot_distributions import plot_count_histogram, plot_label_distribution
from ui.cache import overview_tables
from ui.data import synthetic_count
from ui.downloads import download_table, show_figure
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
        help="Groups with fewer annotators are merged into 'other' in every group-level "
        "table and figure (privacy).",
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

st.subheader("Dataset statistics")
stats = t["stats"].iloc[0]
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
    help=STAT_HELP["alpha"] + f" 95% bootstrap CI over items: {stats['alpha_ci_low']:.3f} to "
    f"{stats['alpha_ci_high']:.3f}.",
)
m[1].metric(
    "Mean item entropy (bits)", f"{stats['mean_entropy_bits']:.3f}", help=STAT_HELP["mean_entropy"]
)
m[2].metric(
    "Mean item SD",
    "n/a" if stats["mean_sd"] != stats["mean_sd"] else f"{stats['mean_sd']:.3f}",
    help=STAT_HELP["mean_sd"],
)
m[3].metric(
    "Demographic combinations",
    f"{stats['demographic_combinations']:,}",
    help=STAT_HELP["demographic_combinations"],
)
st.caption(
    f"α 95% CI {stats['alpha_ci_low']:.3f}–{stats['alpha_ci_high']:.3f} (bootstrap over items). "
    "For comparison, the dem-moe paper reports α = 0.287, mean entropy 1.212 and mean SD 0.909 "
    "for POPQUORN offensiveness."
)
download_table(t["stats"], "dataset statistics", key="ov_dl_stats")

st.markdown("**Krippendorff's alpha by level of measurement**")
st.dataframe(t["alpha"], hide_index=True, key="ov_alpha_table")
st.caption(
    "nominal: any two different labels disagree equally · ordinal: disagreement grows with "
    "the number of ratings in between · interval: with the squared difference of the ratings. "
    "Units with fewer than two labels are excluded."
)

st.subheader("Labels and coverage")
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

st.subheader("Who annotated")
if not ds.demographics:
    st.info(
        "No demographic columns were mapped; map them on the Data page to see composition "
        "and demographic signal."
    )
else:
    comp = t["composition"]
    if comp["suppressed"].any():
        st.caption(
            f"Groups with fewer than {min_group} annotators are merged into "
            f"'{merged_label(min_group)}' (grey bars) to protect privacy."
        )
    c1, c2 = st.columns([3, 2])
    with c1:
        show_figure(plot_composition(comp), "demographic composition", key="ov_fig_comp")
        download_table(comp, "demographic composition", key="ov_dl_comp")
    with c2:
        if len(t["signal"]):
            show_figure(
                plot_demographic_signal(t["signal"]), "demographic signal", key="ov_fig_signal"
            )
            st.caption(
                "How far apart an attribute's groups rate the same items: the spread (SD) of "
                "the groups' mean item-centred ratings, minus the spread chance alone gives "
                "(the attribute shuffled across annotators, 200 times), in rating points. "
                "0 = no more than chance, whatever the number or size of groups; bars show 95% "
                "bootstrap intervals over annotators. Computed on every group; the privacy "
                "minimum only hides small groups' means in the download."
            )
            download_table(t["signal_levels"], "mean rating per group", key="ov_dl_signal")
        elif ds.scale.is_numeric:
            st.info("No demographic attribute has two or more groups: nothing to contrast.")
        else:
            st.info("Demographic signal needs numeric (binary or ordinal) labels.")

st.subheader("Most disputed items")
st.caption(
    "Items whose labels spread the most (standard deviation for numeric labels, entropy "
    "otherwise), among items with at least two labels."
)
st.dataframe(
    t["disputed"],
    hide_index=True,
    key="ov_disputed",
    column_config={"text": st.column_config.TextColumn(width="large")},
)
download_table(t["disputed"], "most disputed items", key="ov_dl_disputed")
