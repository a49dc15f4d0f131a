"""Budget: allocation, planned and spent per activity, alerts, the monthly burn against the cumulative plan and
what the quarters hold (said in words), and the coverage heatmap with the harvested outcomes beside it."""

import streamlit as st

from de_core.activities.budget import budget_view
from de_core.activities.charts import budget_chart, burn_chart, coverage_heatmap
from de_core.activities.coverage import coverage
from de_core.activities.tables import (
    alert_messages,
    budget_table,
    gap_labels,
    pace_message,
    quarters_line,
    spread_messages,
)
from de_core.display import html
from de_core.thaidate import format_baht, format_percent
from de_ui.charts import cached_chart
from de_ui.chrome import page_start
from de_ui.i18n import t
from de_ui.markup import notes, show, table
from de_ui.outcomes import beside_coverage

page = page_start("budget.title")
wb, fy, L = page.wb, page.fy, page.lang
view = wb.derived(("budget", fy, page.as_of), lambda: budget_view(wb, fy, page.as_of))
summary = view.summary

show(html.figures([(t(f"budget.{k}"), format_baht(v, L)) for k, v in summary.amounts.items()], "sj-big"))
if summary.allocation:
    st.progress(min(1.0, float(summary.spent / summary.allocation)),
                text=t("budget.used_share", share=format_percent(summary.spent / summary.allocation * 100)))
else:
    st.info(t("budget.no_allocation"))
pace = pace_message(view.pace, L)  # spending ahead of the cumulative plan is an alert; else said under the burn
ahead = [pace] if pace and pace[0] == "warning" else []
notes([("warning", m) for m in alert_messages(view.alerts, L)] + ahead,
      None if view.alerts or ahead else t("budget.no_alerts"))

st.subheader(t("budget.per_activity"))
if summary.lines:
    cached_chart(wb, "budget_bars", (fy, page.as_of, L), lambda: budget_chart(summary, L), min_width=640)
    table(budget_table(summary, L), numeric=[t("budget.planned"), t("budget.spent"), t("budget.remaining")])
else:
    st.info(t("budget.empty"))

st.subheader(t("budget.burn"))
if pace and not ahead:
    st.caption(pace[1])
cached_chart(wb, "budget_burn", (fy, page.as_of, L),
             lambda: burn_chart(view.burn, fy, view.as_of, summary.allocation, L), min_width=560)
if view.spread is not None and view.spread.activity_months:
    st.caption(quarters_line(view.spread, L))
    notes(spread_messages(view.spread, L))

st.subheader(t("coverage.title"))
cov = wb.derived(("coverage", fy), lambda: coverage(wb, fy))
st.caption(t("coverage.help"))
cached_chart(wb, "coverage_heatmap", (fy, L), lambda: coverage_heatmap(cov, wb.schema, L), min_width=600)
pairs = gap_labels(cov, wb.schema, L)
if pairs:
    st.warning(t("coverage.gaps", pairs=", ".join(pairs)), icon=":material/grid_off:")
else:
    st.success(t("coverage.no_gaps"), icon=":material/check_circle:")
if cov.untagged:
    st.info(t("coverage.untagged", n=len(cov.untagged)))
beside_coverage(cov, wb.schema, L)  # harvested outcomes per cell, and any outcome in a gap
