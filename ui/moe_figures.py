"""The Demographic experts page's composite views: the search summary and the expert figures."""

from __future__ import annotations

import streamlit as st

from analysis.moe import (
    compute_search_table,
    plot_ridge_clustermap,
    plot_search_history,
    plot_specialisation_kl,
    plot_usage_heatmaps,
)
from analysis.moe.report import MoEReport
from engines.moe.search import SearchResult
from ui.downloads import download_table, show_figure
from ui.layout import fit_table, method_note

__all__ = ["show_expert_figures", "show_search"]


def show_search(found: SearchResult) -> None:
    """The hyperparameter search: history, chosen vs best settings, what the columns mean."""
    with st.expander(
        f"Hyperparameter search: {len(found.trials)} trials in {found.seconds / 60:.1f} min, "
        f"dev MAE {found.default_mae:.4f} → {found.best_mae:.4f} (kept trial "
        f"{found.chosen_trial})",
    ):
        c1, c2 = st.columns([3, 2])
        with c1:
            show_figure(
                plot_search_history(found.trials, found.chosen_trial),
                "search history",
                key="moe_fig_search",
            )
        with c2:
            table = compute_search_table(found.trials, found.chosen_trial)
            fit_table(table, key="moe_search_table", decimals=4)
            download_table(found.trials, "search trials", key="moe_dl_search")
        st.caption(
            "Chosen = the settings of the form (trial 0); best = the kept trial (ringed: the "
            "lowest dev MAE unless a specialisation margin was set), used for the DEM-MoE "
            "below; change = best / chosen. dev_max_jsd = the largest within-group "
            "Jensen–Shannon divergence (bits, 0–1) of the trial's routing on the dev split: how "
            "much its experts specialise, which MAE alone does not select for. The test-split "
            "numbers below were never seen by the search."
        )


def show_expert_figures(report: MoEReport) -> None:
    """Expert usage per subgroup, within-group specialisation and the cross-group ridge."""
    show_figure(plot_usage_heatmaps(report.usage), "expert usage", key="moe_fig_usage")
    if report.routing_note:
        st.caption(report.routing_note)
    c1, c2 = st.columns(2)
    with c1:
        show_figure(plot_specialisation_kl(report.kl), "specialisation KL", key="moe_fig_kl")
    with c2:
        if report.ridge.empty:
            st.info(next(n for n in report.notes if n.startswith("The ridge")))
        else:
            show_figure(
                plot_ridge_clustermap(report.ridge), "ridge clustermap", key="moe_fig_ridge"
            )
    download_table(report.usage, "expert usage", key="moe_dl_usage")
    if not report.ridge.empty:
        download_table(report.ridge.reset_index(), "ridge coefficients", key="moe_dl_ridge")
    method_note(
        "- **Expert usage** (the paper's Figures 7–11): the share of each subgroup's routed gate "
        "weight that goes to each expert, over every annotation (the router reads no label, so "
        "train, dev and test all count), normalised per row.\n"
        "- **Within-group specialisation** (Figure 2): the mean pairwise KL divergence between "
        "an attribute's subgroups' expert usage, divided by log K (K experts). Usage is each "
        "subgroup's routed weight plus one pseudo-annotation spread over the experts (Perks' "
        "prior, 1/K each), so an expert a subgroup never reached adds a stated amount, not an "
        "arbitrary epsilon: halving the prior moves the score by under 10% once a subgroup has "
        "a few hundred annotations. The hover adds the bounded Jensen–Shannon divergence "
        "(bits; 0 = alike, 1 = disjoint), which the takeaway uses.\n"
        "- **Cross-group specialisation** (Figures 12–16): ridge coefficients from one-hot "
        "demographics to each annotator's mean expert usage, rows and columns ordered by "
        "hierarchical clustering."
    )
