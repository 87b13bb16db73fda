"""Text as people type it, made readable: case, apostrophes, contractions, typos, filler.

Lower case, straight apostrophes, contractions typed without apostrophes ("dont", "dosnt",
"im"), texting shorthand ("abt", "r", "2"), stretched letters ("sooo"), filler ("lol"), and
words within a small edit of a stance word ("botherd" -> "bothered"; only words of six letters
or more are corrected to, so "party" never becomes "partly"). Torch-free.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from engines.profiles.reading import lexicon as lx

__all__ = ["normalise", "osa_distance"]

_CONTRACTIONS = {
    "dont": "don't", "doesnt": "doesn't", "dosnt": "doesn't", "doesent": "doesn't",
    "dosent": "doesn't", "dosen't": "doesn't", "didnt": "didn't", "cant": "can't",
    "cnat": "can't", "wont": "won't", "isnt": "isn't", "arent": "aren't", "wasnt": "wasn't",
    "werent": "weren't", "wouldnt": "wouldn't", "couldnt": "couldn't", "shouldnt": "shouldn't",
    "havent": "haven't", "hasnt": "hasn't", "hadnt": "hadn't", "aint": "ain't", "im": "i'm",
    "ive": "i've", "u": "you", "ur": "your", "r": "are", "n": "and", "b": "be", "tho": "though",
    "altho": "although", "bc": "because", "cuz": "because", "coz": "because", "thx": "thanks",
    "rly": "really", "realy": "really", "v": "very", "pls": "please", "w/": "with",
    "offence": "offense", "whilst": "while", "alot": "a lot", "abit": "a bit",
    "kinda": "kind of", "2": "to", "4": "for", "abt": "about", "ppl": "people",
    "bout": "about", "w": "with", "wit": "with", "smth": "something", "sth": "something",
    "thru": "through", "easly": "easily", "lil": "little", "prety": "pretty", "phase": "faze",
    "phased": "fazed", "h8": "hate", "h8s": "hates", "eaisly": "easily", "verry": "very",
    "ya": "you",
    "da": "the", "dat": "that", "sorta": "sort of", "wanna": "want to", "gonna": "going to",
    "idc": "don't care", "nbd": "no big deal", "fine-by-me": "fine by me", "anymore": "anymore",
    "rlly": "really", "dnt": "don't", "uncomfy": "uncomfortable", "offesnive": "offensive",
    "em": "them", "w/e": "whatever", "wtv": "whatever", "watever": "whatever", "=": "is",
}  # fmt: skip
_SEPARABLE = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"\b(let|lets|letting)\s+((?:[\w'-]+\s+){1,3}?)(slide|go|pass)\b", r"\1 \3 \2"),
        (r"\b(shrug|shrugs|shrugged|shrugging|brush|brushes|brushed|laugh|laughs|laughed|"
         r"shake|shakes|shook)\s+((?:[\w'-]+\s+){1,3}?)off\b", r"\1 off \2"),
        (r"\b(take|takes|took|taking)\s+((?:[\w'-]+\s+){1,5}?)(personally|seriously|to heart)\b",
         r"\1 \3 \2"),
    )
)  # fmt: skip
"""Phrasal verbs split by their object, put back together so the lexicon can match them."""
_FILLER = frozenset("lol lmao lmfao rofl haha hahaha hehe tbh imo imho ngl idk smh omg ugh".split())
_ENGLISH = frozenset("either whether rather another bother other others mother trash".split())
"""Words a small edit away from a lexicon word that are words of their own ("either")."""
_WORD = re.compile(r"w/e|[a-z][a-z'\-]*|[0-9]+|=")


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[str, ...]:
    """Every single word of the lexicon (what a typo is corrected to)."""
    tables = (lx.PREDICATES, lx.NEGATORS, lx.OTHER_PEOPLE)
    words = {w for table in tables for phrase in table for w in phrase}
    words |= {"really", "extremely", "slightly", "somewhat", "absolutely", "completely"}
    return tuple(sorted(w for w in words if len(w) >= 6 and "_" not in w))


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    """Every word of every lexicon table: never a typo."""
    tables = [getattr(lx, name) for name in lx.__all__]
    return frozenset(
        w for table in tables if isinstance(table, dict | frozenset)
        for phrase in table for w in (phrase if isinstance(phrase, tuple) else (phrase,))
    )  # fmt: skip


@lru_cache(maxsize=4096)
def _correct(word: str) -> tuple[str, bool]:
    """A word, or the lexicon word it is a typo of (and whether it was corrected)."""
    if word in _CONTRACTIONS:
        return _CONTRACTIONS[word], True
    if (
        len(word) < 5
        or "'" in word
        or word in lx.SUBJECT_STOP
        or word in _known()
        or (word in _ENGLISH)
    ):
        return word, False
    for prefix in ("un", "in", "im", "dis", "non"):  # "unforgiving": not forgiving
        root = word.removeprefix(prefix).lstrip("-")
        if root != word and (root,) in lx.PREDICATES:
            return f"not {root}", True
    close = difflib.get_close_matches(word, _vocabulary(), n=1, cutoff=0.86)
    if not close and len(word) >= 6:  # two letters swapped ("freinds") score low with difflib
        near = difflib.get_close_matches(word, _vocabulary(), n=3, cutoff=0.75)
        close = [c for c in near if sorted(c) == sorted(word) and osa_distance(word, c) == 1][:1]
    if not close:  # vowels left out, as people text ("bothrd", "offnsive")
        close = [c for c in _vocabulary() if _drops_vowels(word, c)][:1]
    return (close[0], True) if close else (word, False)


def _drops_vowels(word: str, full: str) -> bool:
    """Whether ``word`` is ``full`` with one or two of its inner vowels left out."""
    if not 0 < len(full) - len(word) <= 2 or word[0] != full[0]:
        return False
    it = iter(full)
    if not all(ch in it for ch in word):  # a subsequence of ``full``
        return False
    left = list(full)
    for ch in word:
        left.remove(ch)
    return all(ch in "aeiou" for ch in left)


def osa_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions, swaps."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


def normalise(text: str) -> tuple[list[str], int]:
    """Tokens of ``text`` (lower case, contractions and typos mended) and how many were mended.

    >>> normalise("Swearing dosnt botherd me at all lol")
    (['swearing', "doesn't", 'bothered', 'me', 'at', 'all'], 2)
    """
    text = str(text).lower().replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = re.sub(r"(\w)\1{2,}", r"\1\1", text)  # "sooo" -> "soo"
    for pattern, repl in _SEPARABLE:  # "let most things slide" -> "let slide most things"
        text = pattern.sub(repl, text)
    text = re.sub(r"\b(so|too|ver)o+\b", r"\1", text).replace("soo ", "so ")
    out, mended = [], 0
    for raw in _WORD.findall(text):
        raw = raw.strip("'-")
        if not raw or raw in _FILLER:
            continue
        word, fixed = _correct(raw)
        mended += fixed
        out.extend(word.split())
    return out, mended
