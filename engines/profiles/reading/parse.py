r"""Read a typed edit as people write it: clauses, each with a stance, its strength and subject.

The reading is compositional, so it holds for constructions no list of templates foresaw:

1. **Normalise** (:mod:`~engines.profiles.reading.normalise`): case, apostrophes, contractions
   typed without them, texting shorthand, filler and typos of stance words.
2. **Split** (:mod:`~engines.profiles.reading.clauses`): sentences (also in lower case),
   semicolons, contrast words, reasons, and "and" between two clauses that each say something.
3. **Parse** each clause (:func:`parse_clause`) into tokens of the lexicon
   (:mod:`~engines.profiles.reading.lexicon`), longest phrase first. Each stance predicate's
   polarity is flipped by every negator (and "less") between it and the previous predicate,
   so negation has scope: "swearing is fine, not offensive" is two lenient predicates, "I
   never fail to be bothered by ..." is strict. Degree words set the strength (hedges ->
   slight, intensifiers or strong predicates -> strong); other people as the subject ("my
   friends find ...") make the clause context; "used to" marks the past.
4. **Compose** across clauses (:mod:`~engines.profiles.reading.compose`): borrowed verbs,
   pronouns that refer back, someone else's view, change over time.

What the subject is about (a theme, everything, or nothing that bears on ratings) is decided
with the dataset's themes (:mod:`~engines.profiles.reading.reader`). Torch-free.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from engines.profiles.reading import cues as cue
from engines.profiles.reading import lexicon as lx
from engines.profiles.reading.normalise import normalise

__all__ = ["Stance", "parse_clause"]

STRENGTHS = ("slight", "plain", "strong")


@dataclass(frozen=True)
class Stance:
    """What one clause says, before it is tied to a dataset's themes."""

    clause: str
    """The clause as typed."""
    polarity: int
    """+1: toward the "more" end of the label; -1: toward less; 0: no stance."""
    strength: str = "plain"
    """``slight``, ``plain`` or ``strong``."""
    subject: str = ""
    """The words left once stance, degree and function words are gone ("religious jokes")."""
    confidence: float = 1.0
    """How sure the reading is (lowered by mended typos, borrowed predicates, a lone past)."""
    why: str = ""
    """The cues the reading rests on, for display."""
    context: bool = False
    """Said of someone else ("my friends find ..."), or past: no stance of the rater's now."""
    predicate: int = 0
    """Polarity of the predicate before negation (what an elliptic clause borrows)."""
    past: bool = False
    """The clause speaks of the past ("used to")."""
    current: bool = False
    """The clause speaks of now ("now", "these days", "no longer")."""
    switch: bool = False
    """The clause says "the opposite of the last one" ("... another story")."""
    mended: int = 0
    """Typos and contractions mended in the clause."""
    elliptic: bool = False
    """The clause leaves its verb out ("... but racist ones do", "now they don't")."""
    refers: tuple[str, ...] = ()
    """The earlier subjects a pronoun of the clause may refer back to ("it", "they",
    "which"), most recent first: the reader takes the first that names something."""
    general: bool = False
    """The clause says it is about everything ("in general", "of any kind")."""


_TABLES: tuple[tuple[str, frozenset | dict], ...] = (
    ("switch", lx.SWITCH_PHRASES), ("enabler", lx.ENABLERS), ("neutral", lx.NEUTRAL),
    ("compare", lx.COMPARATIVE_REFERENCES), ("other", lx.OTHER_PEOPLE),
    ("predicate", lx.PREDICATES), ("hedge", lx.HEDGES), ("negator", lx.NEGATORS),
    ("intensifier", lx.INTENSIFIERS), ("past", lx.PAST_WORDS), ("change", lx.CHANGE_WORDS),
    ("less", lx.LESS_WORDS), ("more", lx.MORE_WORDS),
)  # fmt: skip


@lru_cache(maxsize=1)
def _phrase_index() -> tuple[dict[tuple[str, ...], str], int]:
    """Phrase -> category (the first table that lists it wins), and the longest length."""
    index: dict[tuple[str, ...], str] = {}
    for name, table in _TABLES:
        for phrase in table:
            index.setdefault(phrase, name)
    return index, max(map(len, index))


def _scan(tokens: list[str]) -> tuple[list[tuple[str, tuple[str, ...]]], list[int]]:
    """Tokens grouped into ``(category, phrase)`` runs (``word`` when in no table).

    Returns the runs and the positions (in runs) of the stance predicates.
    """
    index, longest = _phrase_index()
    runs: list[tuple[str, tuple[str, ...]]] = []
    i = 0
    while i < len(tokens):
        for n in range(min(longest, len(tokens) - i), 0, -1):
            phrase = tuple(tokens[i : i + n])
            if phrase in index:
                runs.append((index[phrase], phrase))
                i += n
                break
        else:
            word = tokens[i]
            kind = "negator" if word.endswith("n't") else "word"
            runs.append((kind, (word,)))
            i += 1
    for k, (kind, phrase) in enumerate(runs):  # "a strict household": no stance
        nxt = runs[k + 1] if k + 1 < len(runs) else None
        if (
            kind == "predicate"
            and len(phrase) == 1
            and phrase[0] in lx.ATTRIBUTIVE
            and nxt is not None
            and (nxt[0] == "word" or nxt[1] in cue.NOUNS)
            and nxt[1][0] not in lx.SUBJECT_STOP
            and nxt[1][0] not in lx.PERSON_NOUNS
        ):
            runs[k] = ("word", phrase)
            if nxt[1] in cue.NOUNS:  # "crude banter": the subject, not a stance
                runs[k + 1] = ("word", nxt[1])
    return runs, [k for k, (kind, _) in enumerate(runs) if kind == "predicate"]


def parse_clause(clause: str) -> Stance:
    """The stance of one clause (no borrowing from its neighbours: :mod:`.compose`)."""
    preface = cue.PREFACE.match(clause)
    if preface and not _scan(normalise(preface.group(0))[0])[1]:
        rest = parse_clause(clause[preface.end() :])
        past = rest.past or "past" in {k for k, _ in _scan(normalise(preface.group(0))[0])[0]}
        return replace(rest, clause=clause, past=past)
    tokens, mended = normalise(cue.INTERJECTION.sub("", clause))
    runs, preds = _scan(tokens)
    kinds = [k for k, _ in runs]
    words = [" ".join(p) for _, p in runs]
    as_a = {
        k + 2 for k in range(len(words) - 2) if words[k] == "as" and words[k + 1] in ("a", "an")
    }
    than = next(
        (k for k, (c, p) in enumerate(runs) if c == "compare" and p[0] in cue.REFERENCE_LEADS), None
    )
    superlative = tokens[:1] in (["nothing"], ["nobody"]) and any(
        " ".join(tokens[i : i + 2]) in ("more than", "worse than", "as much")
        for i in range(len(tokens))
    )  # "Nothing annoys me more than X": X is what the clause is about
    skip = as_a | (set() if superlative else _reference_words(runs, words, than))
    subject = " ".join(
        w for k, ((kind, _), w) in enumerate(zip(runs, words, strict=True))
        if kind == "word" and w not in lx.SUBJECT_STOP and w not in lx.RATER_WORDS
        and k not in skip
    )  # fmt: skip
    subject = _object_subject(runs, words, preds) or subject
    own = kinds[:than] if than is not None else kinds  # "... than when I was younger": a reference
    past = "past" in own
    current = "change" in kinds or any(w in ("no longer", "not anymore") for w in words)
    first_person = any(w in cue.RATER for w in tokens)
    if than is not None and any(k < than for k in preds):  # the rest describes the reference
        preds = [k for k in preds if k < than]
    head = kinds[: preds[0]] if preds else kinds
    reference_is_rater = than is not None and any(
        w in ("i", "i'm", "me", "myself") for _, p in runs[than:] for w in p
    )
    people = [
        k for k, c in enumerate(kinds[:2]) if c == "other" and (k == 0 or words[0] in cue.LEADS)
    ]
    gerund = any(k + 1 < len(runs) and words[k + 1].endswith("ing") for k in people)
    lead = 2 if tokens[:2] in (["most", "of"], ["many", "of"], ["some", "of"], ["all", "of"]) else 0
    relation = tokens[lead : lead + 1] == ["my"] and any(
        t in cue.RELATIONS for t in tokens[lead + 1 : lead + 4]
    )
    people = people if not gerund else []
    other = (bool(people) or relation) and not (first_person and not reference_is_rater)
    hedges = [p for c, p in runs if c == "hedge"]
    strong = "intensifier" in kinds or any(runs[k][1] in lx.STRONG_PREDICATES for k in preds)
    degree_hedge = any(p not in cue.EPISTEMIC for p in hedges)
    strength = (
        "slight" if degree_hedge or (hedges and not strong) else "strong" if strong else "plain"
    )
    core = [t for t in tokens if t not in ("and", "but", "though", "yet")] or tokens
    elliptic = (
        bool(tokens)
        and len(core) <= 7
        and (  # "what nobody else will": no ellipsis
            core[-1] in cue.ELLIPSIS or core[0] in ("so", "nor", "neither")
        )
    )
    general = any(
        tuple(tokens[i : i + len(g)]) == g for g in cue.GENERAL for i in range(len(tokens))
    )
    base = dict(clause=clause, strength=strength, subject=subject, past=past, current=current,
                mended=mended, context=other and not reference_is_rater,
                switch="switch" in kinds, elliptic=elliptic, general=general)  # fmt: skip
    if not preds:
        negations = sum(k in ("negator", "less") for k in kinds) + sum(
            w.startswith("not ") for k, w in zip(kinds, words, strict=True) if k == "hedge"
        )
        return Stance(polarity=0, predicate=0, why=f"negations:{negations}", **base)
    bound = {  # "less" and "more" qualify the nearest predicate, before or after them
        k: min(preds, key=lambda p, k=k: (abs(p - k), p < k))
        for k, c in enumerate(kinds) if c in ("less", "more")
    }  # fmt: skip
    signs, cues = [], []
    start = 0
    paired = "neither" in words  # "neither X nor Y bothers me": one negation
    for j, k in enumerate(preds):
        end = len(runs) if j == len(preds) - 1 else k
        after = []
        for s_ in range(k + 1, min(end, k + 5)) if j == len(preds) - 1 else ():
            if words[s_] in cue.SCOPE_END:
                break
            after.append(s_)
        before = [s for s in range(start, k) if not _interjected(s, k, kinds, words)]
        if superlative:  # "Nothing makes my skin crawl more than ...": no negation
            before = [s for s in before if words[s] not in ("nothing", "no one", "nobody")]
        if any(kinds[s] == "negator" for s in before):  # "nothing offends me, not a thing":
            after = [s for s in after if kinds[s] != "negator"]  # negative concord
        scope = before + after  # "offended by nothing": a negator just after ("..., truly
        # nothing" only repeats the one before)
        flips = [s for s in scope if kinds[s] == "negator" and not (words[s] == "nor" and paired)]
        flips += [s for s in scope if kinds[s] == "hedge" and words[s].startswith("not ")]
        flips += [s for s, p in bound.items() if p == k and kinds[s] == "less"]
        pol = lx.PREDICATES[runs[k][1]] * (-1) ** len(flips)
        if runs[k][1] in cue.LEVELS and cue.SCALE_NOUNS.intersection(words):
            pol = -pol
        signs.append(pol)
        neg = [words[s] for s in sorted(flips)]
        cues.append(f"'{words[k]}'" + (f" under {' + '.join(neg)}" if neg else ""))
        start = k + 1
    if reference_is_rater and "other" in head:
        signs = [-v for v in signs]
        cues.append("said of others, compared with the rater")
    total = sum(signs)
    polarity = (1 if total > 0 else -1) if total else signs[0]
    agreement = abs(total) / len(signs) if total else 0.5
    confidence = (0.6 + 0.4 * agreement) * (0.85**mended)
    return Stance(polarity=polarity, predicate=lx.PREDICATES[runs[preds[-1]][1]],
                  confidence=round(confidence, 3), why="; ".join(cues), **base)  # fmt: skip


def _reference_words(
    runs: list[tuple[str, tuple[str, ...]]], words: list[str], than: int | None
) -> set[int]:
    """The runs naming whom a comparison is with ("than her grandchildren would").

    They end at the next preposition or stance word, which may go on to say what the clause
    is about ("than most people to jokes about religion").
    """
    if than is None:
        return set()
    out = set()
    for k in range(than + 1, len(runs)):
        if words[k] in cue.OBJECT_OF or runs[k][0] == "predicate":
            break
        out.add(k)
    return out


def _interjected(s: int, k: int, kinds: list[str], words: list[str]) -> bool:
    """Whether the run at ``s`` is a bare "no" said as an interjection before predicate ``k``.

    "so no swearing isn't offensive to me": a "no" after a discourse word, with another
    negation still to come before the predicate (first in a clause, "No insult ... fails to
    annoy me", it is a determiner).
    """
    if words[s] != "no" or s == 0 or words[s - 1] not in cue.DISCOURSE:
        return False
    return any(kinds[j] == "negator" for j in range(s + 1, k))


def _object_subject(
    runs: list[tuple[str, tuple[str, ...]]], words: list[str], preds: list[int]
) -> str | None:
    """What the rater's predicate is about when the clause names it after a preposition.

    "The job has made me more sensitive to rudeness": the rater ("me") comes before the
    predicate and "to rudeness" after it, so the subject is "rudeness", not the cause.
    """
    if not preds:
        return None
    k = preds[-1]
    if not any(w in cue.RATER for w in words[:k]):
        return None
    rest = runs[k + 1 :]
    if not rest or rest[0][1][0] not in cue.OBJECT_OF:
        return None
    subject = " ".join(
        " ".join(p) for c, p in rest[1:]
        if c == "word" and " ".join(p) not in lx.SUBJECT_STOP and p[0] not in lx.RATER_WORDS
    )  # fmt: skip
    return subject or None
