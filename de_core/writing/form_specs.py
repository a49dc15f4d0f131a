"""The entry forms as data: each form's fields, the column each fills, how it is read and its length limit.

de_core.writing.forms checks what was typed against these and builds the sheet rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

CELL_LIMIT = 50_000  # what one Google Sheets cell holds
# Each of the three DE answers: a long paste (a report's section) fits, and a whole reflection (3 answers, evidence
# links, the rest) still fits ONE cell as the JSON of its audit row's "after" (3 × 12,000 + 4,000 + the short fields
# leaves room for JSON escapes; an entry that would still overflow is refused by check_entry, never cut).
ANSWER_LIMIT = 12_000
Kind = Literal["text", "long", "date", "enum", "tags", "ref", "refs", "urls", "measure", "baht"]


@dataclass(frozen=True)
class Field:
    """One input of a form: the column it fills, how it is read and checked."""

    key: str
    kind: Kind
    required: bool = False
    limit: int = 200
    ref: str | None = None  # for ref/refs: the tab whose ids are allowed


@dataclass(frozen=True)
class FormSpec:
    tab: str
    op: Literal["append", "update"]
    fields: tuple[Field, ...]


_URLS = Field("evidence", "urls", limit=4_000)
_NOTE = Field("note", "long", limit=2_000)
FORMS: dict[str, FormSpec] = {
    "reflection": FormSpec("reflections", "append", (
        Field("activity_id", "ref", True, ref="activities"), Field("kpi_ids", "refs", ref="kpis"),
        Field("author_group", "enum", True), Field("author_role", "text"), Field("written_on", "date", True),
        Field("what", "long", True, ANSWER_LIMIT), Field("so_what", "long", True, ANSWER_LIMIT),
        Field("now_what", "long", True, ANSWER_LIMIT), Field("characteristics", "tags"),
        Field("declarations", "tags"), Field("confidence", "enum"), _URLS,
    )),
    "activity_result": FormSpec("activities", "update", (
        Field("status", "enum", True), Field("actual_start", "date"), Field("actual_end", "date"), _URLS,
    )),
    "expense": FormSpec("expenses", "append", (
        Field("activity_id", "ref", True, ref="activities"), Field("spent_on", "date", True),
        Field("item", "text", True, 500), Field("amount", "baht", True), _URLS, _NOTE,
    )),
    "kpi_reading": FormSpec("kpi_readings", "append", (
        Field("kpi_id", "ref", True, ref="kpis"), Field("value", "measure", True),
        Field("measured_on", "date", True), _URLS, _NOTE,
    )),
    # The DE loop (issue #19): an adaptation entered on its own (one proposed from a reflection is made by
    # de_core.cycle.loop.proposal), its progress, a harvested outcome, a meeting.
    "adaptation": FormSpec("adaptations", "append", (
        Field("reflection_id", "ref", ref="reflections"), Field("decision", "long", True, 4_000),
        Field("reason", "long", limit=4_000), Field("owner", "text"), Field("proposed_on", "date", True),
        Field("due_on", "date"), Field("status", "enum", True), Field("activity_id", "ref", ref="activities"),
        Field("kpi_ids", "refs", ref="kpis"), Field("step_id", "ref", ref="de_steps"), _NOTE,
    )),
    "adaptation_progress": FormSpec("adaptations", "update", (
        Field("status", "enum", True), Field("owner", "text"), Field("due_on", "date"), Field("done_on", "date"),
        Field("dropped_reason", "long", limit=2_000), Field("effect", "long", limit=4_000),
        Field("effect_evidence", "urls", limit=4_000),
    )),
    "outcome": FormSpec("outcomes", "append", (
        Field("observed_on", "date", True), Field("actor", "text", True, 500), Field("change", "long", True, 4_000),
        Field("place", "text", limit=500), Field("significance", "long", limit=4_000),
        Field("contribution", "long", limit=4_000), Field("substantiation", "long", limit=2_000),
        Field("substantiated_by", "text", limit=500), Field("characteristics", "tags"), Field("declarations", "tags"),
        Field("activity_id", "ref", ref="activities"), Field("kpi_ids", "refs", ref="kpis"), _URLS, _NOTE,
    )),
    "meeting": FormSpec("meetings", "append", (
        Field("held_on", "date", True), Field("kind", "enum", True), Field("title", "text", limit=500),
        Field("attendees", "long", limit=2_000), Field("notes", "long", limit=ANSWER_LIMIT),
        Field("decisions", "long", limit=4_000),
    )),
}
ADAPTATION_KINDS = frozenset({"adaptation", "adaptation_progress"})
