"""Analysis: metrics as tidy tables (``compute_*``) and plotly figures (``plot_*``), per wing.

* ``analysis.dataset``: agreement, disagreement, demographics, the Overview page's tables.
* ``analysis.moe``: rating metrics, bootstrap significance, expert specialisation, report.
* ``analysis.profiles``: usable information, calibration, clusters, uncertainty, juries.

May call engines and read their outputs; never imports streamlit, ``ui`` or torch modules.
"""
