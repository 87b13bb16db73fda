"""DEM-MoE wing: rating metrics, significance, expert specialisation, report and figures."""
