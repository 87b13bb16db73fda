"""REALM wing (realm seed): annotator expertise learned jointly with the classifier.

- :mod:`~engines.realm.net`: the item classifier and the observed-label mixture
  ``p(y | x, a) = e_a p_theta(y | x) + (1 - e_a) / C`` (eq. 1-5);
- :mod:`~engines.realm.items`: what the classifier reads of an item, frozen embeddings or a
  fine-tuned transformer;
- :mod:`~engines.realm.model`: :class:`Realm` (variants ``realm``, ``noisy``, ``majority``,
  ``oracle``) through the one training loop;
- :mod:`~engines.realm.aggregation`: majority vote, Dawid-Skene, GLAD and MACE via crowd-kit,
  with a skill per annotator;
- :mod:`~engines.realm.simulate`: simulated annotators with known expertise and noise;
- :mod:`~engines.realm.workflow`: :func:`run_realm` on a dataset, :func:`run_simulation` in
  the simulation lab.

Importing this package loads no torch (names load from their module on first use).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from engines._lazy import lazy_exports

if TYPE_CHECKING:
    from engines.realm.aggregation import AGGREGATORS, Aggregated, Aggregator, aggregate
    from engines.realm.items import FineTunedItems, FrozenItems
    from engines.realm.model import Realm, RealmConfig
    from engines.realm.net import RealmNet, mixture_log_likelihood
    from engines.realm.simulate import (
        MODES,
        NOISES,
        PROFILES,
        Mode,
        Noise,
        simulate_annotators,
    )
    from engines.realm.variants import VARIANT_NAMES, VARIANTS, Variant
    from engines.realm.workflow import (
        RealmResult,
        RealmRunConfig,
        SimulationResult,
        item_texts,
        run_realm,
        run_simulation,
    )

__all__ = [
    "AGGREGATORS",
    "MODES",
    "NOISES",
    "PROFILES",
    "VARIANTS",
    "VARIANT_NAMES",
    "Aggregated",
    "Aggregator",
    "FineTunedItems",
    "FrozenItems",
    "Mode",
    "Noise",
    "Realm",
    "RealmConfig",
    "RealmNet",
    "RealmResult",
    "RealmRunConfig",
    "SimulationResult",
    "Variant",
    "aggregate",
    "item_texts",
    "mixture_log_likelihood",
    "run_realm",
    "run_simulation",
    "simulate_annotators",
]

_HOMES: dict[str, str] = {
    "AGGREGATORS": "aggregation",
    "Aggregated": "aggregation",
    "Aggregator": "aggregation",
    "aggregate": "aggregation",
    "FineTunedItems": "items",
    "FrozenItems": "items",
    "Realm": "model",
    "RealmConfig": "model",
    "RealmNet": "net",
    "mixture_log_likelihood": "net",
    "MODES": "simulate",
    "NOISES": "simulate",
    "PROFILES": "simulate",
    "Mode": "simulate",
    "Noise": "simulate",
    "simulate_annotators": "simulate",
    "VARIANTS": "variants",
    "VARIANT_NAMES": "variants",
    "Variant": "variants",
    "RealmResult": "workflow",
    "RealmRunConfig": "workflow",
    "SimulationResult": "workflow",
    "item_texts": "workflow",
    "run_realm": "workflow",
    "run_simulation": "workflow",
}

__getattr__, __dir__ = lazy_exports(__name__, _HOMES, __all__)
