"""Texts the encoder cannot read (issue #11.10): counted and named at load."""

from __future__ import annotations

import pandas as pd

from engines.data.textcheck import main_script
from engines.data.validation import build_dataset


def _corpus(texts: list[str]) -> pd.DataFrame:
    rows = [(f"i{i}", a, t, (i + k) % 3) for i, t in enumerate(texts) for k, a in enumerate("ab")]
    return pd.DataFrame(rows, columns=["item_id", "annotator_id", "text", "label"])


def test_main_script_by_hand() -> None:
    assert main_script("Ceci est un test") == "LATIN"
    assert main_script("यह एक परीक्षण है") == "DEVANAGARI"
    assert main_script("هذا اختبار mixed") == "ARABIC"
    assert main_script("12 34 !!") == ""


def test_a_mixed_script_corpus_is_announced_with_counts() -> None:
    texts = ["an english post here"] * 6 + ["هذا اختبار طويل"] * 3 + ["यह एक परीक्षण है"]
    ds = build_dataset(_corpus(texts))
    message = next(i.message for i in ds.issues if "non-Latin" in i.message)
    assert message.startswith("4 of 10 item texts (40%) are mostly in a non-Latin script")
    assert "Arabic 3, Devanagari 1" in message


def test_english_only_says_nothing_and_long_texts_are_counted() -> None:
    texts = ["a short english post"] * 5 + [" ".join(["word"] * 300)]
    ds = build_dataset(_corpus(texts))
    messages = [i.message for i in ds.issues]
    assert not any("non-Latin" in m for m in messages)
    assert any(m.startswith("1 of 6 item texts are longer than about 190 words") for m in messages)
