"""Property tests: malformed uploads never escape as anything but DataValidationError.

The app chains ``read_upload`` -> ``infer_mapping`` -> (``infer_scale`` for the scale chooser)
-> ``build_dataset`` (pages/1_Data.py). Whatever bytes a user uploads and whatever columns they
map, the only exception that may reach the page is :class:`DataValidationError` with a
non-empty message; ``infer_scale`` may raise a plain ``ValueError`` (documented, caught by the
scale chooser).
"""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from engines.data.importers import read_upload
from engines.data.lewidi import lenient_json_loads, read_lewidi_json
from engines.data.mapping import infer_mapping, infer_scale
from engines.data.schema import (
    ANNOTATOR_ID,
    ITEM_ID,
    LABEL,
    ROLES,
    AnnotationDataset,
    ColumnMapping,
    DataValidationError,
    LabelScale,
)
from engines.data.validation import LoadOptions, build_dataset
from tests.unit.data.toys import removed_rows

# derandomize: the same examples every run (reproducible, no example database); the example
# counts keep each property to about a second while still covering every strategy branch.
SETTINGS = settings(
    max_examples=40,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
CHEAP = settings(SETTINGS, max_examples=100)
"""For properties whose examples take about a millisecond."""

HEADER_NAMES = [
    "item_id",
    "instance_id",
    "text",
    "comment",
    "user_id",
    "rater_id",
    "WorkerId",
    "annotator_id",
    "label",
    "rating",
    "offensiveness",
    "Q_overall",
    "split",
    "gender",
    "ann_age",
    "rationale",
    "value_tags",
    "is_synthetic",
    "task",
    "worker",
    "x",
    "",
    "é",
    "label ",
    "a,b",
    'q"uote',
]
CELLS = st.one_of(
    st.sampled_from(
        [
            "",
            "nan",
            "NaN",
            "None",
            "NA",
            "null",
            "inf",
            "-inf",
            "1",
            "0",
            "-1",
            "5",
            "2.5",
            "1e308",
            "1e400",
            "9999999999999999999999",
            "train",
            "dev",
            "TEST",
            "bogus",
            "yes",
            "Man",
            "Woman",
            "=1+1",
            "a b c d e f g h i j k l",
            '"quoted, cell"',
            '"unterminated',
            "😀 emoji text with spaces",
            "\u200b",
            " ",
        ]
    ),
    st.integers(min_value=-3, max_value=7).map(str),
    st.text(max_size=12),
    st.text(alphabet="ab ,;\t|\"'\n\r", max_size=20),
    st.just("x" * 6000),
)
DELIMS = st.sampled_from([",", ";", "\t", "|", " ", ":"])


def _assert_clean_error(exc: DataValidationError) -> None:
    assert str(exc).strip(), "DataValidationError without a message"
    assert exc.issues, "DataValidationError without issues"
    assert all(i.message.strip() for i in exc.issues)


def run_upload_path(
    data: bytes, filename: str, options: LoadOptions, declare: bool
) -> AnnotationDataset:
    """The page's chain; returns normally on success, raises only DataValidationError."""
    raw = read_upload(data, filename, max_bytes=1_000_000)
    assert isinstance(raw, pd.DataFrame) and len(raw) > 0
    mapping = infer_mapping(raw)
    scale = None
    label_col = mapping.source(LABEL)
    if declare and label_col is not None:
        try:
            scale = infer_scale(raw[label_col])
        except ValueError as exc:  # the scale chooser shows it and falls back to 'auto'
            assert str(exc).strip()
    ds = build_dataset(raw, mapping, scale, options)
    # A successful load satisfies the schema invariants.
    assert ds.n_annotators >= options.min_annotators
    assert ds.df[LABEL].nunique() >= 2
    assert set(ds.df[LABEL]) <= set(ds.scale.classes)
    assert not ds.df[[ITEM_ID, ANNOTATOR_ID, LABEL]].isna().any().any()
    assert ds.df.groupby(ITEM_ID)["split"].nunique().max() == 1
    # Nothing silently lost: every row is kept, or counted as dropped or merged.
    assert ds.n_rows_in == len(raw) == ds.n_annotations + removed_rows(ds)
    return ds


OPTIONS = st.builds(
    LoadOptions,
    duplicates=st.sampled_from(["keep", "average", "reject"]),
    drop_invalid_rows=st.booleans(),
    max_text_chars=st.sampled_from([5, 5000]),
    split_seed=st.integers(0, 3),
)


@st.composite
def csv_texts(draw: st.DrawFn) -> str:
    """Ragged, oddly delimited CSV text, with or without a (possibly duplicated) header."""
    sep = draw(DELIMS)
    n_cols = draw(st.integers(1, 7))
    rows = []
    if draw(st.booleans()):
        rows.append(draw(st.lists(st.sampled_from(HEADER_NAMES), min_size=n_cols, max_size=n_cols)))
    n_rows = draw(st.integers(0, 12))
    for _ in range(n_rows):
        width = n_cols if draw(st.integers(0, 4)) else draw(st.integers(0, n_cols + 2))
        rows.append(draw(st.lists(CELLS, min_size=width, max_size=width)))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return newline.join(sep.join(r) for r in rows) + draw(st.sampled_from(["", newline]))


@CHEAP
@given(data=st.binary(max_size=2000), filename=st.sampled_from(["up.csv", "up.tsv", "up.json"]))
def test_random_bytes_only_raise_data_validation_error(data: bytes, filename: str) -> None:
    try:
        run_upload_path(data, filename, LoadOptions(), declare=True)
    except DataValidationError as exc:
        _assert_clean_error(exc)
        event("rejected")
    else:
        event("loaded")


@SETTINGS
@given(
    text=csv_texts(),
    options=OPTIONS,
    declare=st.booleans(),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1"]),
)
def test_malformed_csv_only_raise_data_validation_error(
    text: str, options: LoadOptions, declare: bool, encoding: str
) -> None:
    data = text.encode(encoding, errors="replace")
    try:
        run_upload_path(data, "upload.csv", options, declare)
    except DataValidationError as exc:
        _assert_clean_error(exc)
        event("rejected")
    else:
        event("loaded")


@st.composite
def plausible_tables(draw: st.DrawFn) -> str:
    """Nearly valid long CSVs (so loading often succeeds) with planted defects."""
    n = draw(st.integers(1, 25))
    ann = draw(
        st.lists(
            st.sampled_from(["1", "2", "3", "a", "1.0", "2.0"]) | st.sampled_from(["", "nan"]),
            min_size=n,
            max_size=n,
        )
    )
    items = draw(st.lists(st.sampled_from(["1", "2", "3", "", "x"]), min_size=n, max_size=n))
    good = st.sampled_from(["1", "2", "3", "0"])
    labels = draw(st.lists(st.one_of(good, good, good, CELLS), min_size=n, max_size=n))
    genders = draw(st.lists(st.sampled_from(["m", "f", "", "x"]), min_size=n, max_size=n))
    splits = draw(
        st.lists(st.sampled_from(["train", "dev", "test", "val", "?"]), min_size=n, max_size=n)
    )
    texts = draw(
        st.lists(st.sampled_from(["a b c", "d e f", "", "x" * 30]), min_size=n, max_size=n)
    )
    header = draw(
        st.permutations(["item_id", "user_id", "text", "rating", "gender", "split"]).map(list)
    )
    cols = {
        "item_id": items,
        "user_id": ann,
        "text": texts,
        "rating": labels,
        "gender": genders,
        "split": splits,
    }
    optional = draw(st.lists(st.sampled_from(["item_id", "gender", "split"]), unique=True))
    header = [h for h in header if h in optional or h in ("user_id", "text", "rating")]
    lines = [",".join(header)]
    for i in range(n):
        lines.append(",".join('"' + cols[h][i].replace('"', '""') + '"' for h in header))
    return "\n".join(lines) + "\n"


@SETTINGS
@given(text=plausible_tables(), options=OPTIONS, declare=st.booleans())
def test_nearly_valid_tables_load_or_fail_cleanly(
    text: str, options: LoadOptions, declare: bool
) -> None:
    try:
        run_upload_path(text.encode(), "upload.csv", options, declare)
    except DataValidationError as exc:
        _assert_clean_error(exc)
        event("rejected")
    else:
        event("loaded")


@st.composite
def user_mappings(draw: st.DrawFn) -> tuple[pd.DataFrame, ColumnMapping, LabelScale | None]:
    """Whatever the user picks in the column mapper and the scale chooser."""
    n = draw(st.integers(1, 15))
    n_cols = draw(st.integers(1, 5))
    frame = {}
    for j in range(n_cols):
        kind = draw(st.sampled_from(["int", "float", "str", "mixed"]))
        if kind == "int":
            vals = draw(st.lists(st.integers(-3, 6), min_size=n, max_size=n))
        elif kind == "float":
            vals = draw(
                st.lists(
                    st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.just(1.0)),
                    min_size=n,
                    max_size=n,
                )
            )
        elif kind == "str":
            vals = draw(st.lists(st.text(max_size=8), min_size=n, max_size=n))
        else:
            vals = draw(
                st.lists(
                    st.one_of(st.none(), st.integers(0, 2), st.text(max_size=3)),
                    min_size=n,
                    max_size=n,
                )
            )
        frame[f"c{j}"] = vals
    raw = pd.DataFrame(frame)
    cols = list(raw.columns)
    roles = draw(st.dictionaries(st.sampled_from(list(ROLES)), st.sampled_from(cols), max_size=4))
    for role in ("annotator_id", "label", "text"):  # usually the user maps the required roles
        if draw(st.integers(0, 9)):
            roles[role] = draw(st.sampled_from(cols))
    demos = tuple(draw(st.lists(st.sampled_from(cols), unique=True, max_size=2)))
    scale = draw(
        st.one_of(
            st.none(),
            st.just(LabelScale("binary", (0.0, 1.0))),
            st.just(LabelScale("ordinal", (1.0, 2.0, 3.0, 4.0, 5.0))),
            st.just(LabelScale("nominal", ("0", "1", "a"))),
        )
    )
    return raw, ColumnMapping(roles=roles, demographics=demos), scale


# Few random mappings load; this one does, so the success branch always runs.
LOADABLE = (
    pd.DataFrame({"c0": ["a", "b", "a", "b"], "c1": [1, 2, 2, 1], "c2": ["t u", "t u", "v", "v"]}),
    ColumnMapping(roles={"annotator_id": "c0", "label": "c1", "text": "c2"}),
    None,
)


@SETTINGS
@given(case=user_mappings(), options=OPTIONS)
@example(case=LOADABLE, options=LoadOptions())
def test_any_user_mapping_fails_cleanly(case, options: LoadOptions) -> None:
    raw, mapping, scale = case
    try:
        ds = build_dataset(raw, mapping, scale, options)
    except DataValidationError as exc:
        _assert_clean_error(exc)
        event("rejected")
        return
    event("loaded")
    assert ds.n_annotators >= 2 and ds.df[LABEL].nunique() >= 2
    assert set(ds.df[LABEL]) <= set(ds.scale.classes)
    assert ds.n_rows_in == ds.n_annotations + removed_rows(ds)


@CHEAP
@given(values=st.lists(st.one_of(st.none(), st.floats(), st.integers(), st.text(max_size=5))))
def test_infer_scale_raises_only_value_error(values: list[object]) -> None:
    try:
        scale = infer_scale(pd.Series(values, dtype=object))
    except ValueError as exc:
        assert str(exc).strip()
        return
    assert scale.n_classes >= 1
    assert list(scale.classes) == sorted(scale.classes)


@CHEAP
@given(
    text=st.text(alphabet='{}[],:"ab1 \n', max_size=60)
    | st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=4),
        lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=3), c, max_size=3),
        max_leaves=8,
    ).map(lambda v: re.sub(r"([}\]])", r",\1", json.dumps(v)))
)
def test_lewidi_reader_only_raises_data_validation_error(text: str) -> None:
    try:
        lenient_json_loads(text)
        read_lewidi_json(text, text)
    except DataValidationError as exc:
        _assert_clean_error(exc)
        event("rejected")
    else:
        event("loaded")


def test_property_harness_catches_foreign_exceptions() -> None:
    """The harness really runs the chain: a good file loads, a bad one raises cleanly."""
    good = "item_id,user_id,text,rating\n1,a,hello there,1\n1,b,hello there,2\n"
    run_upload_path(good.encode(), "g.csv", LoadOptions(), declare=True)
    with pytest.raises(DataValidationError, match="No column is mapped to 'label'"):
        run_upload_path(b"user_id,text\n1,x\n", "g.csv", LoadOptions(), declare=True)


JSON_SCALARS = st.none() | st.booleans() | st.integers(-2, 6) | st.text(max_size=6)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=4), c, max_size=3),
    max_leaves=5,
)


@st.composite
def lewidi_files(draw: st.DrawFn) -> tuple[bytes, bytes | None]:
    """Le-Wi-Di shaped JSON (2023 and 2025 styles) with odd values, plus an odd meta file."""
    pool = ["Ann1", "Ann2", "Ann3", "Ann0", " Ann1", ""]
    records = {}
    for k in range(draw(st.integers(1, 5))):
        anns = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=4))
        labels = draw(
            st.lists(st.sampled_from(["0", "1", "2", "", "x"]) | JSON_SCALARS, max_size=5)
        )
        if draw(st.booleans()):
            annotations = ",".join(map(str, labels))
        else:
            annotations = {a: lab for a, lab in zip(anns, labels)}
        rec = {
            "text": draw(st.one_of(st.text(max_size=20), JSON_VALUES)),
            "annotators": ",".join(anns),
            "annotations": annotations,
        }
        if draw(st.booleans()):
            rec["split"] = draw(st.sampled_from(["train", "dev", "x"]) | JSON_SCALARS)
        if draw(st.booleans()):
            rec["other_info"] = draw(
                st.fixed_dictionaries({"explanations": st.lists(JSON_VALUES, max_size=4)})
                | JSON_VALUES
            )
        records[draw(st.text(max_size=4)) + str(k)] = rec
    meta = None
    if draw(st.booleans()):
        meta_obj = draw(
            st.dictionaries(
                st.sampled_from(["Ann1", "Ann2", "Ann3", "0", "1", "9"]),
                st.dictionaries(st.sampled_from(["gender", "age"]), JSON_VALUES, max_size=2)
                | JSON_SCALARS,
                max_size=4,
            )
        )
        meta = re.sub(r"([}\]])", r",\1", json.dumps(meta_obj)).encode()
    return json.dumps(records).encode(), meta


LEWIDI_LOADABLE = json.dumps(
    {
        "1": {"text": "t", "annotators": "Ann1,Ann2", "annotations": "0,1"},
        "2": {"text": "u", "annotators": "Ann1,Ann2", "annotations": {"Ann1": "1", "Ann2": "1"}},
    }
).encode()


@SETTINGS
@given(files=lewidi_files(), options=OPTIONS)
@example(
    files=(LEWIDI_LOADABLE, b'{"Ann1": {"gender": "f",}, "Ann2": {"gender": "m"},}'),
    options=LoadOptions(),
)
def test_lewidi_upload_path_fails_cleanly(files: tuple[bytes, bytes | None], options) -> None:
    data, meta = files
    try:
        raw = read_upload(data, "X_dev.json", meta=meta)
        mapping = infer_mapping(raw)
        build_dataset(raw, mapping, None, options)
    except DataValidationError as exc:
        _assert_clean_error(exc)
        event("rejected")
    else:
        event("loaded")
