"""Perspectives Lab home: what the app does and which dataset is open."""

import streamlit as st

from ui.report import report_button
from ui.state import ensure_dataset, get_origin
from ui.widgets import dataset_banner

st.title("Perspectives Lab")
st.markdown(
    "Study **why annotators disagree** on subjective labels (toxicity, offensiveness, "
    "politeness, safety, moral judgements). Perspectives Lab treats disagreement as signal: "
    "it measures agreement, shows which demographic groups rate differently, and trains "
    "models of individual perspectives."
)

ds = ensure_dataset()
dataset_banner(ds, get_origin())
if get_origin() == "sample":
    st.info(
        "You are looking at the **bundled sample**: generated offensiveness ratings with "
        "planted structure (age groups that rate profanity differently, value orientations, "
        "a few near-random annotators, a homogeneous synthetic subset). "
        "Open **Data** to upload your own CSV or a Le-Wi-Di JSON file.",
        icon=":material/science:",
    )

st.subheader("Where to go")
DESTINATIONS = [
    ("pages/1_Data.py", "Data: upload, map columns, validate", ":material/upload_file:",
     "Long CSV (one row per annotation), Le-Wi-Di JSON, Crowd-Kit (task, worker, label) or "
     "wide tables (one column per annotator). Columns are mapped automatically and every "
     "problem is reported with its line numbers."),
    ("pages/2_Overview.py", "Overview: agreement and disagreement", ":material/insights:",
     "Krippendorff's alpha with bootstrap intervals, label entropy and spread, "
     "demographic composition and signal, and the most disputed items."),
    ("pages/3_Value_profiles.py",
     "Value profiles: edit a rater's values, watch predictions change", ":material/psychology:",
     "Natural-language value profiles per rater, a decoder that predicts each rater's "
     "labels, usable information per representation, profile clusters, calibration, "
     "uncertainty and simulated juries."),
    ("pages/4_Demographic_experts.py", "Demographic experts: DEM-MoE and what its experts learn",
     ":material/hub:",
     "A demographic-routed mixture of experts against seven baselines, error by group with "
     "bootstrap intervals, seen vs unseen annotators, and expert specialisation by group."),
    ("pages/5_Value_calibration.py",
     "Value calibration: is the model calibrated for every value group?", ":material/tune:",
     "Value clusters from rationales, value tags or demographic cross-sections; MC-STL "
     "against its baselines; calibration lines per group; rationale-cluster summaries."),
    ("pages/6_Annotator_reliability.py", "Annotator reliability: noise or a perspective?",
     ":material/verified_user:",
     "REALM's expertise per annotator with intervals, the classic aggregators, a triage of "
     "low-expertise annotators against their group, and a simulation lab."),
    ("pages/7_Synthetic_perspectives.py",
     "Synthetic perspectives: can personas stand in for people?", ":material/groups:",
     "Persona annotations (offline, imported or from an LLM), blended into DEM-MoE's "
     "training three ways against real data alone, and an audit of whether they flatten the "
     "human perspectives."),
]  # fmt: skip
for row in range(0, len(DESTINATIONS), 2):
    for column, (page, label, icon, caption) in zip(
        st.columns(2), DESTINATIONS[row : row + 2], strict=False
    ):
        with column:
            st.page_link(page, label=label, icon=icon)
            st.caption(caption)

st.subheader("Share what you found")
st.caption(
    "One self-contained HTML file (about 5 MB; it opens offline): the takeaways first, then "
    "the interactive figures and tables of the overview and of every wing trained in this "
    "session (those not trained are listed), then the settings used and the data's "
    "fingerprint. Headless: `perspectives report --data FILE --out report.html`."
)
report_button(ds)
