"""MC-STL wing (mc-stl seed): value clusters, the multicalibrated subjective task learner.

Built so far (issue #14, in progress): the loss terms (:mod:`~engines.mcstl.losses`: CORAL
sub-tasks for any number of ordered classes, the tanh soft-thresholded binomial KL per value
cluster of eq. 2-4, the cluster weights ``alpha_k``).
"""

from engines.mcstl.losses import (
    SHARPNESS,
    binomial_kl,
    cluster_alphas,
    cluster_kl,
    coral_class_probs,
    coral_loss,
    coral_targets,
    soft_threshold_mean,
)

__all__ = [
    "SHARPNESS",
    "binomial_kl",
    "cluster_alphas",
    "cluster_kl",
    "coral_class_probs",
    "coral_loss",
    "coral_targets",
    "soft_threshold_mean",
]
