"""The offline, data-grounded value-profile writer (DESIGN.md §4.2, encoder option a).

A rater's ratings are turned into a few short, readable value statements:

1. **Item themes**: k-means over item embeddings; each theme is named by its top
   class-based TF-IDF keywords (c-TF-IDF, as in BERTopic: ``tf(t, c) * log(1 + A / f(t))``
   with ``A`` the mean number of words per theme and ``f(t)`` the frequency of term ``t``
   over all themes).
2. **Deviations**: for numeric labels, the rater's rating minus the item's mean rating (from
   the reference rows), averaged per theme and overall, in rating points; for nominal labels,
   how much more often the rater picks each class than other raters of the same items.
3. **Rationales and value tags** (when present): the words and tags that the rater uses more
   than the others (c-TF-IDF over raters).

Deterministic given the seed. A theme statement reads "Sensitive to posts about god, jesus and
church: rates them as more offensive than most raters (+1.1)"; :func:`write_statements` also
gives each numeric statement random paraphrases (:mod:`~engines.profiles.phrasing`) to train the
statement decoder on varied language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from engines.data.schema import ANNOTATOR_ID, ITEM_ID, LABEL, LABEL_CODE, LabelScale
from engines.profiles.phrasing import Phrasing, topic_phrase
from engines.profiles.themes import Themes, ctfidf_keywords, theme_phrase

RATIONALE = "rationale"
VALUE_TAGS = "value_tags"


@dataclass(frozen=True)
class WriterConfig:
    """Settings of the offline profile writer."""

    n_themes: int | None = None
    """Number of item themes; None picks ``clip(round(sqrt(n_items / 8)), 2, 12)``."""
    n_keywords: int = 3
    """Keywords naming each theme."""
    min_theme_items: int = 2
    """A theme statement needs at least this many of the rater's items in the theme."""
    threshold: float = 0.35
    """Smallest mean deviation, in label standard deviations, worth a statement."""
    max_statements: int = 5
    """Upper bound on theme statements per profile."""
    label_name: str = "ratings"
    """How statements refer to the label, e.g. "offensiveness ratings"."""
    label_adjective: str | None = None
    """The label's adjective in theme statements ("...: rates them as more offensive than
    most raters"); None writes "higher"/"lower" instead (the workflow guesses it from
    the dataset name, :func:`~engines.profiles.phrasing.label_adjective`)."""
    seed: int = 0


def _signed(points: float) -> str:
    return f"{points:+.1f}".replace("-", "−")


class Fact(NamedTuple):
    """One numeric profile fact: the rater's mean deviation on a theme (None: overall)."""

    theme: int | None
    deviation: float
    """Rating points above (+) or below (-) the item means."""


def numeric_facts(
    rows: pd.DataFrame, item_mean: pd.Series, theme_of: pd.Series, sd: float, cfg: WriterConfig
) -> list[Fact]:
    """The rater's strongest theme deviations (at least ``cfg.threshold`` sd) and overall."""
    dev = rows[LABEL].astype(float).to_numpy() - item_mean.reindex(rows[ITEM_ID]).to_numpy()
    frame = pd.DataFrame({"theme": theme_of.reindex(rows[ITEM_ID]).to_numpy(), "dev": dev})
    frame = frame.dropna()
    per = frame.groupby("theme")["dev"].agg(["mean", "size"])
    per = per[per["size"] >= cfg.min_theme_items]
    per = per.reindex(per["mean"].abs().sort_values(ascending=False).index)
    facts = [
        Fact(int(theme), float(row["mean"]))
        for theme, row in per.head(cfg.max_statements).iterrows()
        if abs(row["mean"]) >= cfg.threshold * sd
    ]
    return [*facts, Fact(None, float(frame["dev"].mean()) if len(frame) else 0.0)]


def fact_sentence(fact: Fact, themes: Themes, sd: float, cfg: WriterConfig) -> str:
    """The writer's own sentence for a fact (one line of a written profile)."""
    pts = _signed(fact.deviation)
    if fact.theme is None:
        if fact.deviation >= cfg.threshold * sd:
            return f"Strict overall: {cfg.label_name} higher than most raters ({pts})."
        if fact.deviation <= -cfg.threshold * sd:
            return f"Lenient overall: {cfg.label_name} lower than most raters ({pts})."
        return f"Close to the average rater overall ({pts})."
    topic = theme_phrase(themes.keywords[fact.theme])
    # The contrasting lead ("Sensitive to" / "Tolerant of") is what the embedding decoder reads
    # best in a whole profile (0.060 vs 0.050 nats on POPQUORN without it; README).
    lead = "Sensitive to" if fact.deviation > 0 else "Tolerant of"
    more = "more" if fact.deviation > 0 else "less"
    if cfg.label_adjective:
        return (
            f"{lead} {topic}: rates them as {more} {cfg.label_adjective} than most raters ({pts})."
        )
    higher = "higher" if fact.deviation > 0 else "lower"
    return f"{lead} {topic}: rates them {higher} than most raters ({pts})."


def _nominal_statements(
    rows: pd.DataFrame,
    item_dist: pd.DataFrame,
    theme_of: pd.Series,
    classes: Sequence,
    cfg: WriterConfig,
) -> list[str]:
    onehot = np.eye(len(classes))[rows[LABEL_CODE].to_numpy()]
    dev = onehot - item_dist.reindex(rows[ITEM_ID]).to_numpy()
    themes = theme_of.reindex(rows[ITEM_ID]).to_numpy()
    out: list[tuple[float, str]] = []
    for theme in pd.unique(themes):
        mask = themes == theme
        if mask.sum() < cfg.min_theme_items:
            continue
        mean = np.nanmean(dev[mask], axis=0)
        c = int(np.nanargmax(mean))
        if mean[c] >= cfg.threshold:
            name = theme_of.attrs["names"][int(theme)]
            out.append((mean[c], f"On {name}: chooses '{classes[c]}' more often than most raters."))
    out.sort(key=lambda t: -t[0])
    return [s for _, s in out[: cfg.max_statements]] or ["Chooses labels much like other raters."]


def _distinctive_terms(per_rater: Mapping[str, str], n: int = 3) -> dict[str, list[str]]:
    raters = list(per_rater)
    words = ctfidf_keywords([per_rater[r] for r in raters], n)
    return dict(zip(raters, words, strict=True))


def _tag_statements(rows: pd.DataFrame, overall: pd.Series) -> str | None:
    tags = rows[VALUE_TAGS].fillna("").astype(str).str.split(";").explode().str.strip()
    tags = tags[(tags != "") & (tags.str.lower() != "none")]
    if tags.empty:
        return None
    share = tags.value_counts(normalize=True)
    lift = (share / overall.reindex(share.index)).sort_values(ascending=False)
    top = [t for t in lift.index[:2] if lift[t] > 1.2]
    return f"Often tags annotations as: {', '.join(top)}." if top else None


def _variants(
    fact: Fact, themes: Themes, sd: float, cfg: WriterConfig, n: int, rng: np.random.Generator
) -> tuple[str, ...]:
    """The writer's sentence for ``fact`` plus ``n - 1`` random paraphrases of it."""
    first = fact_sentence(fact, themes, sd, cfg)
    if n <= 1 or abs(fact.deviation) < cfg.threshold * sd:
        return (first,)
    phrasing = Phrasing(cfg.label_adjective)
    direction = 1 if fact.deviation > 0 else -1
    size = abs(fact.deviation) / sd
    strength = "strong" if size >= 1.0 else "plain" if size >= 0.6 else "hedge"
    out = [first]
    for _ in range(n - 1):
        topic = None if fact.theme is None else topic_phrase(themes.keywords[fact.theme], rng)
        out.append(phrasing.say(topic, direction, rng, strength)[0])
    return tuple(out)


def write_statements(
    fit_rows: pd.DataFrame,
    reference_rows: pd.DataFrame,
    themes: Themes,
    scale: LabelScale,
    cfg: WriterConfig | None = None,
    n_variants: int = 1,
) -> dict[str, list[tuple[str, ...]]]:
    """Each rater's profile statements, each with ``n_variants`` phrasings (first: the writer's).

    The extra phrasings say the same numeric fact in other words (:mod:`.phrasing`): the
    statement decoder trains on them so that it learns what a statement means, not the
    writer's template. Other lines (nominal, rationale words, tags) have one phrasing.
    """
    cfg = cfg or WriterConfig()
    rng = np.random.default_rng(cfg.seed)
    theme_of = pd.Series(themes.labels, index=list(themes.item_ids))
    theme_of.attrs["names"] = [themes.name(t) for t in range(len(themes.keywords))]
    numeric = scale.is_numeric
    if numeric:
        ref_labels = reference_rows[LABEL].astype(float)
        item_mean = ref_labels.groupby(reference_rows[ITEM_ID]).mean()
        sd = float(ref_labels.std(ddof=0)) or 1.0
    else:
        codes = np.eye(scale.n_classes)[reference_rows[LABEL_CODE].to_numpy()]
        item_dist = pd.DataFrame(codes).groupby(reference_rows[ITEM_ID].to_numpy()).mean()
    rationale_terms: dict[str, list[str]] = {}
    if RATIONALE in fit_rows.columns:
        texts = fit_rows[RATIONALE].fillna("").astype(str)
        docs = texts.groupby(fit_rows[ANNOTATOR_ID]).agg(" ".join)
        docs = docs[docs.str.strip() != ""]
        if len(docs) >= 2:
            rationale_terms = _distinctive_terms(docs.to_dict())
    tag_share = None
    if VALUE_TAGS in fit_rows.columns:
        all_tags = fit_rows[VALUE_TAGS].fillna("").astype(str).str.split(";").explode().str.strip()
        all_tags = all_tags[(all_tags != "") & (all_tags.str.lower() != "none")]
        tag_share = all_tags.value_counts(normalize=True) if len(all_tags) else None
    out: dict[str, list[tuple[str, ...]]] = {}
    for rater, rows in fit_rows.groupby(ANNOTATOR_ID, sort=False):
        if numeric:
            facts = numeric_facts(rows, item_mean, theme_of, sd, cfg)
            lines = [_variants(f, themes, sd, cfg, n_variants, rng) for f in facts]
        else:
            nominal = _nominal_statements(rows, item_dist, theme_of, scale.classes, cfg)
            lines = [(line,) for line in nominal]
        if rationale_terms.get(rater):
            words = ", ".join(f"'{w}'" for w in rationale_terms[rater])
            lines.append((f"Explains ratings with words like {words}.",))
        if tag_share is not None:
            tag_line = _tag_statements(rows, tag_share)
            if tag_line:
                lines.append((tag_line,))
        out[str(rater)] = lines
    return out


def write_profiles(
    fit_rows: pd.DataFrame,
    reference_rows: pd.DataFrame,
    themes: Themes,
    scale: LabelScale,
    cfg: WriterConfig | None = None,
) -> dict[str, str]:
    """Write one value profile per rater from their ``fit_rows``.

    Args:
        fit_rows: the ratings each profile may use (``item_id, annotator_id, label,
            label_code`` and optionally ``rationale``, ``value_tags``).
        reference_rows: the ratings that define "most raters" (item means / distributions);
            exclude held-out evaluation rows here to avoid leakage.
        themes: item themes from :func:`find_themes`.
        scale: the label scale.
        cfg: writer settings.

    Returns:
        Mapping annotator id -> profile text (bulleted, one statement per line).
    """
    statements = write_statements(fit_rows, reference_rows, themes, scale, cfg)
    return {r: "\n".join(f"- {v[0]}" for v in lines) for r, lines in statements.items()}


__all__ = [
    "Fact",
    "WriterConfig",
    "fact_sentence",
    "numeric_facts",
    "write_statements",
    "write_profiles",
]
