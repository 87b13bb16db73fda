"""What an edit can be about: named topics, the dataset's themes, or words its items use.

An edit's subject ("religious jokes", "cussing", "vaccines") is matched, in order, to

1. a **topic** of :data:`TOPICS` (the constructs raters of subjective labels are known to
   differ on), by its subject words, typos within one edit included; the topic's items are
   those whose text uses one of its item words;
2. a **theme** of the dataset (the profile writer's k-means themes), when a subject word is
   one of the theme's keywords;
3. the items that **use a subject word**, when at least ``min_items`` of them do ("posts
   mentioning 'vaccines'").

A subject that matches none of them has no bearing on the ratings ("I hate Mondays"); one
with no words left but generic ones ("most things") is about everything. Torch-free.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from engines.profiles.reading.lexicon import (
    ATTRIBUTIVE,
    GENERIC_SUBJECTS,
    PERSON_NOUNS,
    PREDICATES,
    SUBJECT_STOP,
)
from engines.profiles.reading.normalise import osa_distance
from engines.profiles.reading.topic_words import (
    MARKUP,
    TOPIC_PHRASES,
    TOPICS,
    WEAK,
    WORD,
    stem,
)

__all__ = ["Target", "Targets"]


_DESCRIPTIVE = frozenset(w for p in PREDICATES for w in p) | ATTRIBUTIVE | PERSON_NOUNS
_VAGUE = frozenset("nature feelings feeling skin personality character mood tolerance".split())


def _phrase_words(lower: str) -> set[str]:
    """The words of the topic phrases found in ``lower`` ("bad language" -> bad, language)."""
    return {w for phrase, _ in TOPIC_PHRASES if phrase in f" {lower} " for w in phrase.split()}


def _generic(word: str) -> bool:
    """A subject word naming no topic: generic, a stance adjective ("rude"), or vague."""
    if len(word) >= 7 and word.endswith("ly"):  # an adverb ("unfortunately", "weirdly")
        return True
    return any(
        w in GENERIC_SUBJECTS or w in _DESCRIPTIVE or w in _VAGUE for w in (word, stem(word))
    )


@dataclass(frozen=True)
class Target:
    """What a reading is about: a named topic, a dataset theme, or the items using a word."""

    key: str
    """``topic:religion``, ``theme:3``, ``word:vaccines`` or ``global``."""
    label: str
    """For display: "religion", "theme: fuck, shit, damn", "posts mentioning 'vaccines'"."""
    members: np.ndarray
    """``bool [n_items]``: the items it concerns."""


class Targets:
    """The targets an edit can name in one dataset, and how subjects are matched to them.

    Args:
        texts: the item texts in prediction-row order.
        themes: the dataset's theme of each item (``-1``: none), aligned with ``texts``.
        theme_keywords: the keywords naming each theme.
        min_items: items a topic needs in the dataset to be a target (a subject word the
            items use less often than twice that, or 1% of the items, is a rare word).
    """

    def __init__(
        self,
        texts: Sequence[str],
        themes: np.ndarray | None = None,
        theme_keywords: Sequence[Sequence[str]] = (),
        min_items: int = 10,
    ) -> None:
        self.n_items = len(texts)
        self.min_items = min_items
        self.min_word_items = max(2 * min_items, int(0.01 * len(texts)))
        tokens = [{stem(w) for w in WORD.findall(str(t).lower())} for t in texts]
        self._index: dict[str, np.ndarray] = {}
        for row, words in enumerate(tokens):
            for w in words:
                self._index.setdefault(w, []).append(row)  # type: ignore[arg-type]
        self._index = {w: np.asarray(rows) for w, rows in self._index.items()}
        self.topics: dict[str, Target] = {}
        self.topic_items: dict[str, int] = {}
        """Items of every named topic, those too few to be a target included."""
        for topic in TOPICS:
            mask = self._mask(stem(w) for w in topic.item_words)
            self.topic_items[topic.label] = int(mask.sum())
            if mask.sum() >= min_items:
                self.topics[topic.label] = Target(f"topic:{topic.label}", topic.label, mask)
        self.themes: dict[int, Target] = {}
        self._theme_words: dict[str, int] = {}
        if themes is not None:
            labels = np.asarray(themes)
            for t, keywords in enumerate(theme_keywords):
                shown = [k for k in keywords if not MARKUP.match(k)][:3] or [f"theme {t + 1}"]
                mask = labels == t
                if mask.any():
                    self.themes[t] = Target(f"theme:{t}", "theme: " + ", ".join(shown), mask)
                    for k in keywords:
                        if not MARKUP.match(k):
                            self._theme_words.setdefault(stem(k), t)
        self._subject_words = {stem(w): tp.label for tp in TOPICS for w in tp.subject_words}

    def _mask(self, words) -> np.ndarray:  # noqa: ANN001 - any iterable of stems
        mask = np.zeros(self.n_items, bool)
        for w in words:
            rows = self._index.get(w)
            if rows is not None:
                mask[rows] = True
        return mask

    @property
    def everything(self) -> Target:
        """The global target: every item."""
        return Target("global", "everything", np.ones(self.n_items, bool))

    def choices(self) -> list[Target]:
        """Every target a researcher can pick: everything, the topics, then the themes."""
        return [self.everything, *self.topics.values(), *self.themes.values()]

    def by_key(self, key: str) -> Target | None:
        """The target of ``key`` (``word:...`` targets are rebuilt on demand)."""
        if key == "global":
            return self.everything
        kind, _, name = key.partition(":")
        if kind == "topic":
            return self.topics.get(name)
        if kind == "theme":
            return self.themes.get(int(name))
        if kind == "word":
            mask = self._mask([stem(name)])
            return Target(key, f"posts mentioning '{name}'", mask) if mask.any() else None
        return None

    def match(self, subject: str) -> list[Target] | None:
        """The targets ``subject`` names, ``[]`` when it names everything, None when nothing.

        Topic words (and phrases such as "bad language") win over theme keywords; a typo of a
        topic word counts when the word is unknown to the items. What is left decides between
        everything and nothing: a subject whose remaining words are generic ("most things"),
        stance words ("rude comments") or common in the items ("what people write") is about
        everything; one with a word the items rarely use ("cold weather") bears on nothing.
        """
        lower = subject.lower()
        words = [w for t in WORD.findall(lower) for w in t.split("-") if w]
        words = [w for w in words if w not in SUBJECT_STOP]
        found: dict[str, Target] = {}
        labels = [label for phrase, label in TOPIC_PHRASES if phrase in f" {lower} "]
        weak, n_weak = [], 0
        for w in words:
            label = self._subject_words.get(stem(w))
            if label is None and not self._known(w) and not _generic(w):
                label = self._fuzzy_topic(w)
            if label is not None:
                (weak if stem(w) in WEAK else labels).append(label)
                n_weak += stem(w) in WEAK
        specific = [w for w in words if not _generic(w)]
        rare = {w for w in specific if len(self._index.get(stem(w), ())) < self.min_word_items}
        named = {w for w in words if self._subject_words.get(stem(w)) or w in _phrase_words(lower)}
        for label in labels or weak:  # "slurs about gay people": gender, not race
            if label in self.topics:
                found.setdefault(label, self.topics[label])
        if found and not labels and n_weak < 2 and rare - named:
            return None  # only a weak word ("black" coffee) among words about something else
        if found:
            return list(found.values())
        for w in specific:
            t = self._theme_words.get(stem(w))
            if t is not None:
                found.setdefault(f"theme:{t}", self.themes[t])
                rare.discard(w)
        if found:  # a theme, unless a word no theme explains says it is about something else
            return None if rare else list(found.values())
        if rare:
            return None  # "I really dislike jazz, especially the free-form stuff"
        return []  # "hardly anything people write online": about everything

    def too_rare(self, subject: str) -> list[str]:
        """Topics ``subject`` names that have too few items here to be a target."""
        words = [w for t in WORD.findall(subject.lower()) for w in t.split("-") if w]
        named = {self._subject_words.get(stem(w)) for w in words} - {None}
        return sorted(t for t in named if t not in self.topics)  # type: ignore[type-var]

    def _known(self, word: str) -> bool:
        """Whether the items use ``word`` (then it is no typo)."""
        return stem(word) in self._index

    def _fuzzy_topic(self, word: str) -> str | None:
        if len(word) < 5:
            return None
        word = stem(word)
        close = difflib.get_close_matches(word, list(self._subject_words), n=3, cutoff=0.75)
        for candidate in close:
            if len(word) <= 5 and len(candidate) != len(word):
                continue  # "menu" is no typo of "men"
            # edits a typo may hold ("commute" is two from "commie": too many for short words)
            allowed = 1 if min(len(word), len(candidate)) <= 6 else 2
            if osa_distance(word, candidate) <= allowed and (
                osa_distance(word[:3], candidate[:3]) <= 1  # "crosswords" is no "cusswords"
            ):
                return self._subject_words[candidate]
        return None
