"""Issue #11.10: theme names use the corpus's language (English stop words only for English)."""

from __future__ import annotations

import numpy as np

from engines.profiles.themes import (
    FILLER_WORDS,
    ctfidf_keywords,
    find_themes,
    stop_words_for,
    words,
)

ENGLISH = [
    "the government has said nothing about the crisis at the border",
    "I think this is nonsense and I will never accept it",
    "they should be ashamed of what they did to the families",
    "what a lovely day for a walk in the park with the dog",
    "this is the best pizza I have had in a long time",
]
SPANISH = [
    "el gobierno no ha dicho nada sobre la crisis de los refugiados en la frontera",
    "me parece que esto es una tontería y no lo voy a aceptar nunca",
    "la policía detuvo a los manifestantes en la plaza de la ciudad",
    "el partido de fútbol fue increíble y la afición no paró de cantar",
    "la receta de la paella lleva arroz azafrán y mariscos del puerto",
    "los precios de la vivienda en la ciudad no dejan de subir",
]


def test_words_are_read_in_any_script() -> None:
    assert words("Don't stop, CAFÉ!") == ["don", "stop", "café"]
    assert words("هذا منشور عن الدين") == ["هذا", "منشور", "عن", "الدين"]
    # Devanagari vowel signs are not word characters to re; the word stays whole.
    assert words("यह धर्म के बारे में है") == ["यह", "धर्म", "के", "बारे", "में", "है"]


def test_english_text_gets_the_english_stop_list() -> None:
    stop = stop_words_for(ENGLISH)
    assert {"the", "and", "is"} <= stop and FILLER_WORDS <= stop


def test_other_languages_get_no_english_list_only_their_own_common_words() -> None:
    stop = stop_words_for(SPANISH)
    assert "the" not in stop and "like" not in stop
    assert {"la", "de"} <= stop  # in more than half of the texts
    assert "paella" not in stop and "gobierno" not in stop
    # Under 50 words there is too little to tell: the bundled English list applies.
    assert "the" in stop_words_for(SPANISH[:3])


def test_themes_of_arabic_posts_are_named_by_arabic_words() -> None:
    religion = [f"منشور عن الدين والصلاة رقم {i}" for i in range(6)]
    football = [f"منشور عن كرة القدم والملعب رقم {i}" for i in range(6)]
    weather = [f"منشور عن الطقس والمطر رقم {i}" for i in range(6)]
    texts = religion + football + weather
    emb = np.repeat(np.eye(3), 6, axis=0) + np.linspace(0, 0.01, 18)[:, None]
    themes = find_themes([f"i{i}" for i in range(18)], texts, emb, n_themes=3, n_keywords=2)
    names = [themes.name(int(themes.labels[k])) for k in (0, 6, 12)]
    assert len(set(names)) == 3 and all("theme" not in n for n in names)
    assert set(names[0].split(", ")) == {"الدين", "والصلاة"}
    assert not any("منشور" in n for n in names)  # in every text: a stop word of this corpus


def test_english_keywords_still_skip_stop_words_and_filler() -> None:
    docs = ["the the like just religion faith pray church", "the like football goal match"]
    kw = ctfidf_keywords(docs, 2)
    assert all(w not in {"the", "like", "just"} for ks in kw for w in ks)
