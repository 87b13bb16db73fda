"""Tests for engines.data.importers: decoding, size limits, CSV sniffing and the other layouts.

Le-Wi-Di JSON has its own module and tests (test_lewidi.py).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from engines.data.importers import (
    check_size,
    decode_bytes,
    detect_format,
    guess_wide_annotator_columns,
    melt_wide,
    read_crowdkit,
    read_csv_text,
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
    assert df["rating"].tolist() == ["3", "4"]  # cells as written; the cleaners parse labels
    assert df["text"].tolist() == ["hello world", "hello world"]


def test_read_csv_quoted_delimiters_and_stripped_headers() -> None:
    df = read_csv_text(' id , text \n1,"a, b; c"\n2,"d\ne"\n')
    assert list(df.columns) == ["id", "text"]
    assert df["text"].tolist() == ["a, b; c", "d\ne"]


def test_read_csv_trailing_delimiter_does_not_shift_columns() -> None:
    # Regression: pandas' default turned the surplus field into an index and shifted columns.
    df = read_csv_text("user,rating\na,1,\nb,2,\n")
    assert df.to_dict("list") == {"user": ["a", "b"], "rating": ["1", "2"]}


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
        ("a, a\n1,2\n", "f.csv has two columns named 'a'"),
    ],
)
def test_read_csv_errors(text: str, message: str) -> None:
    with pytest.raises(DataValidationError) as exc:
        read_csv_text(text, "f.csv")
    assert str(exc.value).startswith(message)


def test_read_csv_keeps_missing_values_missing() -> None:
    df = read_csv_text("a,b\n1,\n,x\n")
    assert np.isnan(df["a"].iloc[1]) and pd.isna(df["b"].iloc[0])


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
    assert read_path(p).to_dict("list") == {"user": ["a"], "text": ["hi there"], "rating": ["1"]}
    with pytest.raises(DataValidationError, match="t.tsv is"):
        read_path(p, max_bytes=5)


def test_two_columns_of_one_name_are_refused() -> None:
    """Issue #11.6: pandas would read the second ``label`` as ``label.1`` without a word."""
    with pytest.raises(DataValidationError, match=r"two columns named 'label' \(columns 3 and 5\)"):
        read_csv_text("item,user,label,text,label\n1,a,1,hi there,2\n", "f.csv")


def test_a_profile_csv_with_an_unquoted_comma_is_refused() -> None:
    """Issue #11.6: the extra field would otherwise shift a profile into another column."""
    from types import SimpleNamespace

    from ui.profiles import _supplied

    upload = SimpleNamespace(
        name="profiles.csv",
        getvalue=lambda: b"annotator_id,value_profile\na,I like puns, really\nb,Strict\n",
    )
    with pytest.raises(DataValidationError, match="more fields than its header"):
        _supplied(None, upload)  # type: ignore[arg-type]
    ok = SimpleNamespace(
        name="profiles.csv",
        getvalue=lambda: b'annotator_id,value_profile\n001,"I like puns, really"\nNA,Strict\n',
    )
    assert _supplied(None, ok) == {"001": "I like puns, really", "NA": "Strict"}  # type: ignore[arg-type]
