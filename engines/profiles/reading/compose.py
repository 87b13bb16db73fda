"""Clauses read together: borrowing, reference, someone else's view, change over time.

:func:`read_stances` composes the clauses :func:`~engines.profiles.reading.parse.parse_clause`
reads one by one: a clause with no predicate of its own ("..., but racist ones do", "now they
do") takes the last clause's predicate under its own negation; "X is another story" reverses
the last stance; a pronoun ("it", "those jokes") refers back to an earlier subject; "he" or
"she" after "my uncle" in a first-person text is someone else; a past stance restated in the
present is dropped, a past stance alone implies its opposite now. Torch-free.
"""

from __future__ import annotations

from dataclasses import replace

from engines.profiles.reading import cues as cue
from engines.profiles.reading import lexicon as lx
from engines.profiles.reading.clauses import split_clauses
from engines.profiles.reading.normalise import normalise
from engines.profiles.reading.parse import Stance, parse_clause

__all__ = ["read_stances"]

_BACK = frozenset("they them those these which ones that".split())
"""Pronouns that refer back to the subject of an earlier clause ("it" too, unless it is
the "it" of "it isn't easy to offend me")."""
_JOINERS = frozenset("but though although yet and only just".split())
"""Words that join a clause of degree words to the one before ("but not much")."""
_ONE_RELATION = frozenset(r for r in cue.RELATIONS if not r.endswith(("s", "ren", "'s")))
"""One other person a first-person narrator may go on to call "he" or "she"."""
_FIRST = frozenset("i i'm me my myself i've i'd i'll".split())
"""Words of a first-person narrator."""
_THIRD = frozenset("he she he's she's him her his herself himself".split())
"""Words of a third person (the rater's, unless a first-person narrator named someone)."""


def _negations(stance: Stance) -> int:
    return int(stance.why.removeprefix("negations:") or 0) if stance.polarity == 0 else 0


def _degree_only(stance: Stance) -> bool:
    """Whether a clause is degree words alone ("but not much", "though only slightly")."""
    tokens = [t for t in normalise(stance.clause)[0] if t not in _JOINERS]
    return bool(tokens) and tuple(tokens) in lx.HEDGES


def _refers_back(stance: Stance) -> bool:
    tokens, _ = normalise(stance.clause)
    told = {
        k for k, t in enumerate(tokens) if t in {"that", "this"} and tokens[k - 1 : k] == ["of"]
    }
    tokens = [t for k, t in enumerate(tokens) if k not in told]  # "of that": the events told
    it = "it" in tokens and "to" not in tokens[tokens.index("it") :]
    return it or any(t in _BACK for t in tokens)


def _others_told_of(raw: list[Stance]) -> list[Stance]:
    """Clauses about "he" or "she" after "my uncle", "my sister" ... are someone else's view.

    Only in a text whose narrator speaks in the first person: a profile written in the third
    person ("She is very sensitive to ...") stays the rater's.
    """
    out, someone = [], False
    for s in raw:
        tokens = normalise(s.clause)[0]
        mine = bool(_FIRST.intersection(tokens))
        if someone and not mine and _THIRD.intersection(tokens):
            s = replace(s, context=True)
        someone = someone or any(
            t == "my" and _ONE_RELATION.intersection(tokens[k + 1 : k + 3])
            for k, t in enumerate(tokens)
        )
        out.append(s)
    return out


def read_stances(text: str) -> list[Stance]:
    """Every clause of ``text`` with its stance, after borrowing across clauses.

    A clause that leaves its verb out borrows the last one under its own negation; a clause
    of degree words alone ("though only slightly") sets the last stance's strength; a clause
    whose subject is a pronoun refers back to the last subject (``refers``). Context clauses
    (other people, a past restated now) come back with ``context=True`` and no polarity, so
    the reading shows them as having no bearing.
    """
    raw = [parse_clause(c) for c in split_clauses(text)]
    raw = _others_told_of(raw)
    out: list[Stance] = []
    last: Stance | None = None
    subjects: list[str] = []
    for s in raw:
        if s.polarity == 0 and last is not None and last.predicate and not s.subject:
            if s.strength != "plain" and (not _negations(s) or _degree_only(s)):
                out[out.index(last)] = last = replace(last, strength=s.strength)
                out.append(replace(s, context=True, why="the degree of the clause before"))
                continue
        if s.polarity == 0 and last is not None and last.predicate and (s.elliptic or s.switch):
            if s.switch:
                pol, why = -last.polarity if not last.context else last.polarity, "the opposite"
            else:
                pol = last.predicate * (-1) ** _negations(s)
                verb = last.why.split("; ")[-1].split(" under ")[0]
                why = f"borrows {verb} from the clause before"
            s = replace(
                s, polarity=pol, predicate=last.predicate, subject=s.subject or last.subject,
                strength=s.strength if s.strength != "plain" else last.strength,
                confidence=round(0.75 * last.confidence, 3), why=why, past=s.past and not s.current,
            )  # fmt: skip
        prev = out[-1] if out else None
        fragment = (  # a bare noun phrase before: "Racial slurs? Those I object to."
            prev is not None and prev.polarity == 0 and not prev.predicate and bool(prev.subject)
            and len(normalise(prev.clause)[0]) <= 4
            and not cue.RATER.intersection(normalise(prev.clause)[0])
        )  # fmt: skip
        if s.polarity and subjects and (fragment or _refers_back(s)):
            s = replace(s, refers=tuple(reversed(subjects)))  # "Racial slurs? Those I object to."
        if s.polarity and last is not None and last.past and not last.current and s.current:
            out[out.index(last)] = replace(
                last, context=True, why=last.why + "; past, restated now"
            )
        out.append(s)
        if s.subject:
            subjects.append(s.subject)
        if s.polarity or s.predicate:
            last = out[-1]
    final = []
    for s in out:
        if s.polarity and s.past and not s.current and not s.context:
            why = s.why + "; past, so now the opposite"
            s = replace(s, polarity=-s.polarity, strength="plain", why=why,
                        confidence=round(0.6 * s.confidence, 3))  # fmt: skip
        if s.context:
            s = replace(s, polarity=0)
        final.append(s)
    return final
