"""The canonical long annotation table: column names, label scales and the dataset container.

One row per (item, annotator) annotation (DESIGN.md section 2). Every engine and analysis reads
this table through :class:`AnnotationDataset`; importers and :mod:`engines.data.validation`
produce it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

__all__ = [
    "ANNOTATOR_ID",
    "IS_SYNTHETIC",
    "ITEM_ID",
    "LABEL",
    "LABEL_CODE",
    "GOLD",
    "GOLD_CODE",
    "RATIONALE",
    "REQUIRED_ROLES",
    "ROLES",
    "SPLIT",
    "SPLITS",
    "TASK",
    "TEXT",
    "TEXT_A",
    "TEXT_B",
    "VALUE_PROFILE",
    "VALUE_TAGS",
    "AnnotationDataset",
    "ColumnMapping",
    "DataValidationError",
    "Issue",
    "LabelScale",
    "ScaleKind",
    "dataset_fingerprint",
    "format_label",
    "scale_from_json",
    "text_hash_ids",
]

ITEM_ID = "item_id"
TEXT = "text"
TEXT_A = "text_a"
TEXT_B = "text_b"
ANNOTATOR_ID = "annotator_id"
LABEL = "label"
LABEL_CODE = "label_code"
GOLD = "gold_label"
GOLD_CODE = "gold_code"
RATIONALE = "rationale"
VALUE_TAGS = "value_tags"
TASK = "task"
SPLIT = "split"
IS_SYNTHETIC = "is_synthetic"
VALUE_PROFILE = "value_profile"

#: Canonical roles a source column can be mapped to (demographics are listed separately).
ROLES: tuple[str, ...] = (
    ITEM_ID,
    TEXT,
    TEXT_A,
    TEXT_B,
    ANNOTATOR_ID,
    LABEL,
    RATIONALE,
    VALUE_TAGS,
    TASK,
    SPLIT,
    IS_SYNTHETIC,
    VALUE_PROFILE,
    GOLD,
)
REQUIRED_ROLES: tuple[str, ...] = (ANNOTATOR_ID, LABEL)
SPLITS: tuple[str, ...] = ("train", "dev", "test")

ScaleKind = Literal["binary", "ordinal", "nominal"]


@dataclass(frozen=True)
class LabelScale:
    """The set of admissible labels and how they are ordered.

    Attributes:
        kind: ``binary`` (two classes), ``ordinal`` (ordered numeric classes, e.g. 1-5) or
            ``nominal`` (unordered categories).
        classes: the admissible labels in order; numeric for binary/ordinal, strings for nominal.
    """

    kind: ScaleKind
    classes: tuple[float | str, ...]

    @property
    def n_classes(self) -> int:
        """Number of admissible labels."""
        return len(self.classes)

    @property
    def is_numeric(self) -> bool:
        """Whether labels are numbers (binary or ordinal), so means and SDs make sense."""
        return self.kind != "nominal"

    def describe(self) -> str:
        """A short human-readable description, e.g. ``ordinal 1-5 (5 classes)``."""
        if self.kind == "nominal":
            shown = ", ".join(map(str, self.classes[:6])) + (" ..." if self.n_classes > 6 else "")
            return f"nominal ({self.n_classes} classes: {shown})"
        lo, hi = format_label(self.classes[0]), format_label(self.classes[-1])
        return f"{self.kind} {lo} to {hi} ({self.n_classes} classes)"

    def to_dict(self) -> dict[str, object]:
        """JSON-friendly form (for caching keys and saved configs)."""
        return {"kind": self.kind, "classes": list(self.classes)}

    @classmethod
    def from_dict(cls, d: dict[str, object]) -> LabelScale:
        """Inverse of :meth:`to_dict`."""
        return cls(kind=d["kind"], classes=tuple(d["classes"]))  # type: ignore[arg-type]


def format_label(v: object) -> str:
    """A label as people write it: ``2.0`` -> ``"2"``, anything else as ``str``."""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


@dataclass(frozen=True)
class ColumnMapping:
    """Which source column plays which canonical role.

    Attributes:
        roles: canonical role -> source column name (only the roles that are present).
        demographics: source columns holding annotator attributes, in display order.
        item_attributes: source columns holding one value per item (language, source, topic).
    """

    roles: dict[str, str] = field(default_factory=dict)
    demographics: tuple[str, ...] = ()
    item_attributes: tuple[str, ...] = ()

    def source(self, role: str) -> str | None:
        """The source column for ``role``, or None when the role is absent."""
        return self.roles.get(role)

    def to_dict(self) -> dict[str, object]:
        """JSON-friendly form."""
        return {
            "roles": dict(self.roles),
            "demographics": list(self.demographics),
            "item_attributes": list(self.item_attributes),
        }


@dataclass(frozen=True)
class Issue:
    """One finding of validation, shown to the user verbatim.

    Attributes:
        level: ``error`` stops loading; ``warning`` was handled (and says how); ``info`` notes.
        message: a specific, human-readable sentence naming the column/rows involved.
        rows_affected: how many rows this concerns (dropped, changed or offending).
        dropped_for: why rows were removed (``rows_affected`` of them), empty when none were:
            the load summary counts removals by this reason.
    """

    level: Literal["error", "warning", "info"]
    message: str
    rows_affected: int = 0
    dropped_for: str = ""


class DataValidationError(ValueError):
    """Raised when a table cannot be turned into a dataset; carries every error found."""

    def __init__(self, issues: list[Issue]):
        self.issues = issues
        super().__init__("\n".join(i.message for i in issues if i.level == "error"))


@dataclass
class AnnotationDataset:
    """A validated long annotation table plus what is known about it.

    Attributes:
        df: canonical columns (``item_id``, ``text``, ``annotator_id``, ``label``,
            ``label_code``, ``split`` and any optional roles) plus demographic columns and
            item attributes.
        scale: the label scale.
        demographics: names of the demographic columns in ``df``.
        item_attributes: names of the item-attribute columns in ``df`` (one value per item).
        name: a display name (file name or sample name).
        issues: what validation found and did (warnings, dropped-row counts).
        n_rows_in: rows in the source table before cleaning.
        more: which end of the scale means more of the construct (+1 higher, -1 lower).
    """

    df: pd.DataFrame
    scale: LabelScale
    demographics: tuple[str, ...] = ()
    item_attributes: tuple[str, ...] = ()
    name: str = "dataset"
    issues: list[Issue] = field(default_factory=list)
    n_rows_in: int = 0
    more: int | None = None
    """+1 when higher labels mean more of the construct, -1 when lower ones do; None: inferred
    (:func:`engines.data.direction.infer_more`)."""
    _fingerprint: tuple[object, str] | None = field(default=None, init=False, repr=False,
                                                    compare=False)  # fmt: skip

    @property
    def n_items(self) -> int:
        """Number of distinct items."""
        return int(self.df[ITEM_ID].nunique())

    @property
    def n_annotators(self) -> int:
        """Number of distinct annotators."""
        return int(self.df[ANNOTATOR_ID].nunique())

    @property
    def n_annotations(self) -> int:
        """Number of annotation rows."""
        return len(self.df)

    def has(self, role: str) -> bool:
        """Whether the optional canonical column ``role`` is present."""
        return role in self.df.columns

    def items(self) -> pd.DataFrame:
        """One row per item: ``item_id``, ``text``, ``split`` (when present), item attributes."""
        cols = [c for c in (ITEM_ID, TEXT, SPLIT) if c in self.df.columns]
        cols += [c for c in self.item_attributes if c not in cols]
        return self.df[cols].drop_duplicates(ITEM_ID).reset_index(drop=True)

    def annotators(self) -> pd.DataFrame:
        """One row per annotator with their demographic attributes."""
        cols = [ANNOTATOR_ID, *self.demographics]
        return self.df[cols].drop_duplicates(ANNOTATOR_ID).reset_index(drop=True)

    def fingerprint(self) -> str:
        """A content hash of the table, scale and demographics (the cache key).

        Kept for this table object (a page asks for it several times per rerun; hashing 12k
        rows takes ~18 ms): a new table, shape, column list, scale or demographics rehashes.
        """
        key = (id(self.df), self.df.shape, tuple(self.df.columns), repr(self.scale),
               self.demographics)  # fmt: skip
        if self._fingerprint is None or self._fingerprint[0] != key:
            self._fingerprint = (key, dataset_fingerprint(self.df, self.scale, self.demographics))
        return self._fingerprint[1]

    def summary(self) -> dict[str, object]:
        """Counts for display and logs."""
        return {
            "name": self.name,
            "items": self.n_items,
            "annotators": self.n_annotators,
            "annotations": self.n_annotations,
            "scale": self.scale.describe(),
            "demographics": list(self.demographics),
            "item_attributes": list(self.item_attributes),
        }


def dataset_fingerprint(
    df: pd.DataFrame, scale: LabelScale, demographics: tuple[str, ...] = ()
) -> str:
    """Hash the table contents, the scale and the demographic column list (hex, 16 chars)."""
    h = hashlib.sha256()
    h.update(json.dumps(list(map(str, df.columns))).encode())
    h.update(pd.util.hash_pandas_object(df.astype(str), index=False).to_numpy().tobytes())
    h.update(json.dumps(scale.to_dict(), default=str).encode())
    h.update(json.dumps(list(demographics)).encode())
    return h.hexdigest()[:16]


def text_hash_ids(texts: pd.Series) -> pd.Series:
    """Derive stable item ids from the text (used when the source has no item id)."""
    # str() per value: under pandas 3, astype(str) keeps missing values as NaN.
    return texts.map(lambda t: "t" + hashlib.sha1(str(t).encode("utf-8")).hexdigest()[:12])


def scale_from_json(text: str) -> LabelScale:
    """Parse a scale saved with ``json.dumps(scale.to_dict())``."""
    return LabelScale.from_dict(json.loads(text))
