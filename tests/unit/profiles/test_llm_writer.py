"""The value-profile encoder prompt (Figure A8) and the parsing of its completion."""

from __future__ import annotations

import pytest

from engines.profiles.llm_writer import (
    ENCODER_PROMPT,
    encoder_prompt,
    format_fit_ratings,
    parse_bullets,
)

TEXTS = ["You people are all idiots.", "What a lovely morning."]
LABELS = [4, 0]


def test_format_fit_ratings_layout() -> None:
    block = format_fit_ratings(["a  b\nc", "d"], [4.0, "2"], task="Is it toxic?")
    assert block == (
        'Task: Is it toxic?\nText: "a b c"\nRating: 4\n\n'
        'Task: Is it toxic?\nText: "d"\nRating: 2\n\n'
    )


def test_format_fit_ratings_default_task_truncation_and_missing_labels() -> None:
    long_text = "word " * 300
    block = format_fit_ratings([long_text, "skipped", "kept"], [1, float("nan"), 2.5])
    assert block.count("Task: Rate how offensive this text is.\n") == 2
    first_text = block.split('Text: "')[1].split('"\n')[0]
    assert len(first_text) == 500
    assert first_text.endswith("…")
    assert "skipped" not in block
    assert "Rating: 2.5" in block


def test_format_fit_ratings_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="2 texts but 1 labels"):
        format_fit_ratings(["a", "b"], [1])
    with pytest.raises(ValueError, match="No rated examples"):
        format_fit_ratings(["a"], [None])


def test_encoder_prompt_matches_figure_a8() -> None:
    prompt = encoder_prompt(TEXTS, LABELS, task="Rate toxicity.")
    assert prompt.startswith(
        "You will be given a response or set of responses from a rater. Given this, output a "
        "bulleted list of values or beliefs that the rater may have. It is okay to be "
        "speculative as long as you are exhaustive. They should be general beliefs that could "
        "apply to other situations as well, instead of hyper-specific to the particulars of "
        "this question.\n\nTask: Rate toxicity.\n"
    )
    assert prompt.endswith(
        'Text: "What a lovely morning."\nRating: 0\n\nRater values and beliefs:\n-'
    )
    assert "{ratings}" in ENCODER_PROMPT
    assert "{ratings}" not in prompt
    braces = encoder_prompt(["uses {curly} braces"], [1])
    assert 'Text: "uses {curly} braces"' in braces


def test_parse_bullets_handles_first_line_and_markers() -> None:
    completion = (
        " Believes in free speech\n"
        "- Values politeness\n"
        "* Dislikes **personal attacks**\n"
        "• Cares about fairness\n"
        "2. Trusts institutions\n"
        "10) Values politeness\n"
        "\n"
        "   -   \n"
        "- - - -\n"
        "Rater values and beliefs:\n"
        "- values POLITENESS\n"
    )
    assert parse_bullets(completion) == [
        "Believes in free speech",
        "Values politeness",
        "Dislikes personal attacks",
        "Cares about fairness",
        "Trusts institutions",
    ]


def test_parse_bullets_caps_at_twelve_and_keeps_numbers_in_text() -> None:
    completion = "\n".join(f"- Belief number {i}" for i in range(20))
    bullets = parse_bullets(completion)
    assert bullets == [f"Belief number {i}" for i in range(12)]
    assert parse_bullets("3.5 stars is generous") == ["3.5 stars is generous"]
    assert parse_bullets("") == []
