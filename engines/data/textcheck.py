"""Texts the bundled encoder cannot read well: non-Latin scripts and over-long texts.

The bundled sentence encoder (all-MiniLM-L6-v2) is English with a 256-word-piece limit: Arabic or
Devanagari text is split into single characters and long texts are cut. Neither fails loudly, so
validation counts them and says so (:func:`check_texts`).
"""

from __future__ import annotations

import unicodedata
from collections import Counter

import pandas as pd

from engines.data.issues import IssueCollector
from engines.data.schema import ITEM_ID, TEXT

__all__ = ["MAX_WORDS", "check_texts", "main_script"]

MAX_WORDS = 190
"""Whitespace words beyond which a text likely exceeds 256 word pieces (about 1.35 per word)."""


def main_script(text: str) -> str:
    """The script of most of the letters of ``text`` ("LATIN", "ARABIC", ...; "" if none).

    >>> main_script("Ceci est un test"), main_script("هذا اختبار"), main_script("123")
    ('LATIN', 'ARABIC', '')
    """
    text = str(text)
    if text.isascii():  # the common case, without a per-character lookup
        return "LATIN" if any(ch.isalpha() for ch in text) else ""
    letters = [ch for ch in text if ch.isalpha()][:300]
    scripts = Counter(unicodedata.name(ch, "UNKNOWN").split(" ")[0] for ch in letters)
    return scripts.most_common(1)[0][0] if scripts else ""


def check_texts(df: pd.DataFrame, col: IssueCollector) -> None:
    """Warn (with counts) about item texts in non-Latin scripts and over-long texts."""
    items = df.drop_duplicates(ITEM_ID)[TEXT].astype(str)
    if items.empty:
        return
    scripts = items.map(main_script)
    other = scripts[(scripts != "LATIN") & (scripts != "")]
    if len(other):
        shown = ", ".join(f"{s.title()} {n}" for s, n in other.value_counts().items())
        col.add(
            "warning",
            f"{len(other)} of {len(items)} item texts ({len(other) / len(items):.0%}) are mostly "
            f"in a non-Latin script ({shown}). The bundled encoder is English and splits them "
            "into characters, so models see little of their meaning: choose the hashing encoder "
            "or a multilingual sentence-transformers folder (Text encoder for the models, "
            "on the Data page; --encoder in the CLI) for such data.",
            len(other),
        )
    long = items.str.split().str.len() > MAX_WORDS
    if long.any():
        col.add(
            "warning",
            f"{int(long.sum())} of {len(items)} item texts are longer than about {MAX_WORDS} "
            "words: the encoder reads their first 256 word pieces only.",
            int(long.sum()),
        )
