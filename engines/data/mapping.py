"""Automatic column mapping and label-scale inference for uploaded tables.

The mapper recognises common column names from annotation datasets (POPQUORN, Le-Wi-Di,
DICES, Crowd-Kit, MTurk exports) and detects demographic columns as attributes that are
constant within each annotator. The user can override every choice in the UI.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from engines.data.item_attributes import infer_item_attributes
from engines.data.schema import (
    ANNOTATOR_ID,
    GOLD,
    IS_SYNTHETIC,
    ITEM_ID,
    LABEL,
    RATIONALE,
    SPLIT,
    TASK,
    TEXT,
    TEXT_A,
    TEXT_B,
    VALUE_PROFILE,
    VALUE_TAGS,
    ColumnMapping,
    LabelScale,
)

__all__ = ["ALIASES", "display_name", "infer_mapping", "infer_scale"]

#: Known source names per role, compared after lower-casing and stripping non-alphanumerics.
ALIASES: dict[str, tuple[str, ...]] = {
    ITEM_ID: (
        "itemid",
        "instanceid",
        "id",
        "itemidx",
        "commentid",
        "postid",
        "textid",
        "questionid",
        "unitid",
        "sampleid",
        "item",
        "instance",
        "task",
        "taskid",
    ),
    TEXT: (
        "text",
        "comment",
        "commenttext",
        "processed",
        "content",
        "sentence",
        "post",
        "utterance",
        "message",
        "document",
        "body",
        "tweet",
        "conversation",
        "question",
    ),
    TEXT_A: ("texta", "text1", "sentence1", "premise", "context", "question1"),
    TEXT_B: ("textb", "text2", "sentence2", "hypothesis", "statement", "question2"),
    ANNOTATOR_ID: (
        "annotatorid",
        "raterid",
        "userid",
        "workerid",
        "worker",
        "annotator",
        "rater",
        "user",
        "participantid",
        "coderid",
        "judgeid",
        "prolificid",
    ),
    LABEL: (
        "label",
        "rating",
        "offensiveness",
        "toxicity",
        "politeness",
        "score",
        "qoverall",
        "annotation",
        "response",
        "answer",
        "value",
        "judgement",
        "judgment",
        "toxic",
        "offensive",
        "safety",
    ),
    RATIONALE: (
        "rationale",
        "explanation",
        "explanations",
        "reason",
        "justification",
        "comment_reason",
    ),
    VALUE_TAGS: ("valuetags", "values", "tags", "valuetag"),
    TASK: ("subtask", "taskname", "dataset", "datasetname", "attribute", "dimension"),
    SPLIT: ("split", "fold", "partition", "subset"),
    IS_SYNTHETIC: ("issynthetic", "synthetic", "isllm", "generated"),
    VALUE_PROFILE: ("valueprofile", "profile", "profiletext"),
    GOLD: ("goldlabel", "gold", "truelabel", "groundtruth", "expertlabel", "goldstandard"),
}
#: Prefixes that mark annotator attribute columns (``ann_gender``, ``rater_age``...).
DEMOGRAPHIC_PREFIXES = ("ann_", "annotator_", "rater_", "worker_", "demo_", "demographic_")
#: Names that look like demographics even when the constancy check is inconclusive.
DEMOGRAPHIC_NAMES = (
    "gender",
    "sex",
    "age",
    "agegroup",
    "race",
    "ethnicity",
    "education",
    "occupation",
    "income",
    "religion",
    "politics",
    "politicalaffiliation",
    "nationality",
    "country",
    "lgbtq",
    "sexuality",
    "annotatorgroup",
)
MAX_DEMOGRAPHIC_LEVELS = 60
MAX_ORDINAL_LEVELS = 21


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", str(name).lower())


def _is_texty(s: pd.Series) -> bool:
    """Free text: mostly strings with spaces and a mean length over 15 characters."""
    v = s.dropna()
    if v.empty or not v.map(lambda x: isinstance(x, str)).mean() > 0.9:
        return False
    v = v.astype(str)
    return bool(v.str.len().mean() > 15 and v.str.contains(" ").mean() > 0.5)


def _numeric_like(s: pd.Series) -> bool:
    """Numbers, as read or as text (every non-missing cell parses as a finite number)."""
    if pd.api.types.is_numeric_dtype(s):
        return True
    v = s.dropna()
    parsed = pd.to_numeric(v.astype(str).str.strip(), errors="coerce")
    return bool(len(v)) and bool(np.isfinite(parsed.to_numpy(dtype=float)).all())


def _constant_within(df: pd.DataFrame, col: str, by: str) -> bool:
    """Whether ``col`` takes at most one non-missing value per group of ``by``."""
    sub = df[[by, col]].dropna()
    if sub.empty:
        return False
    return bool((sub.groupby(by, sort=False)[col].nunique() <= 1).all())


def infer_mapping(df: pd.DataFrame) -> ColumnMapping:
    """Guess the role of every column of ``df``.

    Role names are matched against :data:`ALIASES` (exact, then prefix matches such as
    ``ann_*``); the label falls back to the last numeric column. Columns constant within each
    item are item attributes (:func:`~engines.data.item_attributes.infer_item_attributes`).
    Demographic columns are the remaining columns that are constant within each annotator and
    have 2 to :data:`MAX_DEMOGRAPHIC_LEVELS` levels (numeric ones may have more).

    Args:
        df: the raw table as read from the file.

    Returns:
        The mapping; roles that could not be found are absent.
    """
    cols = list(df.columns)
    normed = {c: _norm(c) for c in cols}
    roles: dict[str, str] = {}
    used: set[str] = set()

    def claim(role: str, col: str) -> None:
        roles[role] = col
        used.add(col)

    # Crowd-Kit long layout: (task, worker, label) means task = item.
    crowdkit = {"task", "worker", "label"} <= {normed[c] for c in cols}
    for role, names in ALIASES.items():
        if role == TASK and crowdkit:
            continue
        for alias in names:
            hits = [c for c in cols if normed[c] == alias and c not in used]
            if hits:
                claim(role, hits[0])
                break
    # "question" may be a text column; never a text when a text column exists.
    if TEXT in roles and TEXT_A in roles and roles[TEXT] == roles.get(TEXT_A):
        del roles[TEXT_A]
    if TEXT not in roles:
        texty = [c for c in cols if c not in used and _is_texty(df[c])]
        if texty:
            claim(TEXT, max(texty, key=lambda c: df[c].astype(str).str.len().mean()))
    if LABEL not in roles:
        numeric = [c for c in cols if c not in used and _numeric_like(df[c])]
        if numeric:
            claim(LABEL, numeric[-1])
    # A task/dataset column with a single value carries no information.
    if TASK in roles and df[roles[TASK]].nunique(dropna=True) < 2:
        used.discard(roles.pop(TASK))
    # A rationale must be free text; a value-tag column must not be.
    if RATIONALE in roles and not _is_texty(df[roles[RATIONALE]]):
        used.discard(roles.pop(RATIONALE))

    item_col = roles.get(ITEM_ID, roles.get(TEXT))
    rest = [c for c in df.columns if c not in used]
    item_attributes = infer_item_attributes(df, item_col, rest)
    used.update(item_attributes)
    demographics = _infer_demographics(df, roles, used)
    return ColumnMapping(
        roles=roles, demographics=tuple(demographics), item_attributes=tuple(item_attributes)
    )


def _infer_demographics(df: pd.DataFrame, roles: dict[str, str], used: set[str]) -> list[str]:
    ann = roles.get(ANNOTATOR_ID)
    out: list[str] = []
    for c in df.columns:
        if c in used:
            continue
        s = df[c]
        n_levels = s.nunique(dropna=True)
        # Level labels may be long ("High school diploma or equivalent"), so no free-text test:
        # few levels and constancy within annotators are what mark an attribute.
        # A numeric attribute (age in years) may have many levels: it is binned when cleaned.
        if n_levels < 2 or (n_levels > MAX_DEMOGRAPHIC_LEVELS and not _numeric_like(s)):
            continue
        normed = _norm(c)
        prefixed = any(str(c).lower().startswith(p) for p in DEMOGRAPHIC_PREFIXES)
        named = normed in DEMOGRAPHIC_NAMES
        if ann is not None:
            if not _constant_within(df, c, ann):
                continue
            # One value per annotator looks like an id, unless the name says attribute.
            if n_levels >= df[ann].nunique() and not (prefixed or named):
                continue
            out.append(c)
        elif prefixed or named:
            out.append(c)
    return out


def display_name(col: str) -> str:
    """Strip annotator prefixes for display: ``ann_Gender`` -> ``Gender``."""
    low = col.lower()
    for p in DEMOGRAPHIC_PREFIXES:
        if low.startswith(p) and len(col) > len(p):
            return col[len(p) :]
    return col


def infer_scale(labels: pd.Series) -> LabelScale:
    """Infer the label scale from observed labels.

    Two distinct values -> binary; integer-valued numbers with at most
    :data:`MAX_ORDINAL_LEVELS` levels -> ordinal over the whole integer range (so unused
    middle ratings still count); other numbers with few levels -> ordinal over the observed
    values; strings -> nominal (classes sorted).

    Raises:
        ValueError: when there are no labels, or numeric labels are continuous.
    """
    v = labels.dropna()
    if v.empty:
        raise ValueError("The label column has no values.")
    numeric = pd.to_numeric(v, errors="coerce")
    if numeric.notna().all():
        uniq = np.sort(numeric.unique().astype(float))
        if not np.isfinite(uniq).all():
            raise ValueError(
                "The label column has infinite values; Perspectives Lab needs binary, ordinal "
                "or nominal labels. Remove those rows or pick another column."
            )
        if len(uniq) == 2:
            return LabelScale("binary", tuple(float(x) for x in uniq))
        # Exact whole numbers only: a near-integer (1e-37) would fall outside the classes.
        if np.all(uniq == np.round(uniq)):
            lo, hi = int(round(uniq[0])), int(round(uniq[-1]))
            if hi - lo + 1 <= MAX_ORDINAL_LEVELS:
                return LabelScale("ordinal", tuple(float(x) for x in range(lo, hi + 1)))
        if len(uniq) <= MAX_ORDINAL_LEVELS:
            return LabelScale("ordinal", tuple(float(x) for x in uniq))
        raise ValueError(
            f"The label column looks continuous ({len(uniq)} distinct numbers from "
            f"{uniq[0]:g} to {uniq[-1]:g}); Perspectives Lab needs binary, ordinal (at most "
            f"{MAX_ORDINAL_LEVELS} levels) or nominal labels. Round or bin the ratings first."
        )
    strings = v.astype(str).str.strip()
    classes = tuple(sorted(strings.unique()))
    if len(classes) > MAX_DEMOGRAPHIC_LEVELS:
        raise ValueError(
            f"The label column has {len(classes)} distinct text values; is it really the label? "
            "Pick another column in the mapper."
        )
    return LabelScale("nominal", classes)
