"""Annotator reliability analyses (realm seed).

Expertise intervals, method agreement, triage, figures and takeaways; torch-free.
"""

from analysis.realm.expertise import (
    compute_expertise_intervals,
    compute_method_agreement,
    mixture_weight,
)
from analysis.realm.plots import plot_expertise_ranking, plot_simulation, plot_triage
from analysis.realm.takeaways import (
    accuracy_takeaway,
    expertise_takeaway,
    simulation_takeaway,
    triage_takeaway,
)
from analysis.realm.triage import SHARED_BAR, compute_triage

__all__ = [
    "SHARED_BAR",
    "accuracy_takeaway",
    "compute_expertise_intervals",
    "compute_method_agreement",
    "compute_triage",
    "expertise_takeaway",
    "mixture_weight",
    "plot_expertise_ranking",
    "plot_simulation",
    "plot_triage",
    "simulation_takeaway",
    "triage_takeaway",
]
