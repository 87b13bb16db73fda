"""Generated files against their generator's truth (issue #11, done means): nothing merged.

Every generated annotation file (mixed id styles such as ``001`` beside ``1``, 19-digit ids,
annotators called ``NA`` or ``None``, texts with delimiters and quotes, four delimiters, three
encodings, label codes as integers, decimals or decimal commas, duplicated pairs) either loads
with exactly the generator's numbers of items, annotators and annotations, or fails with a
:class:`DataValidationError` that has a message. Any other outcome (another exception, a
count that differs) fails the property.
"""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from engines.data.importers import read_upload
from engines.data.schema import DataValidationError
from engines.data.validation import build_dataset
from tests.unit.data.test_properties import SETTINGS as PROPERTY_SETTINGS

SETTINGS = settings(PROPERTY_SETTINGS, max_examples=60)

ITEM_IDS = st.sampled_from(
    ["1", "01", "001", "1.0", "10", "1234567890123456789", "1234567890123456788", "a1", "A1",
     "item 7", "NA", "None", "nan", "-1", "0x1F", "1e3"]
)  # fmt: skip
ANNOTATORS = st.sampled_from(
    ["NA", "None", "null", "001", "1", "ann_1", "Ann1", "worker-9", "ß", "0", "TRUE", "n/a"]
)
TEXTS = st.sampled_from(
    ["a plain post", "with, a comma", 'with "quotes"', "semi; colon", "tab\tinside",
     "pipe | here", "None", "NA", "ünïcödé text", "multi\nline post", "  padded  "]
)  # fmt: skip
LABELS = st.sampled_from([1, 2, 3, 4, 5])


@st.composite
def annotation_files(draw: st.DrawFn) -> tuple[bytes, str, dict[str, int]]:
    """(file bytes, encoding name, truth counts) of a generated long annotation table."""
    items = draw(st.lists(ITEM_IDS, min_size=2, max_size=6, unique=True))
    annotators = draw(st.lists(ANNOTATORS, min_size=2, max_size=5, unique=True))
    texts = {i: f"{draw(TEXTS)} #{k}" for k, i in enumerate(items)}
    pairs = [(i, a) for i in items for a in annotators]
    chosen = draw(st.lists(st.sampled_from(pairs), min_size=4, max_size=20))
    label_style = draw(st.sampled_from(["int", "float", "comma"]))
    rows = []
    for item, ann in chosen:
        value = draw(LABELS)
        label = {"int": str(value), "float": f"{value}.0", "comma": f"{value},0"}[label_style]
        rows.append([item, ann, texts[item], label])
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    writer.writerow(["item_id", "annotator_id", "text", "label"])
    writer.writerows(rows)
    truth = {
        "items": len({r[0] for r in rows}),
        "annotators": len({r[1] for r in rows}),
        "annotations": len(rows),
    }
    return buf.getvalue().encode(encoding), encoding, truth


@SETTINGS
@given(annotation_files())
def test_every_file_loads_with_the_generators_counts_or_fails_clearly(
    generated: tuple[bytes, str, dict[str, int]],
) -> None:
    data, encoding, truth = generated
    try:
        raw = read_upload(
            data, "generated.csv", encoding=None if encoding != "utf-16" else encoding
        )
        ds = build_dataset(raw)
    except DataValidationError as exc:
        assert str(exc).strip() or exc.issues, "an error without a message"
        return
    got = {
        "items": ds.n_items,
        "annotators": ds.n_annotators,
        "annotations": ds.n_annotations,
    }
    assert got == truth, (got, truth, [i.message for i in ds.issues])
