"""The function words a clause is parsed with (:mod:`.parse` reads with them).

Who speaks, where a negation's scope ends, settings before a comma, comparisons and
interjections. Torch-free.
"""

from __future__ import annotations

import re

from engines.profiles.reading import lexicon as lx

__all__ = [
    "DISCOURSE",
    "ELLIPSIS",
    "EPISTEMIC",
    "GENERAL",
    "INTERJECTION",
    "LEADS",
    "LEVELS",
    "NOUNS",
    "OBJECT_OF",
    "PREFACE",
    "RATER",
    "REFERENCE_LEADS",
    "RELATIONS",
    "SCALE_NOUNS",
    "SCOPE_END",
]

LEADS = frozenset("unlike like even also and but most all some many why how".split())
"""Words that may stand before other people as a clause's subject ("unlike most people")."""
RELATIONS = frozenset(
    "son daughter wife husband partner friend friends parents parent mother mom mum father dad "
    "brother sister boss roommate coworker coworkers colleague colleagues kids children teen "
    "teenager spouse girlfriend boyfriend grandmother grandfather grandma grandpa aunt uncle "
    "cousin neighbour neighbor family brother's sister's dad's mom's son's".split()
)
"""Relations that make "my ..." someone else ("my teenage son shrugs off ...")."""
ELLIPSIS = frozenset(
    "do does did am is are was were would will can could don't doesn't didn't isn't aren't "
    "wasn't won't can't couldn't too either anymore longer not never much well".split()
)
"""Last words of a clause that leaves its verb out ("... but racist ones do")."""
INTERJECTION = re.compile(
    r"^\s*(?:(?:no|yes|yeah|nope|well|ok|okay|honestly|look)\s*,|(?:nah|yeah|yep|ok so)\b)\s*",
    re.I,
)
PREFACE = re.compile(
    r"^\s*(?:after|before|as|in|at|on|with|from|since|having|being|growing up|during|given|"
    r"when|once|working|living|for|thanks to|raised|coming)\b[^,]*,\s*(?=\S)",
    re.I,
)
"""A leading phrase of setting before a comma ("After eight years in the navy, ..."): what
the rest says is not about it."""
DISCOURSE = frozenset("so and but nah yeah well ok".split())
"""Words after which a bare "no" is an interjection when a negation follows ("so no,
swearing isn't offensive", typed without the comma)."""
GENERAL = frozenset(
    {("in", "general"), ("generally",), ("overall",), ("across", "the", "board"),
     ("of", "any", "kind"), ("of", "all", "kinds"), ("in", "any", "form")}
)  # fmt: skip
"""Phrases saying a stance is about everything, whatever a pronoun refers to."""
NOUNS = frozenset({("banter",), ("fun",), ("problem",)})
"""Stance words that are nouns: an attributive word before them describes them ("crude
banter doesn't bother me" is about crude banter)."""
RATER = frozenset("i i'm me myself i've i'd she he her him herself himself".split())
"""Words that put the rater in a clause (profiles speak in the first or the third person)."""
SCOPE_END = frozenset("and i i'm i'd i'll i've it's that's".split())
"""Words after which a negator no longer belongs to the predicate before them ("I find it
offensive and I'd rather not see it": the "not" is another verb's)."""
EPISTEMIC = frozenset(phrase for phrase in lx.HEDGES if phrase[:1] == ("i",)) | {
    ("perhaps",),
    ("maybe",),
    ("probably",),
    ("possibly",),
    ("might",),
    ("may",),
}
"""Hedges on the speaker's certainty, not the stance's degree: an intensifier still makes the
stance strong ("I think slurs are deeply offensive")."""
REFERENCE_LEADS = frozenset("than as the like".split())
"""First words of a comparison with others or one's past ("than most", "the way they did")."""
OBJECT_OF = frozenset("to by about of at with towards toward over when".split())
"""Prepositions that introduce what a rater's predicate is about ("sensitive to rudeness")."""
SCALE_NOUNS = frozenset("tolerance patience threshold".split())
"""Nouns that turn "high" and "low" around ("a higher tolerance" is more lenient)."""
LEVELS = frozenset({("high",), ("higher",), ("highest",), ("low",), ("lower",), ("lowest",)})
