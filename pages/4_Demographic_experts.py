"""Demographic experts: DEM-MoE against its baselines, by group, and what the experts learned."""

import streamlit as st

from analysis.moe import (
    compute_search_table,
    plot_attribute_mae,
    plot_group_mae,
    plot_model_comparison,
    plot_ridge_clustermap,
    plot_search_history,
    plot_seen_unseen,
    plot_specialisation_kl,
    plot_usage_heatmaps,
)
from ui.downloads import download_table, show_figure
from ui.moe import (
    BASELINE_KEYS,
    METRIC_HELP,
    MoEForm,
    SearchForm,
    comparison_report,
    comparison_rows,
    defaults,
    model_labels,
    phase_weights,
    show_seed_summary,
    stored_result,
    train,
    training_history,
)
from ui.state import ensure_dataset, get_min_group_size, get_origin
from ui.widgets import dataset_banner

st.title("Demographic experts")
st.caption(
    "**DEM-MoE** (dem-moe paper) routes every (item, annotator) pair to a few of several "
    "*experts* through a gate that sees the text, the annotator and their demographics, so "
    "experts can specialise in how groups judge. It is compared with seven baselines on the same "
    "item-level split; the specialisation figures show which groups each expert serves."
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
names = model_labels()

# ---------------------------------------------------------------- 1. training form
with st.form("moe_form"):
    c1, c2, c3, c4 = st.columns([3, 1, 1, 1])
    attrs = c1.multiselect(
        "Demographic attributes", list(ds.demographics), list(ds.demographics), key="moe_attrs"
    )
    n_experts = c2.number_input(
        "Experts (0 = one per attribute)", 0, 16, 0, key="moe_experts",
        help="The paper uses as many experts as demographic attributes.",
    )  # fmt: skip
    top_k = c3.selectbox("Top-k experts", [1, 2, 3], index=1, key="moe_topk")
    epochs = c4.slider("Max epochs", 5, 80, 40, key="moe_epochs")
    c1, c2, c3 = st.columns([3, 1, 1])
    baselines = c1.multiselect(
        "Baselines",
        list(BASELINE_KEYS),
        list(BASELINE_KEYS),
        format_func=names.get,
        key="moe_baselines",
    )
    holdout = c2.slider(
        "Unseen annotators (%)", 0, 40, 10, key="moe_holdout",
        help="Share of annotators whose train/dev ratings are dropped, so the test split "
        "measures generalisation to new people as well as new items.",
    )  # fmt: skip
    seed = c3.number_input("Seed", 0, 10_000, 0, key="moe_seed")
    over_seeds = c3.number_input(
        "Repeat over seeds", 1, 10, 1, key="moe_over_seeds",
        help="Train everything again with seeds seed, seed+1, ... (same test items) and report "
        "each model's MAE mean and SD and a test pooled over seeds: one seed's verdict can "
        "hinge on how a baseline happened to train. Multiplies the training time.",
    )  # fmt: skip
    with st.expander("Advanced: loss weights and learning rates (defaults from the paper)"):
        d = defaults()
        a1, a2, a3, a4 = st.columns(4)
        lr = a1.number_input("Learning rate", 1e-5, 1e-1, d.train.lr, format="%.5f", key="moe_lr")
        lr_gate = a2.number_input(
            "Gate learning rate", 1e-5, 1e-1, d.lr_gate, format="%.5f", key="moe_lr_gate"
        )
        kl_ann = a3.number_input(
            "λ annotator KL", 0.0, 1.0, d.kl_annotator, format="%.5f", key="moe_kl_ann"
        )
        kl_id = a4.number_input(
            "λ demographic KL", 0.0, 1.0, d.kl_demographic, format="%.5f", key="moe_kl_id"
        )
        demo_w = st.number_input(
            "λ within-group specialisation", -1.0, 1.0, d.demographic_specialisation,
            format="%.4f", key="moe_demo_w",
            help="Appendix B's symmetric KL between subgroups' expert usage. Added as written "
            "(positive) it pulls subgroups' routing together; negative (default, the paper's "
            "magnitude) rewards subgroups for using different experts; 0 turns it off.",
        )  # fmt: skip
        phases = {}
        for name, default in (("A", d.phase_a), ("B", d.phase_b), ("C", d.phase_c)):
            p1, p2, p3 = st.columns(3)
            phases[name] = phase_weights(
                p1.number_input(f"Phase {name}: λ load", 0.0, 5.0, default.load, key=f"l{name}"),
                p2.number_input(f"Phase {name}: λ orth", 0.0, 5.0, default.orth, key=f"o{name}"),
                p3.number_input(f"Phase {name}: λ var", 0.0, 5.0, default.var, key=f"v{name}"),
            )
        st.caption(
            f"Phase A → B once an epoch's load std exceeds {d.to_b_load_std}; B → C once it "
            f"falls below {d.to_c_load_std} (or after {d.max_phase_epochs} epochs in a phase)."
        )
    with st.expander("Optional: hyperparameter search with Optuna (off by default)"):
        do_search = st.checkbox(
            "Search DEM-MoE's learning rates, top-k and loss weights before training",
            value=False,
            key="moe_search",
        )
        s1, s2, s3, s4 = st.columns(4)
        n_trials = s1.number_input("Trials", 2, 100, 20, key="moe_search_trials")
        minutes = s2.number_input("Time limit (min, 0 = none)", 0, 600, 15, key="moe_search_min")
        trial_epochs = s3.slider("Epochs per trial", 3, 80, 15, key="moe_search_epochs")
        rounds = s4.radio(
            "Rounds", [2, 1], key="moe_search_rounds",
            format_func={2: "wide, then narrow (paper)", 1: "one wide round"}.get,
        )  # fmt: skip
        margin = st.number_input(
            "Prefer specialised experts: accept a dev MAE up to this much above the best "
            "(0 = keep the lowest dev MAE)",
            0.0, 0.2, 0.0, step=0.005, format="%.3f", key="moe_search_margin",
            help="MAE alone does not select for specialised experts. With a margin, the trial "
            "kept is the one whose experts specialise most (largest within-group Jensen–Shannon "
            "divergence on the dev split) among those within the margin of the lowest dev MAE.",
        )  # fmt: skip
        st.caption(
            "As in the paper (appendix B.1): Optuna's TPE sampler over Table 8's ranges, first "
            "wide, then narrowed around the best. Each trial trains DEM-MoE on the training "
            "split and is scored by MAE on the dev split, never the test split; slow trials are "
            "pruned. The settings above are tried first, and the kept trial's values replace "
            "them for the final model."
        )
    go = st.form_submit_button("Train DEM-MoE and baselines", type="primary")

if go:
    form = MoEForm(
        attributes=tuple(attrs),
        baselines=tuple(baselines),
        n_experts=int(n_experts),
        top_k=int(top_k),
        max_epochs=int(epochs),
        holdout_percent=int(holdout),
        seed=int(seed),
        lr=float(lr),
        lr_gate=float(lr_gate),
        kl_annotator=float(kl_ann),
        kl_demographic=float(kl_id),
        demographic_specialisation=float(demo_w),
        phases=phases,
        search=SearchForm(
            int(n_trials), float(minutes), int(trial_epochs), int(rounds), float(margin)
        )
        if do_search
        else None,
        over_seeds=int(over_seeds),
    )
    try:
        train(ds, form)
    except (ValueError, KeyError, ImportError, FloatingPointError) as exc:
        st.error(str(exc))
        st.stop()

result = stored_result(ds)
if result is None:
    st.info("Choose the settings and train to compare DEM-MoE with its baselines.")
    st.stop()

moe = result.moe
report = comparison_report(ds, get_min_group_size())
sizes = result.split_sizes
st.success(
    f"Trained {len(result.models)} models on {sizes['train']:,} training annotations "
    f"(dev {sizes['dev']:,}, test {sizes['test']:,}) in "
    f"{sum(result.fit_seconds.values()):.0f} s; DEM-MoE took {result.fit_seconds['moe']:.0f} s."
)
if result.search is not None:
    found = result.search
    with st.expander(
        f"Hyperparameter search: {len(found.trials)} trials in {found.seconds / 60:.1f} min, "
        f"dev MAE {found.default_mae:.4f} → {found.best_mae:.4f} (kept trial "
        f"{found.chosen_trial})",
        expanded=True,
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
            st.dataframe(table, hide_index=True, key="moe_search_table")
            download_table(found.trials, "search trials", key="moe_dl_search")
        st.caption(
            "Chosen = the settings of the form (trial 0); best = the kept trial (ringed: the "
            "lowest dev MAE unless a specialisation margin was set), used for the DEM-MoE "
            "below; change = best / chosen. dev_max_jsd = the largest within-group "
            "Jensen–Shannon divergence (bits, 0–1) of the trial's routing on the dev split: how "
            "much its experts specialise, which MAE alone does not select for. The test-split "
            "numbers below were never seen by the search."
        )

# ---------------------------------------------------------------- 2. comparison
st.subheader("1 · Model comparison (test split)")
with st.expander("What the metrics mean"):
    st.markdown(METRIC_HELP)
c1, c2 = st.columns([3, 2])
with c1:
    st.dataframe(report.models.round(3), hide_index=True, key="moe_table")
    download_table(report.models, "model comparison", key="moe_dl_table")
with c2:
    boot = comparison_rows(result, report.models)
    show_figure(plot_model_comparison(boot), "model comparison", key="moe_fig_models")
test = report.significance.get("overall")
if test:
    verdict = "significantly" if test["significant"] else "not significantly"
    st.markdown(
        f"DEM-MoE's MAE differs from the next-best model (**{report.next_best}**) by "
        f"{test['diff']:+.3f} (95% CI {test['ci_low']:+.3f} to {test['ci_high']:+.3f}, paired "
        f"item bootstrap; p = {test['p_value']:.3f}, sign-flip test over items): {verdict} "
        "different."
    )
show_seed_summary(ds)

# ---------------------------------------------------------------- 3. by group
st.subheader("2 · Error by demographic group")
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
        plot_attribute_mae(report.attribute_mae, stars), "MAE by attribute", key="moe_fig_attr"
    )
    st.caption(
        "Mean of the subgroups' MAEs per attribute (the paper's Figure 1); ★ = DEM-MoE is "
        "significantly better than the next-best model on that attribute ("
        + ", ".join(f"{a}: {t['rival']}" for a, t in report.significance.items() if a != "overall")
        + "), sign-flip test over items p < 0.05. Subgroups with fewer than "
        f"{get_min_group_size()} annotators are left out."
    )
    attr = st.selectbox("Subgroups of", list(result.attributes), key="moe_group_attr")
    show_figure(plot_group_mae(report.group_mae, attr), "MAE by subgroup", key="moe_fig_group")
    download_table(report.group_mae, "MAE by subgroup", key="moe_dl_groups")

# ---------------------------------------------------------------- 4. seen / unseen
st.subheader("3 · Seen vs unseen annotators")
if not (report.metrics["subset"] == "unseen").any():
    st.info("Every test annotator also rated training items; raise 'Unseen annotators'.")
show_figure(plot_seen_unseen(report.metrics), "seen vs unseen", key="moe_fig_seen")
download_table(report.metrics, "metrics by subset", key="moe_dl_metrics")

# ---------------------------------------------------------------- 5. specialisation
st.subheader("4 · What the experts specialise in")
if report.usage.empty:
    st.info(
        next((n for n in report.notes if n.startswith("Expert usage")), None)
        or "Specialisation needs DEM-MoE trained with at least one demographic attribute."
    )
else:
    st.caption(
        "Share of each subgroup's routed gate weight that goes to each expert, over every "
        "annotation (the router reads no label, so train, dev and test all count), "
        "normalised per row (the paper's Figures 7–11)."
    )
    show_figure(plot_usage_heatmaps(report.usage), "expert usage", key="moe_fig_usage")
    if report.routing_summary.get("idle"):
        st.info(report.routing_note, icon="ℹ️")
    elif report.routing_note:
        st.caption(report.routing_note)
    c1, c2 = st.columns(2)
    with c1:
        show_figure(plot_specialisation_kl(report.kl), "specialisation KL", key="moe_fig_kl")
        st.caption(
            "Within-group specialisation: mean pairwise KL divergence between subgroups' "
            "expert usage, divided by log K (K experts) (the paper's Figure 2); usage is each "
            "subgroup's routed weight plus one pseudo-annotation spread over the experts (Perks' "
            "prior, 1/K each), so an expert a subgroup never reached adds a stated amount, "
            "not an arbitrary epsilon: halving the prior moves the score by under 10% once a "
            "subgroup has a few hundred annotations. "
            "The hover adds the bounded Jensen–Shannon divergence (bits; 0 = alike, 1 = disjoint)."
        )
    with c2:
        if report.ridge.empty:
            st.info(next(n for n in report.notes if n.startswith("The ridge")))
        else:
            show_figure(
                plot_ridge_clustermap(report.ridge), "ridge clustermap", key="moe_fig_ridge"
            )
        st.caption(
            "Cross-group specialisation: ridge coefficients from one-hot demographics to each "
            "annotator's mean expert usage, rows and columns ordered by hierarchical "
            "clustering (the paper's Figures 12–16)."
        )
    download_table(report.usage, "expert usage", key="moe_dl_usage")
    if not report.ridge.empty:
        download_table(report.ridge.reset_index(), "ridge coefficients", key="moe_dl_ridge")
    if moe is not None:
        hist = training_history(moe)
        with st.expander("DEM-MoE training history (loss terms per epoch, phases)"):
            st.dataframe(hist.round(4), hide_index=True, key="moe_hist")
            download_table(hist, "DEM-MoE training history", key="moe_dl_hist")
download_table(result.predictions, "test predictions of every model", key="moe_dl_preds")
