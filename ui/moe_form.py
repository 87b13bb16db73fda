"""The Demographic experts page's training form (settings, advanced weights, search)."""

from __future__ import annotations

import streamlit as st

from engines.data.schema import AnnotationDataset
from ui.moe import BASELINE_KEYS, MoEForm, SearchForm, defaults, model_labels, phase_weights

__all__ = ["moe_form"]


def moe_form(ds: AnnotationDataset) -> MoEForm | None:
    """Render the form; the chosen settings once it is submitted, else None."""
    names = model_labels()
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
            lr = a1.number_input(
                "Learning rate", 1e-5, 1e-1, d.train.lr, format="%.5f", key="moe_lr"
            )
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
                    p1.number_input(
                        f"Phase {name}: λ load", 0.0, 5.0, default.load, key=f"l{name}"
                    ),
                    p2.number_input(
                        f"Phase {name}: λ orth", 0.0, 5.0, default.orth, key=f"o{name}"
                    ),
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
            minutes = s2.number_input(
                "Time limit (min, 0 = none)", 0, 600, 15, key="moe_search_min"
            )
            trial_epochs = s3.slider("Epochs per trial", 3, 80, 15, key="moe_search_epochs")
            rounds = s4.radio(
                "Rounds", [2, 1], key="moe_search_rounds",
                format_func={2: "wide, then narrow (paper)", 1: "one wide round"}.get,
            )  # fmt: skip
            margin = st.number_input(
                "Prefer specialised experts: accept a dev MAE up to this much above the best "
                "(0 = keep the lowest dev MAE)",
                0.0, 0.2, 0.0, step=0.005, format="%.3f", key="moe_search_margin",
                help="MAE alone does not select for specialised experts. With a margin, the "
                "trial kept is the one whose experts specialise most (largest within-group "
                "Jensen–Shannon divergence on the dev split) among those within the margin of "
                "the lowest dev MAE.",
            )  # fmt: skip
            st.caption(
                "As in the paper (appendix B.1): Optuna's TPE sampler over Table 8's ranges, "
                "first wide, then narrowed around the best. Each trial trains DEM-MoE on the "
                "training split and is scored by MAE on the dev split, never the test split; slow "
                "trials are pruned. The settings above are tried first, and the kept trial's "
                "values replace them for the final model."
            )
        go = st.form_submit_button("Train DEM-MoE and baselines", type="primary")

    if not go:
        return None
    return MoEForm(
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
