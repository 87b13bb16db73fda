"""The Synthetic perspectives page as a report section: the blending grid and the audit.

It reads the page's stored run (its form, :class:`~engines.synthetic.BlendingResult` and any
LLM replies) and, when one was fitted, the annotator-model comparison, and computes the page's
tables with the page's ``compute_*``, ``plot_*`` and takeaway functions. Every sentence is
labelled synthetic: these numbers describe generated annotations, not people.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

import pandas as pd

from analysis.report.document import ReportSection
from analysis.synthetic import (
    compute_blending_grid,
    compute_category_mae,
    compute_group_alignment,
    compute_homogenisation,
    compute_persona_alignment,
    compute_prototypical_features,
    plot_blending_grid,
    plot_group_alignment,
    plot_homogenisation,
    plot_model_fit,
    plot_prototypical_features,
)
from analysis.synthetic.takeaways import (
    grid_takeaway,
    homogenisation_takeaway,
    model_fit_takeaway,
    prototypical_takeaway,
)
from engines.data.schema import ANNOTATOR_ID, AnnotationDataset

if TYPE_CHECKING:
    from engines.synthetic import BlendingResult

__all__ = ["SYNTHETIC_NOTE", "StoredSynthetic", "synthetic_section"]

TITLE = "Synthetic perspectives (generated annotations)"
SYNTHETIC_NOTE = "Synthetic: these numbers describe generated annotations, not what people said."
_SECRET = {"api_key"}
"""Form fields never written to a report."""
_ONLY_FOR = {
    "imputation": ("strategies", "temperature"),
    "llm": ("llm", "llm_strategy", "granularity", "llm_temperatures", "llm_limit"),
}
"""Form fields that apply to one generator only (the page's form shows them only then)."""


class StoredSynthetic(Protocol):
    """What the page keeps of a run (``ui.synthetic.SyntheticRun``)."""

    form: object
    """The form's values (a dataclass: generator, strategies, blends, epochs, seed, ...)."""
    result: BlendingResult
    replies: pd.DataFrame | None


def _scrub(value: object) -> object:
    """``value`` without secrets (an LLM key typed in the session)."""
    if isinstance(value, dict):
        return {k: _scrub(v) for k, v in value.items() if k not in _SECRET}
    return value


def _grid(
    ds: AnnotationDataset, r: BlendingResult, min_group_size: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The blending grid and its per-category parts, as the page computes them."""
    people = ds.annotators()[[ANNOTATOR_ID, *r.attributes]].astype({ANNOTATOR_ID: str})
    return (
        compute_blending_grid(r.predictions, people, r.attributes, min_group_size=min_group_size),
        compute_category_mae(r.predictions, people, r.attributes, min_group_size=min_group_size),
    )


def _audit(
    section: ReportSection, ds: AnnotationDataset, r: BlendingResult, name: str
) -> list[pd.DataFrame]:
    """One synthetic set's audit: takeaways and figures added, its three tables returned."""
    human, synth = r.train, r.synthetic[name]
    level = "nominal" if ds.scale.kind == "nominal" else "interval"
    homog = compute_homogenisation(human, synth, level, ds.scale.classes)
    features = compute_prototypical_features(compute_persona_alignment(human, synth, r.attributes))
    alignment = compute_group_alignment(human, synth, r.attributes)
    label = f"Synthetic set “{name}”"
    section.takeaways.append(f"{label}: {homogenisation_takeaway(homog)}")
    section.takeaways.append(f"{label}: {prototypical_takeaway(features)}")
    section.figures.append((f"{label}: homogenisation", plot_homogenisation(
        homog, title=f"{label}: do synthetic annotators agree more than humans?")))  # fmt: skip
    if len(features):
        section.figures.append((f"{label}: persona attributes", plot_prototypical_features(
            features, title=f"{label}: which persona attributes the generator uses")))  # fmt: skip
    if len(alignment) and alignment["pearson"].notna().any():
        section.figures.append((f"{label}: group alignment", plot_group_alignment(
            alignment, title=f"{label}: how well synthetic ratings follow each human group"),
        ))  # fmt: skip
    return [t.assign(synthetic_set=name) for t in (homog, alignment, features)]


def _stacked(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """The sets' tables one under another, the set named first."""
    table = pd.concat(parts, ignore_index=True)
    return table[["synthetic_set", *[c for c in table.columns if c != "synthetic_set"]]]


def _settings(form: object) -> dict[str, object]:
    """The form's values that apply to its generator, without secrets."""
    if not dataclasses.is_dataclass(form) or isinstance(form, type):
        return {}
    values = dataclasses.asdict(form)
    generator = values.get("generator")
    hidden = {k for g, keys in _ONLY_FOR.items() if generator not in (None, g) for k in keys}
    return {k: _scrub(v) for k, v in values.items()
            if k not in _SECRET | hidden and v is not None}  # fmt: skip


def _methods(run: StoredSynthetic, encoder: str | None, min_group_size: int) -> dict[str, object]:
    """The settings used: the form's, the sets made, what was trained, the intervals."""
    r = run.result
    methods: dict[str, object] = {"note": SYNTHETIC_NOTE, **_settings(run.form)}
    methods["synthetic sets"] = {name: len(rows) for name, rows in r.synthetic.items()}
    if r.skipped:
        methods["sets not trained (no readable label)"] = ", ".join(r.skipped)
    methods["attributes"] = ", ".join(r.attributes)
    methods["real training annotations"] = len(r.train)
    methods["DEM-MoE models trained"] = (
        f"{len(r.fit_seconds)} in {sum(r.fit_seconds.values()):.0f} s"
    )
    methods["groups smaller than"] = f"{min_group_size} annotators are left out of group MAE"
    methods["intervals"] = "500 item resamples (grid, shared by every cell); 200 (α)"
    if encoder:
        methods["text encoder"] = encoder
    return methods


def synthetic_section(
    ds: AnnotationDataset,
    run: StoredSynthetic,
    *,
    model_fit: tuple[str, pd.DataFrame] | None = None,
    grid: tuple[pd.DataFrame, pd.DataFrame] | None = None,
    sets: Sequence[str] | None = None,
    encoder: str | None = None,
    min_group_size: int = 5,
) -> ReportSection:
    """The Synthetic perspectives page: the blending grid, the audit, the annotator models.

    Args:
        ds: The dataset the run was made on (its scale and the annotators' demographics).
        run: The page's stored run.
        model_fit: The annotator-model comparison, ``(twin granularity, table)``, if fitted.
        grid: The page's ``(grid, MAE per category)`` if already computed (else computed here
            with the same function, seed and resamples).
        sets: The synthetic sets audited (default: every set of the run that has labels).
        encoder: The text encoder of the item embeddings.
        min_group_size: Smallest group (annotators) counted in the group MAE.
    """
    r = run.result
    g, categories = grid if grid is not None else _grid(ds, r, min_group_size)
    section = ReportSection(TITLE, methods=_methods(run, encoder, min_group_size))
    section.takeaways.append(f"Blending synthetic annotations into DEM-MoE: {grid_takeaway(g)}")
    section.figures.append(("Blending grid (mean MAE across demographic categories)",
                            plot_blending_grid(g)))  # fmt: skip
    section.tables.append(("Blending grid: DEM-MoE's test MAE per cell (real test annotations)", g))
    if len(categories):
        section.tables.append(("MAE by demographic category", categories))
    audited = [n for n in r.synthetic if n not in r.skipped] if sets is None else sets
    parts = [_audit(section, ds, r, name) for name in audited if name in r.synthetic]
    if parts:
        section.tables.append(
            ("Homogenisation (synthetic vs human)", _stacked([p[0] for p in parts]))
        )
        alignment = _stacked([p[1] for p in parts])
        if len(alignment):
            section.tables.append(("Group alignment (synthetic vs human item means)", alignment))
        features = _stacked([p[2] for p in parts])
        if len(features):
            section.tables.append(("Persona attributes the generator uses", features))
    if model_fit is not None:
        kind, table = model_fit
        section.takeaways.append(f"Synthetic twins ({kind}): {model_fit_takeaway(table)}")
        section.figures.append(("Annotator models on human vs synthetic labels",
                                plot_model_fit(table)))  # fmt: skip
        section.tables.append((f"Annotator models on human vs synthetic ({kind}) labels", table))
        section.methods["synthetic twins"] = kind
    if run.replies is not None:
        from engines.synthetic.llm import reply_counts

        section.tables.append(("LLM replies (unreadable ones keep their row without a label)",
                               reply_counts(run.replies)))  # fmt: skip
    return section
