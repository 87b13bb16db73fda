"""DEM-MoE wing (dem-moe seed): the mixture of experts, its baselines, comparison and search."""
