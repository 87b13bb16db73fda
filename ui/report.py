"""The Home page's report: this session's results as one HTML file (issue #27).

The download's data are made when the button is clicked, outside the page's script run, where
the session's state cannot be read: each wing's results and settings are therefore gathered
while the page runs (cheap: stored objects), and only the figures and HTML are made on click.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from analysis.report import ReportSection, about_data, overview_section, render_report
from engines.data.schema import AnnotationDataset
from ui.state import get_min_group_size, get_text_encoder

Section = Callable[[], ReportSection]
"""A wing's section, made when called (its inputs gathered from the session already)."""

__all__ = ["WINGS", "report_button", "report_html", "report_maker"]

WINGS = (
    "Demographic experts", "Value profiles", "Value calibration", "Annotator reliability",
    "Synthetic perspectives",
)  # fmt: skip
"""The wings a report carries when they were trained in the session."""


def _moe(ds: AnnotationDataset) -> Section | None:
    from analysis.report import moe_section
    from ui.moe import stored_result

    result = stored_result(ds, restore=False)
    return None if result is None else lambda: moe_section(result)


def _profiles(ds: AnnotationDataset) -> Section | None:
    from analysis.report.profiles import profiles_section
    from ui.data import human_subset, synthetic_count
    from ui.profile_editor import EDITS_MADE
    from ui.profile_tables import MIN_HELD_OUT, majority_label
    from ui.profiles import stored_evaluation, stored_fitted

    if synthetic_count(ds) and st.session_state.get("vp_human_only", True):
        ds = human_subset(ds)  # as the page trained it
    fitted = stored_fitted(ds, restore=False)
    if fitted is None:
        return None
    evaluation, encoder = stored_evaluation(ds), get_text_encoder()
    representation = st.session_state.get("vp_cal_rep", "profile")
    edits = list(st.session_state.get(EDITS_MADE, {}).values())
    return lambda: profiles_section(
        fitted,
        evaluation,
        encoder=encoder,
        majority=majority_label(ds, fitted),
        calibration_representation=representation,
        min_held_out=MIN_HELD_OUT,
        edits=edits,
    )


def _mcstl(ds: AnnotationDataset) -> Section | None:
    from analysis.report.mcstl import mcstl_section
    from ui.mcstl import stored_result, tables

    result = stored_result(ds, restore=False)
    if result is None:
        return None
    makeup = next(iter(ds.demographics), None)
    derived = tables(ds, makeup)
    return lambda: mcstl_section(result, tables=derived, makeup=makeup)


def _realm(ds: AnnotationDataset) -> Section | None:
    from analysis.report.realm import realm_section
    from ui.realm import stored_result, tables

    result = stored_result(ds, restore=False)
    if result is None:
        return None
    by = next(iter(ds.demographics), None)
    derived = tables(ds, by)
    return lambda: realm_section(result, ds=ds, by=by, tables=derived)


def _synthetic(ds: AnnotationDataset) -> Section | None:
    from analysis.report.synthetic import synthetic_section
    from ui.synthetic import grid, model_fit, stored_result

    run = stored_result(ds, restore=False)
    if run is None:
        return None
    fit, cells, encoder, size = model_fit(ds), grid(ds), get_text_encoder(), get_min_group_size()
    return lambda: synthetic_section(
        ds, run, model_fit=fit, grid=cells, encoder=encoder, min_group_size=size
    )


_SECTIONS: dict[str, Callable[[AnnotationDataset], Section | None]] = {
    "Demographic experts": _moe, "Value profiles": _profiles, "Value calibration": _mcstl,
    "Annotator reliability": _realm, "Synthetic perspectives": _synthetic,
}  # fmt: skip


def report_maker(ds: AnnotationDataset) -> Callable[[], bytes]:
    """What makes the report of this session: its inputs gathered now, the file when called."""
    min_group, encoder = get_min_group_size(), get_text_encoder()
    wings = {wing: _SECTIONS[wing](ds) for wing in WINGS}

    def make() -> bytes:
        sections = [overview_section(ds, min_group_size=min_group)]
        not_run = [
            f"{w} (not trained or opened in this session)" for w, s in wings.items() if s is None
        ]
        for wing, section in wings.items():
            if section is None:
                continue
            try:  # one wing that cannot be drawn does not cost the others their report
                sections.append(section())
            except (ValueError, KeyError, IndexError, TypeError) as exc:
                not_run.append(f"{wing} (could not be reported: {exc})")
        about = about_data(ds, encoder)
        return render_report(sections, title=ds.name, about=about, not_run=not_run).encode()

    return make


def report_html(ds: AnnotationDataset) -> bytes:
    """The overview and every wing trained in this session, as one self-contained HTML file."""
    return report_maker(ds)()


def report_button(ds: AnnotationDataset) -> None:
    """A download of the report, made when clicked."""
    st.download_button(
        "Download report (HTML)",
        data=report_maker(ds),
        file_name="perspectives_report.html",
        mime="text/html",
        key="home_report",
        help="One HTML file that opens offline: takeaways, interactive figures, tables and "
        "the settings used, for the overview and every wing trained in this session.",
    )
