"""Item themes: k-means clusters of item embeddings named by their c-TF-IDF keywords.

Class-based TF-IDF as in BERTopic: ``tf(t, c) * log(1 + A / f(t))`` with ``A`` the mean
number of words per theme and ``f(t)`` the frequency of term ``t`` over all themes; English
stop words and conversational filler (:data:`FILLER_WORDS`) never name a theme. Used by the
profile writer (one theme per statement) and by the statement decoder's edit curriculum
(themes at several granularities).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from engines.data.schema import ITEM_ID, TEXT

__all__ = [
    "FILLER_WORDS",
    "Themes",
    "ctfidf_keywords",
    "find_themes",
    "item_texts",
    "theme_phrase",
]

FILLER_WORDS = frozenset(
    "like just don dont doesn didn isn wasn aren ve ll im ive thats lol lmao yeah yes oh ok "
    "okay really know got get gets getting think want gonna wanna actually literally pretty "
    "thing things stuff way lot did does say said going come let right sure good make time "
    "people guy guys post posts reddit subreddit comment comments".split()
)
"""Conversational filler that sklearn's English stop list keeps ("like", "just", "don") and
that would otherwise name themes ("like, just, fuck"); removed before c-TF-IDF."""


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
    item_ids: Sequence[str],
    texts: Sequence[str],
    embeddings: np.ndarray,
    n_themes: int | None = None,
    n_keywords: int = 3,
    seed: int = 0,
) -> Themes:
    """Cluster items into themes (k-means) and name each by its c-TF-IDF keywords.

    ``n_themes`` None picks ``clip(round(sqrt(n_items / 8)), 2, 12)``.
    """
    from sklearn.cluster import KMeans

    n = len(item_ids)
    k = n_themes or int(np.clip(round(np.sqrt(n / 8)), 2, 12))
    k = max(1, min(k, n))
    if k == 1:
        labels = np.zeros(n, dtype=int)
    else:
        km = KMeans(n_clusters=k, n_init=4, random_state=seed)
        labels = km.fit_predict(np.asarray(embeddings, dtype=np.float64))
    docs = [" ".join(t for t, lab in zip(texts, labels, strict=True) if lab == c) for c in range(k)]
    keywords = ctfidf_keywords(docs, n_keywords)
    keywords = [kw or [f"theme {c + 1}"] for c, kw in enumerate(keywords)]
    return Themes(tuple(map(str, item_ids)), labels, tuple(tuple(kw) for kw in keywords))


def theme_phrase(keywords: Sequence[str]) -> str:
    """A readable name of a theme from its keywords: ``"posts about god, jesus and church"``."""
    words = list(keywords)
    if len(words) <= 1:
        return f"posts about {words[0] if words else 'this theme'}"
    return f"posts about {', '.join(words[:-1])} and {words[-1]}"


def item_texts(rows: pd.DataFrame) -> pd.DataFrame:
    """``item_id, text`` once per item (helper for :func:`find_themes`)."""
    return rows[[ITEM_ID, TEXT]].drop_duplicates(ITEM_ID).reset_index(drop=True)
