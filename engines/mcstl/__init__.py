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
  through the one training loop;
- :mod:`~engines.mcstl.preference`: :class:`MCSTLPreference`, the Bradley-Terry head on
  pairs with a learned temperature per cluster (section 2.4);
- :mod:`~engines.mcstl.workflow`: :func:`run_mcstl`, one experiment on a dataset's item-level
  splits (clusters from the training split, every variant, test predictions).

Importing this package loads no torch (names load from their module on first use), so the
analysis floor can use the torch-free :mod:`~engines.mcstl.variants` and
:mod:`~engines.mcstl.clusters`.

Still to come (issue #14): the Value calibration page, its figures, the CLI sub-command and the
benchmark.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from engines._lazy import lazy_exports

if TYPE_CHECKING:
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
    from engines.mcstl.llm_summary import summarise_clusters, summary_prompt
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
    from engines.mcstl.model import (
        MCSTL,
        MCSTLConfig,
        majority_mask,
        seed_lambda_kl,
    )
    from engines.mcstl.net import (
        MCSTLNet,
    )
    from engines.mcstl.preference import MCSTLPreference
    from engines.mcstl.splits import item_folds, split_rows
    from engines.mcstl.variants import (
        VARIANT_NAMES,
        VARIANTS,
        Variant,
    )
    from engines.mcstl.workflow import MCSTLResult, MCSTLRunConfig, run_mcstl

__all__ = [
    "MCSTLPreference",
    "summarise_clusters",
    "summary_prompt",
    "ClusterSource",
    "MCSTL",
    "MCSTLConfig",
    "MCSTLNet",
    "MCSTLResult",
    "MCSTLRunConfig",
    "RationaleClusters",
    "SHARPNESS",
    "SOURCES",
    "VARIANTS",
    "VARIANT_NAMES",
    "ValueClusters",
    "Variant",
    "binomial_kl",
    "cluster_alphas",
    "cluster_kl",
    "coral_class_probs",
    "coral_loss",
    "coral_targets",
    "cross_sections",
    "demographic_clusters",
    "k_sweep",
    "majority_mask",
    "run_mcstl",
    "seed_lambda_kl",
    "soft_threshold_mean",
    "item_folds",
    "split_rows",
    "tag_clusters",
]

_HOMES: dict[str, str] = {
    "MCSTLPreference": "preference",
    "summarise_clusters": "llm_summary",
    "summary_prompt": "llm_summary",
    "SOURCES": "clusters",
    "ClusterSource": "clusters",
    "RationaleClusters": "clusters",
    "ValueClusters": "clusters",
    "cross_sections": "clusters",
    "demographic_clusters": "clusters",
    "k_sweep": "clusters",
    "tag_clusters": "clusters",
    "SHARPNESS": "losses",
    "binomial_kl": "losses",
    "cluster_alphas": "losses",
    "cluster_kl": "losses",
    "coral_class_probs": "losses",
    "coral_loss": "losses",
    "coral_targets": "losses",
    "soft_threshold_mean": "losses",
    "MCSTL": "model",
    "MCSTLConfig": "model",
    "majority_mask": "model",
    "seed_lambda_kl": "model",
    "MCSTLNet": "net",
    "VARIANTS": "variants",
    "VARIANT_NAMES": "variants",
    "Variant": "variants",
    "MCSTLResult": "workflow",
    "MCSTLRunConfig": "workflow",
    "run_mcstl": "workflow",
    "item_folds": "splits",
    "split_rows": "splits",
}
"""Public name -> the module of the wing that defines it."""

__getattr__, __dir__ = lazy_exports(__name__, _HOMES, __all__)
