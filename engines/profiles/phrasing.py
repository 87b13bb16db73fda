"""Many ways to say one value statement: the training language of the statement decoder.

A statement says that a rater rates a *topic* (or everything) higher or lower than most
raters, with a *strength*: hedged ("somewhat", "a little"), plain, or strong ("at all",
"can't stand"). The profile writer says it one way; a researcher editing a profile says it
any way. So that the decoder learns polarity rather than templates, every fact is phrased by
templates drawn at random from :data:`TEMPLATES`: both directions, with and without negation
("... don't bother me", "I'm not sensitive to ..."), hedges and intensifiers.

Templates use ``{T}`` for the topic ("comments about god, jesus or church", or a global
subject such as "most things") and ``{adj}`` for the label's adjective ("offensive"). Harm
templates ("... bother me", "I can't stand ...") only make sense when a higher rating means
*worse* (offensiveness, toxicity); they are left out for other labels (e.g. politeness).

Torch-free: phrasing is text work.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

__all__ = [
    "GLOBAL_SUBJECTS",
    "HARM_ADJECTIVES",
    "STRENGTHS",
    "TEMPLATES",
    "Phrasing",
    "Template",
    "label_adjective",
    "split_statements",
    "topic_phrase",
]

STRENGTHS: dict[str, float] = {"hedge": 0.4, "plain": 0.7, "strong": 1.0}
"""How far a statement of each emphasis moves its items, as a share of a strong statement."""

HARM_ADJECTIVES = frozenset(
    "offensive toxic hateful harmful abusive insulting rude hurtful unsafe sexist racist "
    "aggressive disrespectful".split()
)
"""Adjectives of labels where a higher rating means worse (harm templates apply)."""


class Template(NamedTuple):
    """One way of phrasing a statement."""

    text: str
    direction: int
    """+1: ratings higher than most (stricter); -1: lower (more lenient)."""
    strength: str
    """A key of :data:`STRENGTHS`."""
    harm: bool = False
    """Only for labels where higher means worse ("... bother me")."""
    scope: str = "any"
    """``any``: takes a topic or a global subject; ``global``: stands alone (no ``{T}``)."""


def _t(text: str, direction: int, strength: str, harm: bool = False) -> Template:
    return Template(text, direction, strength, harm, "global" if "{T}" not in text else "any")


TEMPLATES: tuple[Template, ...] = (
    # stricter, strong
    _t("{T} are extremely {adj} to me.", 1, "strong"),
    _t("I find {T} deeply {adj}.", 1, "strong"),
    _t("I rate {T} as far more {adj} than most people do.", 1, "strong"),
    _t("I have zero tolerance for {T}.", 1, "strong", True),
    _t("{T} really upset me.", 1, "strong", True),
    _t("I absolutely hate {T}.", 1, "strong", True),
    _t("{T} are completely unacceptable to me.", 1, "strong", True),
    _t("I'm very sensitive to {T}.", 1, "strong", True),
    _t("I really cannot stand {T}.", 1, "strong", True),
    _t("{T} offend me a great deal.", 1, "strong", True),
    _t("I'm a very sensitive rater; almost everything seems {adj} to me.", 1, "strong"),
    _t("It takes very little to offend me.", 1, "strong", True),
    _t("I give {T} much higher ratings than other raters.", 1, "strong"),
    _t("I rate {T} far higher than most people do.", 1, "strong"),
    # stricter, plain
    _t("{T} are {adj} to me.", 1, "plain"),
    _t("I find {T} {adj}.", 1, "plain"),
    _t("I rate {T} as more {adj} than most people.", 1, "plain"),
    _t("Rates {T} as more {adj} than most raters.", 1, "plain"),
    _t("I give {T} higher ratings than other raters.", 1, "plain"),
    _t("{T} bother me.", 1, "plain", True),
    _t("I'm sensitive to {T}.", 1, "plain", True),
    _t("I don't tolerate {T}.", 1, "plain", True),
    _t("I'm not okay with {T}.", 1, "plain", True),
    _t("{T} are not acceptable to me.", 1, "plain", True),
    _t("I take {T} seriously.", 1, "plain", True),
    _t("I dislike {T}.", 1, "plain", True),
    _t("{T} offend me.", 1, "plain", True),
    _t("I'm strict about {T}.", 1, "plain"),
    _t("I'm not relaxed about {T}.", 1, "plain", True),
    _t("I'm quick to take offense.", 1, "plain", True),
    _t("I give higher ratings than most raters overall.", 1, "plain"),
    _t("Strict overall: ratings higher than most raters.", 1, "plain"),
    _t("I get offended easily by {T}.", 1, "plain", True),
    _t("{T} easily upset me.", 1, "plain", True),
    _t("I'm less tolerant of {T} than most people.", 1, "plain", True),
    _t("I'm less relaxed about {T} than other raters.", 1, "plain", True),
    _t("More than most, I object to {T}.", 1, "plain", True),
    _t("I am not someone who shrugs off {T}.", 1, "plain", True),
    _t("I'm easily offended.", 1, "plain", True),
    _t("Many things bother me.", 1, "plain", True),
    _t("I find {T} hard to accept.", 1, "plain", True),
    _t("{T} cross a line for me.", 1, "strong", True),
    _t("I consider {T} {adj}, full stop.", 1, "strong"),
    _t("{T} are never okay with me.", 1, "strong", True),
    _t("I never find {T} acceptable.", 1, "plain", True),
    _t("There is no excuse for {T}.", 1, "strong", True),
    _t("{T} are never funny to me.", 1, "plain", True),
    _t("I can never laugh at {T}.", 1, "plain", True),
    _t("{T} are never harmless in my eyes.", 1, "strong", True),
    # stricter, hedged
    _t("I give {T} slightly higher ratings than other raters.", 1, "hedge"),
    _t("{T} are somewhat {adj} to me.", 1, "hedge"),
    _t("I find {T} a little {adj}.", 1, "hedge"),
    _t("I rate {T} slightly higher than most people.", 1, "hedge"),
    _t("I tend to be a little strict about {T}.", 1, "hedge"),
    _t("{T} bother me slightly.", 1, "hedge", True),
    _t("I'm perhaps a bit sensitive to {T}.", 1, "hedge", True),
    _t("Maybe I'm somewhat less tolerant of {T} than others.", 1, "hedge", True),
    _t("Overall I'm a bit stricter than the average rater.", 1, "hedge"),
    # more lenient, strong
    _t("I never find {T} {adj}.", -1, "strong"),
    _t("{T} are not {adj} to me at all.", -1, "strong"),
    _t("I rate {T} as far less {adj} than most people do.", -1, "strong"),
    _t("{T} don't bother me in the slightest.", -1, "strong", True),
    _t("I'm completely fine with {T}.", -1, "strong", True),
    _t("Nothing about {T} offends me.", -1, "strong", True),
    _t("I'm extremely tolerant of {T}.", -1, "strong", True),
    _t("{T} never upset me.", -1, "strong", True),
    _t("I'm very thick-skinned; hardly anything seems {adj} to me.", -1, "strong"),
    _t("It takes a lot to offend me.", -1, "strong", True),
    _t("I give {T} much lower ratings than other raters.", -1, "strong"),
    _t("I rate {T} far lower than most people do.", -1, "strong"),
    # more lenient, plain
    _t("I rarely find {T} {adj}.", -1, "plain"),
    _t("{T} are not {adj} to me.", -1, "plain"),
    _t("I don't think {T} are {adj}.", -1, "plain"),
    _t("I rate {T} as less {adj} than most people.", -1, "plain"),
    _t("Rates {T} as less {adj} than most raters.", -1, "plain"),
    _t("I give {T} lower ratings than other raters.", -1, "plain"),
    _t("I'm lenient about {T}.", -1, "plain"),
    _t("{T} don't bother me.", -1, "plain", True),
    _t("I'm tolerant of {T}.", -1, "plain", True),
    _t("I'm relaxed about {T}.", -1, "plain", True),
    _t("I don't take offense at {T}.", -1, "plain", True),
    _t("{T} are fine with me.", -1, "plain", True),
    _t("I'm not sensitive to {T}.", -1, "plain", True),
    _t("{T} are harmless to me.", -1, "plain", True),
    _t("I seldom mind {T}.", -1, "plain", True),
    _t("I'm not bothered by {T}.", -1, "plain", True),
    _t("I'm not easily offended.", -1, "plain", True),
    _t("I give lower ratings than most raters overall.", -1, "plain"),
    _t("Lenient overall: ratings lower than most raters.", -1, "plain"),
    _t("Not much about {T} bothers me.", -1, "plain", True),
    _t("Little about {T} offends me.", -1, "plain", True),
    _t("Not much bothers me.", -1, "plain", True),
    _t("I'm more tolerant of {T} than most people.", -1, "plain", True),
    _t("I'm more relaxed about {T} than other raters.", -1, "plain", True),
    _t("I'm more easygoing than most about {T}.", -1, "plain", True),
    _t("I shrug off {T}.", -1, "plain", True),
    _t("I don't get offended by {T}.", -1, "plain", True),
    _t("I'm rarely offended.", -1, "plain", True),
    _t("{T} are no big deal to me.", -1, "strong", True),
    _t("I tend to give {T} low ratings.", -1, "plain"),
    _t("I hardly ever call {T} {adj}.", -1, "strong"),
    _t("{T} are never a problem for me.", -1, "strong", True),
    _t("I never mind {T}.", -1, "plain", True),
    _t("{T} never get to me.", -1, "plain", True),
    _t("I never take {T} personally.", -1, "plain", True),
    _t("{T} never seem {adj} to me.", -1, "strong"),
    # more lenient, hedged
    _t("I give {T} slightly lower ratings than other raters.", -1, "hedge"),
    _t("I rate {T} slightly lower than most people.", -1, "hedge"),
    _t("I find {T} a little less {adj} than others do.", -1, "hedge"),
    _t("I'm somewhat tolerant of {T}.", -1, "hedge", True),
    _t("I'm perhaps a little relaxed about {T}.", -1, "hedge", True),
    _t("I might be a bit more easygoing about {T} than others.", -1, "hedge", True),
    _t("I tend to mind {T} a little less than others.", -1, "hedge", True),
    _t("Overall I'm slightly more lenient than the average rater.", -1, "hedge"),
)  # fmt: skip
"""The phrasings of both directions and three strengths (Python source is the published list)."""

GLOBAL_SUBJECTS = (
    "most things", "the comments I read", "rude language", "online comments",
    "what people post", "most posts", "offensive content", "things in general",
)  # fmt: skip
"""Subjects of a global statement (about every item)."""

_TOPIC_FORMS = (
    "comments about {a}, {b} or {c}", "posts about {a} and {b}", "remarks involving {a}",
    "jokes about {a} or {b}", "anything about {a}, {b} and {c}", "talk of {a} and {b}",
)  # fmt: skip

_ADJECTIVES = {
    "offens": "offensive", "toxic": "toxic", "hate": "hateful", "polite": "polite",
    "safe": "unsafe", "harm": "harmful", "abus": "abusive", "insult": "insulting",
    "sexis": "sexist", "racis": "racist", "rude": "rude", "humor": "funny", "humour": "funny",
}  # fmt: skip


def label_adjective(name: str) -> str | None:
    """The label's adjective guessed from a dataset or label name (``None`` when unknown).

    >>> label_adjective("popquorn_offensiveness")
    'offensive'
    >>> label_adjective("my_data") is None
    True
    """
    lower = name.lower()
    return next((adj for stem, adj in _ADJECTIVES.items() if stem in lower), None)


_BULLET = re.compile(r"^\s*(?:[-*\u2022\u2013]|\d+[.)])\s*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])")


def split_statements(text: str) -> list[str]:
    r"""A profile's statements: one per line, bullets and numbering stripped.

    A line with several sentences is split at sentence ends.

    >>> split_statements("- Strict overall.\n- I love puns. Swearing is fine.")
    ['Strict overall.', 'I love puns.', 'Swearing is fine.']
    """
    out = []
    for line in str(text).splitlines():
        line = _BULLET.sub("", line).strip()
        out.extend(s.strip() for s in _SENTENCE_END.split(line) if s.strip())
    return out


def topic_phrase(keywords: Sequence[str], rng: np.random.Generator) -> str:
    """A noun phrase naming a topic by its keywords ("posts about god and jesus")."""
    words = list(keywords) or ["these topics"]
    a, b, c = (words * 3)[:3]
    return _TOPIC_FORMS[int(rng.integers(len(_TOPIC_FORMS)))].format(a=a, b=b, c=c)


@dataclass(frozen=True)
class Phrasing:
    """Random phrasings of statements for one label.

    Args:
        adjective: the label's adjective ("offensive"); ``None`` keeps only the templates
            that do not need one ("I rate ... higher than most people").
        harm: whether harm templates apply; ``None`` decides from ``adjective``.
    """

    adjective: str | None = "offensive"
    harm: bool | None = None

    def templates(self, direction: int, strength: str | None = None, topical: bool = True):
        """The templates that apply (a topical statement needs ``{T}``)."""
        harm = self.harm if self.harm is not None else self.adjective in HARM_ADJECTIVES
        return [
            t
            for t in TEMPLATES
            if t.direction == direction
            and (strength is None or t.strength == strength)
            and (harm or not t.harm)
            and (self.adjective is not None or "{adj}" not in t.text)
            and (not topical or t.scope == "any")
        ]

    def say(
        self,
        topic: str | None,
        direction: int,
        rng: np.random.Generator,
        strength: str | None = None,
    ) -> tuple[str, str]:
        """One random phrasing of "``topic`` (None: everything) rated ``direction``".

        Returns:
            ``(sentence, strength)``; ``strength`` is drawn with the template when not given.
        """
        pool = self.templates(direction, strength, topical=topic is not None)
        template = pool[int(rng.integers(len(pool)))]
        subject = topic if topic is not None else GLOBAL_SUBJECTS[int(rng.integers(8))]
        text = template.text.format(T=subject, adj=self.adjective or "")
        return text[0].upper() + text[1:], template.strength
