"""Profiles from outside the offline writer: a user's table, or an LLM on the fit ratings."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from engines.core.progress import Progress, report
from engines.data.schema import ANNOTATOR_ID, AnnotationDataset
from engines.profiles.config import ProfileRunConfig
from engines.profiles.llm_writer import write_profile_llm
from engines.profiles.representations import ROLE, partition_fit_eval
from engines.text.llm import LLMBackend

__all__ = ["supplied_profiles", "write_llm_profiles"]


def supplied_profiles(table: pd.DataFrame) -> dict[str, str]:
    """Annotator -> profile text from a table with an annotator column and a profile column.

    Accepts the dataset's own ``value_profile`` column (first non-empty text per annotator) or
    a separate annotator -> profile CSV; column names are matched like the main mapper does.

    Raises:
        ValueError: naming the columns found when either column cannot be identified.
    """
    from engines.data.mapping import infer_mapping

    cols = {str(c).lower().replace("_", "").replace(" ", ""): c for c in table.columns}
    ann = table.columns[0] if ANNOTATOR_ID not in table.columns else ANNOTATOR_ID
    prof = next((cols[k] for k in ("valueprofile", "profile", "profiletext") if k in cols), None)
    if ANNOTATOR_ID not in table.columns:
        try:
            mapped = infer_mapping(table).roles.get(ANNOTATOR_ID)
        except Exception:  # a two-column table may not map cleanly
            mapped = None
        ann = mapped or next(
            (cols[k] for k in ("annotatorid", "raterid", "workerid", "userid") if k in cols), None
        )
    if ann is None or prof is None:
        raise ValueError(
            "Profiles need an annotator column and a profile column (e.g. 'annotator_id' and "
            f"'value_profile'); found columns: {', '.join(map(str, table.columns))}."
        )
    rows = table[[ann, prof]].dropna()
    rows = rows[rows[prof].astype(str).str.strip() != ""]
    return rows.drop_duplicates(ann).set_index(ann)[prof].astype(str).rename(str).to_dict()


def write_llm_profiles(
    ds: AnnotationDataset,
    backend: LLMBackend,
    cfg: ProfileRunConfig,
    task: str,
    raters: Sequence[str] | None = None,
    progress: Progress | None = None,
) -> dict[str, str]:
    """Profiles from an LLM backend (seed encoder prompt, figure A8) on each rater's fit rows.

    Uses the same fit/eval partition as :func:`~engines.profiles.app_decoder.fit_app_decoder`,
    so the decoder never sees a profile written from its own targets. ``progress`` counts
    raters.

    Raises:
        engines.text.llm.LLMError: On the first failure of the backend.
    """
    seed = cfg.seeds[0] if cfg.seeds else 0
    part = partition_fit_eval(ds.df, seed, cfg.min_ratings)
    fit_rows = part[part[ROLE] == "fit"]
    groups = dict(list(fit_rows.groupby(fit_rows[ANNOTATOR_ID].astype(str))))
    todo = [r for r in (raters or sorted(groups)) if r in groups]
    out: dict[str, str] = {}
    for k, rater in enumerate(todo, 1):
        rows = groups[rater]
        out[rater] = write_profile_llm(backend, rows["text"].tolist(), rows["label"].tolist(), task)
        report(progress, k, len(todo), f"LLM profile: rater {rater}")
    return out
