"""Tests for engines.data.importers: decoding, size limits, CSV sniffing and the other layouts.

The Le-Wi-Di fixtures mirror the real files (``LeWiDi_3-2025/<DS>/<DS>_dev.json`` and
``<DS>_annotators_meta.json``; 2023 edition: comma-separated ``annotations``) in miniature.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from engines.data.importers import (
    check_size,
    decode_bytes,
    detect_format,
    guess_wide_annotator_columns,
    lenient_json_loads,
    melt_wide,
    read_crowdkit,
    read_csv_text,
    read_lewidi_json,
    read_path,
    read_upload,
)
from engines.data.mapping import infer_mapping
from engines.data.schema import DataValidationError
from engines.data.validation import build_dataset

# --------------------------------------------------------------------------- decoding and size


def test_decode_utf8_and_bom() -> None:
    assert decode_bytes("naïve,ü\n".encode()) == "naïve,ü\n"
    assert decode_bytes(b"\xef\xbb\xbfa,b\n") == "a,b\n"  # BOM stripped


def test_decode_latin1_fails_clearly_unless_encoding_given() -> None:
    data = "id,text\n1,café\n".encode("latin-1")
    with pytest.raises(DataValidationError) as exc:
        decode_bytes(data, "ratings.csv")
    msg = str(exc.value)
    assert msg.startswith("ratings.csv is not valid utf-8 text (byte 0xe9 at position 13).")
    assert "latin-1" in msg
    assert decode_bytes(data, "ratings.csv", encoding="latin-1") == "id,text\n1,café\n"
    assert decode_bytes(data, "ratings.csv", encoding="cp1252") == "id,text\n1,café\n"


def test_decode_unknown_encoding() -> None:
    with pytest.raises(DataValidationError, match="Unknown text encoding 'klingon'"):
        decode_bytes(b"a", encoding="klingon")


def test_check_size() -> None:
    check_size(10, max_bytes=10)  # at the limit is fine
    with pytest.raises(DataValidationError) as exc:
        check_size(3 * 2**20, max_bytes=2 * 2**20, filename="big.csv")
    assert str(exc.value).startswith("big.csv is 3.0 MB, over the 2 MB limit.")
    with pytest.raises(DataValidationError, match="empty.csv is empty"):
        check_size(0, filename="empty.csv")


# --------------------------------------------------------------------------- CSV parsing


@pytest.mark.parametrize("sep", [",", ";", "\t", "|"])
def test_read_csv_sniffs_delimiter(sep: str) -> None:
    text = sep.join(["item", "user", "text", "rating"]) + "\n"
    text += sep.join(["1", "a", "hello world", "3"]) + "\n"
    text += sep.join(["1", "b", "hello world", "4"]) + "\n"
    df = read_csv_text(text, "f.csv")
    assert list(df.columns) == ["item", "user", "text", "rating"]
    assert df["rating"].tolist() == [3, 4]
    assert df["text"].tolist() == ["hello world", "hello world"]


def test_read_csv_quoted_delimiters_and_stripped_headers() -> None:
    df = read_csv_text(' id , text \n1,"a, b; c"\n2,"d\ne"\n')
    assert list(df.columns) == ["id", "text"]
    assert df["text"].tolist() == ["a, b; c", "d\ne"]


def test_read_csv_trailing_delimiter_does_not_shift_columns() -> None:
    # Regression: pandas' default turned the surplus field into an index and shifted columns.
    df = read_csv_text("user,rating\na,1,\nb,2,\n")
    assert df.to_dict("list") == {"user": ["a", "b"], "rating": [1, 2]}


def test_read_csv_surplus_fields_are_an_error_not_a_silent_loss() -> None:
    with pytest.raises(DataValidationError, match="more fields than its header"):
        read_csv_text("user,rating\na,1,EXTRA,MORE\n", "f.csv")
    with pytest.raises(DataValidationError, match="not a well-formed CSV"):
        read_csv_text("user,rating\na,1\nb,2,3,4\n", "f.csv")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "f.csv is empty."),
        ("  \n\n", "f.csv is empty."),
        ("a,b\n", "f.csv has a header but no data rows."),
        ('a,b\n"1,2\n', "f.csv is not a well-formed CSV: "),
        ("a, a\n1,2\n", "f.csv has duplicated column names."),
    ],
)
def test_read_csv_errors(text: str, message: str) -> None:
    with pytest.raises(DataValidationError) as exc:
        read_csv_text(text, "f.csv")
    assert str(exc.value).startswith(message)


def test_read_csv_keeps_missing_values_missing() -> None:
    df = read_csv_text("a,b\n1,\n,x\n")
    assert np.isnan(df["a"].iloc[1]) and pd.isna(df["b"].iloc[0])


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


# --------------------------------------------------------------------------- other layouts


def test_read_crowdkit() -> None:
    df = pd.DataFrame(
        {"task": ["t1", "t1", "t2"], "worker": ["w1", "w2", "w1"], "label": [1, 0, 1]}
    )
    out = read_crowdkit(df)
    assert out.to_dict("list") == {
        "item_id": ["t1", "t1", "t2"],
        "annotator_id": ["w1", "w2", "w1"],
        "label": [1, 0, 1],
        "text": ["t1", "t1", "t2"],
    }
    ds = build_dataset(out)
    assert (ds.n_items, ds.n_annotators) == (2, 2)
    with_text = read_crowdkit(df.assign(text=["a", "a", "b"]))
    assert with_text["text"].tolist() == ["a", "a", "b"]
    with pytest.raises(DataValidationError, match=r"missing: \['worker'\]"):
        read_crowdkit(df.drop(columns="worker"))


def test_guess_wide_annotator_columns() -> None:
    cols = ["id", "text", "ann1", "Ann_2", "rater-3", "Worker 4", "a5", "ann_gender", "annotation"]
    df = pd.DataFrame(columns=cols)
    assert guess_wide_annotator_columns(df) == ["ann1", "Ann_2", "rater-3", "Worker 4", "a5"]


def test_melt_wide_skips_empty_cells() -> None:
    df = pd.DataFrame(
        {
            "id": [10, 11],
            "text": ["first", "second"],
            "ann1": [1, np.nan],
            "ann2": [0, 1],
            "notes": ["x", "y"],
        }
    )
    long = melt_wide(df, ["ann1", "ann2"], "id", "text")
    assert long.to_dict("list") == {
        "item_id": ["10", "10", "11"],
        "text": ["first", "first", "second"],
        "annotator_id": ["ann1", "ann2", "ann2"],
        "label": [1.0, 0.0, 1.0],
    }
    by_row = melt_wide(df, ["ann1", "ann2"], None, "text")
    assert sorted(set(by_row.item_id)) == ["row1", "row2"]


def test_melt_wide_errors() -> None:
    df = pd.DataFrame({"text": ["a"], "ann1": [1]})
    with pytest.raises(DataValidationError, match="at least two annotator columns"):
        melt_wide(df, [], None, "text")
    with pytest.raises(DataValidationError, match=r"not in the file: \['ann9'\]"):
        melt_wide(df, ["ann1", "ann9"], None, "text")


def test_detect_format() -> None:
    assert detect_format("X_dev.JSON") == "lewidi_json"
    crowd = pd.DataFrame(columns=["Task", "Worker", "Label"])
    assert detect_format("c.csv", crowd) == "crowdkit"
    wide = pd.DataFrame(columns=["text", "rater_1", "rater_2"])
    assert detect_format("w.csv", wide) == "wide"
    one = pd.DataFrame(columns=["text", "rater_1", "label"])
    assert detect_format("w.csv", one) == "long"
    assert detect_format("l.csv") == "long"


# --------------------------------------------------------------------------- end to end


def test_read_upload_csv_end_to_end() -> None:
    text = "instance_id;user_id;text;offensiveness;gender\n"
    for item in range(3):
        for user, gender in ((0, "Man"), (1, "Woman"), (2, "Woman")):
            text += f"{item};{user};comment {item} text;{(item + user) % 5 + 1}.0;{gender}\n"
    data = b"\xef\xbb\xbf" + text.encode()
    raw = read_upload(data, "pop.csv")
    assert list(raw.columns) == ["instance_id", "user_id", "text", "offensiveness", "gender"]
    ds = build_dataset(raw, infer_mapping(raw), name="pop.csv")
    assert (ds.n_items, ds.n_annotators, ds.n_annotations) == (3, 3, 9)
    assert ds.demographics == ("gender",)
    assert ds.scale.classes == (1.0, 2.0, 3.0, 4.0, 5.0)


def test_read_upload_errors_and_encoding() -> None:
    latin = "user,text,rating\na,café crème,1\nb,café crème,2\n".encode("latin-1")
    with pytest.raises(DataValidationError, match="not valid utf-8"):
        read_upload(latin, "x.csv")
    assert read_upload(latin, "x.csv", encoding="latin-1")["text"].tolist() == ["café crème"] * 2
    with pytest.raises(DataValidationError, match="over the 0 MB limit"):
        read_upload(b"a,b\n1,2\n", "x.csv", max_bytes=4)
    with pytest.raises(DataValidationError, match="x.csv is empty"):
        read_upload(b"", "x.csv")


def test_read_path(tmp_path) -> None:
    p = tmp_path / "t.tsv"
    p.write_text("user\ttext\trating\na\thi there\t1\n", encoding="utf-8")
    assert read_path(p).to_dict("list") == {"user": ["a"], "text": ["hi there"], "rating": [1]}
    with pytest.raises(DataValidationError, match="t.tsv is"):
        read_path(p, max_bytes=5)
