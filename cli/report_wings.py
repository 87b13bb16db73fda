"""Each wing run with its defaults for ``perspectives report`` (one function per wing)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from cli.common import progress

if TYPE_CHECKING:
    from analysis.report import ReportSection
    from engines.data.schema import AnnotationDataset

__all__ = ["RUNNERS", "cluster_source"]


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


RUNNERS = {"moe": _moe, "profiles": _profiles, "mcstl": _mcstl, "realm": _realm}
"""Wing key -> what runs it with its defaults and makes its section."""
