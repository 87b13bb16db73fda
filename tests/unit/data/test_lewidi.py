"""Tests for engines.data.lewidi: Le-Wi-Di JSON (2023 and 2025 editions) and lenient JSON.

The fixtures mirror the real files (``LeWiDi_3-2025/<DS>/<DS>_dev.json`` and
``<DS>_annotators_meta.json``; 2023 edition: comma-separated ``annotations``) in miniature.
"""

from __future__ import annotations

import json

import pytest

from engines.data.importers import read_upload
from engines.data.lewidi import lenient_json_loads, read_lewidi_json
from engines.data.mapping import infer_mapping
from engines.data.schema import DataValidationError
from engines.data.validation import build_dataset

# --------------------------------------------------------------------------- JSON


def test_lenient_json_loads_trailing_commas() -> None:
    assert lenient_json_loads('{"a": [1, 2,], "b": {"c": 1,},}') == {"a": [1, 2], "b": {"c": 1}}
    assert lenient_json_loads("[1, 2,\n]") == [1, 2]
    assert lenient_json_loads('{"ok": true}') == {"ok": True}


def test_lenient_json_loads_reports_real_errors() -> None:
    with pytest.raises(DataValidationError, match="Not valid JSON: .* at line 2"):
        lenient_json_loads('{"a": 1,\n "b" 2}')


LEWIDI_2025 = """{
    "108774": {
        "annotation task": "paraphrase detection",
        "text": {"Question1": "What is X?", "Question2": "Tell me about X."},
        "number of annotators": 2,
        "annotators": "Ann1,Ann2",
        "number of annotations": 2,
        "annotations": {"Ann1": "-4", "Ann2": "3"},
        "soft_label": {"-4": 0.5, "3": 0.5},
        "split": "dev",
        "lang": "en",
        "other_info": {"explanations": ["Q1 asks for a definition", " Both ask the same thing."]}
    },
    "211976": {
        "text": {"Question1": "Is Y good?", "Question2": "Is Y bad?"},
        "annotators": "Ann2,Ann3",
        "annotations": {"Ann2": "-5", "Ann3": "-5"},
        "split": "dev",
        "other_info": {"explanations": ["These are opposites.", "Opposite questions here"]}
    }
}"""

META_2025 = """{
\t"Ann1":{
\t\t"Gender":"Male",
\t\t"Age":"26",
\t},
\t"Ann2":{
\t\t"Gender":"Female",
\t\t"Age":"30",
\t},
\t"Ann3":{
\t\t"Gender":"Male",
\t\t"Age":"36",
\t}
}"""

LEWIDI_2023 = json.dumps(
    {
        "1": {
            "text": "Cheap pound means tourists #Brexit",
            "annotation task": "hate speech detection",
            "annotators": "Ann1,Ann2,Ann3",
            "annotations": "1,0,0",
            "hard_label": "0",
            "soft_label": {"0": 0.667, "1": 0.333},
            "split": "train",
            "other_info": {"annotator group": "target"},
        },
        "2": {
            "text": "Another tweet about the vote",
            "annotators": "Ann1,Ann2,Ann3",
            "annotations": "0,0,1",
            "split": "train",
        },
    }
)


def test_read_lewidi_2025_with_meta() -> None:
    df = read_lewidi_json(LEWIDI_2025, META_2025)
    assert list(df.columns) == [
        "item_id",
        "text",
        "annotator_id",
        "label",
        "split",
        "rationale",
        "ann_Gender",
        "ann_Age",
    ]
    assert len(df) == 4
    first = df.iloc[0]
    assert first.item_id == "108774" and first.annotator_id == "Ann1" and first.label == "-4"
    assert first.text == "Question1: What is X? || Question2: Tell me about X."
    assert df.rationale.tolist() == [
        "Q1 asks for a definition",
        " Both ask the same thing.",
        "These are opposites.",
        "Opposite questions here",
    ]
    assert df.ann_Gender.tolist() == ["Male", "Female", "Female", "Male"]
    assert df.ann_Age.tolist() == ["26", "30", "30", "36"]


def test_read_lewidi_2023_comma_separated_annotations() -> None:
    df = read_lewidi_json(LEWIDI_2023)
    assert df.shape == (6, 5)
    assert df.label.tolist() == ["1", "0", "0", "0", "0", "1"]
    assert df.annotator_id.tolist() == ["Ann1", "Ann2", "Ann3"] * 2
    assert set(df.split) == {"train"} and "rationale" not in df


def test_lewidi_flows_into_a_dataset_with_demographics() -> None:
    raw = read_upload(LEWIDI_2025.encode(), "Paraphrase_dev.json", meta=META_2025.encode())
    m = infer_mapping(raw)
    assert m.roles["rationale"] == "rationale"
    assert m.demographics == ("ann_Gender", "ann_Age")
    ds = build_dataset(raw, m)
    assert ds.scale.kind == "ordinal" and ds.scale.classes[0] == -5.0
    assert (ds.n_items, ds.n_annotators, ds.n_annotations) == (2, 3, 4)


def test_lewidi_varierrnli_annotator_listed_twice_gets_one_label_each() -> None:
    # Regression: as in VariErrNLI_dev.json item 49807, Ann2 gave two labels, stored as one
    # comma-separated string; each occurrence of Ann2 used to get the whole string.
    data = json.dumps(
        {
            "49807": {
                "text": {
                    "context": "The next year, he built a palace.",
                    "statement": "Built fast.",
                },
                "annotators": "Ann1,Ann2,Ann2,Ann3",
                "annotations": {
                    "Ann1": "neutral",
                    "Ann2": "entailment,neutral",
                    "Ann3": "contradiction",
                },
                "other_info": {"explanations": ["e1", "e2a", "e2b", "e3"]},
            }
        }
    )
    df = read_lewidi_json(data)
    assert df.annotator_id.tolist() == ["Ann1", "Ann2", "Ann2", "Ann3"]
    assert df.label.tolist() == ["neutral", "entailment", "neutral", "contradiction"]
    assert df.rationale.tolist() == ["e1", "e2a", "e2b", "e3"]
    assert df.text.iloc[0] == "context: The next year, he built a palace. || statement: Built fast."


def test_lewidi_nested_values_become_text_and_empty_files_fail() -> None:
    # Regression: list values reached pandas as unhashable cells (TypeError in the mapper).
    data = json.dumps(
        {
            "1": {"text": "t", "annotators": "Ann1,Ann2", "annotations": {"Ann1": [1], "Ann2": 0}},
            "2": {"text": "u", "annotators": "Ann1,Ann2", "annotations": "1,0"},
        }
    )
    meta = json.dumps({"Ann1": {"langs": ["en", "de"]}, "Ann2": {"langs": ["en"]}})
    df = read_lewidi_json(data, meta)
    assert df.label.tolist()[:2] == ["[1]", 0]
    assert df.ann_langs.tolist()[:2] == ['["en", "de"]', '["en"]']
    assert infer_mapping(df).demographics == ("ann_langs",)
    with pytest.raises(DataValidationError, match="lists no annotations"):
        read_lewidi_json('{"1": {"text": "t", "annotators": "", "annotations": {}}}', "{}")


def test_lewidi_multipico_numeric_meta_keys() -> None:
    data = json.dumps({"7": {"text": "t", "annotators": "Ann0,Ann1", "annotations": "1,0"}})
    meta = json.dumps({"0": {"gender": "F"}, "1": {"gender": "M"}})
    df = read_lewidi_json(data, meta)
    assert df.set_index("annotator_id")["ann_gender"].to_dict() == {"Ann0": "F", "Ann1": "M"}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("[]", "must be an object mapping item ids to records"),
        ("{}", "must be an object mapping item ids to records"),
        ('{"x": {"text": "t"}}', "Item 'x' has no 'annotators'/'annotations' fields."),
        (
            '{"x": {"text": "t", "annotators": "Ann1,Ann2", "annotations": "1"}}',
            "Item 'x' lists 2 annotators but 1 annotations.",
        ),
        (
            '{"x": {"annotators": "Ann1,Ann2", "annotations": "1,0"}}',
            "Item 'x' has no 'text' field",
        ),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
)
def test_read_lewidi_errors(data: str, message: str) -> None:
    with pytest.raises(DataValidationError) as exc:
        read_lewidi_json(data)
    assert message in str(exc.value)


def test_read_lewidi_bad_meta() -> None:
    data = '{"x": {"text": "t", "annotators": "Ann1", "annotations": "1"}}'
    with pytest.raises(DataValidationError, match="annotator meta JSON must map"):
        read_lewidi_json(data, "[1, 2]")


def test_lewidi_list_values_are_lists_not_their_string_form() -> None:
    """Issue #11.5: ``["A","B"]`` / ``[1,0]`` are two annotators with one label each."""
    data = json.dumps(
        {
            "1": {"text": "t", "annotators": ["Ann1", "Ann2"], "annotations": [1, 0]},
            "2": {"text": "u", "annotators": ["Ann1", "Ann 2"], "annotations": ["0", "1"]},
        }
    )
    df = read_lewidi_json(data)
    assert df.annotator_id.tolist() == ["Ann1", "Ann2", "Ann1", "Ann 2"]
    assert [str(v) for v in df.label] == ["1", "0", "0", "1"]
    ds = build_dataset(df)
    assert ds.n_annotations == 4 and ds.scale.kind == "binary"
