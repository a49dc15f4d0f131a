"""The digest page's glue: the digest settings from this app's secrets, this period's digest as it will be sent, who
gets it, the log so far, and "send now" through this session's Writer (the same run as the command's)."""

from __future__ import annotations

import json
from dataclasses import dataclass

import streamlit as st

from de_core.digest.flex import flex_message
from de_core.digest.html import digest_html
from de_core.digest.log import TAB
from de_core.digest.model import Digest
from de_core.digest.period import PER_MONTH, messages_per_month
from de_core.digest.send import Outcome, deliver, digest_for, dry_run
from de_core.digest.settings import DigestConfigError, DigestSettings, load_settings
from de_core.digest.text import digest_text
from de_core.display.mdtext import md_escape_lines
from de_core.sheet.workbook import Workbook, parse_workbook
from de_core.store.base import StoreError
from de_core.thaidate import format_date
from de_core.writing.submission import bangkok_now
from de_ui.chrome import today
from de_ui.data import _secrets, get_store, refresh
from de_ui.i18n import lang, t
from de_ui.writes import writer

EXAMPLE_GROUP = 25  # members of the example group in the allowance line
OUTCOMES = "digest._outcomes"


@dataclass(frozen=True)
class Preview:
    settings: DigestSettings
    problem: str  # the settings' problem, "" when they can be used
    digest: Digest
    text: str
    flex: dict
    html: str

    @property
    def flex_json(self) -> str:
        """The Flex message as the request body carries it, indented for reading."""
        return json.dumps(self.flex, ensure_ascii=False, indent=2)


def settings() -> tuple[DigestSettings, str]:
    """The digest settings of this app's secrets (none when they cannot be used), and what is wrong with them."""
    try:
        return load_settings(_secrets()), ""
    except DigestConfigError as exc:
        return DigestSettings(), exc.message(lang())


def preview(wb: Workbook, fy: int) -> Preview:
    """This period's digest in every form it is sent (secrets never enter it: the message holds none); made once per
    workbook, year, day and settings (Workbook.derived), so a rerun of the page costs nothing."""
    conf, problem = settings()
    day = today()

    def make() -> Preview:
        digest = digest_for(wb, fy, day, conf)
        return Preview(conf, problem, digest, conf.redact(digest_text(digest)), flex_message(digest),
                       conf.redact(digest_html(digest)))

    return wb.derived(("digest_preview", fy, day, conf, problem), make)


def _channel(channel: str) -> str:
    return t("digest.channel_line") if channel == "line" else t("digest.channel_email")


def target_rows(wb: Workbook, p: Preview) -> list[dict[str, str]]:
    """One row per target: channel, target, and what a send now would do (and why not)."""
    return [{"channel": _channel(o.channel), "target": o.target, "plan": t(f"digest.plan_{o.status}"),
             "note": p.settings.redact(o.note(lang()))} for o in dry_run(wb, p.digest, p.settings, bangkok_now())]


def allowance_line(conf: DigestSettings) -> str:
    """What a schedule costs of LINE's monthly allowance, for an example group."""
    return t("digest.allowance", per_month=f"{PER_MONTH[conf.every]:.1f}".rstrip("0").rstrip("."),
             members=EXAMPLE_GROUP, example=messages_per_month(conf.every, EXAMPLE_GROUP))


def log_rows(wb: Workbook, fy: int) -> list[dict[str, str]]:
    """The digest log's rows of the year, newest first."""
    rows = sorted(wb.rows(TAB, fy), key=lambda r: (str(r.get("started_at") or ""), r["_row"]), reverse=True)
    return [{"period": r.get("period") or "", "channel": _channel(r.get("channel") or ""),
             "target": r.get("target") or "", "status": wb.schema.enum_label("digest_status", r.get("status"), lang()),
             "as_of": format_date(r.get("as_of"), lang()) if r.get("as_of") else "",
             "started": (r.get("started_at") or "")[:16].replace("T", " "), "note": r.get("note") or ""}
            for r in rows]


def send_now(fy: int) -> None:
    """The send button's on_click: send this period's digest now, from the log as the store holds it this moment
    (before the page is drawn again, so the page then shows the new log); the outcomes wait in the session."""
    conf, _problem = settings()
    try:
        wb = parse_workbook(get_store().read_all())
        st.session_state[OUTCOMES] = deliver(writer(), wb, digest_for(wb, fy, today(), conf), conf, bangkok_now)
    except StoreError as err:
        st.session_state[OUTCOMES] = conf.redact(err.message(lang()))
    refresh()


def show_outcomes(conf: DigestSettings) -> None:
    """What the last "send now" did, once."""
    result = st.session_state.pop(OUTCOMES, None)
    if isinstance(result, str):
        st.error(md_escape_lines(result))
        return
    for o in result or []:
        show_outcome(o, conf)


def show_outcome(o: Outcome, conf: DigestSettings) -> None:
    """One target's outcome as a coloured note (its text shown as written, secrets taken out)."""
    text = md_escape_lines(conf.redact(f"{_channel(o.channel)} {o.target}: {t(f'digest.status_{o.status}')}"
                                       + (f" — {o.note(lang())}" if o.note(lang()) else "")))
    {"sent": st.success, "skipped": st.info, "unknown": st.warning}.get(o.status, st.error)(text)


__all__ = ["Preview", "allowance_line", "log_rows", "preview", "send_now", "settings", "show_outcomes",
           "target_rows"]
