"""Value-profiles wing of the analyses: ``compute_*`` -> tidy DataFrames, ``plot_*`` -> figures.

Pure numpy/pandas/scipy maths after Sorensen et al., "Value Profiles for Encoding Human
Variation" (sections 3, 5-7, Algorithms 1-2, appendix D.1), over arrays a decoder produced:
for an (item, rater representation) pair, a probability distribution over ``C`` classes.

* :mod:`~analysis.profiles.information`: usable information and information preserved;
* :mod:`~analysis.profiles.calibration`: reliability diagram and expected calibration error;
* :mod:`~analysis.profiles.clusters`: size and fit of each value-profile cluster (the
  clustering itself, Algorithm 2, is :mod:`engines.profiles.clustering`);
* :mod:`~analysis.profiles.uncertainty`: value-epistemic vs aleatoric uncertainty per item;
* :mod:`~analysis.profiles.jury`: simulated juries vs observed agreement;
* :mod:`~analysis.profiles.shift`: how a profile edit shifts the predictions.
* :mod:`~analysis.profiles.edit_checks`: whether an edit moved them the way it says;
* :mod:`~analysis.profiles.statements`: which statement of a profile moved which items.
* :mod:`~analysis.profiles.readings`: what each reading of an edit moved, and where.

Each ``plot_<concept>`` module draws the DataFrame of its ``<concept>`` module. Natural
logarithms throughout (nats). Never imports torch or streamlit.
"""

from analysis.profiles.calibration import compute_reliability, expected_calibration_error
from analysis.profiles.clusters import compute_cluster_summary
from analysis.profiles.edit_checks import edit_shift, summarise_edit_checks
from analysis.profiles.information import compute_usable_information, information_preserved
from analysis.profiles.jury import (
    compute_jury,
    jury_correlation,
    observed_agreement,
    predicted_agreement,
)
from analysis.profiles.plot_calibration import plot_reliability
from analysis.profiles.plot_clusters import plot_profile_clusters
from analysis.profiles.plot_information import plot_usable_information
from analysis.profiles.plot_jury import plot_jury
from analysis.profiles.plot_shift import plot_distribution_shift, plot_target_shift
from analysis.profiles.plot_uncertainty import plot_uncertainty_scatter
from analysis.profiles.readings import (
    WRITTEN,
    compare_readings,
    compute_edit_attribution,
    compute_target_shift,
)
from analysis.profiles.shift import (
    compute_prediction_shift,
    js_divergence,
    summarise_distribution,
)
from analysis.profiles.statements import (
    attribute_moves,
    compute_statement_effects,
    compute_theme_examples,
    moved_nothing,
)
from analysis.profiles.uncertainty import compute_item_uncertainty

__all__ = [
    "attribute_moves",
    "compute_cluster_summary",
    "compute_item_uncertainty",
    "compute_jury",
    "compute_prediction_shift",
    "compare_readings",
    "compute_edit_attribution",
    "compute_target_shift",
    "WRITTEN",
    "compute_reliability",
    "compute_statement_effects",
    "compute_theme_examples",
    "compute_usable_information",
    "edit_shift",
    "expected_calibration_error",
    "information_preserved",
    "js_divergence",
    "jury_correlation",
    "moved_nothing",
    "observed_agreement",
    "plot_distribution_shift",
    "plot_target_shift",
    "plot_jury",
    "plot_profile_clusters",
    "plot_reliability",
    "plot_uncertainty_scatter",
    "plot_usable_information",
    "predicted_agreement",
    "summarise_distribution",
    "summarise_edit_checks",
]
