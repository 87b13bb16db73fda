"""A session's results as one self-contained HTML report (issue #27).

:mod:`.sections` turns each wing's results into a :class:`~.document.ReportSection` (the
takeaways, figures and tables of its page, and the settings used); :func:`.document.render_report`
writes them as one HTML file that opens offline.
"""

from analysis.report.document import ReportSection, render_report
from analysis.report.mcstl import mcstl_section
from analysis.report.profiles import profiles_section
from analysis.report.realm import realm_section
from analysis.report.sections import about_data, moe_section, overview_section
from analysis.report.synthetic import synthetic_section

__all__ = [
    "ReportSection",
    "about_data",
    "mcstl_section",
    "moe_section",
    "overview_section",
    "profiles_section",
    "realm_section",
    "render_report",
    "synthetic_section",
]
