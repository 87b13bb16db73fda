"""Reader for Le-Wi-Di JSON files (the 2023 and 2025 "Learning with Disagreements" editions).

A ``<dataset>_<split>.json`` file maps item ids to records listing the annotators and their
labels; an optional ``<dataset>_annotators_meta.json`` gives each annotator's attributes. Both
are read into the raw long table the other readers return, with errors as
:class:`~engines.data.schema.DataValidationError` naming the item at fault.
"""

from __future__ import annotations

import json
import re

import pandas as pd

from engines.data.issues import data_error
from engines.data.schema import ANNOTATOR_ID, ITEM_ID, LABEL, RATIONALE, SPLIT, TEXT

__all__ = ["lenient_json_loads", "read_lewidi_json"]


def lenient_json_loads(text: str) -> object:
    """Parse JSON, tolerating trailing commas (as in some Le-Wi-Di annotator meta files)."""
    try:
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            fixed = re.sub(r",(\s*[}\]])", r"\1", text)
            try:
                return json.loads(fixed)
            except json.JSONDecodeError as exc:
                raise data_error(f"Not valid JSON: {exc.msg} at line {exc.lineno}.") from None
    except RecursionError:
        raise data_error(
            "The JSON is nested too deeply to be an annotation file (lists or objects inside "
            "one another thousands of levels deep)."
        ) from None


def _scalar(value: object) -> object:
    """JSON lists/objects as text, so table columns hold only hashable values."""
    return json.dumps(value) if isinstance(value, (list, dict)) else value


def _annotators(value: object) -> list[str]:
    """Annotator ids from a JSON list (``["A", "B"]``) or a comma-separated string."""
    if isinstance(value, list):
        return [str(a).strip() for a in value if str(a).strip()]
    return [a.strip() for a in str(value).split(",") if a.strip()]


def _lewidi_text(text: object) -> str:
    if isinstance(text, dict):
        return " || ".join(f"{k}: {v}" for k, v in text.items())
    return str(text)


def read_lewidi_json(data: str, meta: str | None = None) -> pd.DataFrame:
    """Read a Le-Wi-Di JSON file (2023 and 2025 editions) into a raw long table.

    Args:
        data: the text of ``<dataset>_<split>.json``: a dict of item id -> record with
            ``text`` (a string or a dict of parts), ``annotators`` (``"Ann1,Ann2"`` or a
            list), ``annotations`` (aligned comma-separated string or list, or a dict
            annotator -> label),
            optional ``split`` and ``other_info`` (``explanations`` -> rationale).
        meta: optional text of ``<dataset>_annotators_meta.json`` (annotator -> attributes;
            trailing commas tolerated). Attributes become ``ann_<name>`` columns.

    Returns:
        Columns ``item_id, text, annotator_id, label`` (+ ``split``, ``rationale``, ``ann_*``).
    """
    records = lenient_json_loads(data)
    if not isinstance(records, dict) or not records:
        raise data_error("The Le-Wi-Di JSON must be an object mapping item ids to records.")
    rows: list[dict[str, object]] = []
    for item_id, rec in records.items():
        if not isinstance(rec, dict) or "annotators" not in rec or "annotations" not in rec:
            raise data_error(f"Item {item_id!r} has no 'annotators'/'annotations' fields.")
        if "text" not in rec:
            raise data_error(f"Item {item_id!r} has no 'text' field: the items need their text.")
        anns = _annotators(rec["annotators"])
        labels = rec["annotations"]
        if isinstance(labels, list):
            values = list(labels)
        elif isinstance(labels, dict):
            # VariErrNLI lists an annotator twice when they gave two labels, stored as one
            # comma-separated string ("Ann2": "entailment,neutral"): one part per occurrence.
            values = []
            seen: dict[str, int] = {}
            for a in anns:
                value, nth = labels.get(a), seen.get(a, 0)
                seen[a] = nth + 1
                parts = str(value).split(",") if anns.count(a) > 1 else []
                values.append(parts[nth].strip() if nth < len(parts) else value)
        else:
            values = [v.strip() for v in str(labels).split(",")]
        if len(values) != len(anns):
            raise data_error(
                f"Item {item_id!r} lists {len(anns)} annotators but {len(values)} annotations."
            )
        info = rec.get("other_info") or {}
        expl = info.get("explanations") if isinstance(info, dict) else None
        for k, (ann, value) in enumerate(zip(anns, values)):
            row: dict[str, object] = {
                ITEM_ID: str(item_id),
                TEXT: _lewidi_text(rec.get("text", "")),
                ANNOTATOR_ID: ann,
                LABEL: _scalar(value),
            }
            if "split" in rec:
                row[SPLIT] = _scalar(rec["split"])
            if isinstance(expl, list) and k < len(expl):
                row[RATIONALE] = _scalar(expl[k])
            rows.append(row)
    if not rows:
        raise data_error("The Le-Wi-Di JSON lists no annotations.")
    df = pd.DataFrame(rows)
    if meta:
        df = _join_meta(df, lenient_json_loads(meta))
    return df


def _join_meta(df: pd.DataFrame, meta: object) -> pd.DataFrame:
    if not isinstance(meta, dict):
        raise data_error("The annotator meta JSON must map annotator ids to attribute objects.")
    ids = set(df[ANNOTATOR_ID])
    table = {}
    for key, attrs in meta.items():
        ann = str(key)
        if ann not in ids and f"Ann{ann}" in ids:  # MultiPICo meta keys are "0", "1", ...
            ann = f"Ann{ann}"
        if isinstance(attrs, dict):
            table[ann] = {f"ann_{k}": _scalar(v) for k, v in attrs.items()}
    meta_df = pd.DataFrame.from_dict(table, orient="index")
    meta_df.index.name = ANNOTATOR_ID
    return df.merge(meta_df.reset_index(), on=ANNOTATOR_ID, how="left")
