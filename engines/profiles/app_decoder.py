"""The app's decoder: trained on every rater, ready for live profile edits.

:func:`fit_app_decoder` trains the chosen decoder on every rater (fit rows -> profile, eval
rows -> targets) and, for ordinal labels, the edit reader
(:mod:`~engines.profiles.edit_reader`) that reads typed edits at their word on top of it.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from engines.core import Progress, check_is_fitted, epoch_reporter, prefixed, report
from engines.data.schema import ANNOTATOR_ID, AnnotationDataset
from engines.profiles.config import ProfileRunConfig, StatementConfig
from engines.profiles.edit_reader import EditReader, reader_statements, teach
from engines.profiles.representations import ROLE, partition_fit_eval
from engines.profiles.statement_decoder import StatementDecoder
from engines.profiles.workflow import (
    Decoder,
    Prepared,
    build_representation,
    fit_decoder,
    fit_prior,
    is_ordinal,
    with_seed,
)

__all__ = ["FittedProfiles", "edit_reader", "fit_app_decoder"]


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
        edits = [self.reader.edits(t) for t in texts]
        written = [self.reader.written_part(t, e) for t, e in zip(texts, edits, strict=True)]
        probs = self.decoder.predict_texts(written)  # one batched pass over the profiles
        for j, e in enumerate(edits):
            if e:
                probs[:, j] = self.reader.shift(probs[:, j], e)
        return probs

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

    ``progress`` hears each step by name and count ("Step 3 of 4 · Profile decoder: epoch
    12/40"): the no-information decoder, the profiles, the decoder's epochs and the edit
    reader's lessons.
    """
    t0 = time.perf_counter()
    seed = cfg.seeds[0] if cfg.seeds else 0
    part = partition_fit_eval(ds.df, seed, cfg.min_ratings)
    fit_rows = part[part[ROLE] == "fit"]
    reads = cfg.read_edits and is_ordinal(ds) and cfg.decoder_kind != "statements"
    n_steps = 4 if reads else 3

    def step(k: int) -> Progress | None:
        return prefixed(progress, f"Step {k} of {n_steps}")

    report(step(1), 0, 1, f"No-information decoder on {len(part):,} ratings")
    _, prior = fit_prior(prep, part, ds, with_seed(cfg.decoder, seed))
    n_raters = int(part[ANNOTATOR_ID].nunique())
    report(step(2), 0, 1, f"Profiles of {n_raters:,} raters from {len(fit_rows):,} ratings")
    rep = build_representation(representation, ds, prep, fit_rows, part, cfg, supplied)
    dec = fit_decoder(prep, part[part[ROLE] == "eval"], rep, ds, cfg, seed, prior, step(3))
    reader = None
    if reads and not isinstance(dec, StatementDecoder):
        reader = edit_reader(prep, rep.texts.values(), cfg.statements, step(4))
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
