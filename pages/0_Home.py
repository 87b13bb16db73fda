"""Perspectives Lab home: what the app does and which dataset is open."""

import streamlit as st

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
c1, c2 = st.columns(2)
with c1:
    st.page_link(
        "pages/1_Data.py",
        label="Data: upload, map columns, validate",
        icon=":material/upload_file:",
    )
    st.caption(
        "Long CSV (one row per annotation), Le-Wi-Di JSON, Crowd-Kit (task, worker, label) or "
        "wide tables (one column per annotator). Columns are mapped automatically and every "
        "problem is reported with its line numbers."
    )
with c2:
    st.page_link(
        "pages/2_Overview.py",
        label="Overview: agreement and disagreement",
        icon=":material/insights:",
    )
    st.caption(
        "Krippendorff's alpha with bootstrap intervals, label entropy and spread, "
        "demographic composition and signal, and the most disputed items."
    )
c3, c4 = st.columns(2)
with c3:
    st.page_link(
        "pages/3_Value_profiles.py",
        label="Value profiles: edit a rater's values, watch predictions change",
        icon=":material/psychology:",
    )
    st.caption(
        "Natural-language value profiles per rater, a decoder that predicts each rater's "
        "labels, usable information per representation, profile clusters, calibration, "
        "uncertainty and simulated juries."
    )
with c4:
    st.page_link(
        "pages/4_Demographic_experts.py",
        label="Demographic experts: DEM-MoE and what its experts learn",
        icon=":material/hub:",
    )
    st.caption(
        "A demographic-routed mixture of experts against seven baselines, error by group with "
        "bootstrap intervals, seen vs unseen annotators, and expert specialisation by group."
    )
c5, c6 = st.columns(2)
with c5:
    st.page_link(
        "pages/5_Value_calibration.py",
        label="Value calibration: is the model calibrated for every value group?",
        icon=":material/tune:",
    )
    st.caption(
        "Value clusters from rationales, value tags or demographic cross-sections; MC-STL "
        "against its baselines; calibration lines per group; rationale-cluster summaries."
    )
with c6:
    st.page_link(
        "pages/6_Annotator_reliability.py",
        label="Annotator reliability: noise or a perspective?",
        icon=":material/verified_user:",
    )
    st.caption(
        "REALM's expertise per annotator with intervals, the classic aggregators, a triage of "
        "low-expertise annotators against their group, and a simulation lab."
    )
