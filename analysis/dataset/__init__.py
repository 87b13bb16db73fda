"""Dataset wing: agreement, disagreement, demographics and the Overview page's tables.

Modules, by concept (``compute_*`` -> tidy DataFrames, ``plot_*`` -> ``go.Figure``):

- :mod:`~analysis.dataset.pairable`: the sparse per-unit value counts alpha is computed from.
- :mod:`~analysis.dataset.agreement`: Krippendorff's alpha and the coincidence matrix.
- :mod:`~analysis.dataset.agreement_bootstrap`: the item-bootstrap interval and the agreement
  table over levels of measurement.
- :mod:`~analysis.dataset.disagreement`: per-item disagreement, label distribution, counts;
  drawn by :mod:`~analysis.dataset.plot_distributions`.
- :mod:`~analysis.dataset.demographics`: composition with small-group suppression;
  :mod:`~analysis.dataset.signal`: the null-corrected demographic signal; both drawn by
  :mod:`~analysis.dataset.plot_demographics`.
- :mod:`~analysis.dataset.overview`: every table of the Overview page in one call.

Never imports streamlit or torch.
"""

from analysis.dataset.agreement import coincidence_matrix, krippendorff_alpha
from analysis.dataset.agreement_bootstrap import (
    AGREEMENT_COLUMNS,
    bootstrap_alpha_ci,
    compute_agreement_table,
)
from analysis.dataset.demographics import (
    DEFAULT_MIN_GROUP_SIZE,
    compute_composition,
    count_combinations,
    merge_small_groups,
)
from analysis.dataset.disagreement import (
    DISPUTE_COLUMNS,
    ITEM_COLUMNS,
    compute_annotation_counts,
    compute_item_disagreement,
    compute_label_distribution,
    most_disputed_items,
)
from analysis.dataset.overview import (
    STAT_HELP,
    build_overview_tables,
    compute_dataset_stats,
    headline_level,
)
from analysis.dataset.pairable import LEVELS, Level, labels_are_numeric
from analysis.dataset.plot_demographics import plot_composition, plot_demographic_signal
from analysis.dataset.plot_distributions import plot_count_histogram, plot_label_distribution
from analysis.dataset.signal import compute_demographic_signal, merged_label

__all__ = [
    "AGREEMENT_COLUMNS",
    "DEFAULT_MIN_GROUP_SIZE",
    "DISPUTE_COLUMNS",
    "ITEM_COLUMNS",
    "LEVELS",
    "STAT_HELP",
    "Level",
    "bootstrap_alpha_ci",
    "build_overview_tables",
    "coincidence_matrix",
    "compute_agreement_table",
    "compute_annotation_counts",
    "compute_composition",
    "compute_dataset_stats",
    "compute_demographic_signal",
    "compute_item_disagreement",
    "compute_label_distribution",
    "count_combinations",
    "headline_level",
    "krippendorff_alpha",
    "labels_are_numeric",
    "merge_small_groups",
    "merged_label",
    "most_disputed_items",
    "plot_composition",
    "plot_count_histogram",
    "plot_demographic_signal",
    "plot_label_distribution",
]
