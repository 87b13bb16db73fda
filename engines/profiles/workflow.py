"""Value-profile workflows: prepare a dataset, fit the prior and a decoder, the app's decoder.

Every decoder is trained the same way: a no-information *prior* decoder is fitted on all
ratings of the training raters, and each representation's decoder learns, on the training
raters' *eval* ratings, how the representation (built from the rater's *fit* ratings) moves
the rater away from that prior (value-profiles seed, §3 and §4). The comparison of
representations over seeds (Algorithm 1) is :mod:`engines.profiles.evaluation`.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

import numpy as np
import pandas as pd

from engines.core import Progress, check_is_fitted, epoch_reporter
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
from engines.profiles.edit_reader import EditReader, reader_statements, teach
from engines.profiles.phrasing import Phrasing, label_adjective
from engines.profiles.representations import (
    ROLE,
    RaterRepresentation,
    demographics_text,
    examples_text,
    partition_fit_eval,
)
from engines.profiles.statement_decoder import StatementDecoder
from engines.profiles.themes import Themes, find_themes
from engines.profiles.writer import WriterConfig, write_statements
from engines.text.embed import Embedder, embed_items, item_table

__all__ = [
    "Decoder",
    "FittedProfiles",
    "Prepared",
    "build_representation",
    "edit_reader",
    "fit_app_decoder",
    "fit_decoder",
    "fit_prior",
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
    taught: dict[tuple, dict] = field(default_factory=dict, repr=False)
    """The statement decoder's phase-1 weights per curriculum and settings (learned once)."""

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
    return Prepared(items, emb, themes, embed, wcfg.label_adjective or label_adjective(ds.name))


def with_seed(cfg: C, seed: int) -> C:
    """``cfg`` with its training seed replaced (one decoder per seeded split)."""
    return replace(cfg, train=replace(cfg.train, seed=seed))


def _is_ordinal(ds: AnnotationDataset) -> bool:
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
        ordinal_scale=_is_ordinal(ds),
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
            ordinal_scale=_is_ordinal(ds),
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
            ordinal_scale=_is_ordinal(ds),
            prior=prior,
        )
    if cfg.decoder_kind != "cross-encoder":
        raise ValueError(f"decoder_kind must be one of {DECODER_KINDS}, got {cfg.decoder_kind!r}.")
    if rep.kind == "examples":
        texts = examples_text(rep.examples, cfg.decoder.max_examples)
        rep = RaterRepresentation(rep.name, "text", texts)
    return CrossEncoderDecoder(with_seed(cfg.cross_encoder, seed)).fit(
        prep.item_ids,
        prep.items[TEXT].astype(str).tolist(),
        rows,
        rep,
        ds.scale.n_classes,
        on_epoch_end=epoch_reporter(progress, "Cross-encoder"),
        ordinal_scale=_is_ordinal(ds),
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


@dataclass
class FittedProfiles:
    """The app's decoder: trained on every rater, ready for live profile edits."""

    decoder: Decoder
    """The fitted decoder (either kind)."""
    prior_logp: np.ndarray
    """No-information per-item class log-probabilities ``[n_items, C]``."""
    profiles: dict[str, str]
    """Rater -> representation text the decoder was trained with."""
    partition: pd.DataFrame
    """The ratings with their fit/eval ``role``."""
    items: pd.DataFrame
    """``item_id, text`` in prediction-row order."""
    seconds: float = 0.0
    """Wall-clock time of :func:`fit_app_decoder`."""
    config: ProfileRunConfig = field(default_factory=ProfileRunConfig)
    """The settings it was trained with."""
    themes: pd.DataFrame | None = None
    """``item_id, theme, theme_name``: the item themes written profiles talk about."""
    reader: EditReader | None = None
    """Reads typed edits at their word on top of the decoder (``config.read_edits``); None
    for the statement decoder (which reads them itself) and for unordered labels."""
    _last: tuple[str, np.ndarray] | None = field(default=None, init=False, repr=False)
    """The decoder's prediction for the last written part read (edits keep it unchanged)."""

    def predict_texts(self, texts: Sequence[str]) -> np.ndarray:
        """Class probabilities [n_items, n_texts, C] for every item under each text."""
        check_is_fitted(self.decoder, "module_")
        if self.reader is None:
            return self.decoder.predict_texts(texts)
        return np.stack([self.predict_text(t) for t in texts], 1)

    def predict_text(self, text: str) -> np.ndarray:
        """Class probabilities [n_items, C] for every item under ``text``.

        With an edit reader the decoder reads the written part of ``text`` and the reader
        moves its prediction by the typed edits.
        """
        check_is_fitted(self.decoder, "module_")
        if self.reader is None:
            return self.decoder.predict_for_text(text)
        edits = self.reader.edits(text)
        written = self.reader.written_part(text, edits)
        if self._last is None or self._last[0] != written:
            self._last = (written, self.decoder.predict_for_text(written))
        return self.reader.shift(self._last[1].copy(), edits)

    def effects(self, text: str) -> tuple[list[str], np.ndarray, np.ndarray] | None:
        """Statements read one by one, their relevance and effect ``[n_items, M]`` each.

        The statement decoder reports every statement of ``text``; the edit reader the typed
        edits only (the decoder reads the written profile as a whole); None otherwise.
        """
        if self.reader is not None:
            edits = self.reader.edits(text)
            return (edits, *self.reader.effects(edits))
        if isinstance(self.decoder, StatementDecoder):
            return self.decoder.effects(text)
        return None

    def prior_probs(self) -> np.ndarray:
        """No-information class probabilities [n_items, C]."""
        return np.exp(self.prior_logp)


def fit_app_decoder(
    ds: AnnotationDataset,
    prep: Prepared,
    cfg: ProfileRunConfig,
    representation: str = "profile",
    supplied: Mapping[str, str] | None = None,
    progress: Progress | None = None,
) -> FittedProfiles:
    """Train the editing decoder on all raters (fit rows -> profile, eval rows -> targets).

    ``progress`` hears about every epoch of the decoder (not of the prior).
    """
    t0 = time.perf_counter()
    seed = cfg.seeds[0] if cfg.seeds else 0
    part = partition_fit_eval(ds.df, seed, cfg.min_ratings)
    fit_rows = part[part[ROLE] == "fit"]
    _, prior = fit_prior(prep, part, ds, with_seed(cfg.decoder, seed))
    rep = build_representation(representation, ds, prep, fit_rows, part, cfg, supplied)
    dec = fit_decoder(prep, part[part[ROLE] == "eval"], rep, ds, cfg, seed, prior, progress)
    reader = None
    if cfg.read_edits and _is_ordinal(ds) and not isinstance(dec, StatementDecoder):
        reader = edit_reader(prep, rep.texts.values(), cfg.statements, progress)
    seconds = time.perf_counter() - t0
    return FittedProfiles(
        dec, prior, dict(rep.texts), part, prep.items, seconds, cfg, prep.themes.frame(), reader
    )


def edit_reader(
    prep: Prepared,
    written: Iterable[str],
    cfg: StatementConfig,
    progress: Progress | None = None,
) -> EditReader:
    """The edit curriculum's network (learned once per dataset) reading edits to ``written``."""
    net, _ = teach(
        prep.curriculum(cfg), prep.emb, prep.embed, cfg, prep.taught,
        epoch_reporter(progress, "Edit curriculum"),
    )  # fmt: skip
    return EditReader(net, prep.emb, prep.embed, reader_statements(written), cfg.max_statements)
