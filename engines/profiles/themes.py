"""Item themes: k-means clusters of item embeddings named by their c-TF-IDF keywords.

Class-based TF-IDF as in BERTopic: ``tf(t, c) * log(1 + A / f(t))`` with ``A`` the mean
number of words per theme and ``f(t)`` the frequency of term ``t`` over all themes. Words are
runs of letters in any script. Stop words follow the corpus's language
(:func:`stop_words_for`): for English text, sklearn's English list and conversational filler
(:data:`FILLER_WORDS`) never name a theme; for any other language no fixed list applies, only the
corpus's own most common words. Used by the profile writer (one theme per statement) and by the
statement decoder's edit curriculum (themes at several granularities).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from engines.data.schema import ITEM_ID, TEXT

__all__ = [
    "ENGLISH_SHARE",
    "FILLER_WORDS",
    "Themes",
    "ctfidf_keywords",
    "find_themes",
    "item_texts",
    "stop_words_for",
    "theme_phrase",
    "words",
]

FILLER_WORDS = frozenset(
    "like just don dont doesn didn isn wasn aren ve ll im ive thats lol lmao yeah yes oh ok "
    "okay really know got get gets getting think want gonna wanna actually literally pretty "
    "thing things stuff way lot did does say said going come let right sure good make time "
    "people guy guys post posts reddit subreddit comment comments".split()
)
"""Conversational filler that sklearn's English stop list keeps ("like", "just", "don") and
that would otherwise name themes ("like, just, fuck"); removed before c-TF-IDF."""

ENGLISH_SHARE = 0.25
"""Share of a corpus's words in sklearn's English stop list above which it reads as English
(English posts: 0.37-0.53 on POPQUORN and Le-Wi-Di; Spanish 0.15, Italian 0.13, German 0.05)."""

COMMON_SHARE = 0.5
"""Outside English, words found in more than this share of the texts are stop words."""

_MARKS = "\u0300-\u036f\u0900-\u0dff\u0e00-\u0e7f\u1000-\u109f"
_WORD = re.compile(rf"(?<!\w)[^\W\d_](?:[^\W\d_]|[{_MARKS}])+(?![\w{_MARKS}])")
"""Two or more letters of any script (with the combining vowel signs of Indic, Thai and
Burmese words, which are not word characters to ``re``)."""


def words(text: str) -> list[str]:
    """Lower-cased words of ``text`` in any script; letters joined to digits or ``_`` are not.

    >>> words("Don't stop_me now, café नमस्ते 2024 r2d2")
    ['don', 'now', 'café', 'नमस्ते']
    """
    return [w.lower() for w in _WORD.findall(str(text))]


def stop_words_for(texts: Sequence[str], sample: int = 2000) -> frozenset[str]:
    """Stop words for the language of ``texts``.

    English (at least :data:`ENGLISH_SHARE` of the words are English stop words, or fewer than
    50 words to tell from): sklearn's English list plus :data:`FILLER_WORDS`. Any other
    language: no fixed list; the words found in more than :data:`COMMON_SHARE` of the texts (the
    corpus's own function words), once there are at least 5 texts.
    """
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    tokenised = [words(t) for t in list(texts)[:sample]]
    flat = [w for ws in tokenised for w in ws]
    english = sum(w in ENGLISH_STOP_WORDS for w in flat) >= ENGLISH_SHARE * len(flat)
    if len(flat) < 50 or english:
        return frozenset(ENGLISH_STOP_WORDS | FILLER_WORDS)
    if len(tokenised) < 5:
        return frozenset()
    df = pd.Series([w for ws in tokenised for w in set(ws)]).value_counts()
    return frozenset(df.index[df > COMMON_SHARE * len(tokenised)])


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


def ctfidf_keywords(
    docs: Sequence[str], n_keywords: int = 3, stop_words: frozenset[str] | None = None
) -> list[list[str]]:
    """Top c-TF-IDF terms per class document (one document per class).

    ``stop_words`` None takes :func:`stop_words_for` of ``docs``.
    """
    from sklearn.feature_extraction.text import CountVectorizer

    if not any(d.strip() for d in docs):
        return [[] for _ in docs]
    stop = stop_words_for(docs) if stop_words is None else stop_words
    vec = CountVectorizer(
        analyzer=lambda doc: [w for w in words(doc) if w not in stop], lowercase=False
    )
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
    keywords = ctfidf_keywords(docs, n_keywords, stop_words_for(texts))
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
