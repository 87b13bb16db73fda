"""The Value profiles page as a report section: profiles, usable information, calibration.

It reads what the page keeps: the app decoder (:class:`~engines.profiles.FittedProfiles`) and,
when one was run, the representation comparison (:class:`~engines.profiles.Evaluation`), and
draws the page's figures with the page's ``compute_*`` / ``plot_*`` and takeaway functions.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from analysis.profiles import (
    compute_item_uncertainty,
    compute_jury,
    compute_reliability,
    compute_theme_examples,
    compute_usable_information,
    expected_calibration_error,
    jury_correlation,
    plot_jury,
    plot_reliability,
    plot_uncertainty_scatter,
    plot_usable_information,
)
from analysis.profiles.takeaways import (
    calibration_takeaway,
    cluster_takeaway,
    information_takeaway,
    jury_takeaway,
    uncertainty_takeaway,
)
from analysis.report.document import ReportSection
from engines.data.schema import ANNOTATOR_ID, ITEM_ID

if TYPE_CHECKING:
    from engines.profiles import Evaluation, FittedProfiles

__all__ = ["EDIT_COLUMNS", "profiles_section", "rater_profiles"]

TITLE = "Value profiles"
EDIT_COLUMNS = ["original profile", "edited profile", "predicted mean change"]
"""The columns of the "edits made" table."""


def rater_profiles(fitted: FittedProfiles) -> pd.DataFrame:
    """``annotator_id, n_ratings, value_profile`` for every rater with a profile."""
    counts = fitted.partition.groupby(ANNOTATOR_ID).size()
    return pd.DataFrame(
        {
            ANNOTATOR_ID: list(fitted.profiles),
            "n_ratings": [int(counts.get(r, 0)) for r in fitted.profiles],
            "value_profile": list(fitted.profiles.values()),
        }
    )


def _decoder_methods(fitted: FittedProfiles, encoder: str | None) -> dict[str, object]:
    """The decoder kind, its settings, the seed and the encoder the app decoder used."""
    cfg = fitted.config
    kind = cfg.decoder_kind
    own = {"embedding": cfg.decoder, "statements": cfg.statements,
           "cross-encoder": cfg.cross_encoder}[kind]  # fmt: skip
    dec = fitted.decoder
    rep = getattr(getattr(dec, "representation_", None), "name", "profile")
    methods: dict[str, object] = {
        "decoder": kind,
        "decoder settings": dataclasses.asdict(own),
        "seed (app decoder)": cfg.seeds[0] if cfg.seeds else 0,
        "profiles": "supplied" if rep == "supplied" else "written from ratings (offline)",
        "raters with a profile": len(fitted.profiles),
        "ratings": len(fitted.partition),
        "fewest ratings per rater": cfg.min_ratings,
        "in-context examples per rater": cfg.examples_n() or "all fit ratings",
    }
    if kind != "embedding":  # the embedding decoder also fits the no-information prior
        methods["no-information decoder settings"] = dataclasses.asdict(cfg.decoder)
    if encoder:
        methods["text encoder"] = encoder
    hist = getattr(dec, "history_", None)
    if hist is not None and hist.epochs:
        best = hist.epochs[hist.best_epoch - 1]
        nats = best.get("val_ce", hist.best_val_loss)
        methods["training"] = (
            f"{fitted.seconds:.1f} s; best epoch {hist.best_epoch}, validation "
            f"cross-entropy {nats:.3f} nats"
        )
    methods["edit reader"] = "yes" if fitted.reader is not None else (fitted.no_reader_why or "no")
    return methods


def _information(section: ReportSection, ev: Evaluation, rep_cal: str) -> None:
    """The page's "Which representation informs" tab: usable information, calibration."""
    usable = compute_usable_information(ev.losses[["seed", "representation", "loss"]])
    section.takeaways.append(information_takeaway(usable))
    section.figures.append(("Usable information per representation",
                            plot_usable_information(usable)))  # fmt: skip
    section.tables.append(("Usable information (nats, 95% interval over seeds)", usable))
    rep = rep_cal if rep_cal in ev.predictions else next(iter(ev.predictions))
    probs, y = ev.predictions[rep]
    ece = expected_calibration_error(probs, y)
    reliability = compute_reliability(probs, y)
    section.takeaways.append(calibration_takeaway(reliability, ece))
    section.figures.append((f"Reliability diagram ({rep})", plot_reliability(reliability, ece)))
    section.methods["comparison seeds"] = sorted(int(s) for s in ev.losses["seed"].unique())
    section.methods["representations compared"] = list(dict.fromkeys(ev.losses["representation"]))
    section.methods["calibration shown for"] = f"{rep} (held-out raters, first seed)"


def _held_out(
    section: ReportSection, ev: Evaluation, texts: pd.Series, majority: pd.Series | None,
    min_held_out: int,
) -> None:  # fmt: skip
    """The page's "Uncertainty & juries" tab: both measured on held-out raters."""
    losses, draw = ev.rating_losses, ev.jury
    if losses is not None and {"none", "profile"} <= set(losses["representation"]):
        unc = compute_item_uncertainty(losses, min_ratings=min_held_out)
        section.takeaways.append(uncertainty_takeaway(unc, texts))
        if len(unc):
            section.figures.append(("Item uncertainty",
                                    plot_uncertainty_scatter(unc, texts, majority)))  # fmt: skip
        section.methods["held-out ratings an item needs"] = min_held_out
    if draw is not None:
        jury = compute_jury(draw.item_ids, draw.probs, draw.observed,
                            min_annotations=min_held_out, excluded=draw.excluded)  # fmt: skip
        corr = jury_correlation(jury) if len(jury) > 2 else {"r": float("nan")}
        section.takeaways.append(jury_takeaway(corr, len(jury)))
        if len(jury):
            section.figures.append(("Simulated jury", plot_jury(jury, corr.get("r"))))
        section.methods["simulated jurors"] = len(draw.jurors)
        section.methods["held-out ratings an item needs"] = min_held_out


def profiles_section(
    fitted: FittedProfiles,
    evaluation: Evaluation | None = None,
    *,
    encoder: str | None = None,
    clusters: pd.DataFrame | None = None,
    majority: pd.Series | None = None,
    edits: Sequence[tuple[str, str, float | None]] | None = None,
    calibration_representation: str = "profile",
    min_held_out: int = 3,
) -> ReportSection:
    """The Value profiles page: profiles, usable information, calibration, clusters, juries.

    Args:
        fitted: The trained app decoder.
        evaluation: The representation comparison, if one was run (usable information,
            calibration, item uncertainty and the simulated jury come from it).
        encoder: The text encoder the decoder was trained with.
        clusters: The page's cluster summary (``cluster, profile, n_raters``), if computed.
        majority: Each item's majority label by item id, to colour the uncertainty scatter.
        edits: ``(original profile, edited text, predicted mean change)`` of the edits made
            in the live editor (the change None for unordered labels).
        calibration_representation: The representation whose calibration is shown (the first
            one compared when it was not).
        min_held_out: Held-out ratings an item needs for its uncertainty and jury agreement.
    """
    section = ReportSection(
        TITLE,
        tables=[("Raters and their profiles", rater_profiles(fitted))],
        methods=_decoder_methods(fitted, encoder),
    )
    texts = fitted.items.set_index(ITEM_ID)["text"]
    if evaluation is not None:
        _information(section, evaluation, calibration_representation)
    if clusters is not None:
        section.takeaways.append(cluster_takeaway(clusters))
        if len(clusters):
            section.tables.append(("Profile clusters (Algorithm 2)", clusters))
        section.methods["cluster candidates"] = fitted.config.n_candidates
    if evaluation is not None:
        _held_out(section, evaluation, texts, majority, min_held_out)
    if fitted.themes is not None:
        themes = compute_theme_examples(fitted.themes, texts)
        if len(themes):
            section.tables.append(("Item themes the written profiles talk about", themes))
    if edits:
        table = pd.DataFrame([(o, e, np.nan if d is None else float(d)) for o, e, d in edits],
                             columns=EDIT_COLUMNS)  # fmt: skip
        section.tables.append(("Edits made in the live editor", table))
    return section
