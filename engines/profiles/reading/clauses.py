"""An edit cut into clauses: sentences (in any case), semicolons and colons, contrasts, reasons.

Contrast words ("but", "whereas", "although ... ,", "on the other hand", "unlike"), ", now",
reasons ("because ...", ", so ..."), a relative ", which ...", and "and" between two halves
that each say something ("Religious jokes offend me and so does swearing") start a clause.
Torch-free.
"""

from __future__ import annotations

import re
from functools import lru_cache

from engines.profiles.reading import lexicon as lx
from engines.profiles.reading.normalise import normalise

__all__ = ["split_clauses"]

_SENTENCE = re.compile(
    r"(?<=[.!?])\s+|\n+|;|:\s|(?<=[.!?])$|\s+-\s+|(?<=\.)(?=[A-Za-z])|,\s*(?=which\b)"
)
_CONTRAST = re.compile(
    r"(?<!anything)(?<!everything)(?<!nothing)(?<!\ball)(?<!none)"  # "anything but relaxed"
    r"(?<!anything )(?<!everything )(?<!nothing )(?<!\ball )(?<!none )"
    r",?\s*\b(?:" + "|".join(sorted((re.escape(w) for w in lx.CONTRAST_WORDS), key=len,
                                    reverse=True)) + r")\b\s*,?",
    re.IGNORECASE,
)  # fmt: skip
_LEAD = re.compile(
    r"^\s*(?:while|although|though|whereas|even though|whilst|despite|where)\b", re.IGNORECASE
)
_COMMA_TIME = re.compile(
    r",\s*(?=(?:now|nowadays|these days|today|lately|but|yet|do|does)\b)", re.IGNORECASE
)
_REASON = re.compile(
    r",?\s*(?:\b(?:probably|maybe|perhaps|partly|mostly|likely|possibly)\s+)?"
    r"\b(?:because|cause|cuz|since|so that)\b|,\s*so\b",
    re.IGNORECASE,
)
"""A reason or consequence starts a clause of its own ("..., because my parents never ...")."""
_AND = re.compile(r",?\s+\band\b\s+", re.IGNORECASE)
_RUN_ON = re.compile(
    r"\s+(?=(?:neither|nor|so)\s+(?:does|do|did|is|are|am)\b)"  # "..., neither does swearing"
    r"|\s+(?=(?:it|they)\s+(?:doesn'?t|don'?t|does|is|isn'?t|really|just)\b)",
    re.IGNORECASE,
)
"""Where a clause typed without punctuation may start ("cussing it doesnt bug me")."""
_PRONOUNS = frozenset("it they them those these that this".split())
_TYPED_ON = re.compile(r"(?<=\bme)\s+(?=i\s+[a-z])")
"""A new sentence typed on without a stop after "me" ("... doesnt get to me i grew up online")."""
_AUX = frozenset("do does did am is are was were i'm don't doesn't".split())


@lru_cache(maxsize=1)
def _stance_phrases() -> frozenset[str]:
    return frozenset(" ".join(p) for p in lx.PREDICATES)


def _says_something(fragment: str) -> bool:
    """Whether a fragment has a stance word or an auxiliary of its own ("so does swearing")."""
    tokens, _ = normalise(fragment)
    text = f" {' '.join(tokens)} "
    return any(t in _AUX for t in tokens) or any(f" {p} " in text for p in _stance_phrases())


def _split_if_both(pattern: re.Pattern, piece: str) -> list[str]:
    """``piece`` cut at ``pattern`` when both halves say something, else whole."""
    halves = pattern.split(piece, maxsplit=1)
    if len(halves) == 2 and all(_says_something(h) for h in halves):
        return halves
    return [piece]


def _split_commas(piece: str) -> list[str]:
    """``piece`` cut at each comma between two parts that say something of their own.

    Each part must name what it is about ("relgion jokes = fine, racist jokes = not fine";
    "..., absolutely hate it"): "Swearing is fine, not offensive" stays one clause.
    """
    out: list[str] = []
    for part in piece.split(","):
        if out and _states(out[-1]) and _says_something(part) and _own_subject(part):
            out.append(part)
        elif out:
            out[-1] = f"{out[-1]},{part}"
        else:
            out.append(part)
    return out


def _states(fragment: str) -> bool:
    """Whether a fragment has a stance word of its own.

    "He doesn't find jokes about men, ..." has none: the list goes on after the comma.
    """
    text = f" {' '.join(normalise(fragment)[0])} "
    return any(f" {p} " in text for p in _stance_phrases())


def _own_subject(fragment: str) -> bool:
    """Whether a fragment names what it is about: a pronoun or a word outside the lexicon."""
    tokens, _ = normalise(fragment)
    known = {w for table in (lx.PREDICATES, lx.INTENSIFIERS, lx.HEDGES, lx.NEGATORS) for p in table
             for w in p}  # fmt: skip
    return any(t in _PRONOUNS or (t not in known and t not in lx.SUBJECT_STOP) for t in tokens)


def _parenthetical(pieces: list[str]) -> list[str]:
    """Pieces cut at a contrast word said in passing, joined again.

    "Political jokes, though, don't bother me" is one clause: the first piece is a bare
    subject of a few words.
    """
    out: list[str] = []
    for piece in pieces:
        if out and len(normalise(out[-1])[0]) <= 4 and not _says_something(out[-1]):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def split_clauses(text: str) -> list[str]:
    """The clauses of an edit, in order (bullets and empty pieces dropped).

    >>> split_clauses("i hate religious jokes. swearing is fine by me")
    ['i hate religious jokes', 'swearing is fine by me']
    >>> split_clauses("Religious jokes offend me, but swearing doesn't")
    ['Religious jokes offend me', "swearing doesn't"]
    """
    out: list[str] = []
    for sentence in _SENTENCE.split(str(text)):
        sentence = re.sub(r"^\s*(?:[-*\u2022\u2013]|\d+[.)])\s+", "", sentence or "").strip()
        if not sentence:
            continue
        if _LEAD.match(sentence) and "," in sentence:  # "While X, Y": two clauses
            head, _, tail = sentence.partition(",")
            parts = [_LEAD.sub("", head), tail]
        else:
            parts = [sentence]
        pieces = [
            r for p in parts for c in _parenthetical(_CONTRAST.split(p))
            for q in _COMMA_TIME.split(c) for r in _REASON.split(q)
        ]  # fmt: skip
        for piece in (c for p in pieces for c in _split_commas(p)):
            for part in _split_if_both(_AND, piece):
                for run in _split_if_both(_RUN_ON, part):
                    out.extend(_TYPED_ON.split(run))
    return [c.strip(" ,.!?-") for c in out if c.strip(" ,.!?-")]
