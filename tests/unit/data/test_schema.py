"""Tests for engines.data.schema: item ids from text, the dataset fingerprint, scales."""

from __future__ import annotations

import json
import re

import pandas as pd

from engines.data.schema import LabelScale, dataset_fingerprint, scale_from_json, text_hash_ids
from engines.data.validation import build_dataset

# --------------------------------------------------------------------------- item ids


def test_text_hash_ids_when_item_id_absent() -> None:
    raw = pd.DataFrame(
        {"user_id": ["a", "b", "a"], "text": ["hello", " hello ", "bye now"], "rating": [0, 1, 1]}
    )
    ds = build_dataset(raw)
    # sha1("hello") = aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d; text is stripped first.
    assert ds.df.item_id.tolist()[:2] == ["taaf4c61ddcc5", "taaf4c61ddcc5"]
    assert ds.n_items == 2
    assert any("hash of their text" in i.message for i in ds.issues)


def test_text_hash_ids_helper() -> None:
    ids = text_hash_ids(pd.Series(["hello", "hello", "world", None]))
    assert ids[0] == ids[1] == "taaf4c61ddcc5"
    assert ids[2] != ids[0] and len(ids[2]) == 13
    assert re.fullmatch(r"t[0-9a-f]{12}", ids[3])  # a missing value does not crash


# --------------------------------------------------------------------------- fingerprint


def test_fingerprint_is_a_content_hash(good: pd.DataFrame) -> None:
    """Documented: a content hash of the table, the scale and the demographic list.

    Row order is part of the content (generated splits follow the order items appear in), and
    nothing promises an order-independent hash, so that is asserted neither way.
    """
    fp = build_dataset(good).fingerprint()
    assert re.fullmatch(r"[0-9a-f]{16}", fp)
    assert build_dataset(good.copy()).fingerprint() == fp  # same content, same key
    changed = good.copy()
    changed.loc[0, "rating"] = 5
    assert build_dataset(changed).fingerprint() != fp
    ds = build_dataset(good)
    wider = LabelScale("ordinal", tuple(float(v) for v in range(1, 8)))
    assert dataset_fingerprint(ds.df, wider, ds.demographics) != fp
    assert dataset_fingerprint(ds.df, ds.scale, ()) != fp
    # Kept per table object (asked for several times per page rerun), never stale:
    kept = build_dataset(good)
    assert kept.fingerprint() == fp and kept._fingerprint is not None
    kept.df = kept.df.iloc[::-1].reset_index(drop=True)  # a new table: hashed again
    assert kept.fingerprint() == dataset_fingerprint(kept.df, kept.scale, kept.demographics) != fp
    kept.scale = wider
    assert kept.fingerprint() == dataset_fingerprint(kept.df, wider, kept.demographics)
    assert dataset_fingerprint(ds.df, ds.scale, ds.demographics) == fp


# --------------------------------------------------------------------------- label scales


def test_scale_json_round_trip_and_description() -> None:
    ordinal = LabelScale("ordinal", (1.0, 2.0, 3.0, 4.0, 5.0))
    nominal = LabelScale("nominal", tuple("abcdefg"))
    for scale in (ordinal, nominal, LabelScale("binary", (0.0, 1.0))):
        assert scale_from_json(json.dumps(scale.to_dict())) == scale
    assert ordinal.describe() == "ordinal 1 to 5 (5 classes)"
    assert nominal.describe() == "nominal (7 classes: a, b, c, d, e, f ...)"
    assert ordinal.is_numeric and not nominal.is_numeric
