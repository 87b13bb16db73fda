"""``perspectives profiles``: write value profiles, train the decoder, compare representations."""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.common import add_data_arguments, load_dataset, progress

__all__ = ["add_parser", "run"]


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Declare the ``profiles`` sub-command and its options."""
    from engines.text.encoders import DEFAULT_MODEL

    p = sub.add_parser("profiles", help="write value profiles and train the profile decoder")
    add_data_arguments(p)
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--profiles", help="optional annotator -> value_profile CSV")
    p.add_argument(
        "--representation", default="auto", choices=["auto", "profile", "supplied", "demographics"]
    )
    p.add_argument("--encoder", default=DEFAULT_MODEL, help="local model path or 'hashing'")
    p.add_argument("--seeds", type=int, default=5, help="rater splits for --evaluate")
    p.add_argument("--evaluate", action="store_true", help="also compare representations")
    p.add_argument(
        "--decoder",
        default="embedding",
        choices=["embedding", "statements", "cross-encoder"],
        help="statements: items attend to each profile statement (CPU, about a minute; "
        "edits move items the way they say); embedding: one frozen embedding per profile (CPU, "
        "seconds); cross-encoder: fine-tuned transformer over (profile, item) pairs (GPU "
        "recommended)",
    )
    p.add_argument(
        "--edit",
        action="append",
        default=[],
        help="a profile edit to read (repeatable): its readings and the mean change of the "
        "expected label it causes for the average rater are added to the summary",
    )
    p.add_argument("--ce-model", default=DEFAULT_MODEL, help="cross-encoder: local model folder")
    p.add_argument("--ce-epochs", type=int, default=3, help="cross-encoder: epochs")
    p.add_argument(
        "--ce-max-rows", type=int, default=None, help="cross-encoder: subsample training rows"
    )
    p.add_argument("--ce-max-length", type=int, default=256, help="cross-encoder: tokens/pair")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> dict:
    """Write value profiles, train the decoder, optionally compare representations."""
    from dataclasses import replace

    import pandas as pd

    from engines.profiles import (
        CrossEncoderConfig,
        ProfileRunConfig,
        evaluate_representations,
        fit_app_decoder,
        prepare,
        supplied_profiles,
    )
    from engines.text import EmbeddingCache, embed_with, make_encoder

    ds = load_dataset(args)
    supplied = None
    if args.profiles:
        supplied = supplied_profiles(pd.read_csv(args.profiles, keep_default_na=False))
    elif "value_profile" in ds.df.columns:
        supplied = supplied_profiles(ds.df)
    rep = "supplied" if supplied and args.representation == "auto" else args.representation
    rep = "profile" if rep == "auto" else rep
    prep = prepare(ds, embed_with(make_encoder(args.encoder), EmbeddingCache()))
    cfg = ProfileRunConfig(
        seeds=tuple(range(args.seeds)),
        decoder_kind=args.decoder,
        cross_encoder=CrossEncoderConfig(
            model=args.ce_model,
            max_train_rows=args.ce_max_rows,
            max_length=args.ce_max_length,
            train=replace(CrossEncoderConfig().train, max_epochs=args.ce_epochs),
        ),
    )
    fitted = fit_app_decoder(ds, prep, cfg, representation=rep, supplied=supplied)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    fitted.decoder.save(out / "decoder", {"dataset": ds.name, "encoder": args.encoder})
    pd.DataFrame(
        {"annotator_id": list(fitted.profiles), "value_profile": list(fitted.profiles.values())}
    ).to_csv(out / "profiles.csv", index=False)
    summary = {"dataset": ds.name, "representation": rep, "decoder": args.decoder}
    summary["fit_s"] = round(fitted.seconds, 2)
    summary["n_profiles"] = len(fitted.profiles)
    if args.edit:
        summary["edits"] = [_read_edit(fitted, ds, text) for text in args.edit]
    if args.evaluate:
        from analysis.profiles import compute_usable_information

        reps = ("none", "demographics", "profile", "examples")
        reps = (*reps, "supplied") if supplied else reps
        ev = evaluate_representations(
            ds, prep, replace(cfg, representations=reps), supplied, progress=progress
        )
        ev.losses.to_csv(out / "losses.csv", index=False)
        usable = compute_usable_information(ev.losses[["seed", "representation", "loss"]])
        usable.to_csv(out / "usable_information.csv", index=False)
        summary["usable_info_nats"] = (
            usable.set_index("representation")["usable_info_nats"].round(4).to_dict()
        )
    return summary


def _read_edit(fitted, ds, text: str) -> dict:  # noqa: ANN001 - FittedProfiles, AnnotationDataset
    """One edit's readings and the mean change of expected label for the blank profile."""
    import numpy as np

    readings = fitted.readings(f"- {text}")
    out = {"edit": text, "readings": [
        {"clause": r.clause, "about": r.label, "direction": r.direction, "strength": r.strength,
         "confidence": r.confidence, "why": r.why} for r in readings
    ]}  # fmt: skip
    if fitted.reader is None:
        out["not_read"] = fitted.no_reader_why
    if ds.scale.is_numeric:
        values = np.asarray(ds.scale.classes, float)
        change = (fitted.predict_text(f"- {text}") - fitted.predict_text("")) @ values
        out["mean_change"] = round(float(change.mean()), 4)
    return out
