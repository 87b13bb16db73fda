"""The offline profile writer: c-TF-IDF keywords, item themes and the planted direction."""

from __future__ import annotations

import numpy as np
import pandas as pd

from engines.profiles.themes import ctfidf_keywords
from engines.profiles.writer import write_profiles


def test_ctfidf_keywords_pick_class_specific_terms() -> None:
    docs = ["apple banana apple fruit", "engine wheel engine car", "apple engine"]
    kw = ctfidf_keywords(docs, 2)
    assert kw[0][0] in {"banana", "fruit", "apple"} and "engine" not in kw[0]
    assert kw[1][0] in {"wheel", "car", "engine"} and "apple" not in kw[1]


def test_writer_states_the_planted_direction(toy_ds, prep) -> None:
    profiles = write_profiles(toy_ds.df, toy_ds.df, prep.themes, toy_ds.scale)
    strict = [profiles[f"r{k:02d}"] for k in range(0, 40, 2)]
    lenient = [profiles[f"r{k:02d}"] for k in range(1, 40, 2)]
    assert np.mean([" higher than most raters" in p for p in strict]) > 0.8
    assert np.mean([" lower than most raters" in p for p in lenient]) > 0.8
    assert not any("church" in p and "higher than most raters" in p for p in lenient)


def test_theme_statements_name_the_theme_and_the_adjective(toy_ds, prep) -> None:
    from dataclasses import replace

    from engines.profiles.writer import WriterConfig, write_statements

    cfg = replace(WriterConfig(), label_adjective="offensive")
    stmts = write_statements(toy_ds.df, toy_ds.df, prep.themes, toy_ds.scale, cfg, 4)
    first = stmts["r00"][0]
    assert first[0].startswith("Sensitive to posts about "), first[0]
    assert ": rates them as more offensive than most" in first[0]
    assert first[0].endswith(")."), first[0]  # the deviation in rating points
    assert len(first) == 4 and len(set(first)) == 4  # three paraphrases of the same fact
    assert all("church" in v or "faith" in v or "prayer" in v for v in first)
    again = write_statements(toy_ds.df, toy_ds.df, prep.themes, toy_ds.scale, cfg, 4)
    assert again == stmts


def test_themes_separate_topics(prep) -> None:
    frame = prep.themes.frame()
    topic = frame.item_id.str[1:].astype(int) % 2
    assert pd.crosstab(frame.theme, topic).gt(0).sum(axis=1).eq(1).all()


def test_theme_names_skip_conversational_filler() -> None:
    from engines.profiles.themes import ctfidf_keywords

    docs = [
        "like just like just don god church prayer like just",
        "like just like just don trump vote election like just",
    ]
    names = ctfidf_keywords(docs, n_keywords=2)
    assert all(not {"like", "just", "don"} & set(words) for words in names)
    assert set(names[0]) <= {"god", "church", "prayer"}
    assert set(names[1]) <= {"trump", "vote", "election"}
