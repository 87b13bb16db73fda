"""Value-profiles benchmark on POPQUORN offensiveness (1,500 items, 262 raters).

Measures, on the real data through the app's own engine path:

* usable information I(g -> Y | X) per representation (none, demographics, offline-written
  profile, in-context examples), mean and 95% t-interval over seeded 50/50 rater splits
  (value-profiles seed, Algorithm 1), and information preserved I(profile) / I(examples) (eq. 3),
  both built from the same fit ratings (``examples_per_rater``);
* the profile decoder's expected calibration error on held-out raters (first seed);
* ``uncertainty``: appendix D.1's per-item decomposition on held-out ratings (items with at
  least 3), and ``jury``: section 7's simulated jury of held-out raters, each item scored only
  by jurors not fit on it, against the held-out raters' observed agreement;
* ``fit_s``: training the app's editing decoder on every rater (prior + profile writer +
  decoder; item embeddings already cached, as in the app after the first visit);
* edit latency: one edited profile text -> predictions for all 1,500 items (embed the text with
  MiniLM + one decoder pass), warm, over distinct edits so no cache can answer.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from typing import Any

import numpy as np

from benchmarks.common import POPQUORN, require

REPRESENTATIONS = ("none", "demographics", "profile", "examples")


def _edits(base: str, n: int) -> list[str]:
    """``n`` distinct edited versions of a profile, as a researcher would type them."""
    extra = [
        "Sensitive to slurs aimed at groups.",
        "Tolerant of casual swearing between friends.",
        "Strict overall: ratings higher than most.",
        "Lenient overall: ratings lower than most.",
        "Cares about respect in political arguments.",
    ]
    return [f"{base}\n- {extra[i % len(extra)]} (edit {i})" for i in range(n)]


def run(seeds: int = 5, edits: int = 50, decoder: str = "embedding") -> dict:
    """Run the value-profiles benchmark and return its JSON-ready result.

    ``decoder``: ``embedding`` (the default, CPU) or ``cross-encoder`` (meant for a GPU).
    """
    from analysis.profiles import (
        compute_usable_information,
        expected_calibration_error,
        information_preserved,
    )
    from engines.data.load import load_dataset
    from engines.profiles import (
        ProfileRunConfig,
        evaluate_representations,
        fit_app_decoder,
        prepare,
    )
    from engines.text import EmbeddingCache, embed_with, make_encoder

    ds = load_dataset(require(POPQUORN), name="popquorn_offensiveness")
    with tempfile.TemporaryDirectory() as cache_dir:
        encoder = make_encoder()
        t0 = time.perf_counter()
        prep = prepare(ds, embed_with(encoder, EmbeddingCache(cache_dir)))
        prepare_s = time.perf_counter() - t0

        cfg = ProfileRunConfig(
            seeds=tuple(range(seeds)), representations=REPRESENTATIONS, decoder_kind=decoder
        )
        t0 = time.perf_counter()
        ev = evaluate_representations(ds, prep, cfg)
        evaluate_s = time.perf_counter() - t0

        fitted = fit_app_decoder(ds, prep, ProfileRunConfig(decoder_kind=decoder))
        base = next(t for t in fitted.profiles.values() if t.strip())
        fitted.predict_text(base)  # warm: the encoder and decoder are loaded and run once
        latencies = []
        for text in _edits(base, edits):
            t0 = time.perf_counter()
            probs = fitted.predict_text(text)
            latencies.append((time.perf_counter() - t0) * 1000)
        assert probs.shape == (len(prep.item_ids), ds.scale.n_classes)

    usable = compute_usable_information(ev.losses[["seed", "representation", "loss"]])
    probs, y = ev.predictions["profile"]
    return {
        "benchmark": "profiles",
        "dataset": "popquorn_offensiveness",
        "decoder": decoder,
        "device": _device(),
        "n_items": len(prep.item_ids),
        "n_raters": int(ds.df["annotator_id"].nunique()),
        "n_seeds": seeds,
        "usable_info_nats": {
            r.representation: {
                "mean": round(r.usable_info_nats, 4),
                "ci": [round(r.ci_low, 4), round(r.ci_high, 4)],
                "loss": round(r.loss_mean, 4),
            }
            for r in usable.itertuples()
        },
        "info_preserved": _round(information_preserved(usable, "profile", "examples"), 3),
        "examples_per_rater": ev.examples_summary(),
        **_held_out_summaries(ev),
        "decoder_ece": round(expected_calibration_error(probs, y), 4),
        "edit_latency_ms_median": round(statistics.median(latencies), 1),
        "edit_latency_ms_p95": round(float(np.percentile(latencies, 95)), 1),
        "n_edits": edits,
        "fit_s": round(fitted.seconds, 2),
        "prepare_s": round(prepare_s, 2),
        "evaluate_s": round(evaluate_s, 1),
        "cpu_count": os.cpu_count(),
    }


def _held_out_summaries(ev: Any) -> dict:
    """Appendix D.1's per-item decomposition and section 7's jury, both on held-out raters."""
    from analysis.profiles import compute_item_uncertainty, compute_jury, jury_correlation

    unc = compute_item_uncertainty(ev.rating_losses, min_ratings=3)
    out: dict = {
        "uncertainty": {
            "n_items": len(unc),
            "total_mean": round(float(unc["total"].mean()), 4),
            "aleatoric_mean": round(float(unc["aleatoric"].mean()), 4),
            "value_epistemic_mean": round(float(unc["value_epistemic"].mean()), 4),
            "share_negative": round(float((unc["value_epistemic"] < 0).mean()), 3),
        }
    }
    if ev.jury is not None:
        draw = ev.jury
        jury = compute_jury(
            draw.item_ids, draw.probs, draw.observed, min_annotations=3, excluded=draw.excluded
        )
        corr = jury_correlation(jury)
        out["jury"] = {
            "n_jurors": len(draw.jurors),
            "n_items": len(jury),
            "r": _round(corr["r"], 3),
            "p_value": _round(corr["p_value"], 4),
        }
    return out


def _round(x: float, digits: int) -> float | None:
    return None if np.isnan(x) else round(x, digits)


def _device() -> str:
    import torch

    return torch.cuda.get_device_name(0) if torch.cuda.is_available() else "cpu"
