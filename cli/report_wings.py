"""Each wing run with its defaults for ``perspectives report`` (one function per wing)."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cli.common import progress

if TYPE_CHECKING:
    from analysis.report import ReportSection
    from engines.data.schema import AnnotationDataset

__all__ = ["RUNNERS", "SYNTHETIC_EPOCHS", "cluster_source"]


def _embed(args: argparse.Namespace):  # noqa: ANN202 - a TextEmbedder
    from engines.text import EmbeddingCache, embed_with, make_encoder

    return embed_with(make_encoder(args.encoder), EmbeddingCache())


def _moe(ds: AnnotationDataset, args: argparse.Namespace) -> ReportSection:
    """The DEM-MoE comparison at the page's defaults."""
    from analysis.report import moe_section
    from engines.moe import MoERunConfig, run_comparison
    from engines.moe.keys import MODEL_KEYS
    from engines.text import embed_items

    items = embed_items(ds, _embed(args))
    models = tuple(args.models.split(",")) if args.models else MODEL_KEYS
    cfg = MoERunConfig(models=models, seed=args.seed, max_epochs=args.epochs)
    return moe_section(run_comparison(ds, items.item_ids, items.vectors, cfg, progress), cfg)


def _profiles(ds: AnnotationDataset, args: argparse.Namespace) -> ReportSection:
    """Offline value profiles and the default decoder, human raters only (as on the page)."""
    from analysis.report import profiles_section
    from engines.data.humans import human_subset
    from engines.profiles import ProfileRunConfig, fit_app_decoder, prepare

    ds = human_subset(ds)
    fitted = fit_app_decoder(ds, prepare(ds, _embed(args)), ProfileRunConfig())
    return profiles_section(fitted, encoder=args.encoder)


def cluster_source(ds: AnnotationDataset) -> str:
    """MC-STL's clusters from what the data have: value tags, rationales, else demographics."""
    from engines.data.schema import RATIONALE, VALUE_TAGS

    for column, source in ((VALUE_TAGS, "tags"), (RATIONALE, "rationale")):
        if column in ds.df.columns and ds.df[column].astype(str).str.strip().ne("").any():
            return source
    return "demographics"


def _mcstl(ds: AnnotationDataset, args: argparse.Namespace) -> ReportSection:
    """MC-STL and its baselines, clustered by what the data have."""
    from analysis.report import mcstl_section
    from engines.mcstl import MCSTLConfig, MCSTLRunConfig, run_mcstl
    from engines.text import embed_items

    embed = _embed(args)
    items = embed_items(ds, embed)
    model = MCSTLConfig().with_train(**({"max_epochs": args.epochs} if args.epochs else {}))
    cfg = MCSTLRunConfig(source=cluster_source(ds), seed=args.seed, model=model)  # type: ignore[arg-type]
    result = run_mcstl(ds, items.item_ids, items.vectors, cfg, embed, progress)
    return mcstl_section(result, cfg, makeup=next(iter(ds.demographics), None))


def _realm(ds: AnnotationDataset, args: argparse.Namespace) -> ReportSection:
    """REALM and the classic aggregators."""
    from analysis.report import realm_section
    from engines.realm import RealmConfig, RealmRunConfig, run_realm
    from engines.text import embed_items

    items = embed_items(ds, _embed(args))
    model = RealmConfig().with_train(**({"max_epochs": args.epochs} if args.epochs else {}))
    cfg = RealmRunConfig(model=model, seed=args.seed)
    result = run_realm(ds, items.item_ids, items.vectors, cfg, progress)
    return realm_section(result, cfg, ds=ds, by=next(iter(ds.demographics), None))


@dataclass(frozen=True)
class _SyntheticSettings:
    """What the headless synthetic run used (the page's form defaults: the offline generator)."""

    generator: str
    strategies: tuple[str, ...]
    blendings: tuple[str, ...]
    temperature: float
    max_epochs: int
    seed: int


@dataclass(frozen=True)
class _SyntheticRun:
    """A headless run in the shape the report's section reads (``form, result, replies``)."""

    form: _SyntheticSettings
    result: object
    replies: None = None


def _synthetic(ds: AnnotationDataset, args: argparse.Namespace) -> ReportSection:
    """Offline synthetic annotations, the blending grid and the audit.

    The page's defaults: the offline generator, every strategy and blend.
    """
    from analysis.report import synthetic_section
    from engines.moe import MoEConfig
    from engines.synthetic import ImputationConfig, SyntheticRunConfig, make_synthetic, run_blending
    from engines.text import embed_items

    items = embed_items(ds, _embed(args))
    model = MoEConfig().with_train(max_epochs=args.epochs or SYNTHETIC_EPOCHS, seed=args.seed)
    cfg = SyntheticRunConfig(imputation=ImputationConfig(model=model), model=model, seed=args.seed)
    sets = make_synthetic(ds, items.item_ids, items.vectors, cfg, progress)
    result = run_blending(ds, items.item_ids, items.vectors, sets, cfg, progress)
    settings = _SyntheticSettings(
        "imputation", tuple(cfg.strategies), tuple(cfg.blendings), cfg.imputation.temperature,
        model.train.max_epochs, args.seed,
    )  # fmt: skip
    return synthetic_section(ds, _SyntheticRun(settings, result), encoder=args.encoder,
                             min_group_size=args.min_group_size)  # fmt: skip


SYNTHETIC_EPOCHS = 30
"""The Synthetic perspectives page's default epoch cap."""

RUNNERS = {"moe": _moe, "profiles": _profiles, "mcstl": _mcstl, "realm": _realm,
           "synthetic": _synthetic}  # fmt: skip
"""Wing key -> what runs it with its defaults and makes its section."""
