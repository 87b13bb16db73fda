"""Perspectives Lab: the entry point (``streamlit run app.py``) and page router."""

import streamlit as st

from ui.layout import page_style

st.set_page_config(page_title="Perspectives Lab", page_icon=":material/diversity_3:", layout="wide")
page_style()

PAGES = [
    st.Page("pages/0_Home.py", title="Home", icon=":material/home:", default=True),
    st.Page("pages/1_Data.py", title="Data", icon=":material/upload_file:"),
    st.Page("pages/2_Overview.py", title="Overview", icon=":material/insights:"),
    st.Page("pages/3_Value_profiles.py", title="Value profiles", icon=":material/psychology:"),
    st.Page("pages/4_Demographic_experts.py", title="Demographic experts", icon=":material/hub:"),
    st.Page("pages/5_Value_calibration.py", title="Value calibration", icon=":material/tune:"),
    st.Page(
        "pages/6_Annotator_reliability.py",
        title="Annotator reliability",
        icon=":material/verified_user:",
    ),  # fmt: skip
    st.Page(
        "pages/7_Synthetic_perspectives.py",
        title="Synthetic perspectives",
        icon=":material/groups:",
    ),  # fmt: skip
]
st.navigation(PAGES).run()
