"""Usable information over seeds (Algorithm 1 of the value-profiles seed).

For each seed, the raters' ratings are partitioned into fit and eval ratings and the raters
into a 50/50 train/test split. Held-out raters are never seen in training; their eval ratings
give the V-entropy (held-out cross-entropy, nats) of each representation's decoder and, by
difference with ``none``, the usable information I(g -> Y | X)
(:func:`analysis.profiles.information.compute_usable_information` turns the losses into it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from engines.core import Progress, report
from engines.data.schema import ANNOTATOR_ID, LABEL_CODE, AnnotationDataset
from engines.profiles.clustering import cluster_representation
from engines.profiles.config import ProfileRunConfig
from engines.profiles.held_out import JuryDraw, draw_jury, rating_losses
from engines.profiles.representations import (
    ROLE,
    RaterRepresentation,
    first_examples,
    partition_fit_eval,
    split_raters,
)
from engines.profiles.workflow import (
    Decoder,
    Prepared,
    build_representation,
    fit_decoder,
    fit_prior,
    with_seed,
)

__all__ = ["MIN_RATERS", "Evaluation", "check_enough_raters", "evaluate_representations"]


@dataclass
class Evaluation:
    """Held-out results of a representation comparison."""

    losses: pd.DataFrame
    """``seed, representation, loss, accuracy, n_test_ratings, n_test_raters``."""
    predictions: dict[str, tuple[np.ndarray, np.ndarray]]
    """Representation -> (probabilities [n, C], observed class [n]), first seed's test rows."""
    assignments: pd.DataFrame | None = None
    """Profile-cluster assignments of the first seed (when clusters were requested)."""
    rating_losses: pd.DataFrame | None = None
    """Every seed's held-out ratings: ``seed, representation, item_id, annotator_id, loss``
    (:func:`~engines.profiles.held_out.rating_losses`), for per-item uncertainty."""
    jury: JuryDraw | None = None
    """First seed: a simulated jury of held-out raters' profiles (when ``profile`` was fitted)."""
    examples_per_rater: pd.Series | None = None
    """First seed: fit ratings per rater that both the in-context examples and the written
    profiles were built from (``ProfileRunConfig.n_examples`` of them at most)."""

    def examples_summary(self) -> dict[str, float]:
        """Median, min and max fit ratings per rater behind the examples and the profiles."""
        counts = self.examples_per_rater
        if counts is None or counts.empty:
            return {}
        return {
            "median": float(counts.median()),
            "min": int(counts.min()),
            "max": int(counts.max()),
        }


def _held_out_row(
    seed: int, name: str, per_rating: pd.DataFrame, probs: np.ndarray, y: np.ndarray, n_raters: int
) -> dict[str, object]:
    """One row of ``Evaluation.losses``: mean cross-entropy and accuracy on the test rows."""
    return {
        "seed": seed,
        "representation": name,
        "loss": float(per_rating["loss"].mean()),
        "accuracy": float((probs.argmax(1) == y).mean()),
        "n_test_ratings": len(y),
        "n_test_raters": n_raters,
    }


MIN_RATERS = 10
"""Fewest raters (with ``min_ratings`` ratings) for a comparison: half are held out per split."""


def check_enough_raters(ds: AnnotationDataset, min_ratings: int) -> None:
    """Refuse a comparison whose held-out halves would be a handful of raters.

    Raises:
        ValueError: naming the count, the minimum and why.
    """
    counts = ds.df.groupby(ANNOTATOR_ID).size()
    n = int((counts >= min_ratings).sum())
    if n < MIN_RATERS:
        raise ValueError(
            f"Comparing representations needs at least {MIN_RATERS} raters with {min_ratings} "
            f"or more ratings (half of them are held out in each split); this dataset has {n}. "
            f"With {n // 2 or 1} held-out rater(s) the usable information is noise: it can "
            "come out negative or as a loss of several nats."
        )


def evaluate_representations(
    ds: AnnotationDataset,
    prep: Prepared,
    cfg: ProfileRunConfig,
    supplied: Mapping[str, str] | None = None,
    progress: Progress | None = None,
) -> Evaluation:
    """Algorithm 1 over several seeded 50/50 rater splits, for every requested representation.

    Demographic representations are left out when the dataset has no demographic columns.
    ``clusters-<C>`` representations (Algorithm 2) cluster the seed's ``profile`` decoder's
    candidate profiles, so ``profile`` is fitted first even when not requested (and then
    left out of the losses). The in-context examples and the written profiles are built from
    the same fit ratings (each rater's first ``cfg.n_examples``; all by default), so that
    information preserved compares like with like. ``progress`` counts decoders: one prior
    plus one per representation and seed.
    """
    check_enough_raters(ds, cfg.min_ratings)
    # Without demographic columns a demographics representation is empty text: no row for it.
    reps = [
        r for r in cfg.representations
        if ds.demographics or not (r == "demographics" or r.startswith("demo:"))
    ]  # fmt: skip
    clusters = [r for r in reps if r.startswith("clusters-")]
    if clusters and "profile" not in reps:
        reps.insert(0, "profile")
    total = len(cfg.seeds) * (len(reps) + 1)
    done, rows, preds, assignments, examples = 0, [], {}, None, None
    losses_by_row, jury = [], None
    for s_i, seed in enumerate(cfg.seeds):
        part = partition_fit_eval(ds.df, seed, cfg.min_ratings)
        test = split_raters(part[ANNOTATOR_ID].unique(), seed)
        is_test = part[ANNOTATOR_ID].astype(str).isin(test)
        fit_rows = first_examples(part[part[ROLE] == "fit"], cfg.examples_n())
        if s_i == 0:
            examples = fit_rows.groupby(ANNOTATOR_ID).size()
        train_eval = part[(part[ROLE] == "eval") & ~is_test]
        test_eval = part[(part[ROLE] == "eval") & is_test]
        reference = part[~((part[ROLE] == "eval") & is_test)]
        _, prior = fit_prior(prep, part[~is_test], ds, with_seed(cfg.decoder, seed))
        done += 1
        report(progress, done, total, f"seed {seed}: prior")
        fitted: dict[str, tuple[Decoder, RaterRepresentation]] = {}
        for name in reps:
            if name.startswith("clusters-"):
                dec_p, rep_p = fitted["profile"]
                rep, frame = cluster_representation(
                    dec_p,
                    rep_p.texts,
                    fit_rows,
                    sorted(set(train_eval[ANNOTATOR_ID].astype(str))),
                    int(name.split("-")[1]),
                    cfg.n_candidates,
                    seed,
                )
                if s_i == 0:
                    assignments = frame
            else:
                rep = build_representation(name, ds, prep, fit_rows, reference, cfg, supplied)
            dec = fit_decoder(prep, train_eval, rep, ds, cfg, seed, prior)
            fitted[name] = (dec, rep)
            probs = dec.predict_rows(test_eval)
            y = test_eval[LABEL_CODE].to_numpy()
            losses_by_row.append(rating_losses(seed, name, test_eval, probs))
            rows.append(_held_out_row(seed, name, losses_by_row[-1], probs, y, len(test)))
            if s_i == 0:
                preds[name] = (probs, y)
            if s_i == 0 and name == "profile" and cfg.jury_size >= 2:
                jury = draw_jury(
                    dec, prep.item_ids, test, fit_rows, part[is_test], cfg.jury_size, seed
                )
            done += 1
            report(progress, done, total, f"seed {seed}: {name}")
    losses = pd.DataFrame(rows)
    losses = losses[losses["representation"].isin(cfg.representations)].reset_index(drop=True)
    per_rating = pd.concat(losses_by_row, ignore_index=True)
    per_rating = per_rating[per_rating["representation"].isin(cfg.representations)]
    return Evaluation(
        losses,
        preds,
        assignments,
        rating_losses=per_rating.reset_index(drop=True),
        jury=jury,
        examples_per_rater=examples,
    )
