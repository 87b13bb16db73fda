"""The statement decoder's training language: templates, phrasings and statement splitting."""

from __future__ import annotations

import re

import numpy as np
import pytest

from benchmarks.bench_edits import EDITS, template_form
from engines.profiles.phrasing import (
    STRENGTHS,
    TEMPLATES,
    Phrasing,
    label_adjective,
    split_statements,
    topic_phrase,
)


def test_split_statements_strips_bullets_and_splits_sentences() -> None:
    text = "- Strict overall.\n\n* I love puns. Swearing is fine!\n2) Numbered (+1.1).\n  plain"
    assert split_statements(text) == [
        "Strict overall.",
        "I love puns.",
        "Swearing is fine!",
        "Numbered (+1.1).",
        "plain",
    ]
    assert split_statements("") == [] and split_statements("  \n - \n") == []


@pytest.mark.parametrize("adjective", ["offensive", None])
@pytest.mark.parametrize("harm", [True, False])
@pytest.mark.parametrize("direction", [1, -1])
@pytest.mark.parametrize("strength", list(STRENGTHS))
def test_every_direction_and_strength_has_topical_phrasings(
    adjective, harm, direction, strength
) -> None:
    pool = Phrasing(adjective, harm=harm).templates(direction, strength, topical=True)
    assert pool and all("{T}" in t.text for t in pool)
    assert harm or not any(t.harm for t in pool)
    assert adjective or not any("{adj}" in t.text for t in pool)


def test_without_an_adjective_no_template_needs_one() -> None:
    pool = [t for d in (1, -1) for t in Phrasing(None).templates(d, topical=False)]
    assert pool and not any("{adj}" in t.text for t in pool)
    text, _ = Phrasing(None).say("posts about cats", 1, np.random.default_rng(0))
    assert "{" not in text and "None" not in text


def test_both_directions_are_balanced_and_negation_appears_in_both() -> None:
    up = [t for t in TEMPLATES if t.direction == 1]
    down = [t for t in TEMPLATES if t.direction == -1]
    assert 0.7 < len(up) / len(down) < 1.4
    negated = re.compile(r"\b(not|n't|never|no|nothing|zero)\b")
    assert any(negated.search(t.text) for t in up) and any(negated.search(t.text) for t in down)


def test_say_is_seeded_and_fills_the_topic() -> None:
    ph = Phrasing("offensive")
    a = [ph.say("posts about cats", 1, np.random.default_rng(3)) for _ in range(2)]
    assert a[0] == a[1]
    text, strength = a[0]
    assert "posts about cats" in text.lower() and strength in STRENGTHS and text[0].isupper()
    phrase = topic_phrase(["god", "church"], np.random.default_rng(0))
    assert "god" in phrase


def test_only_two_benchmark_edits_share_a_training_form() -> None:
    """The edits benchmark measures generalisation: its sentences are not training templates.

    Two of its edits happen to have a template's form with another topic; the benchmark
    reports the share on the other edits separately. A template copied from the benchmark
    would add to this list (a topic ending in a negation is not a match).
    """
    shared = {e.text: template_form(e.text) for e in EDITS if template_form(e.text)}
    assert shared == {
        "I rarely find comments about religion offensive.": "I rarely find {T} {adj}.",
        "Heated political arguments are offensive to me.": "{T} are {adj} to me.",
    }
    assert template_form("Political trash talk does not bother me.") is None


def test_label_adjective_guesses_from_the_name() -> None:
    assert label_adjective("popquorn_offensiveness") == "offensive"
    assert label_adjective("Politeness ratings") == "polite"
    assert label_adjective("annotations.csv") is None
