"""Synthetic perspectives wing: the homogenisation audit, the blending grid, their figures.

- :mod:`~analysis.synthetic.audit`: agreement and entropy of synthetic vs human labels, group
  and persona alignment, the attributes personas follow;
- :mod:`~analysis.synthetic.grid`: DEM-MoE's MAE per (synthetic set x blend) against real data
  only (the dem-moe seed's Figure 3) and the annotator-model comparison;
- :mod:`~analysis.synthetic.plots` and :mod:`~analysis.synthetic.takeaways`.

Never imports streamlit or torch.
"""

from analysis.synthetic.audit import (
    compute_group_alignment,
    compute_homogenisation,
    compute_persona_alignment,
    compute_prototypical_features,
    matched_entropy,
)
from analysis.synthetic.grid import (
    GRID_COLUMNS,
    compute_blending_grid,
    compute_category_mae,
    compute_model_fit,
)
from analysis.synthetic.plots import (
    SOURCE_COLOURS,
    plot_blending_grid,
    plot_group_alignment,
    plot_homogenisation,
    plot_model_fit,
    plot_prototypical_features,
)

__all__ = [
    "GRID_COLUMNS",
    "SOURCE_COLOURS",
    "compute_blending_grid",
    "compute_category_mae",
    "compute_group_alignment",
    "compute_homogenisation",
    "compute_model_fit",
    "compute_persona_alignment",
    "compute_prototypical_features",
    "matched_entropy",
    "plot_blending_grid",
    "plot_group_alignment",
    "plot_homogenisation",
    "plot_model_fit",
    "plot_prototypical_features",
]
