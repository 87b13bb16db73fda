"""The Annotator reliability page (REALM, issue #15) as a report section (issue #27).

The section shows what the page shows for a trained :class:`~engines.realm.RealmResult`: each
tab's takeaway, the expertise ranking with its bootstrap intervals (coloured by the triage
reading when there is one), the classifiers on held-out items, how alike REALM and the classic
aggregators rank the annotators, the triage when the dataset has an annotator attribute, and
the settings the models were trained with. The simulation lab is a separate run, not part of
the result, and is left out.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Protocol

import pandas as pd

from analysis.realm import (
    accuracy_takeaway,
    compute_expertise_intervals,
    compute_method_agreement,
    compute_triage,
    expertise_takeaway,
    plot_expertise_ranking,
    plot_triage,
    triage_takeaway,
)
from analysis.report.document import ReportSection
from engines.data.schema import ANNOTATOR_ID, AnnotationDataset
from engines.realm.aggregation import AGGREGATORS

if TYPE_CHECKING:
    from engines.realm.workflow import RealmResult, RealmRunConfig

__all__ = ["realm_section"]

TITLE = "Annotator reliability (REALM)"
N_BOOT, LEVEL = 200, 0.95
"""The expertise intervals: item-bootstrap resamples and coverage (the page's)."""
_INTERVAL_COLUMNS = ["annotator_id", "task", "expertise", "ci_low", "ci_high", "n", "reading",
                     "realm_joint", *AGGREGATORS]  # fmt: skip


class _PageTables(Protocol):
    """The page's derived tables of one result (``ui.realm.RealmTables`` has this shape)."""

    @property
    def intervals(self) -> pd.DataFrame: ...  # noqa: D102

    @property
    def agreement(self) -> pd.DataFrame: ...  # noqa: D102

    @property
    def triage(self) -> pd.DataFrame | None: ...  # noqa: D102


@dataclasses.dataclass(frozen=True)
class _Tables:
    intervals: pd.DataFrame
    agreement: pd.DataFrame
    triage: pd.DataFrame | None


def _page_tables(result: RealmResult, groups: pd.Series | None) -> _Tables:
    """The page's tables from the analysis functions it calls.

    The aggregators' skills join the intervals by annotator: the method agreement reads them
    side by side (as the page and ``perspectives realm`` do). ``groups``: annotator -> group.
    """
    intervals = compute_expertise_intervals(
        result.annotations, result.n_classes, n_boot=N_BOOT, level=LEVEL
    )
    scored = intervals.merge(result.skills, on=ANNOTATOR_ID, how="left")
    methods = ["expertise", *[c for c in result.skills.columns if c != ANNOTATOR_ID]]
    names = {"expertise": "REALM expertise", **AGGREGATORS}
    agreement = compute_method_agreement(scored, methods).rename(index=names, columns=names)
    triage = None
    if groups is not None:
        per_annotator = scored.groupby(ANNOTATOR_ID)["expertise"].mean()
        triage = compute_triage(result.annotations, groups, per_annotator)
    return _Tables(scored, agreement, triage)


def _methods(
    result: RealmResult, run_config: RealmRunConfig | None, by: str | None
) -> dict[str, object]:
    """The settings the models were trained with, read from the fitted models and the result."""
    accuracy = result.accuracy
    methods: dict[str, object] = {
        "classifiers": ", ".join(accuracy["method"].astype(str)),
        "aggregators (all annotations)": ", ".join(
            AGGREGATORS.get(c, c) for c in result.skills.columns if c != ANNOTATOR_ID
        ),
        "training": "item-level train split (early stopping on dev when there is one)",
    }
    if len(accuracy):
        methods["scored on"] = (
            f"{int(accuracy['n_items'].iloc[0]):,} test items against their "
            f"{accuracy['against'].iloc[0]}s"
        )
    methods["expertise intervals"] = f"{LEVEL:.0%} item bootstrap, {N_BOOT} resamples"
    methods["tasks"] = ", ".join(result.tasks)
    if by:
        methods["triage grouped by"] = by
    if run_config is not None:
        methods["seed (training, aggregators)"] = run_config.seed
        methods.update(
            {k: v for k, v in dataclasses.asdict(run_config).items()
             if v is not None and k not in ("model", "seed")}
        )  # fmt: skip
    else:
        seeds = sorted({m.config.train.seed for m in result.models.values()})
        methods["seed (training)"] = ", ".join(map(str, seeds))
    fitted = result.models.get("realm") or next(iter(result.models.values()), None)
    if fitted is not None:
        settings = dataclasses.asdict(fitted.config)
        settings.pop("variant", None)
        methods["model settings (as trained)"] = settings
    return methods


def realm_section(
    result: RealmResult,
    run_config: RealmRunConfig | None = None,
    *,
    ds: AnnotationDataset | None = None,
    by: str | None = None,
    tables: _PageTables | None = None,
) -> ReportSection:
    """The Annotator reliability page: expertise with intervals, methods compared, triage.

    Args:
        result: A trained REALM comparison (:func:`~engines.realm.run_realm`).
        run_config: The run's configuration, when the caller kept it (its fields go into
            ``methods``; without it they are read from the fitted models).
        ds: The dataset the result was trained on: its annotator attributes group the triage.
        by: The annotator attribute of the triage (default: the dataset's first, as the page's
            picker); with ``tables``, the one they were made with.
        tables: The page's derived tables of ``result`` (e.g. ``ui.realm.tables(ds, by)``),
            used as they are, so the app's report shows the page's numbers without computing
            them again. None: computed here.
    """
    if by is None and ds is not None and ds.demographics:
        by = ds.demographics[0]
    if tables is None:
        groups = None
        if ds is not None and by is not None and by in ds.demographics:
            groups = ds.annotators().set_index(ANNOTATOR_ID)[by].astype(str)
        tables = _page_tables(result, groups)
    t = tables
    shown = t.intervals
    if t.triage is not None:
        shown = shown.merge(t.triage[[ANNOTATOR_ID, "reading"]], on=ANNOTATOR_ID)
    by_name = str(by or "annotator group")
    section = ReportSection(
        TITLE,
        takeaways=[expertise_takeaway(t.intervals), accuracy_takeaway(result.accuracy)],
        figures=[
            (
                "Expertise of each annotator",
                plot_expertise_ranking(shown, "reading" if t.triage is not None else None),
            )
        ],
        tables=[
            ("Expertise of each annotator (95% interval; the aggregators' skills beside it)",
             shown[[c for c in _INTERVAL_COLUMNS if c in shown.columns]]),
            ("Classifiers on held-out items", result.accuracy),
            ("Do the methods rank the annotators alike? (Spearman ρ)",
             t.agreement.reset_index(names="method")),
        ],
    )  # fmt: skip
    if t.triage is not None:
        section.takeaways.append(triage_takeaway(t.triage, by_name))
        section.figures.append((f"Noise or perspective? (by {by_name})", plot_triage(t.triage)))
        section.tables.append((f"Triage (by {by_name})", t.triage))
    section.methods = _methods(result, run_config, by if t.triage is not None else None)
    return section
