"""Value-profile decoders kept on disk and restored (issue #27 part 0).

A kept run holds what the Value profiles page needs to edit profiles live after a reload: the
fitted decoder (safetensors + JSON, any kind), its training history, the no-information
prior, every rater's profile, the fit/eval partition, the items and their themes. The edit
reader is not kept: it is rebuilt from the dataset, exactly as training builds it (raters'
deviations on their fit ratings), so a restored decoder reads edits as the trained one did.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pandas as pd

from engines.core.config_io import config_from_dict
from engines.core.loop import History
from engines.core.run_store import RunRecord, RunStore
from engines.data.schema import ANNOTATOR_ID, ITEM_ID, LABEL_CODE, AnnotationDataset
from engines.profiles.app_decoder import FittedProfiles, edit_reader, reads_edits
from engines.profiles.config import ProfileRunConfig
from engines.profiles.cross_encoder import CrossEncoderDecoder
from engines.profiles.decoder import ProfileDecoder
from engines.profiles.representations import ROLE, hold_out_raters
from engines.profiles.statement_decoder import StatementDecoder
from engines.profiles.workflow import Prepared

__all__ = [
    "WING",
    "load_profiles_run",
    "profiles_settings",
    "save_profiles_run",
    "validation_losses",
]

WING = "profiles"
"""The wing name runs of the Value profiles page are kept under."""

_KINDS = {"ProfileDecoder": ProfileDecoder, "StatementDecoder": StatementDecoder,
          "CrossEncoderDecoder": CrossEncoderDecoder}  # fmt: skip


def profiles_settings(fitted: FittedProfiles) -> dict[str, Any]:
    """What identifies a decoder besides its dataset and seed.

    Its settings and where its profiles came from (the representation's name).
    """
    cfg = dataclasses.asdict(fitted.config)
    cfg.pop("seeds")
    return {"config": cfg, "representation": fitted.decoder.representation_.name}


def validation_losses(fitted: FittedProfiles) -> pd.DataFrame:
    """``item_id, annotator_id, nll``: the decoder's log loss (nats) on held-out ratings.

    Each rating of the raters the training loop held out for early stopping (the same raters:
    :func:`~engines.profiles.representations.hold_out_raters` with the decoder's seed and
    fraction), read under the rater's own profile: ratings the weights were not fitted to.
    Empty when the decoder held no rater out.
    """
    dec = fitted.decoder
    targets = fitted.partition[fitted.partition[ROLE] == "eval"]
    _, val = hold_out_raters(targets, dec.config.train.seed, dec.config.val_fraction)
    if val is None:
        return pd.DataFrame(columns=[ITEM_ID, ANNOTATOR_ID, "nll"])
    probs = dec.predict_rows(val)  # each rater under the profile the decoder was trained with
    p = probs[np.arange(len(val)), val[LABEL_CODE].to_numpy(int)]
    return pd.DataFrame({ITEM_ID: val[ITEM_ID].astype(str).to_numpy(),
                         ANNOTATOR_ID: val[ANNOTATOR_ID].astype(str).to_numpy(),
                         "nll": -np.log(np.clip(p, 1e-12, None))})  # fmt: skip


def save_profiles_run(
    store: RunStore, dataset: str, fitted: FittedProfiles, dataset_name: str = ""
) -> RunRecord:
    """Keep a trained decoder; its headline is its best validation cross-entropy (nats)."""
    dec = fitted.decoder
    hist = dec.history_
    best = hist.epochs[hist.best_epoch - 1] if hist.epochs else {}
    profiles = pd.DataFrame({ANNOTATOR_ID: list(fitted.profiles),
                             "profile": list(fitted.profiles.values())})  # fmt: skip
    tables = {"partition": fitted.partition, "items": fitted.items, "profiles": profiles,
              "history": pd.DataFrame(hist.epochs),
              "validation": validation_losses(fitted)}  # fmt: skip
    if fitted.themes is not None:
        tables["themes"] = fitted.themes
    info = {
        "decoder_class": type(dec).__name__,
        "config": dataclasses.asdict(fitted.config),
        "seconds": fitted.seconds,
        "no_reader_why": fitted.no_reader_why,
        "best_epoch": hist.best_epoch,
        "best_val_loss": hist.best_val_loss,
    }
    seed = fitted.config.seeds[0] if fitted.config.seeds else 0
    nats = float(best.get("val_ce", hist.best_val_loss))
    return store.save(
        WING, dataset, profiles_settings(fitted), seed, tables, {"prior_logp": fitted.prior_logp},
        headline={"validation CE": nats}, models={"decoder": dec.save}, info=info,
        dataset_name=dataset_name,
    )  # fmt: skip


def load_profiles_run(
    store: RunStore, rid: str, ds: AnnotationDataset, prep: Prepared
) -> FittedProfiles:
    """A kept decoder, ready for live edits (its edit reader rebuilt from ``ds``).

    Raises:
        FileNotFoundError: no such run.
        ValueError: a file of the run was changed or damaged (named in the message).
    """
    tables, arrays = store.load(rid)
    record = store.record(rid)
    folder = store.model_dir(rid, "decoder")
    if record is None or folder is None:
        raise FileNotFoundError(f"No kept decoder {rid!r} under {store.root}.")
    info = record.info
    kind = _KINDS[info["decoder_class"]]
    dec = kind.load(folder) if kind is CrossEncoderDecoder else kind.load(folder, prep.embed)
    epochs = tables["history"].to_dict("records")
    dec.history_ = History(epochs=epochs, best_epoch=int(info["best_epoch"]),
                           best_val_loss=float(info["best_val_loss"]))  # fmt: skip
    cfg = config_from_dict(info["config"], ProfileRunConfig)
    prior = arrays["prior_logp"]
    profiles = dict(
        zip(tables["profiles"][ANNOTATOR_ID].astype(str), tables["profiles"]["profile"])
    )
    part = tables["partition"]
    reader = None
    if reads_edits(ds, cfg) and not isinstance(dec, StatementDecoder):
        reader = edit_reader(ds, prep, part, np.exp(prior), profiles.values())
    return FittedProfiles(
        dec, prior, profiles, part, tables["items"], float(info["seconds"]), cfg,
        tables.get("themes"), reader, str(info["no_reader_why"]),
    )  # fmt: skip
