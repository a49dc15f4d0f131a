"""The pages of the app, in menu order. One line per page: file, title key, icon, URL path."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageSpec:
    file: str
    title_key: str
    icon: str
    url_path: str


PAGES: list[PageSpec] = [
    PageSpec("pages/overview.py", "nav.overview", ":material/dashboard:", "overview"),
    PageSpec("pages/de_tracker.py", "nav.de_tracker", ":material/checklist:", "de-tracker"),
    PageSpec("pages/kpis.py", "nav.kpis", ":material/speed:", "kra-kpi"),
    PageSpec("pages/ita.py", "nav.ita", ":material/verified:", "ita"),
    PageSpec("pages/activities.py", "nav.activities", ":material/view_timeline:", "activities"),
    PageSpec("pages/budget.py", "nav.budget", ":material/payments:", "budget"),
    PageSpec("pages/data_health.py", "nav.data_health", ":material/health_and_safety:", "data-health"),
    PageSpec("pages/data.py", "nav.data", ":material/swap_vert:", "data"),
    PageSpec("pages/report.py", "nav.report", ":material/description:", "report"),
    PageSpec("pages/share.py", "nav.share", ":material/share:", "share"),
]
