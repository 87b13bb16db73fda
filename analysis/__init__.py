"""Analysis: pure computations (compute_* -> DataFrame) and plotly figure builders (plot_*).

Never imports streamlit or torch.
"""
