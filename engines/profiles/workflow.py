"""Value-profile workflows: prepare a dataset, fit the prior and a decoder.

Every decoder is trained the same way: a no-information *prior* decoder is fitted on all
ratings of the training raters, and each representation's decoder learns, on the training
raters' *eval* ratings, how the representation (built from the rater's *fit* ratings) moves
the rater away from that prior (value-profiles seed, §3 and §4). The comparison of
representations over seeds (Algorithm 1) is :mod:`engines.profiles.evaluation`.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, field, replace
from typing import TypeVar

import numpy as np
import pandas as pd

from engines.core import Progress, epoch_reporter
from engines.data.schema import ITEM_ID, TEXT, AnnotationDataset
from engines.profiles.config import (
    DECODER_KINDS,
    CrossEncoderConfig,
    DecoderConfig,
    ProfileRunConfig,
    StatementConfig,
)
from engines.profiles.cross_encoder import CrossEncoderDecoder
from engines.profiles.curriculum import Curriculum, build_curriculum
from engines.profiles.decoder import ProfileDecoder
from engines.profiles.phrasing import Phrasing, label_adjective
from engines.profiles.representations import (
    RaterRepresentation,
    demographics_text,
    examples_text,
)
from engines.profiles.statement_decoder import StatementDecoder
from engines.profiles.taught_store import TaughtStore
from engines.profiles.themes import Themes, find_themes
from engines.profiles.writer import WriterConfig, write_statements
from engines.text.cache import default_cache_dir
from engines.text.embed import Embedder, embed_items, item_table

__all__ = [
    "Decoder",
    "Prepared",
    "build_representation",
    "fit_decoder",
    "fit_prior",
    "is_ordinal",
    "prepare",
    "with_seed",
]

Decoder = StatementDecoder | ProfileDecoder | CrossEncoderDecoder
C = TypeVar("C", DecoderConfig, CrossEncoderConfig, StatementConfig)


@dataclass
class Prepared:
    """Item table, embeddings and themes of one dataset (shared by every seed)."""

    items: pd.DataFrame
    """``item_id, text`` of every item, sorted by id (:func:`engines.text.embed.item_table`)."""
    emb: np.ndarray
    """Item embeddings ``float32 [n_items, d]`` in ``items`` order."""
    themes: Themes
    """Item themes of the offline profile writer."""
    embed: Embedder
    """Text -> embedding function used for text representations."""
    adjective: str | None = None
    """The label's adjective ("offensive"), guessed from the dataset name."""
    lessons: dict[tuple, Curriculum] = field(default_factory=dict, repr=False)
    """Edit curricula built so far, by settings (built once per dataset and settings)."""
    taught: MutableMapping[tuple, dict] = field(default_factory=dict, repr=False)
    """The statement decoder's phase-1 weights per curriculum and settings (learned once;
    :func:`prepare` keeps them on disk too: :class:`~engines.profiles.taught_store.TaughtStore`)."""

    def curriculum(self, cfg: StatementConfig) -> Curriculum:
        """The statement decoder's edit curriculum for these items (memoised)."""
        seed = cfg.curriculum_seed
        key = (cfg.granularities, cfg.per_topic, seed, self.adjective)
        if key not in self.lessons:
            self.lessons[key] = build_curriculum(
                self.item_ids, self.items[TEXT].astype(str).tolist(), self.emb,
                Phrasing(self.adjective), cfg.granularities, cfg.per_topic, seed,
            )  # fmt: skip
        return self.lessons[key]

    @property
    def item_ids(self) -> list[str]:
        """Item ids in embedding-row order."""
        return self.items[ITEM_ID].astype(str).tolist()


def prepare(ds: AnnotationDataset, embed: Embedder, writer: WriterConfig | None = None) -> Prepared:
    """Embed every item once and find the item themes used by the profile writer."""
    items = item_table(ds)
    emb = embed_items(ds, embed).vectors
    wcfg = writer or WriterConfig()
    themes = find_themes(
        items[ITEM_ID].astype(str), items[TEXT].astype(str), emb, wcfg.n_themes,
        wcfg.n_keywords, wcfg.seed,
    )  # fmt: skip
    adjective = wcfg.label_adjective or label_adjective(ds.name)
    taught = TaughtStore(default_cache_dir() / "curricula", emb)
    return Prepared(items, emb, themes, embed, adjective, taught=taught)


def with_seed(cfg: C, seed: int) -> C:
    """``cfg`` with its training seed replaced (one decoder per seeded split)."""
    return replace(cfg, train=replace(cfg.train, seed=seed))


def is_ordinal(ds: AnnotationDataset) -> bool:
    """Whether the labels are ordered ratings (ordinal heads, the edit curriculum)."""
    return ds.scale.kind == "ordinal"


def fit_prior(
    prep: Prepared, rows: pd.DataFrame, ds: AnnotationDataset, cfg: DecoderConfig
) -> tuple[ProfileDecoder, np.ndarray]:
    """The no-information decoder on ``rows`` and its per-item log-probabilities."""
    dec = ProfileDecoder(cfg).fit(
        prep.item_ids,
        prep.emb,
        rows,
        RaterRepresentation("none", "none"),
        None,
        ds.scale.n_classes,
        ordinal_scale=is_ordinal(ds),
    )
    logp = np.log(
        np.clip(dec.predict_for_repr(np.zeros(prep.emb.shape[1], np.float32)), 1e-9, None)
    )
    return dec, logp


def fit_decoder(
    prep: Prepared,
    rows: pd.DataFrame,
    rep: RaterRepresentation,
    ds: AnnotationDataset,
    cfg: ProfileRunConfig,
    seed: int,
    prior: np.ndarray,
    progress: Progress | None = None,
) -> Decoder:
    """Train the decoder of ``cfg.decoder_kind`` on the target ``rows`` under ``rep``.

    The cross-encoder reads every representation as text: in-context examples are written
    out as ``"item" -> label`` lines (:func:`engines.profiles.representations.examples_text`).
    ``progress`` hears about every epoch.
    """
    if cfg.decoder_kind == "statements" and rep.kind == "text":
        return StatementDecoder(with_seed(cfg.statements, seed)).fit(
            prep.item_ids,
            prep.emb,
            rows,
            rep,
            prep.embed,
            ds.scale.n_classes,
            statements=rep.statements,
            curriculum=prep.curriculum(cfg.statements),
            on_epoch_end=epoch_reporter(progress, "Statement decoder"),
            ordinal_scale=is_ordinal(ds),
            prior=prior,
            on_lesson_end=epoch_reporter(progress, "Edit curriculum"),
            taught=prep.taught,
        )
    if cfg.decoder_kind in ("embedding", "statements"):
        return ProfileDecoder(with_seed(cfg.decoder, seed)).fit(
            prep.item_ids,
            prep.emb,
            rows,
            rep,
            prep.embed if rep.kind == "text" else None,
            ds.scale.n_classes,
            on_epoch_end=epoch_reporter(progress, "Profile decoder"),
            ordinal_scale=is_ordinal(ds),
            prior=prior,
        )
    if cfg.decoder_kind != "cross-encoder":
        raise ValueError(f"decoder_kind must be one of {DECODER_KINDS}, got {cfg.decoder_kind!r}.")
    if rep.kind == "examples":
        texts = examples_text(rep.examples, cfg.examples_n())
        rep = RaterRepresentation(rep.name, "text", texts)
    return CrossEncoderDecoder(with_seed(cfg.cross_encoder, seed)).fit(
        prep.item_ids,
        prep.items[TEXT].astype(str).tolist(),
        rows,
        rep,
        ds.scale.n_classes,
        on_epoch_end=epoch_reporter(progress, "Cross-encoder"),
        ordinal_scale=is_ordinal(ds),
        prior=prior,
    )


def build_representation(
    name: str,
    ds: AnnotationDataset,
    prep: Prepared,
    fit_rows: pd.DataFrame,
    reference_rows: pd.DataFrame,
    cfg: ProfileRunConfig,
    supplied: Mapping[str, str] | None = None,
) -> RaterRepresentation:
    """One named representation built from the raters' fit rows (never their eval rows).

    For the statement decoder a written profile carries ``cfg.statements.n_variants``
    phrasings of each statement (it trains on all of them).
    """
    if name == "none":
        return RaterRepresentation(name, "none")
    if name == "demographics":
        return RaterRepresentation(
            name, "text", demographics_text(ds.annotators(), ds.demographics)
        )
    if name.startswith("demo:"):
        return RaterRepresentation(name, "text", demographics_text(ds.annotators(), [name[5:]]))
    if name == "profile":
        writer = replace(cfg.writer, label_adjective=cfg.writer.label_adjective or prep.adjective)
        n_variants = cfg.statements.n_variants if cfg.decoder_kind == "statements" else 1
        stmts = write_statements(
            fit_rows, reference_rows, prep.themes, ds.scale, writer, n_variants
        )
        texts = {r: "\n".join(f"- {v[0]}" for v in lines) for r, lines in stmts.items()}
        return RaterRepresentation(name, "text", texts, statements=stmts)
    if name == "supplied":
        if not supplied:
            raise ValueError("The 'supplied' representation needs user-supplied profiles.")
        return RaterRepresentation(name, "text", {str(k): str(v) for k, v in supplied.items()})
    if name == "examples":
        return RaterRepresentation(name, "examples", examples=fit_rows)
    raise ValueError(f"Unknown representation {name!r}.")
