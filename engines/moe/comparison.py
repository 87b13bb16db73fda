"""DEM-MoE experiment: one split, DEM-MoE and its baselines, predictions and routing.

The split is the dataset's item-level train/dev/test split (no item in two splits; seed
chosen at import). To measure generalisation to new people as well as new content, a share of
annotators can be held out: their train and dev rows are dropped, so in the test split they
are *unseen* (dem-moe seed, §5.1 and appendix C.1).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from engines.core import Progress, prefixed, report
from engines.data.schema import ANNOTATOR_ID, IS_SYNTHETIC, ITEM_ID, SPLIT, AnnotationDataset
from engines.moe.baselines import BASELINES, make_model
from engines.moe.encoding import ratings_of
from engines.moe.keys import MODEL_KEYS
from engines.moe.model import DemMoE
from engines.moe.regressor import RatingRegressor
from engines.moe.search import SearchResult, search_moe
from engines.moe.search_space import SearchConfig

__all__ = [
    "MoEResult",
    "MoERunConfig",
    "model_names",
    "prediction_frame",
    "run_comparison",
    "run_over_seeds",
    "split_for_moe",
]


@dataclass(frozen=True)
class MoERunConfig:
    """What to train and how the data are split."""

    models: tuple[str, ...] = MODEL_KEYS
    """Keys of the models to train (see :data:`MODEL_KEYS`)."""
    attributes: tuple[str, ...] | None = None
    """Demographic columns the models may use (None: all of the dataset's)."""
    holdout_annotators: float = 0.1
    """Share of annotators whose train/dev rows are dropped (unseen at test time)."""
    seed: int = 0
    """Seed of the annotator hold-out and of every model built here."""
    max_epochs: int | None = None
    """Epoch cap for every neural model (None: each model's default)."""
    human_only: bool = True
    """Leave out rows flagged ``is_synthetic``."""
    search: SearchConfig | None = None
    """Optuna search of DEM-MoE's hyperparameters on the dev split first (None: off)."""


def _routing(model: RatingRegressor | None, splits: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """DEM-MoE's routing of every split's annotations, with a ``split`` column (empty otherwise)."""
    if not isinstance(model, DemMoE):
        return pd.DataFrame()
    frames = [
        model.routing_frame(rows).assign(split=name) for name, rows in splits.items() if len(rows)
    ]
    routing = pd.concat(frames, ignore_index=True)
    return routing[["split", *[c for c in routing.columns if c != "split"]]]


@dataclass
class MoEResult:
    """Everything the page, the CLI and the benchmark show."""

    predictions: pd.DataFrame
    """``model, item_id, annotator_id, rating, prediction, seen`` on the test split."""
    fit_seconds: dict[str, float]
    """Model key -> training time."""
    models: dict[str, RatingRegressor]
    """Model key -> fitted model."""
    routing: pd.DataFrame
    """DEM-MoE's routed weights on every annotation: ``split, annotator_id, item_id, expert_*``.

    The router reads no label, so every annotation (train, dev and test) shows where it sends a
    subgroup; more annotations per subgroup keep the usage estimates stable."""
    annotators: pd.DataFrame
    """``annotator_id`` + the attributes used."""
    attributes: tuple[str, ...]
    """Demographic columns the models used."""
    split_sizes: dict[str, int] = field(default_factory=dict)
    """Rows of ``train``, ``dev`` and ``test``."""
    search: SearchResult | None = None
    """The hyperparameter search, when one was run (DEM-MoE was then trained with its best)."""

    @property
    def moe(self) -> DemMoE | None:
        """The fitted DEM-MoE (None when it was not trained)."""
        m = self.models.get("moe")
        return m if isinstance(m, DemMoE) else None


def split_for_moe(
    ds: AnnotationDataset, cfg: MoERunConfig
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """``(train, dev, test)`` rows: the item-level split, minus held-out annotators' train/dev.

    Raises:
        ValueError: When a split is empty or the labels are not numeric.
    """
    df = ds.df
    if cfg.human_only and IS_SYNTHETIC in df.columns:
        df = df[df[IS_SYNTHETIC] != 1]
    ratings_of(df.head(1000))  # clear error for nominal labels before any training
    rng = np.random.default_rng(cfg.seed)
    raters = np.asarray(sorted(df[ANNOTATOR_ID].astype(str).unique()))
    n_out = int(round(cfg.holdout_annotators * len(raters)))
    held = set(rng.choice(raters, n_out, replace=False)) if n_out else set()
    is_held = df[ANNOTATOR_ID].astype(str).isin(held)
    parts = []
    for name in ("train", "dev", "test"):
        rows = df[(df[SPLIT] == name) & (~is_held if name != "test" else True)]
        if rows.empty:
            raise ValueError(f"The {name} split is empty; the dataset needs more items.")
        parts.append(rows.reset_index(drop=True))
    return parts[0], parts[1], parts[2]


def prediction_frame(
    model: RatingRegressor, test: pd.DataFrame, rating: np.ndarray
) -> pd.DataFrame:
    """``model, item_id, annotator_id, rating, prediction, seen`` of one model on the test rows."""
    return pd.DataFrame(
        {
            "model": model.name,
            ITEM_ID: test[ITEM_ID].astype(str).to_numpy(),
            ANNOTATOR_ID: test[ANNOTATOR_ID].astype(str).to_numpy(),
            "rating": rating,
            "prediction": model.predict(test),
            "seen": model.encoding_.seen(test),
        }
    )


def run_comparison(
    ds: AnnotationDataset,
    item_ids: Sequence[str],
    item_emb: np.ndarray,
    cfg: MoERunConfig | None = None,
    progress: Progress | None = None,
    models: dict[str, RatingRegressor] | None = None,
) -> MoEResult:
    """Train every requested model on the same split and predict the test split.

    Args:
        ds: the dataset (numeric labels).
        item_ids: ids of the rows of ``item_emb``.
        item_emb: frozen item embeddings.
        cfg: what to run.
        progress: told ``(done, total, what)`` while training: ``"<model>: epoch, val loss
            ..."`` per epoch, ``"<model>: fitted"`` after each model and ``"Optuna search:
            trial, best dev MAE ..."`` per search trial.
        models: pre-configured estimators by key (e.g. a DEM-MoE with the page's settings);
            keys not given are built with their defaults.
    """
    cfg = cfg or MoERunConfig()
    attrs = tuple(cfg.attributes if cfg.attributes is not None else ds.demographics)
    unknown = [k for k in cfg.models if k not in MODEL_KEYS]
    if unknown:
        raise ValueError(f"Unknown models {unknown}; choose from {', '.join(MODEL_KEYS)}.")
    train, dev, test = split_for_moe(ds, cfg)
    models = dict(models or {})
    searched = None
    if cfg.search is not None and "moe" in cfg.models:
        base = models.get("moe") or make_model("moe", cfg.seed, cfg.max_epochs)
        searched = search_moe(
            train,
            item_ids,
            item_emb,
            attrs,
            dev,
            base.config,  # type: ignore[arg-type]
            cfg.search,
            progress,
        )
        models["moe"] = DemMoE(searched.best_config)
    fitted: dict[str, RatingRegressor] = {}
    seconds: dict[str, float] = {}
    frames = []
    rating = ratings_of(test)
    for k, key in enumerate(cfg.models):
        model = models.get(key) or make_model(key, cfg.seed, cfg.max_epochs)
        step = prefixed(progress, f"Model {k + 1} of {len(cfg.models)}")
        report(step, 0, 1, f"{model.name}: training")
        t0 = time.perf_counter()
        model.fit(train, item_ids, item_emb, attrs, dev, step)
        seconds[key] = time.perf_counter() - t0
        report(step, 1, 1, f"{model.name}: fitted")
        fitted[key] = model
        frames.append(prediction_frame(model, test, rating))
    moe = fitted.get("moe")
    routing = _routing(moe, {"train": train, "dev": dev, "test": test})
    annotators = ds.annotators()[[ANNOTATOR_ID, *attrs]].copy()
    annotators[ANNOTATOR_ID] = annotators[ANNOTATOR_ID].astype(str)
    return MoEResult(
        predictions=pd.concat(frames, ignore_index=True),
        fit_seconds=seconds,
        models=fitted,
        routing=routing,
        annotators=annotators,
        attributes=attrs,
        split_sizes={"train": len(train), "dev": len(dev), "test": len(test)},
        search=searched,
    )


def run_over_seeds(
    ds: AnnotationDataset,
    item_ids: Sequence[str],
    item_emb: np.ndarray,
    cfg: MoERunConfig,
    seeds: Sequence[int],
    progress: Progress | None = None,
    models: dict[str, RatingRegressor] | None = None,
) -> list[MoEResult]:
    """:func:`run_comparison` once per seed.

    The training seeds and the held-out annotators change with the seed; the item-level
    split, hence the test rows, stay the same. ``models``: pre-configured estimators,
    re-built per seed with that seed.
    """
    results = []
    for k, seed in enumerate(seeds):
        step = (
            prefixed(progress, f"Seed {seed} ({k + 1} of {len(seeds)})")
            if len(seeds) > 1
            else progress
        )
        seeded = {
            key: type(m)(m.config.with_train(seed=int(seed)))  # type: ignore[call-arg]
            for key, m in (models or {}).items()
        }
        results.append(
            run_comparison(ds, item_ids, item_emb, replace(cfg, seed=int(seed)), step, seeded)
        )
    return results


def model_names() -> dict[str, str]:
    """Short key -> display name of every model."""
    return {"moe": DemMoE.name, **{k: v.name for k, v in BASELINES.items()}}
