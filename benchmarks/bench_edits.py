"""Edit-validity benchmark: do free-text profile edits move predictions the way they say?

On POPQUORN offensiveness (1,500 items, 262 raters), through the app's own path: the editing
decoder is trained on every rater's offline-written profile (as the page does), then for
``n_raters`` raters (seeded draw among those with a profile) each of the :data:`EDITS` below
is appended to the rater's profile as one more statement, and every item is re-predicted.

An edit states a direction (stricter: +1, more lenient: -1), overall or about a topic. Its
effect is the change of the expected rating (``analysis.profiles.edit_checks.edit_shift``):
the mean over all items for a global edit; for a topical edit, the mean over the topic's
items minus the mean over the other items. Topic items are those whose text contains one of
the topic's :data:`TOPICS` keywords (lower-cased, whole words). The edits were written for
this benchmark, not taken from the profile writer's templates: both directions, plain
statements, negations ("... don't bother me"), hedges ("somewhat", "a bit") and intensified
ones ("I can't stand ..."), and strong vs mild wording.
"""

from __future__ import annotations

import os
import re
import statistics
import tempfile
import time
from typing import NamedTuple

import numpy as np
import pandas as pd

from benchmarks.common import POPQUORN, require


class Edit(NamedTuple):
    """One statement appended to a profile, and what it says it should do."""

    text: str
    scope: str
    """``global`` or a key of :data:`TOPICS`."""
    direction: int
    """+1: ratings should rise (stricter); -1: they should fall (more lenient)."""
    form: str
    """How it is phrased: ``plain``, ``negation``, ``hedge`` or ``intensified``."""
    strong: bool


TOPICS: dict[str, tuple[str, ...]] = {
    "religion": (
        "god", "gods", "jesus", "christ", "christian", "christians", "christianity", "muslim",
        "muslims", "islam", "islamic", "church", "religion", "religious", "bible", "pray",
        "prayer", "atheist", "atheists", "catholic", "jew", "jews", "jewish", "allah", "satan",
        "heaven", "lord",
    ),
    "politics": (
        "trump", "biden", "obama", "hillary", "clinton", "democrat", "democrats", "republican",
        "republicans", "liberal", "liberals", "conservative", "conservatives", "vote",
        "voting", "election", "president", "government", "politics", "political",
        "politician", "politicians", "gop", "congress", "senate", "leftist", "maga",
    ),
    "profanity": (
        "fuck", "fucking", "fucked", "fucker", "shit", "shitty", "bullshit", "damn", "bitch",
        "bitches", "ass", "asshole", "crap", "wtf", "dick", "piss", "pissed", "cunt",
        "motherfucker",
    ),
    "race": (
        "black", "blacks", "white", "whites", "racist", "racism", "race", "asian", "asians",
        "mexican", "mexicans", "latino", "african", "immigrant", "immigrants",
    ),
    "gender": (
        "woman", "women", "girl", "girls", "female", "females", "feminist", "feminists", "men",
        "male", "males", "gay", "gays", "lesbian", "trans", "transgender", "lgbt",
        "homosexual", "queer", "wife", "husband",
    ),
}  # fmt: skip
"""Keywords that put an item in a topic (whole words, case-insensitive)."""

EDITS: tuple[Edit, ...] = (
    Edit(
        "Strict overall: I rate things as more offensive than most people do.",
        "global",
        1,
        "plain",
        True,
    ),
    Edit(
        "Lenient overall: I rate things as less offensive than most people do.",
        "global",
        -1,
        "plain",
        True,
    ),
    Edit("I almost never find anything offensive.", "global", -1, "negation", True),
    Edit("Very little offends me.", "global", -1, "plain", False),
    Edit("I am easily offended by rude or hurtful language.", "global", 1, "plain", False),
    Edit(
        "I'm perhaps slightly more sensitive to offensive content than the average person.",
        "global",
        1,
        "hedge",
        False,
    ),
    Edit(
        "Honestly, not much bothers me; I tend to give low offensiveness ratings.",
        "global",
        -1,
        "negation",
        False,
    ),
    Edit(
        "Jokes and insults about religion are very offensive to me.", "religion", 1, "plain", True
    ),
    Edit("I can't stand people mocking religious beliefs.", "religion", 1, "intensified", True),
    Edit("Religious jokes don't bother me at all.", "religion", -1, "negation", True),
    Edit("I rarely find comments about religion offensive.", "religion", -1, "negation", False),
    Edit(
        "I'm somewhat more tolerant than most of jokes about religion.",
        "religion",
        -1,
        "hedge",
        False,
    ),
    Edit(
        "Political insults and attacks on politicians offend me a lot.",
        "politics",
        1,
        "plain",
        True,
    ),
    Edit("Heated political arguments are offensive to me.", "politics", 1, "plain", False),
    Edit("Political trash talk does not bother me.", "politics", -1, "negation", True),
    Edit(
        "I never take offense at comments about politicians or parties.",
        "politics",
        -1,
        "negation",
        False,
    ),
    Edit(
        "I might be a little less bothered than most by rude political comments.",
        "politics",
        -1,
        "hedge",
        False,
    ),
    Edit("Swearing and profanity are very offensive to me.", "profanity", 1, "plain", True),
    Edit("I can't stand foul language like the f-word.", "profanity", 1, "intensified", True),
    Edit(
        "Swearing and profanity do not bother me; I rate them as not offensive.",
        "profanity",
        -1,
        "negation",
        True,
    ),
    Edit("Curse words are just words to me, not offensive.", "profanity", -1, "plain", False),
    Edit(
        "I'm perhaps a bit more relaxed about swearing than others.",
        "profanity",
        -1,
        "hedge",
        False,
    ),
    Edit("Remarks about race and ethnicity offend me deeply.", "race", 1, "plain", True),
    Edit("Racial jokes are never acceptable to me.", "race", 1, "negation", True),
    Edit("Jokes about race don't offend me.", "race", -1, "negation", True),
    Edit(
        "I'm somewhat less sensitive than most to comments about ethnicity.",
        "race",
        -1,
        "hedge",
        False,
    ),
    Edit(
        "I tend to rate racial remarks as more offensive than other people do.",
        "race",
        1,
        "plain",
        False,
    ),
    Edit("Sexist remarks about women or men are very offensive to me.", "gender", 1, "plain", True),
    Edit("I can't stand jokes about gay or trans people.", "gender", 1, "intensified", True),
    Edit("Comments about gender and sexuality rarely bother me.", "gender", -1, "negation", False),
    Edit("Sexist jokes do not offend me at all.", "gender", -1, "negation", True),
    Edit(
        "I may be slightly more tolerant of gender jokes than most raters.",
        "gender",
        -1,
        "hedge",
        False,
    ),
)


_NEGATION_END = re.compile(r"\b(?:not|never|rarely|don't|doesn't|do|does|hardly)$", re.IGNORECASE)


def template_form(text: str) -> str | None:
    """The statement decoder's training template that ``text`` is an instance of, if any.

    A template matches when the edit is the template with some topic (and adjective) filled
    in; a topic ending in a negation ("trash talk does not" + "{T} bother me") is no match.
    The benchmark reports the share on edits of new forms separately.
    """
    from engines.profiles.phrasing import TEMPLATES

    for t in TEMPLATES:
        body = re.escape(t.text).replace(r"\{T\}", "(?P<T>.+)").replace(r"\{adj\}", r"\w+")
        m = re.fullmatch(body, text, re.IGNORECASE)
        if m and not ("T" in m.groupdict() and _NEGATION_END.search(m["T"].strip())):
            return t.text
    return None


def topic_masks(texts: pd.Series) -> dict[str, np.ndarray]:
    """Boolean mask of each topic's items (any keyword as a whole, case-insensitive word)."""
    lower = texts.astype(str).str.lower()
    return {
        topic: lower.str.contains(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b").to_numpy()
        for topic, words in TOPICS.items()
    }


def run(
    n_raters: int = 30, seed: int = 0, decoder: str = "embedding", read_edits: bool = True
) -> dict:
    """Run the edit-validity benchmark and return its JSON-ready result.

    ``decoder``: ``embedding`` (one vector per written profile, typed edits read by the edit
    reader: the app's default), ``statements`` (reads each statement; issue #10) or
    ``cross-encoder`` (+ the edit reader). ``read_edits=False``: no edit reader, the decoder
    reads the edited text as a whole (the app before issue #10).
    """
    from analysis.profiles import edit_shift, summarise_edit_checks
    from engines.data.load import load_dataset
    from engines.profiles import ProfileRunConfig, fit_app_decoder, prepare
    from engines.text import EmbeddingCache, embed_with, make_encoder

    ds = load_dataset(require(POPQUORN), name="popquorn_offensiveness")
    classes = np.asarray(ds.scale.classes, dtype=float)
    with tempfile.TemporaryDirectory() as cache_dir:
        prep = prepare(ds, embed_with(make_encoder(), EmbeddingCache(cache_dir)))
        fitted = fit_app_decoder(
            ds, prep, ProfileRunConfig(decoder_kind=decoder, read_edits=read_edits)
        )
        masks = topic_masks(fitted.items["text"])
        pool = sorted(r for r, text in fitted.profiles.items() if text.strip())
        rng = np.random.default_rng(seed)
        raters = sorted(rng.choice(pool, size=min(n_raters, len(pool)), replace=False))
        rows, latencies, new_ms = [], [], []
        for k, rater in enumerate(raters):
            profile = fitted.profiles[rater]
            before = fitted.predict_text(profile)
            for edit in EDITS:
                t0 = time.perf_counter()
                after = fitted.predict_text(f"{profile}\n- {edit.text}")
                # The first rater reads every sentence for the first time; later raters find
                # the sentence's reading kept (the page re-reads the same text on every rerun).
                (new_ms if k == 0 else latencies).append((time.perf_counter() - t0) * 1000)
                topic = None if edit.scope == "global" else masks[edit.scope]
                shift, inside = edit_shift(before, after, classes, topic)
                rows.append((rater, edit.text, edit.scope, edit.direction, edit.form,
                             edit.strong, shift, inside))  # fmt: skip
        families = None
        if fitted.reader is not None:
            from benchmarks.bench_edit_families import family_results, grounding, summarise_families

            held_out = family_results(fitted, raters, masks, classes)
            families = {**summarise_families(held_out, masks), "grounding": grounding(fitted, ds)}
    table = pd.DataFrame(
        rows,
        columns=["rater", "edit", "scope", "direction", "form", "strong", "shift", "topic_shift"],
    )
    summary = summarise_edit_checks(table)
    new_forms = table[[template_form(e) is None for e in table["edit"]]]
    return {
        "benchmark": "edits",
        "dataset": "popquorn_offensiveness",
        "decoder": decoder,
        "edit_reader": fitted.reader is not None,
        "n_raters": len(raters),
        "n_edits": len(EDITS),
        "topic_items": {t: int(m.sum()) for t, m in masks.items()},
        **{k: _rounded(v) for k, v in summary.items()},
        "n_edits_new_form": int(new_forms["edit"].nunique()),
        "right_way_new_forms": _rounded(
            float((np.sign(new_forms["shift"]) == new_forms["direction"]).mean())
        ),
        **(families or {}),
        "edit_ms_median": round(statistics.median(latencies), 1),
        "edit_ms_new_sentence_median": round(statistics.median(new_ms), 1),
        "fit_s": round(fitted.seconds, 2),
        "cpu_count": os.cpu_count(),
    }


def _rounded(value: object) -> object:
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return round(float(value), 3) if isinstance(value, float | np.floating) else value
