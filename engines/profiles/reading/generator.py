"""A compositional generator of edits with their readings: constructions combined at random.

Each sentence is built from independent choices, and its reading follows from them the way a
reader must compose it: a *subject* (a topic phrase, everything, or something no rating is
about), a *predicate* with its polarity and strength, *negation* (none, one, or two that
cancel), a *degree* word, a *comparison* with others ("less ... than most people" flips), the
*person* (first or third), *time* ("used to ..., but no longer" flips), a *contrast* with a
second clause of the opposite stance, a *context* sentence that states no stance, and *noise*
(lower case, dropped apostrophes, a typo). Sentences about unrelated things have no reading.

It is the reader's stress test (:mod:`tests.unit.profiles.test_reading`): thousands of
combinations, none of them written out. The held-out benchmark sentences are hand-written
elsewhere, in constructions this generator does not make. Torch-free.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["Generated", "generate"]

_TOPICS = {
    "religion": ["jokes about religion", "remarks about Christians", "mockery of Islam",
                 "comments about God"],
    "profanity": ["swearing", "profanity", "curse words", "foul language"],
    "politics": ["insults about politicians", "political attacks", "jabs at Republicans"],
    "race": ["racial slurs", "jokes about race", "comments about immigrants"],
    "gender": ["sexist jokes", "remarks about women", "jokes about gay people"],
}  # fmt: skip
_GLOBAL = ["most things", "rude comments", "the comments I read", "online posts"]
_UNRELATED = ["cold weather", "my neighbour's dog", "long queues", "pineapple on pizza",
              "Monday mornings", "loud trucks"]  # fmt: skip
# (positive form with {S} as subject, negated form, polarity): +1 stricter.
_PREDICATES = [
    ("{S} {be} offensive to {me}", "{S} {be_not} offensive to {me}", 1),
    ("{S} bother{s} {me}", "{S} {do_not} bother {me}", 1),
    ("{I} {am} sensitive to {S}", "{I} {am_not} sensitive to {S}", 1),
    ("{I} {am} fine with {S}", "{I} {am_not} fine with {S}", -1),
    ("{I} {am} relaxed about {S}", "{I} {am_not} relaxed about {S}", -1),
    ("{S} upset{s} {me}", "{S} never upset{s} {me}", 1),
    ("{I} {am} tolerant of {S}", "{I} {am_not} tolerant of {S}", -1),
]
_PERSONS = {
    "first": {"I": "I", "am": "am", "am_not": "am not", "me": "me", "s": "", "do_not": "don't",
              "be": "are", "be_not": "aren't"},
    "third": {"I": "She", "am": "is", "am_not": "is not", "me": "her", "s": "", "do_not": "don't",
              "be": "are", "be_not": "aren't"},
}  # fmt: skip
_HEDGES = ["a little", "slightly", "somewhat", "mildly"]
_INTENSIFIERS = ["really", "very", "extremely", "deeply"]
_PAST = [("I used to find {S} offensive, but not anymore", 1),
         ("I used to be fine with {S}, but not anymore", -1),
         ("{S} used to bother me; these days they don't", 1),
         ("I was once relaxed about {S}, but now I'm not", -1)]  # fmt: skip
_CONTEXT = ["I grew up in a small town.", "I work as a nurse.", "I have two kids.",
            "I moved here ten years ago."]  # fmt: skip


@dataclass(frozen=True)
class Generated:
    """One generated edit and what it means: ``(topic or 'global', direction)`` per clause."""

    text: str
    readings: tuple[tuple[str, int], ...]
    constructions: tuple[str, ...]


def _clause(rng: np.random.Generator, topic: str | None, person: str) -> tuple[str, int, list]:
    """One stance clause: text, polarity, the constructions used."""
    used = []
    pos, neg, polarity = _PREDICATES[int(rng.integers(len(_PREDICATES)))]
    subject = (
        _GLOBAL[int(rng.integers(len(_GLOBAL)))]
        if topic == "global"
        else _UNRELATED[int(rng.integers(len(_UNRELATED)))]
        if topic is None
        else _TOPICS[topic][int(rng.integers(len(_TOPICS[topic])))]
    )
    words = dict(_PERSONS[person], S=subject)
    negated = rng.random() < 0.4
    text = (neg if negated else pos).format(**words)
    if negated:
        polarity, used = -polarity, [*used, "negation"]
    degree = rng.random()
    if degree < 0.2 and " sensitive" in text:
        text = text.replace(" sensitive", f" {_HEDGES[int(rng.integers(4))]} sensitive")
        used.append("hedge")
    elif degree < 0.4 and " sensitive" in text:
        text = text.replace(" sensitive", f" {_INTENSIFIERS[int(rng.integers(4))]} sensitive")
        used.append("intensifier")
    if not negated and rng.random() < 0.25 and f"{words['am']} " in text:
        way = "more" if rng.random() < 0.5 else "less"
        text = text.replace(f"{words['am']} ", f"{words['am']} {way} ", 1) + " than most people"
        polarity = polarity if way == "more" else -polarity
        used.append("comparative")
    return text, polarity, used


def generate(n: int, seed: int = 0) -> list[Generated]:
    """``n`` edits, each a random combination of constructions, with their readings."""
    rng = np.random.default_rng(seed)
    out = []
    topics = [*_TOPICS, "global"]
    for _ in range(n):
        person = "first" if rng.random() < 0.75 else "third"
        if rng.random() < 0.12:  # about nothing that bears on ratings
            text, _, used = _clause(rng, None, person)
            out.append(Generated(text + ".", (), ("no bearing", *used)))
            continue
        topic = topics[int(rng.integers(len(topics)))]
        text, polarity, used = _clause(rng, topic, person)
        readings = [(topic, polarity)]
        if rng.random() < 0.15:
            then, pol = _PAST[int(rng.integers(len(_PAST)))]
            subject = text if topic == "global" else _TOPICS.get(topic, _GLOBAL)[0]
            subject = _GLOBAL[0] if topic == "global" else subject
            text = then.format(S=subject)
            readings, used = [(topic, -pol)], ["change over time"]
        elif rng.random() < 0.25:
            other = topics[int(rng.integers(len(topics) - 1))]
            other = other if other != topic else "global"
            second, pol2, used2 = _clause(rng, other, person)
            if pol2 != polarity:
                text = f"{text}, but {second[0].lower()}{second[1:]}"
                readings.append((other, pol2))
                used = [*used, "contrast", *used2]
        text = text + "."
        if rng.random() < 0.15:
            text = f"{_CONTEXT[int(rng.integers(len(_CONTEXT)))]} {text}"
            used.append("context")
        if rng.random() < 0.15:
            text = text.lower().replace("'", "").replace("bother", "bther", 1)
            used.append("typos")
        out.append(Generated(text, tuple(readings), tuple(used)))
    return out
