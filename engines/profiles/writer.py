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

Deterministic given the seed. Statements name the direction with contrasting words
("Sensitive to ..." / "Tolerant of ...") so that a sentence encoder separates them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from engines.data.schema import ANNOTATOR_ID, ITEM_ID, LABEL, LABEL_CODE, TEXT, LabelScale

RATIONALE = "rationale"
VALUE_TAGS = "value_tags"
FILLER_WORDS = frozenset(
    "like just don dont doesn didn isn wasn aren ve ll im ive thats lol lmao yeah yes oh ok "
    "okay really know got get gets getting think want gonna wanna actually literally pretty "
    "thing things stuff way lot did does say said going come let right sure good make time "
    "people guy guys post posts reddit subreddit comment comments".split()
)
"""Conversational filler that sklearn's English stop list keeps ("like", "just", "don") and
that would otherwise name themes ("like, just, fuck"); removed before c-TF-IDF."""


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
    seed: int = 0


@dataclass(frozen=True)
class Themes:
    """Item themes: an assignment per item and a keyword name per theme."""

    item_ids: tuple[str, ...]
    labels: np.ndarray
    keywords: tuple[tuple[str, ...], ...]

    def name(self, theme: int) -> str:
        """Keywords joined for display, e.g. ``"religion, faith, pray"``."""
        return ", ".join(self.keywords[theme])

    def frame(self) -> pd.DataFrame:
        """``item_id, theme, theme_name`` per item."""
        return pd.DataFrame(
            {
                ITEM_ID: list(self.item_ids),
                "theme": self.labels,
                "theme_name": [self.name(t) for t in self.labels],
            }
        )


def ctfidf_keywords(docs: Sequence[str], n_keywords: int = 3) -> list[list[str]]:
    """Top c-TF-IDF terms per class document (one document per class)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

    if not any(d.strip() for d in docs):
        return [[] for _ in docs]
    stop = sorted(ENGLISH_STOP_WORDS | FILLER_WORDS)
    vec = CountVectorizer(stop_words=stop, token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z]+\b")
    try:
        counts = vec.fit_transform(docs).toarray().astype(float)
    except ValueError:  # only stop words
        return [[] for _ in docs]
    terms = vec.get_feature_names_out()
    tf = counts / np.maximum(counts.sum(axis=1, keepdims=True), 1.0)
    avg_words = counts.sum() / max(len(docs), 1)
    idf = np.log1p(avg_words / np.maximum(counts.sum(axis=0), 1.0))
    scores = tf * idf
    out = []
    for row, cnt in zip(scores, counts, strict=True):
        order = [i for i in np.argsort(-row, kind="stable") if cnt[i] > 0]
        out.append([str(terms[i]) for i in order[:n_keywords]])
    return out


def find_themes(
    item_ids: Sequence[str], texts: Sequence[str], embeddings: np.ndarray, cfg: WriterConfig
) -> Themes:
    """Cluster items into themes and name each theme by its c-TF-IDF keywords."""
    from sklearn.cluster import KMeans

    n = len(item_ids)
    k = cfg.n_themes or int(np.clip(round(np.sqrt(n / 8)), 2, 12))
    k = max(1, min(k, n))
    if k == 1:
        labels = np.zeros(n, dtype=int)
    else:
        km = KMeans(n_clusters=k, n_init=4, random_state=cfg.seed)
        labels = km.fit_predict(np.asarray(embeddings, dtype=np.float64))
    docs = [" ".join(t for t, lab in zip(texts, labels, strict=True) if lab == c) for c in range(k)]
    keywords = ctfidf_keywords(docs, cfg.n_keywords)
    keywords = [kw or [f"theme {c + 1}"] for c, kw in enumerate(keywords)]
    return Themes(tuple(map(str, item_ids)), labels, tuple(tuple(kw) for kw in keywords))


def _signed(points: float) -> str:
    return f"{points:+.1f}".replace("-", "−")


def _numeric_statements(
    rows: pd.DataFrame, item_mean: pd.Series, theme_of: pd.Series, sd: float, cfg: WriterConfig
) -> list[str]:
    dev = rows[LABEL].astype(float).to_numpy() - item_mean.reindex(rows[ITEM_ID]).to_numpy()
    frame = pd.DataFrame({"theme": theme_of.reindex(rows[ITEM_ID]).to_numpy(), "dev": dev})
    frame = frame.dropna()
    out: list[str] = []
    overall = frame["dev"].mean() if len(frame) else 0.0
    per = frame.groupby("theme")["dev"].agg(["mean", "size"])
    per = per[per["size"] >= cfg.min_theme_items]
    per = per.reindex(per["mean"].abs().sort_values(ascending=False).index)
    for theme, row in per.head(cfg.max_statements).iterrows():
        if abs(row["mean"]) < cfg.threshold * sd:
            continue
        name = theme_of.attrs["names"][int(theme)]
        pts = _signed(row["mean"])
        if row["mean"] > 0:
            out.append(f"Sensitive to {name}: {cfg.label_name} higher than most raters ({pts}).")
        else:
            out.append(f"Tolerant of {name}: {cfg.label_name} lower than most raters ({pts}).")
    if overall >= cfg.threshold * sd:
        out.append(f"Strict overall: {cfg.label_name} higher than most ({_signed(overall)}).")
    elif overall <= -cfg.threshold * sd:
        out.append(f"Lenient overall: {cfg.label_name} lower than most ({_signed(overall)}).")
    else:
        out.append(f"Close to the average rater overall ({_signed(overall)}).")
    return out


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
    cfg = cfg or WriterConfig()
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
    profiles: dict[str, str] = {}
    for rater, rows in fit_rows.groupby(ANNOTATOR_ID, sort=False):
        if numeric:
            lines = _numeric_statements(rows, item_mean, theme_of, sd, cfg)
        else:
            lines = _nominal_statements(rows, item_dist, theme_of, scale.classes, cfg)
        if rationale_terms.get(rater):
            words = ", ".join(f"'{w}'" for w in rationale_terms[rater])
            lines.append(f"Explains ratings with words like {words}.")
        if tag_share is not None:
            tag_line = _tag_statements(rows, tag_share)
            if tag_line:
                lines.append(tag_line)
        profiles[str(rater)] = "\n".join(f"- {line}" for line in lines)
    return profiles


def item_texts(rows: pd.DataFrame) -> pd.DataFrame:
    """``item_id, text`` once per item (helper for :func:`find_themes`)."""
    return rows[[ITEM_ID, TEXT]].drop_duplicates(ITEM_ID).reset_index(drop=True)


__all__ = [
    "FILLER_WORDS",
    "Themes",
    "WriterConfig",
    "ctfidf_keywords",
    "find_themes",
    "item_texts",
    "write_profiles",
]
