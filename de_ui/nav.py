"""The pages of the app, in menu order. One line per page: file, title key, icon, URL path."""

from __future__ import annotations

from dataclasses import dataclass

# A url_path must never equal a page file's name: with a folder called pages/, Streamlit's first run in a
# process (and every AppTest rerun) uses its old multipage mode, where /<file name> runs pages/<file name>.py
# alone, without streamlit_app.py (no sidebar, no page config). tests/unit/test_nav.py guards this.


@dataclass(frozen=True)
class PageSpec:
    file: str
    title_key: str
    icon: str
    url_path: str


PAGES: list[PageSpec] = [
    PageSpec("pages/overview.py", "nav.overview", ":material/dashboard:", "dashboard"),
    PageSpec("pages/de_tracker.py", "nav.de_tracker", ":material/checklist:", "de-tracker"),
    PageSpec("pages/kpis.py", "nav.kpis", ":material/speed:", "kra-kpi"),
    PageSpec("pages/ita.py", "nav.ita", ":material/verified:", "ita-score"),
    PageSpec("pages/activities.py", "nav.activities", ":material/view_timeline:", "activity-timeline"),
    PageSpec("pages/budget.py", "nav.budget", ":material/payments:", "budget-coverage"),
    PageSpec("pages/reflections.py", "forms.nav_reflections", ":material/forum:", "reflection-feed"),
    PageSpec("pages/reflect.py", "forms.nav_reflect", ":material/edit_note:", "write-reflection"),
    PageSpec("pages/learning.py", "learning.nav", ":material/history_edu:", "learning-log"),
    PageSpec("pages/adaptations.py", "nav.adaptations", ":material/alt_route:", "adaptation-log"),
    PageSpec("pages/sensemaking.py", "nav.sensemaking", ":material/groups:", "sensemaking-meeting"),
    PageSpec("pages/outcomes.py", "harvest.nav", ":material/eco:", "harvested-outcomes"),
    PageSpec("pages/results.py", "forms.nav_results", ":material/task_alt:", "record-results"),
    PageSpec("pages/data_health.py", "nav.data_health", ":material/health_and_safety:", "data-health"),
    PageSpec("pages/data.py", "nav.data", ":material/swap_vert:", "import-export"),
    PageSpec("pages/report.py", "nav.report", ":material/description:", "best-practice-report"),
    PageSpec("pages/report_write.py", "nav.report_write", ":material/edit_document:", "write-report"),
    PageSpec("pages/share.py", "nav.share", ":material/share:", "share-link"),
    PageSpec("pages/digest.py", "nav.digest", ":material/send:", "send-digest"),
    PageSpec("pages/setup.py", "nav.setup", ":material/domain:", "office-setup"),
    PageSpec("pages/region.py", "nav.region", ":material/travel_explore:", "region-scorecard"),
]
