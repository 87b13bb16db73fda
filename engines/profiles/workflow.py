"""Value-profile workflows: usable information over seeds (Algorithm 1) and the app's decoder.

Every decoder is trained the same way: a no-information *prior* decoder is fitted on all
ratings of the training raters, and each representation's decoder learns, on the training
raters' *eval* ratings, how the representation (built from the rater's *fit* ratings) moves
the rater away from that prior. Held-out raters are never seen in training; their eval ratings
give the V-entropy of each representation and, by difference with ``none``, the usable
information I(g -> Y | X) in nats (value-profiles seed, §3 and §4).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

import numpy as np
import pandas as pd

from engines.data.schema import ANNOTATOR_ID, ITEM_ID, LABEL_CODE, AnnotationDataset
from engines.profiles.cross_encoder import CrossEncoderConfig, CrossEncoderDecoder
from engines.profiles.decoder import (
    ROLE,
    DecoderConfig,
    ProfileDecoder,
    RaterRepresentation,
    demographics_text,
    examples_text,
    partition_fit_eval,
    split_raters,
)
from engines.profiles.writer import Themes, WriterConfig, find_themes, write_profiles
from engines.text.embed import Embedder, item_table

Progress = Callable[[int, int, str], None]
EpochCallback = Callable[[int, dict[str, float]], bool | None]
BASE_REPRESENTATIONS = ("none", "demographics", "profile", "examples")
DecoderKind = Literal["embedding", "cross-encoder"]
DECODER_KINDS: tuple[DecoderKind, ...] = ("embedding", "cross-encoder")
Decoder = ProfileDecoder | CrossEncoderDecoder


@dataclass(frozen=True)
class ProfileRunConfig:
    """Settings of a representation comparison or an app decoder."""

    seeds: tuple[int, ...] = (0, 1, 2, 3, 4)
    representations: tuple[str, ...] = BASE_REPRESENTATIONS
    """Any of none, demographics, profile, examples, supplied, clusters-<C>, demo:<column>."""
    decoder: DecoderConfig = field(default_factory=DecoderConfig)
    """The embedding decoder; it also fits the no-information prior for either kind."""
    decoder_kind: DecoderKind = "embedding"
    """``embedding`` (small network over frozen MiniLM embeddings, CPU) or ``cross-encoder``
    (MiniLM fine-tuned on (profile, item) pairs; meant for a GPU)."""
    cross_encoder: CrossEncoderConfig = field(default_factory=CrossEncoderConfig)
    writer: WriterConfig = field(default_factory=WriterConfig)
    min_ratings: int = 4
    n_candidates: int = 100
    """Candidate profiles for profile clustering (Algorithm 2)."""
    jury_size: int = 100
    """Profiles drawn for the uncertainty decomposition and the simulated jury."""


@dataclass
class Prepared:
    """Item table, embeddings and themes of one dataset (shared by every seed)."""

    items: pd.DataFrame
    emb: np.ndarray
    themes: Themes
    embed: Embedder
    """Text -> embedding function used for text representations."""

    @property
    def item_ids(self) -> list[str]:
        """Item ids in embedding-row order."""
        return self.items[ITEM_ID].astype(str).tolist()


def prepare(ds: AnnotationDataset, embed: Embedder, writer: WriterConfig | None = None) -> Prepared:
    """Embed every item once and find the item themes used by the profile writer."""
    items = item_table(ds)
    emb = np.asarray(embed(items["text"].astype(str).tolist()), np.float32)
    themes = find_themes(
        items[ITEM_ID].astype(str), items["text"].astype(str), emb, writer or WriterConfig()
    )
    return Prepared(items, emb, themes, embed)


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
    on_epoch_end: EpochCallback | None = None,
) -> Decoder:
    """Train the decoder of ``cfg.decoder_kind`` on the target ``rows`` under ``rep``.

    The cross-encoder reads every representation as text: in-context examples are written
    out as ``"item" -> label`` lines (:func:`engines.profiles.decoder.examples_text`).
    """
    if cfg.decoder_kind == "embedding":
        return ProfileDecoder(replace(cfg.decoder, seed=seed)).fit(
            prep.item_ids,
            prep.emb,
            rows,
            rep,
            _embedder(rep, prep),
            ds.scale.n_classes,
            on_epoch_end=on_epoch_end,
            ordinal_scale=_is_ordinal(ds),
            prior=prior,
        )
    if cfg.decoder_kind != "cross-encoder":
        raise ValueError(f"decoder_kind must be one of {DECODER_KINDS}, got {cfg.decoder_kind!r}.")
    if rep.kind == "examples":
        texts = examples_text(rep.examples, cfg.decoder.max_examples)
        rep = RaterRepresentation(rep.name, "text", texts)
    return CrossEncoderDecoder(replace(cfg.cross_encoder, seed=seed)).fit(
        prep.item_ids,
        prep.items["text"].astype(str).tolist(),
        rows,
        rep,
        ds.scale.n_classes,
        on_epoch_end=on_epoch_end,
        ordinal_scale=_is_ordinal(ds),
        prior=prior,
    )


def build_representation(
    name: str,
    ds: AnnotationDataset,
    prep: Prepared,
    fit_rows: pd.DataFrame,
    reference_rows: pd.DataFrame,
    writer: WriterConfig,
    supplied: Mapping[str, str] | None = None,
) -> RaterRepresentation:
    """One named representation built from the raters' fit rows (never their eval rows)."""
    if name == "none":
        return RaterRepresentation(name, "none")
    if name == "demographics":
        return RaterRepresentation(
            name, "text", demographics_text(ds.annotators(), ds.demographics)
        )
    if name.startswith("demo:"):
        return RaterRepresentation(name, "text", demographics_text(ds.annotators(), [name[5:]]))
    if name == "profile":
        texts = write_profiles(fit_rows, reference_rows, prep.themes, ds.scale, writer)
        return RaterRepresentation(name, "text", texts)
    if name == "supplied":
        if not supplied:
            raise ValueError("The 'supplied' representation needs user-supplied profiles.")
        return RaterRepresentation(name, "text", {str(k): str(v) for k, v in supplied.items()})
    if name == "examples":
        return RaterRepresentation(name, "examples", examples=fit_rows)
    raise ValueError(f"Unknown representation {name!r}.")


def cluster_representation(
    profile_dec: Decoder,
    profiles: Mapping[str, str],
    fit_rows: pd.DataFrame,
    candidate_raters: Sequence[str],
    n_clusters: int,
    n_candidates: int = 100,
    seed: int = 0,
) -> tuple[RaterRepresentation, pd.DataFrame]:
    """Algorithm 2: choose ``n_clusters`` candidate profiles, assign every rater to one.

    The loss table uses the candidate raters' fit ratings only; every rater (also held-out
    ones) is then assigned by their own fit ratings.

    Returns:
        (representation with each rater's cluster profile as text, assignments table
        ``annotator_id, cluster, profile``).
    """
    from analysis.profiles.metrics import (
        assign_to_profiles,
        build_loss_table,
        greedy_profile_clustering,
    )

    rng = np.random.default_rng(seed)
    pool = [r for r in sorted(candidate_raters) if profiles.get(r, "").strip()]
    cand = [pool[i] for i in sorted(rng.permutation(len(pool))[:n_candidates])]
    item_pos = {i: k for k, i in enumerate(profile_dec.item_ids_)}
    fit_items = sorted({item_pos[str(i)] for i in fit_rows[ITEM_ID]})
    probs = profile_dec.predict_texts([profiles[r] for r in cand], np.asarray(fit_items))
    local = {j: k for k, j in enumerate(fit_items)}
    raters = sorted(fit_rows[ANNOTATOR_ID].astype(str).unique())
    r_pos = {r: k for k, r in enumerate(raters)}
    table = build_loss_table(
        probs,
        np.asarray([local[item_pos[str(i)]] for i in fit_rows[ITEM_ID]]),
        fit_rows[LABEL_CODE].to_numpy(),
        np.asarray([r_pos[str(r)] for r in fit_rows[ANNOTATOR_ID]]),
        len(raters),
    )
    train_rows = np.asarray([r_pos[r] for r in candidate_raters if r in r_pos])
    result = greedy_profile_clustering(table[train_rows], n_clusters, seed=seed)
    assign = assign_to_profiles(table, result.chosen)
    chosen = [cand[k] for k in result.chosen]
    texts = {r: profiles[chosen[a]] for r, a in zip(raters, assign, strict=True)}
    frame = pd.DataFrame(
        {
            ANNOTATOR_ID: raters,
            "cluster": assign + 1,
            "profile": [profiles[chosen[a]] for a in assign],
        }
    )
    return RaterRepresentation(f"clusters-{n_clusters}", "text", texts), frame


@dataclass
class Evaluation:
    """Held-out results of a representation comparison."""

    losses: pd.DataFrame
    """``seed, representation, loss, accuracy, n_test_ratings, n_test_raters``."""
    predictions: dict[str, tuple[np.ndarray, np.ndarray]]
    """Representation -> (probabilities [n, C], observed class [n]), first seed's test rows."""
    assignments: pd.DataFrame | None = None
    """Profile-cluster assignments of the first seed (when clusters were requested)."""


def evaluate_representations(
    ds: AnnotationDataset,
    prep: Prepared,
    cfg: ProfileRunConfig,
    supplied: Mapping[str, str] | None = None,
    on_progress: Progress | None = None,
) -> Evaluation:
    """Algorithm 1 over several seeded 50/50 rater splits, for every requested representation."""
    reps = list(cfg.representations)
    clusters = [r for r in reps if r.startswith("clusters-")]
    if clusters and "profile" not in reps:
        reps.insert(0, "profile")
    total = len(cfg.seeds) * (len(reps) + 1)
    done, rows, preds, assignments = 0, [], {}, None
    for s_i, seed in enumerate(cfg.seeds):
        dcfg = replace(cfg.decoder, seed=seed)
        part = partition_fit_eval(ds.df, seed, cfg.min_ratings)
        test = split_raters(part[ANNOTATOR_ID].unique(), seed)
        is_test = part[ANNOTATOR_ID].astype(str).isin(test)
        fit_rows = part[part[ROLE] == "fit"]
        train_eval = part[(part[ROLE] == "eval") & ~is_test]
        test_eval = part[(part[ROLE] == "eval") & is_test]
        reference = part[~((part[ROLE] == "eval") & is_test)]
        _, prior = fit_prior(prep, part[~is_test], ds, dcfg)
        done += 1
        if on_progress:
            on_progress(done, total, f"seed {seed}: prior")
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
                rep = build_representation(
                    name, ds, prep, fit_rows, reference, cfg.writer, supplied
                )
            dec = fit_decoder(prep, train_eval, rep, ds, cfg, seed, prior)
            fitted[name] = (dec, rep)
            probs = dec.predict_rows(test_eval)
            y = test_eval[LABEL_CODE].to_numpy()
            p_true = np.clip(probs[np.arange(len(y)), y], 1e-12, None)
            rows.append(
                {
                    "seed": seed,
                    "representation": name,
                    "loss": float(-np.log(p_true).mean()),
                    "accuracy": float((probs.argmax(1) == y).mean()),
                    "n_test_ratings": len(y),
                    "n_test_raters": len(test),
                }
            )
            if s_i == 0:
                preds[name] = (probs, y)
            done += 1
            if on_progress:
                on_progress(done, total, f"seed {seed}: {name}")
    losses = pd.DataFrame(rows)
    losses = losses[losses["representation"].isin(cfg.representations)].reset_index(drop=True)
    return Evaluation(losses, preds, assignments)


def _embedder(rep: RaterRepresentation, prep: Prepared) -> Embedder | None:
    return prep.embed if rep.kind == "text" else None


@dataclass
class FittedProfiles:
    """The app's decoder: trained on every rater, ready for live profile edits."""

    decoder: Decoder
    prior_logp: np.ndarray
    profiles: dict[str, str]
    partition: pd.DataFrame
    items: pd.DataFrame
    seconds: float = 0.0
    config: ProfileRunConfig = field(default_factory=ProfileRunConfig)

    def predict_texts(self, texts: Sequence[str]) -> np.ndarray:
        """Class probabilities [n_items, n_texts, C] for every item under each text."""
        return self.decoder.predict_texts(texts)

    def predict_text(self, text: str) -> np.ndarray:
        """Class probabilities [n_items, C] for every item under ``text``."""
        return self.decoder.predict_for_text(text)

    def prior_probs(self) -> np.ndarray:
        """No-information class probabilities [n_items, C]."""
        return np.exp(self.prior_logp)


def fit_app_decoder(
    ds: AnnotationDataset,
    prep: Prepared,
    cfg: ProfileRunConfig,
    representation: str = "profile",
    supplied: Mapping[str, str] | None = None,
    on_epoch_end: EpochCallback | None = None,
) -> FittedProfiles:
    """Train the editing decoder on all raters (fit rows -> profile, eval rows -> targets)."""
    import time

    t0 = time.perf_counter()
    seed = cfg.seeds[0] if cfg.seeds else 0
    dcfg = replace(cfg.decoder, seed=seed)
    part = partition_fit_eval(ds.df, seed, cfg.min_ratings)
    fit_rows = part[part[ROLE] == "fit"]
    _, prior = fit_prior(prep, part, ds, dcfg)
    rep = build_representation(representation, ds, prep, fit_rows, part, cfg.writer, supplied)
    dec = fit_decoder(prep, part[part[ROLE] == "eval"], rep, ds, cfg, seed, prior, on_epoch_end)
    seconds = time.perf_counter() - t0
    return FittedProfiles(dec, prior, dict(rep.texts), part, prep.items, seconds, cfg)


__all__ = [
    "BASE_REPRESENTATIONS",
    "DECODER_KINDS",
    "Evaluation",
    "FittedProfiles",
    "Prepared",
    "ProfileRunConfig",
    "build_representation",
    "cluster_representation",
    "evaluate_representations",
    "fit_app_decoder",
    "fit_decoder",
    "fit_prior",
    "prepare",
    "supplied_profiles",
    "write_llm_profiles",
]


def supplied_profiles(table: pd.DataFrame) -> dict[str, str]:
    """Annotator -> profile text from a table with an annotator column and a profile column.

    Accepts the dataset's own ``value_profile`` column (first non-empty text per annotator) or
    a separate annotator -> profile CSV; column names are matched like the main mapper does.

    Raises:
        ValueError: naming the columns found when either column cannot be identified.
    """
    from engines.data.mapping import infer_mapping

    cols = {str(c).lower().replace("_", "").replace(" ", ""): c for c in table.columns}
    ann = table.columns[0] if ANNOTATOR_ID not in table.columns else ANNOTATOR_ID
    prof = next((cols[k] for k in ("valueprofile", "profile", "profiletext") if k in cols), None)
    if ANNOTATOR_ID not in table.columns:
        try:
            mapped = infer_mapping(table).roles.get(ANNOTATOR_ID)
        except Exception:  # a two-column table may not map cleanly
            mapped = None
        ann = mapped or next(
            (cols[k] for k in ("annotatorid", "raterid", "workerid", "userid") if k in cols), None
        )
    if ann is None or prof is None:
        raise ValueError(
            "Profiles need an annotator column and a profile column (e.g. 'annotator_id' and "
            f"'value_profile'); found columns: {', '.join(map(str, table.columns))}."
        )
    rows = table[[ann, prof]].dropna()
    rows = rows[rows[prof].astype(str).str.strip() != ""]
    return rows.drop_duplicates(ann).set_index(ann)[prof].astype(str).rename(str).to_dict()


def write_llm_profiles(
    ds: AnnotationDataset,
    backend: object,
    cfg: ProfileRunConfig,
    task: str,
    raters: Sequence[str] | None = None,
    on_progress: Progress | None = None,
) -> dict[str, str]:
    """Profiles from an LLM backend (seed encoder prompt, figure A8) on each rater's fit rows.

    Uses the same fit/eval partition as :func:`fit_app_decoder`, so the decoder never sees a
    profile written from its own targets. Raises ``engines.text.llm.LLMError`` on the first failure.
    """
    from engines.text.llm import write_profile_llm

    seed = cfg.seeds[0] if cfg.seeds else 0
    part = partition_fit_eval(ds.df, seed, cfg.min_ratings)
    fit_rows = part[part[ROLE] == "fit"]
    groups = dict(list(fit_rows.groupby(fit_rows[ANNOTATOR_ID].astype(str))))
    todo = [r for r in (raters or sorted(groups)) if r in groups]
    out: dict[str, str] = {}
    for k, rater in enumerate(todo, 1):
        rows = groups[rater]
        out[rater] = write_profile_llm(backend, rows["text"].tolist(), rows["label"].tolist(), task)
        if on_progress:
            on_progress(k, len(todo), rater)
    return out
