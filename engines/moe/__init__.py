"""DEM-MoE wing (dem-moe seed): the mixture of experts, its baselines, comparison and search.

Modules, by concept:

- :mod:`~engines.moe.encoding`: annotation rows -> index tensors and z-scored ratings.
- :mod:`~engines.moe.regressor`: the estimator base and config every rating model shares.
- :mod:`~engines.moe.losses`: appendix B's loss terms, each a pure tensor function.
- :mod:`~engines.moe.net`: the network (Bayesian embeddings, gate, batched experts).
- :mod:`~engines.moe.model`: :class:`DemMoE` and :class:`MoEConfig`.
- :mod:`~engines.moe.baselines` / :mod:`~engines.moe.neural_baselines`: the five baselines
  and :func:`make_model`.
- :mod:`~engines.moe.usage`: expert usage and within-group specialisation of a routing.
- :mod:`~engines.moe.search_space` / :mod:`~engines.moe.search`: the Optuna search (Optuna is
  imported only when a search runs).
- :mod:`~engines.moe.comparison`: one split, every model, test predictions and routing.

Importing this package loads neither torch nor Optuna: each name is imported from its module
on first use (``from engines.moe import DemMoE`` loads torch then), so the analysis wing can
use :mod:`engines.moe.usage` without torch. Optuna is imported only when a search runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from engines._lazy import lazy_exports

if TYPE_CHECKING:
    from engines.moe.baselines import (
        BASELINES,
        AnnotatorMedian,
        MeanPredictor,
        MedianPredictor,
        TextOnly,
        make_model,
    )
    from engines.moe.comparison import (
        MoEResult,
        MoERunConfig,
        model_names,
        run_comparison,
        run_over_seeds,
        split_for_moe,
    )
    from engines.moe.encoding import RatingEncoding, ratings_of
    from engines.moe.keys import MODEL_KEYS
    from engines.moe.losses import (
        demographic_specialisation_loss,
        gaussian_kl,
        load_std_loss,
        orthogonality_loss,
        variance_loss,
    )
    from engines.moe.model import DemMoE, MoEConfig, PhaseWeights
    from engines.moe.net import BayesianEmbedding, DemMoENet, MoEOutput
    from engines.moe.neural_baselines import (
        PMF,
        AnnotatorEmbedding,
        DeepCross,
        HiddenConfig,
        PMFConfig,
    )
    from engines.moe.regressor import RatingRegressor, RegressorConfig
    from engines.moe.search import SearchResult, search_moe
    from engines.moe.search_space import (
        SearchConfig,
        SearchSpace,
        base_params,
        config_from_params,
        narrow_space,
    )
    from engines.moe.usage import (
        EXPERT_PREFIX,
        KL_COLUMNS,
        USAGE_COLUMNS,
        compute_expert_usage,
        compute_specialisation_kl,
        expert_columns,
    )

__all__ = [
    "BASELINES",
    "EXPERT_PREFIX",
    "KL_COLUMNS",
    "MODEL_KEYS",
    "PMF",
    "USAGE_COLUMNS",
    "AnnotatorEmbedding",
    "BayesianEmbedding",
    "DeepCross",
    "DemMoE",
    "DemMoENet",
    "HiddenConfig",
    "AnnotatorMedian",
    "MeanPredictor",
    "MedianPredictor",
    "MoEConfig",
    "MoEOutput",
    "MoEResult",
    "MoERunConfig",
    "PMFConfig",
    "PhaseWeights",
    "RatingEncoding",
    "RatingRegressor",
    "RegressorConfig",
    "SearchConfig",
    "SearchResult",
    "SearchSpace",
    "TextOnly",
    "base_params",
    "compute_expert_usage",
    "compute_specialisation_kl",
    "config_from_params",
    "demographic_specialisation_loss",
    "expert_columns",
    "gaussian_kl",
    "load_std_loss",
    "make_model",
    "model_names",
    "narrow_space",
    "orthogonality_loss",
    "ratings_of",
    "run_comparison",
    "run_over_seeds",
    "search_moe",
    "split_for_moe",
    "variance_loss",
]

_HOMES: dict[str, str] = {
    "BASELINES": "baselines",
    "EXPERT_PREFIX": "usage",
    "KL_COLUMNS": "usage",
    "MODEL_KEYS": "keys",
    "PMF": "neural_baselines",
    "USAGE_COLUMNS": "usage",
    "AnnotatorEmbedding": "neural_baselines",
    "BayesianEmbedding": "net",
    "DeepCross": "neural_baselines",
    "DemMoE": "model",
    "DemMoENet": "net",
    "HiddenConfig": "neural_baselines",
    "AnnotatorMedian": "baselines",
    "MeanPredictor": "baselines",
    "MedianPredictor": "baselines",
    "MoEConfig": "model",
    "MoEOutput": "net",
    "MoEResult": "comparison",
    "MoERunConfig": "comparison",
    "PMFConfig": "neural_baselines",
    "PhaseWeights": "model",
    "RatingEncoding": "encoding",
    "RatingRegressor": "regressor",
    "RegressorConfig": "regressor",
    "SearchConfig": "search_space",
    "SearchResult": "search",
    "SearchSpace": "search_space",
    "TextOnly": "baselines",
    "base_params": "search_space",
    "compute_expert_usage": "usage",
    "compute_specialisation_kl": "usage",
    "config_from_params": "search_space",
    "demographic_specialisation_loss": "losses",
    "expert_columns": "usage",
    "gaussian_kl": "losses",
    "load_std_loss": "losses",
    "make_model": "baselines",
    "model_names": "comparison",
    "narrow_space": "search_space",
    "orthogonality_loss": "losses",
    "ratings_of": "encoding",
    "run_comparison": "comparison",
    "run_over_seeds": "comparison",
    "search_moe": "search",
    "split_for_moe": "comparison",
    "variance_loss": "losses",
}
"""Public name -> the module of the wing that defines it."""

__getattr__, __dir__ = lazy_exports(__name__, _HOMES, __all__)
