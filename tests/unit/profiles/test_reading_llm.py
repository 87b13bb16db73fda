"""Edits read by an LLM (stubbed): the prompt, the tolerant parser, the comparison."""

from __future__ import annotations

import dataclasses

import pytest

from analysis.profiles import compare_readings
from engines.profiles.reading import NO_BEARING
from engines.profiles.reading.llm import (
    LLMReadError,
    parse_llm_readings,
    read_with_llm,
    reading_prompt,
)

KEYS = {"religion": "topic:religion", "profanity": "topic:profanity"}


class Stub:
    """An LLM backend that records prompts and answers with a fixed reply."""

    def __init__(self, reply: str) -> None:
        self.reply, self.prompts = reply, []

    @property
    def id(self) -> str:
        return "stub"

    def complete(self, prompt: str, max_tokens: int = 300) -> str:
        self.prompts.append(prompt)
        return self.reply


REPLY = """Sure! ```json
[{"clause": "Religious jokes offend me", "about": "Religion", "direction": "more",
  "strength": "plain", "confidence": 0.9},
 {"clause": "swearing doesn't", "about": "profanity", "direction": "less", "strength": "plain"},
 {"clause": "I grew up on a farm", "about": "no bearing"},
 {"clause": "?", "about": "astrology", "direction": "more", "strength": "plain"}]
```"""


def test_reply_is_read_tolerantly_and_bad_entries_counted() -> None:
    got = parse_llm_readings(REPLY, KEYS)
    assert [(r.target, r.direction) for r in got.readings] == [
        ("topic:religion", 1), ("topic:profanity", -1), (NO_BEARING, 0)
    ]  # fmt: skip
    assert got.skipped == 1 and got.readings[0].confidence == 0.9


@pytest.mark.parametrize("reply", ["no json here", "[not json]", '[{"about": "astrology"}]'])
def test_unusable_replies_raise(reply: str) -> None:
    with pytest.raises(LLMReadError):
        parse_llm_readings(reply, KEYS)


def test_prompt_names_the_targets_and_the_edit(fitted_embedding) -> None:
    stub = Stub('[{"clause": "x", "about": "everything", "direction": "more", "strength": '
                '"strong"}]')  # fmt: skip
    got = read_with_llm(stub, fitted_embedding.reader, ["I'm touchy.", "Swearing is fine."])
    assert len(stub.prompts) == 2 and "Description: Swearing is fine." in stub.prompts[1]
    assert '"no bearing"' in stub.prompts[0] and '"everything"' in stub.prompts[0]
    assert [(r.target, r.direction, r.strength) for r in got.readings] == [
        ("global", 1, "strong")
    ] * 2  # fmt: skip
    assert "offensive" in reading_prompt("x", [])


def test_comparison_marks_where_the_readings_differ() -> None:
    llm = parse_llm_readings(REPLY, KEYS).readings
    offline = [llm[0], dataclasses.replace(llm[1], direction=1)]
    table = compare_readings(offline, llm)
    assert table["about"].tolist() == ["religion", "profanity"]
    assert table["agree"].tolist() == [True, False]
    assert table["llm"].tolist() == ["↑ plain", "↓ plain"]
