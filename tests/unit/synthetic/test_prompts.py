"""The seed's persona prompts, the [Explanation]:::[Rating] parser and the LLM generator."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pytest

from engines.synthetic.llm import generate_with_llm
from engines.synthetic.prompts import build_prompt, parse_reply, persona_text

SCALE = [1.0, 2.0, 3.0, 4.0, 5.0]


@pytest.mark.parametrize(
    ("reply", "rating", "problem"),
    [
        ('"As a parent I find this rude.":::[4]', 4.0, ""),
        ("Fine by me.:::3", 3.0, ""),
        ("**Explanation**: harsh :::  **[5]**.", 5.0, ""),
        ("first:::[2] then:::[4]", 4.0, ""),  # the last separator counts
        ("Rude to my group. [2]", 2.0, "no separator"),
        ("I would say it is rude", None, "no separator"),
        ("Too rude.:::[9]", None, "off the scale"),
        ("Too rude.:::[very]", None, "no rating"),
        ("   ", None, "empty"),
    ],
)
def test_parse_reply_reads_or_names_the_problem(reply, rating, problem) -> None:
    got = parse_reply(reply, SCALE)
    assert (got.rating, got.problem) == (rating, problem)


def test_nominal_labels_are_read_by_name() -> None:
    assert parse_reply("Clearly.:::[Offensive]", ["not offensive", "offensive"]).rating == (
        "offensive"
    )


def test_prompts_follow_the_seed_and_fall_back_to_the_scale() -> None:
    text = build_prompt("offensiveness", "age: 30-44", "You idiot.", SCALE)
    assert "from the perspective of this annotator: age: 30-44." in text
    assert "- 5: Extremely offensive" in text and "[Explanation]:::[Rating]" in text
    assert text.rstrip().endswith("Text: You idiot.")
    other = build_prompt("hate speech", "gender: woman", "x", [0, 1])
    assert "rate texts for hate speech" in other and "labels: 0, 1" in other


def test_strong_personas_name_everyone_weak_ones_one_group() -> None:
    p = {"gender": "woman", "age": "(missing)", "race": "Black"}
    assert persona_text(p, ["gender", "age", "race"], "strong") == "gender: woman, race: Black"
    assert persona_text(p, ["gender", "age", "race"], "weak", "race") == (
        "annotators whose race is Black"
    )


@dataclass
class _Fake:
    """Replies by temperature: well formed at 0, malformed otherwise."""

    temperature: float = 0.0
    prompts: list | None = None

    @property
    def id(self) -> str:
        return "fake"

    def complete(self, prompt: str, max_tokens: int = 300) -> str:
        return "Rude.:::[4]" if self.temperature == 0 else "no idea"


def test_generation_sweeps_temperatures_and_keeps_unreadable_rows() -> None:
    plan = pd.DataFrame({"item_id": ["i1", "i2"], "persona_id": ["p1", "p2"],
                         "annotator_id": ["syn:p1", "syn:p2"],
                         "gender": ["man", "woman"]})  # fmt: skip
    out = generate_with_llm(_Fake(), plan, {"i1": "a", "i2": "b"}, "offensiveness", SCALE,
                            ["gender"], temperatures=[0.0, 0.8])  # fmt: skip
    assert len(out) == 4 and out["temperature"].tolist() == [0.0, 0.0, 0.8, 0.8]
    assert out["label"].tolist()[:2] == [4.0, 4.0] and out["label"].iloc[2:].isna().all()
    assert out["problem"].tolist()[2:] == ["no separator", "no separator"]
    from engines.synthetic import by_temperature

    sets = by_temperature(out, "LLM 1x")
    assert list(sets) == ["LLM 1x T=0", "LLM 1x T=0.8"] and len(sets["LLM 1x T=0.8"]) == 2
    assert list(by_temperature(out[out.temperature == 0], "LLM 1x")) == ["LLM 1x"]
