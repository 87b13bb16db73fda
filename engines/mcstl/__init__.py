"""MC-STL wing (mc-stl seed): value clusters, the multicalibrated subjective task learner.

Built so far (issue #14, in progress):

- :mod:`~engines.mcstl.clusters`: value clusters from rationales (k-means with a K sweep, or
  UMAP -> HDBSCAN; nearest-centroid assignment), ``value_tags`` (multi-membership) or
  demographic cross-sections (small ones merged);
- :mod:`~engines.mcstl.losses`: CORAL sub-tasks for any number of ordered classes, the tanh
  soft-thresholded binomial KL per value cluster (eq. 2-4), the cluster weights ``alpha_k``;
- :mod:`~engines.mcstl.net`: ``f = e(x) + sum_k v_k`` -> dense ``o`` without last-layer bias ->
  CORAL sub-task logits; the Bradley-Terry preference logit with a per-cluster temperature;
- :mod:`~engines.mcstl.model`: :class:`MCSTL` (variants ``mcstl``, ``no_info``, ``majority``)
  through the one training loop.
"""

from engines.mcstl.clusters import (
    SOURCES,
    ClusterSource,
    RationaleClusters,
    ValueClusters,
    cross_sections,
    demographic_clusters,
    k_sweep,
    tag_clusters,
)
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
from engines.mcstl.model import MCSTL, VARIANTS, MCSTLConfig, Variant, majority_mask, seed_lambda_kl
from engines.mcstl.net import MCSTLNet

__all__ = [
    "MCSTL",
    "SOURCES",
    "ClusterSource",
    "RationaleClusters",
    "ValueClusters",
    "cross_sections",
    "demographic_clusters",
    "k_sweep",
    "tag_clusters",
    "SHARPNESS",
    "VARIANTS",
    "MCSTLConfig",
    "MCSTLNet",
    "Variant",
    "majority_mask",
    "seed_lambda_kl",
    "binomial_kl",
    "cluster_alphas",
    "cluster_kl",
    "coral_class_probs",
    "coral_loss",
    "coral_targets",
    "soft_threshold_mean",
]
