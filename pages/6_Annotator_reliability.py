"""Annotator reliability: REALM expertise, classic aggregators, triage, a simulation lab."""

import streamlit as st

from analysis.realm import (
    accuracy_takeaway,
    expertise_takeaway,
    plot_expertise_ranking,
    plot_simulation,
    plot_triage,
    simulation_takeaway,
    triage_takeaway,
)
from ui.downloads import download_table, show_figure
from ui.layout import fit_table, method_note, run_then_rerun, section
from ui.realm import (
    PROFILE_LABELS,
    RealmForm,
    SimulationForm,
    fine_tune_help,
    profile_expertise,
    sim_accuracy_table,
    sim_expertise_table,
    simulate,
    stored_result,
    stored_simulation,
    tables,
    train,
    training_summary,
)
from ui.realm_runs import RUNS as KEPT
from ui.state import ensure_dataset, get_origin
from ui.widgets import dataset_banner

st.title("Annotator reliability")
st.caption(
    "**REALM** (realm paper) learns each annotator's expertise e_a jointly with the classifier: "
    "an annotation is the classifier's label with probability e_a and a uniformly random one "
    "otherwise. Compared with noisy training, majority vote and the classic aggregators "
    "(Dawid–Skene, GLAD, MACE via crowd-kit)."
)
ds = ensure_dataset()
dataset_banner(ds, get_origin())

# ---------------------------------------------------------------- settings
has_result = stored_result(ds) is not None
label = "Settings (change and train again)" if has_result else "Training settings"
with st.expander(label, expanded=not has_result, icon=":material/tune:"):
    with st.form("realm_form"):
        c1, c2, c3 = st.columns(3)
        epochs = c1.slider("Max epochs", 5, 100, 40, key="realm_epochs")
        seed = c2.number_input("Seed", 0, 10_000, 0, key="realm_seed")
        scale = c3.select_slider(
            "Expertise learning rate (× the classifier's)", [1.0, 3.0, 10.0, 30.0], 10.0,
            key="realm_lr_scale",
            help="The paper trains the expertise scalars with a larger step than the classifier.",
        )  # fmt: skip
        item_dependent = st.checkbox(
            "Expertise may depend on the item (eq. 5)", key="realm_state",
            help="e_a(x) = sigmoid(s_a + <phi(x), u_a>): an annotator may be reliable on some "
            "kinds of items and not others. Off: one expertise per annotator (and task).",
        )  # fmt: skip
        fine_tune = st.checkbox(
            "Fine-tune the text encoder (slow without a GPU)", key="realm_fine_tune",
            help=fine_tune_help(),
        )  # fmt: skip
        go = st.form_submit_button("Train REALM and baselines", type="primary")
if go:
    form = RealmForm(int(epochs), int(seed), float(scale), 8 if item_dependent else 0,
                     bool(fine_tune))  # fmt: skip
    run_then_rerun(lambda: train(ds, form))

result = stored_result(ds)
if result is not None:
    kept = KEPT.shown_record(ds)
    st.success(training_summary(result) + (f" Showing the kept run of {kept}." if kept else ""))
    KEPT.history(ds)
tabs = st.tabs(["Expertise", "Methods compared", "Triage", "Simulation lab"])
by = None
if ds.demographics:
    with tabs[2]:
        by = st.selectbox("Group annotators by", list(ds.demographics), key="realm_by")
t = tables(ds, by) if result is not None else None

# ---------------------------------------------------------------- 1. expertise
with tabs[0]:
    if t is None:
        st.info("Train REALM (settings above) to rank the annotators.")
    else:
        with section("Expertise of each annotator", "realm_expertise",
                     expertise_takeaway(t.intervals)):  # fmt: skip
            colour = "reading" if t.triage is not None else None
            shown = t.intervals
            if t.triage is not None:
                shown = shown.merge(t.triage[["annotator_id", "reading"]], on="annotator_id")
            show_figure(plot_expertise_ranking(shown, colour), "expertise ranking",
                        key="realm_fig_rank")  # fmt: skip
            fit_table(
                shown, key="realm_intervals",
                column_order=["annotator_id", "task", "expertise", "ci_low", "ci_high", "n",
                              "realm_joint", "majority", "dawid_skene", "glad", "mace"],
                column_config={"annotator_id": "annotator", "ci_low": "95% from",
                               "ci_high": "to", "realm_joint": "REALM (joint)",
                               "majority": "agrees w/ majority", "dawid_skene": "Dawid–Skene",
                               "glad": "GLAD α", "mace": "MACE"},
            )  # fmt: skip
            download_table(shown, "annotator expertise", key="realm_dl_intervals")
            method_note(
                "**expertise**: the weight e_a of 'the classifier's label' in REALM's mixture "
                "e_a p(y|x) + (1 − e_a)/C that best explains the annotator's labels, with the "
                "trained REALM classifier held fixed (EM over all their annotations); the "
                "interval resamples the items 200 times. **REALM (joint)**: e_a as learned "
                "during training (training split only; with item-dependent expertise, e_a "
                "where the item term <phi(x), u_a> is zero). The other columns are the classic "
                "aggregators' skills: agreement with the majority; Dawid–Skene's probability of "
                "a correct label; GLAD's ability α (log-odds scale); MACE's probability of not "
                "spamming."
            )

# ---------------------------------------------------------------- 2. methods
with tabs[1]:
    if t is None or result is None:
        st.info("Train REALM (settings above) to compare the methods.")
    else:
        with section("Classifiers on held-out items", "realm_accuracy",
                     accuracy_takeaway(result.accuracy)):  # fmt: skip
            fit_table(result.accuracy, key="realm_acc_table")
            download_table(result.accuracy, "classifier accuracy", key="realm_dl_acc")
            st.markdown("**Do the methods rank the annotators alike?** (Spearman ρ)")
            fit_table(t.agreement.reset_index(names="method"), key="realm_agreement")
            download_table(t.agreement.reset_index(names="method"), "method agreement",
                           key="realm_dl_agree")  # fmt: skip
            method_note(
                "Accuracy: the share of test items whose predicted class is the item's gold "
                "label when a gold column is mapped (the oracle is then trained on the training "
                "items' gold labels), else its majority label — a proxy: a method that models "
                "unreliable annotators can disagree with a majority that is itself noisy (the "
                "simulation lab measures against a known truth)."
            )

# ---------------------------------------------------------------- 3. triage
with tabs[2]:
    if t is None:
        st.info("Train REALM (settings above) to triage low-expertise annotators.")
    elif t.triage is None:
        st.info("Triage needs an annotator attribute (a demographic column).")
    else:
        with section("Noise or perspective?", "realm_triage",
                     triage_takeaway(t.triage, str(by))):  # fmt: skip
            show_figure(plot_triage(t.triage), "triage", key="realm_fig_triage")
            names = {
                "annotator_id": "annotator",
                "shared": "shared (gap)",
                "with_group": "r with group",
                "with_others": "r with others",
            }
            fit_table(t.triage, key="realm_triage_table", column_config=names)
            download_table(t.triage, "triage", key="realm_dl_triage")
            method_note(
                "**r with group / r with others**: the correlation of the annotator's labels "
                "with those of each other member of their group, and of each rater outside it, "
                "on the items both labelled (one rater at a time, so both carry the items' "
                "severity alike). **shared (gap)**: the first minus the second. A low expertise "
                "with a gap of 0.2 or more is a group perspective the majority does not share; "
                "with a small gap it is idiosyncratic — noise, or a perspective no group "
                "column captures."
            )

# ---------------------------------------------------------------- 4. simulation lab
with tabs[3], st.form("realm_sim_form"):
    st.caption(
        "Replace the annotators by 3 simulated ones whose true expertise you choose, on this "
        "dataset's items with their majority labels as the truth, and see which method "
        "recovers the truth and the expertise."
    )
    c1, c2, c3 = st.columns(3)
    profile = c1.selectbox("Expertise profile", list(PROFILE_LABELS), key="realm_profile",
                           format_func=PROFILE_LABELS.get)  # fmt: skip
    noise = c2.selectbox("Noise", ["uniform", "asymmetric", "systematic"], key="realm_noise")
    mode = c3.selectbox("Who labels what", ["shared", "exclusive"], key="realm_mode",
                        format_func={"shared": "every annotator every item",
                                     "exclusive": "one annotator per item"}.get)  # fmt: skip
    run_sim = st.form_submit_button("Simulate and compare")
if run_sim:
    form = SimulationForm(profile_expertise(profile), noise, mode, 40, 0)
    try:
        simulate(ds, form)
    except ValueError as exc:
        st.error(str(exc))
kept = stored_simulation(ds)
if kept is not None:
    sim_form, sim = kept
    with (
        tabs[3],
        section("Simulated annotators", "realm_sim", simulation_takeaway(sim.accuracy,
                                                                          sim.expertise_spearman)),
    ):  # fmt: skip
        st.caption(
            f"True expertise {', '.join(f'{e:.1f}' for e in sim_form.expertise)}; "
            f"{sim_form.noise} noise; {sim_form.mode} annotation."
        )
        c1, c2 = st.columns(2)
        with c1:
            table = sim_accuracy_table(sim)
            fit_table(table, key="realm_sim_acc")
            download_table(table, "simulation accuracy", key="realm_dl_sim_acc")
        with c2:
            learned = sim_expertise_table(sim)
            show_figure(plot_simulation(learned), "learned vs true expertise",
                        key="realm_fig_sim")  # fmt: skip
        download_table(learned, "simulated expertise", key="realm_dl_sim_exp")
        method_note(
            "A simulated annotator gives the true label with probability e and otherwise a "
            "noise label: **uniform** over all classes (REALM's own model), **asymmetric** (the "
            "next class three times as likely as each other one) or **systematic** (one fixed "
            "shift per annotator). Each method's classifier is trained on the training items "
            "and scored on held-out items against the truth; majority vote and Dawid–Skene "
            "train it on their aggregated labels, the oracle on the truth itself. Consistent "
            "(systematic) noise from a majority of annotators cannot be told from the truth "
            "by any method that sees only the labels."
        )
