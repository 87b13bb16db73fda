"""Edits read by an LLM into the offline reader's form, to compare with it (opt-in).

The prompt lists what an edit can be about (the dataset's topics and themes, "everything",
"no bearing") and asks for one JSON object per clause::

    [{"clause": "...", "about": "religion", "direction": "more", "strength": "strong",
      "confidence": 0.9}]

The reply is read tolerantly (the first JSON array in it; code fences and prose around it are
ignored); an entry with an unknown target or direction is skipped and counted, and a reply
with no usable entry raises :class:`LLMReadError`. Nothing is sent unless a caller passes a
backend, which the page does only when the researcher chooses the operator's endpoint.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from engines.profiles.reading.reader import NO_BEARING, EditReader, Reading
from engines.text.llm import LLMBackend

__all__ = ["LLMReadError", "LLMReading", "parse_llm_readings", "read_with_llm", "reading_prompt"]

_NONE = "no bearing"
_EVERYTHING = "everything"


class LLMReadError(ValueError):
    """The LLM's reply held no usable reading."""


@dataclass(frozen=True)
class LLMReading:
    """The LLM's readings of one edit, and how many of its entries were unusable."""

    readings: list[Reading]
    skipped: int


def reading_prompt(edit: str, about: Sequence[str], construct: str = "offensive") -> str:
    """The prompt asking an LLM to read ``edit`` into clauses (``about``: target names)."""
    targets = ", ".join(f'"{a}"' for a in [_EVERYTHING, *about, _NONE])
    return (
        "A researcher describes how one annotator rates online comments for how "
        f"{construct} they are. Split the description into clauses and read each one.\n"
        f'For each clause give: "about": one of {targets} ("no bearing" when the clause '
        "says nothing about how the annotator rates comments, e.g. a hobby or a life event); "
        f'"direction": "more" if the annotator rates it as more {construct} than most '
        f'raters, "less" if less; "strength": "slight", "plain" or "strong"; '
        '"confidence": 0 to 1.\n'
        'Answer with a JSON array only, one object per clause with the keys "clause", '
        '"about", "direction", "strength", "confidence".\n\n'
        f"Description: {edit}"
    )


def parse_llm_readings(reply: str, key_of: dict[str, str]) -> LLMReading:
    """Readings from an LLM's reply (``key_of``: target name -> target key).

    Raises:
        LLMReadError: no JSON array, or no entry that could be read.
    """
    match = re.search(r"\[.*\]", str(reply), re.S)
    if match is None:
        raise LLMReadError("the reply holds no JSON array")
    try:
        entries = json.loads(match.group(0))
    except json.JSONDecodeError as exc:
        raise LLMReadError(f"the reply's JSON could not be read ({exc.msg})") from exc
    names = {k.lower(): (k, v) for k, v in {**key_of, _EVERYTHING: "global"}.items()}
    out, skipped = [], 0
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            skipped += 1
            continue
        about = str(entry.get("about", "")).strip().lower()
        clause = str(entry.get("clause", "")).strip()
        strength = str(entry.get("strength", "plain")).strip().lower()
        way = {"more": 1, "less": -1}.get(str(entry.get("direction", "")).strip().lower())
        try:
            confidence = min(max(float(entry.get("confidence", 1.0)), 0.0), 1.0)
        except (TypeError, ValueError):
            confidence = 1.0
        if about == _NONE:
            out.append(Reading(clause, NO_BEARING, _NONE, 0, "plain", confidence, "LLM"))
        elif about in names and way is not None and strength in ("slight", "plain", "strong"):
            label, key = names[about]
            out.append(Reading(clause, key, label, way, strength, confidence, "LLM"))
        else:
            skipped += 1
    if not out:
        raise LLMReadError(f"none of the reply's {skipped} entries could be read")
    return LLMReading(out, skipped)


def read_with_llm(
    backend: LLMBackend, reader: EditReader, edits: Sequence[str], construct: str = "offensive"
) -> LLMReading:
    """Every edit read by the LLM (one request per edit), in the reader's target names."""
    key_of = {t.label: t.key for t in reader.targets.choices() if t.key != "global"}
    readings, skipped = [], 0
    for edit in edits:
        got = parse_llm_readings(backend.complete(reading_prompt(edit, list(key_of), construct),
                                                  max_tokens=400), key_of)  # fmt: skip
        readings += got.readings
        skipped += got.skipped
    return LLMReading(readings, skipped)
