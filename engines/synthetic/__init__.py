"""Synthetic perspectives wing (dem-moe seed sections 6-7, annotator-personas seed).

- :mod:`~engines.synthetic.personas`: the persona pool and the generation strategies (0.5x, 1x,
  fill, cluster);
- :mod:`~engines.synthetic.impute`: the offline generator (a DEM-MoE's predictive
  distribution, with a temperature);
- :mod:`~engines.synthetic.prompts` and :mod:`~engines.synthetic.llm`: the seed's persona
  prompts, strong and weak personas, the ``[Explanation]:::[Rating]`` parser and generation
  through the optional LLM backend;
- :mod:`~engines.synthetic.weights`: the weighted blend's ``w = A / T / P``;
- :mod:`~engines.synthetic.workflow`: :func:`make_synthetic`, :func:`imported_synthetic` and
  :func:`run_blending` (DEM-MoE on real data alone and under each blend);
- :mod:`~engines.synthetic.twins`: synthetic twins of every human annotation and the
  annotator-model comparison.

Importing this package loads no torch (names load from their module on first use).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from engines._lazy import lazy_exports

if TYPE_CHECKING:
    from engines.synthetic.impute import ImputationConfig, Imputer, nearest_class
    from engines.synthetic.llm import (
        at_temperature,
        by_temperature,
        generate_with_llm,
        llm_synthetic,
        reply_counts,
    )
    from engines.synthetic.personas import (
        STRATEGIES,
        Strategy,
        counts_per_item,
        describe_persona,
        persona_pool,
        plan_annotations,
    )
    from engines.synthetic.prompts import (
        GRANULARITIES,
        TASK_PROMPTS,
        Granularity,
        build_prompt,
        parse_reply,
        persona_text,
    )
    from engines.synthetic.twins import compare_annotator_models, synthetic_twins
    from engines.synthetic.weights import demographic_clusters, synthetic_weights
    from engines.synthetic.workflow import (
        BLENDINGS,
        REAL_ONLY,
        Blending,
        BlendingResult,
        SyntheticRunConfig,
        attributes_of,
        imported_synthetic,
        make_synthetic,
        run_blending,
        split_rows,
    )

__all__ = [
    "BLENDINGS",
    "GRANULARITIES",
    "REAL_ONLY",
    "STRATEGIES",
    "TASK_PROMPTS",
    "Blending",
    "BlendingResult",
    "Granularity",
    "ImputationConfig",
    "Imputer",
    "Strategy",
    "SyntheticRunConfig",
    "at_temperature",
    "attributes_of",
    "by_temperature",
    "build_prompt",
    "compare_annotator_models",
    "counts_per_item",
    "demographic_clusters",
    "describe_persona",
    "generate_with_llm",
    "llm_synthetic",
    "imported_synthetic",
    "make_synthetic",
    "nearest_class",
    "parse_reply",
    "persona_pool",
    "persona_text",
    "plan_annotations",
    "reply_counts",
    "run_blending",
    "split_rows",
    "synthetic_twins",
    "synthetic_weights",
]

_HOMES: dict[str, str] = {
    "ImputationConfig": "impute",
    "Imputer": "impute",
    "nearest_class": "impute",
    "at_temperature": "llm",
    "generate_with_llm": "llm",
    "by_temperature": "llm",
    "llm_synthetic": "llm",
    "reply_counts": "llm",
    "STRATEGIES": "personas",
    "Strategy": "personas",
    "counts_per_item": "personas",
    "describe_persona": "personas",
    "persona_pool": "personas",
    "plan_annotations": "personas",
    "GRANULARITIES": "prompts",
    "TASK_PROMPTS": "prompts",
    "Granularity": "prompts",
    "build_prompt": "prompts",
    "parse_reply": "prompts",
    "persona_text": "prompts",
    "compare_annotator_models": "twins",
    "synthetic_twins": "twins",
    "demographic_clusters": "weights",
    "synthetic_weights": "weights",
    "BLENDINGS": "workflow",
    "REAL_ONLY": "workflow",
    "Blending": "workflow",
    "BlendingResult": "workflow",
    "SyntheticRunConfig": "workflow",
    "imported_synthetic": "workflow",
    "make_synthetic": "workflow",
    "run_blending": "workflow",
    "attributes_of": "workflow",
    "split_rows": "workflow",
}

__getattr__, __dir__ = lazy_exports(__name__, _HOMES, __all__)
