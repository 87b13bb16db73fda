"""The app's decoder: trained on every rater, ready for live profile edits.

:func:`fit_app_decoder` trains the chosen decoder on every rater (fit rows -> profile, eval
rows -> targets) and, for ordinal labels, the edit reader
(:mod:`~engines.profiles.reading`) that reads typed edits into corrected-able readings and
moves the decoder's predictions as far as raters who hold that stance differ.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from engines.core import Progress, check_is_fitted, prefixed, report
from engines.data.direction import scale_direction
from engines.data.schema import ANNOTATOR_ID, TEXT, AnnotationDataset
from engines.profiles.config import ProfileRunConfig
from engines.profiles.reading.reader import EditReader, Reading, reader_statements
from engines.profiles.reading.sizes import Deviations
from engines.profiles.reading.topics import Targets
from engines.profiles.representations import ROLE, partition_fit_eval
from engines.profiles.statement_decoder import StatementDecoder
from engines.profiles.workflow import (
    Decoder,
    Prepared,
    build_representation,
    fit_decoder,
    fit_prior,
    with_seed,
)

__all__ = ["FittedProfiles", "edit_reader", "fit_app_decoder", "reads_edits"]


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
    no_reader_why: str = ""
    """Why there is no edit reader (for the page), empty when there is one."""
    _last: tuple[str, np.ndarray] | None = field(default=None, init=False, repr=False)
    """The decoder's prediction for the last written part read (edits keep it unchanged)."""

    def predict_texts(self, texts: Sequence[str]) -> np.ndarray:
        """Class probabilities [n_items, n_texts, C] for every item under each text."""
        check_is_fitted(self.decoder, "module_")
        if self.reader is None:
            return self.decoder.predict_texts(texts)
        edits = [self.reader.edits(t) for t in texts]
        written = [self.reader.written_part(t, e) for t, e in zip(texts, edits, strict=True)]
        probs = self.decoder.predict_texts(written)  # one batched pass over the profiles
        for j, e in enumerate(edits):
            if e:
                probs[:, j] = self.reader.shift(probs[:, j], self.reader.read(e))
        return probs

    def predict_written(self, text: str) -> np.ndarray:
        """The decoder's class probabilities [n_items, C] for the written part of ``text``."""
        check_is_fitted(self.decoder, "module_")
        if self.reader is None:
            return self.decoder.predict_for_text(text)
        written = self.reader.written_part(text, self.reader.edits(text))
        if self._last is None or self._last[0] != written:
            self._last = (written, self.decoder.predict_for_text(written))
        return self._last[1].copy()

    def readings(self, text: str) -> list[Reading]:
        """Every clause of the typed edits of ``text`` read (empty without an edit reader)."""
        return [] if self.reader is None else self.reader.read(self.reader.edits(text))

    def predict_text(self, text: str, readings: Sequence[Reading] | None = None) -> np.ndarray:
        """Class probabilities [n_items, C] for every item under ``text``.

        With an edit reader the decoder reads the written part of ``text`` and the reader
        moves its prediction by the readings of the typed edits (``readings``: as corrected
        by the researcher; None reads them afresh).
        """
        probs = self.predict_written(text)
        if self.reader is None:
            return probs
        return self.reader.shift(probs, self.readings(text) if readings is None else readings)

    def effects(self, text: str) -> tuple[list[str], np.ndarray, np.ndarray] | None:
        """Statements read one by one, their relevance and effect ``[n_items, M]`` each.

        The statement decoder reports every statement of ``text``; None otherwise (the edit
        reader's readings are :meth:`readings`).
        """
        if self.reader is None and isinstance(self.decoder, StatementDecoder):
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

    ``progress`` hears each step by name and count ("Step 3 of 4 · Profile decoder: epoch
    12/40"): the no-information decoder, the profiles, the decoder's epochs and the edit
    reader's lessons.
    """
    t0 = time.perf_counter()
    seed = cfg.seeds[0] if cfg.seeds else 0
    part = partition_fit_eval(ds.df, seed, cfg.min_ratings)
    fit_rows = part[part[ROLE] == "fit"]
    reads = reads_edits(ds, cfg)
    n_steps = 4 if reads else 3

    def step(k: int) -> Progress | None:
        return prefixed(progress, f"Step {k} of {n_steps}")

    report(step(1), 0, 1, f"No-information decoder on {len(part):,} ratings")
    _, prior = fit_prior(prep, part, ds, with_seed(cfg.decoder, seed))
    n_raters = int(part[ANNOTATOR_ID].nunique())
    report(step(2), 0, 1, f"Profiles of {n_raters:,} raters from {len(fit_rows):,} ratings")
    rep = build_representation(representation, ds, prep, fit_rows, part, cfg, supplied)
    dec = fit_decoder(prep, part[part[ROLE] == "eval"], rep, ds, cfg, seed, prior, step(3))
    reader, why = None, _no_reader_why(ds, cfg)
    if reads and not isinstance(dec, StatementDecoder):
        report(step(4), 0, 1, "Edit reader: raters' deviations per topic")
        reader = edit_reader(ds, prep, part, np.exp(prior), rep.texts.values())
    seconds = time.perf_counter() - t0
    return FittedProfiles(
        dec, prior, dict(rep.texts), part, prep.items, seconds, cfg, prep.themes.frame(), reader,
        why,
    )  # fmt: skip


def reads_edits(ds: AnnotationDataset, cfg: ProfileRunConfig) -> bool:
    """Whether typed edits get an edit reader.

    It needs to be switched on, ordered labels and a decoder other than the statement decoder
    (which reads edits itself).
    """
    return cfg.read_edits and ds.scale.kind != "nominal" and cfg.decoder_kind != "statements"


def _no_reader_why(ds: AnnotationDataset, cfg: ProfileRunConfig) -> str:
    if not cfg.read_edits:
        return "the edit reader is switched off: the decoder reads the edited text as a whole"
    if ds.scale.kind == "nominal":
        return "the labels have no order, so 'more' or 'less' of them means nothing"
    if cfg.decoder_kind == "statements":
        return "the statement decoder reads every statement itself"
    return ""


def edit_reader(
    ds: AnnotationDataset,
    prep: Prepared,
    part: pd.DataFrame,
    prior: np.ndarray,
    written: Iterable[str],
) -> EditReader:
    """The edit reader of ``ds``: its targets, raters' deviations and the average rater."""
    targets = Targets(
        prep.items[TEXT].astype(str).tolist(), prep.themes.labels, prep.themes.keywords
    )
    values = np.asarray(ds.scale.classes, float) if ds.scale.is_numeric else None
    if values is None or not np.all(np.diff(values) > 0):
        values = np.arange(ds.scale.n_classes, dtype=float)
    more = scale_direction(ds)
    fit = part[part[ROLE] == "fit"]
    deviations = Deviations(fit, part[part[ROLE] == "eval"], prep.item_ids, more * values)
    return EditReader(targets, deviations, prior, values, more, reader_statements(written))
