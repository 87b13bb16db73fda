"""The value-profile encoder prompt and its parsing: an LLM writes a rater's profile.

Builds the value-profiles paper's encoder prompt (Figure A8) from a rater's fit ratings,
sends it to an :class:`~engines.text.llm.LLMBackend` and parses the bulleted completion into a
profile. The backends themselves (HTTP, local transformers) live in :mod:`engines.text.llm`.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Sequence

from engines.text.llm import LLMBackend, LLMError

__all__ = [
    "DEFAULT_TASK",
    "ENCODER_PROMPT",
    "MAX_BULLETS",
    "MAX_TEXT_CHARS",
    "encoder_prompt",
    "format_fit_ratings",
    "parse_bullets",
    "write_profile_llm",
]

DEFAULT_TASK = "Rate how offensive this text is."
MAX_TEXT_CHARS = 500
MAX_BULLETS = 12

ENCODER_PROMPT = (
    "You will be given a response or set of responses from a rater. Given this, output a "
    "bulleted list of values or beliefs that the rater may have. It is okay to be speculative "
    "as long as you are exhaustive. They should be general beliefs that could apply to other "
    "situations as well, instead of hyper-specific to the particulars of this question.\n\n"
    "{ratings}\n\n"
    "Rater values and beliefs:\n-"
)
"""Encoder prompt of the value-profiles paper (Figure A8); ``{ratings}`` is the ratings block."""


def _format_label(label: object) -> str | None:
    """Render a rating (``4.0`` -> ``4``); ``None`` for missing values."""
    if label is None:
        return None
    if isinstance(label, bool):
        return str(label)
    if isinstance(label, numbers.Integral):
        return str(int(label))
    if isinstance(label, numbers.Real):
        value = float(label)
        if math.isnan(value):
            return None
        return str(int(value)) if value.is_integer() else f"{value:g}"
    text = str(label).strip()
    return text or None


def format_fit_ratings(
    texts: Sequence[str], labels: Sequence[object], task: str = DEFAULT_TASK
) -> str:
    r"""Format a rater's ratings as the prompt's ratings block.

    Each example becomes ``Task: ...\nText: "..."\nRating: 4\n\n``. Whitespace in texts is
    collapsed, texts are cut to 500 characters, and examples with a missing label (``None``
    or NaN) are skipped.

    Args:
        texts: Rated texts.
        labels: The rater's label for each text.
        task: The instruction the rater was given.

    Returns:
        The ratings block.

    Raises:
        ValueError: If lengths differ or no example has a label.
    """
    if len(texts) != len(labels):
        raise ValueError(f"Got {len(texts)} texts but {len(labels)} labels.")
    task = " ".join(str(task).split())
    blocks = []
    for text, label in zip(texts, labels):
        rating = _format_label(label)
        if rating is None:
            continue
        flat = " ".join(str(text).split())
        if len(flat) > MAX_TEXT_CHARS:
            flat = flat[: MAX_TEXT_CHARS - 1].rstrip() + "…"
        blocks.append(f'Task: {task}\nText: "{flat}"\nRating: {rating}\n\n')
    if not blocks:
        raise ValueError("No rated examples to describe (every label is missing).")
    return "".join(blocks)


def encoder_prompt(texts: Sequence[str], labels: Sequence[object], task: str = DEFAULT_TASK) -> str:
    r"""Build the Figure A8 encoder prompt for one rater.

    Args:
        texts: Rated texts.
        labels: The rater's label for each text.
        task: The instruction the rater was given.

    Returns:
        The prompt, ending with ``"Rater values and beliefs:\n-"``.
    """
    ratings = format_fit_ratings(texts, labels, task).rstrip("\n")
    return ENCODER_PROMPT.format(ratings=ratings)


_BULLET = re.compile(r"^\s*(?:(?:[-*•‣▪●◦–—+]+\s*)+|\d{1,3}[.)]\s+)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def parse_bullets(completion: str) -> list[str]:
    """Parse the completion of ``ENCODER_PROMPT`` into at most 12 value statements.

    The prompt ends with ``-``, so the first line is a bullet without its dash. ``-``, ``*``,
    ``•`` and ``1.`` bullets are accepted and ``**bold**`` is unwrapped; unbulleted header
    lines ending in ``:`` are dropped, as are empty items and case-insensitive duplicates
    (first occurrence kept).

    Args:
        completion: Raw completion text.

    Returns:
        The bullet texts, in order.
    """
    items: list[str] = []
    seen: set[str] = set()
    for line in completion.splitlines():
        unbolded = _BOLD.sub(r"\1", line)
        item = _BULLET.sub("", unbolded, count=1).strip()
        is_header = item == unbolded.strip() and item.endswith(":")
        if not item or is_header:
            continue
        key = " ".join(item.casefold().split())
        if key in seen:
            continue
        seen.add(key)
        items.append(item)
        if len(items) == MAX_BULLETS:
            break
    return items


def write_profile_llm(
    backend: LLMBackend,
    texts: Sequence[str],
    labels: Sequence[object],
    task: str = DEFAULT_TASK,
    max_tokens: int = 300,
) -> str:
    r"""Write a rater's value profile with an LLM.

    Args:
        backend: The LLM backend.
        texts: Texts the rater labelled.
        labels: The rater's labels.
        task: The instruction the rater was given.
        max_tokens: Maximum tokens to generate.

    Returns:
        The profile as ``"- a\n- b"`` bullets.

    Raises:
        LLMError: If the backend fails or no bullet can be parsed from its completion.
    """
    completion = backend.complete(encoder_prompt(texts, labels, task), max_tokens=max_tokens)
    bullets = parse_bullets(completion)
    if not bullets:
        raise LLMError(
            f"Could not parse any bullet points from the completion of {backend.id}: "
            f"{completion[:200]!r}."
        )
    return "\n".join(f"- {b}" for b in bullets)
