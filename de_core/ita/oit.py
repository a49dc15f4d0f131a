"""The OIT publication checklist of a year (O1–O43 in FY2566): status per item, % published, projected OIT.

"Published" counts the statuses published AND checked: a checked item is published and verified by the
screening committee, so it is on the website too. Projected OIT = published items / items × 100 (half-up,
2 places): a rough forecast of the open-data score from the checklist, shown next to the entered OIT.
An item's link is flagged when the cell could not be read as a link ("invalid"), or when a published or
checked item has no link ("missing"). Codes are compared case- and space-insensitively within a year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from de_core.ita.score import HUNDRED, round2
from de_core.sheet.text import normalize
from de_core.sheet.workbook import Workbook

STATUSES = ("not_started", "drafted", "published", "checked")
PUBLISHED = frozenset({"published", "checked"})
MISSING, INVALID = "missing", "invalid"


def code_key(code: str | None) -> str:
    """A code as compared for duplicates: "o 5", "O5" and "o5" are the same item."""
    return re.sub(r"\s+", "", normalize(code or "")).upper()


def _sort_key(code: str | None) -> tuple[str, int, str]:
    key = code_key(code)
    m = re.match(r"^([A-Z]*)(\d+)", key)
    return (m.group(1), int(m.group(2)), key) if m else (key, 0, key)


@dataclass(frozen=True)
class OitItem:
    code: str
    title: str
    group: str | None
    status: str | None
    url: str | None
    checked_by: str
    checked_on: date | None
    row: int
    id: str | None = None
    url_problem: str | None = None  # MISSING | INVALID | None
    duplicate_of: int | None = None  # sheet row of the first item with the same code

    @property
    def published(self) -> bool:
        return self.status in PUBLISHED


class _PublishedShare:
    """Counts over `items`: how many, how many published (or checked), and that share in percent."""

    items: list[OitItem]

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def published(self) -> int:
        return sum(1 for i in self.items if i.published)

    @property
    def percent(self) -> Decimal | None:
        """Share of the items published or checked, in percent (None without items)."""
        return round2(Decimal(self.published) * HUNDRED / self.total) if self.total else None


@dataclass
class GroupProgress(_PublishedShare):
    group: str | None  # oit_group key; None for items whose group could not be read
    items: list[OitItem] = field(default_factory=list)


@dataclass
class OitChecklist(_PublishedShare):
    fiscal_year: int | None
    groups: list[GroupProgress] = field(default_factory=list)

    @property
    def items(self) -> list[OitItem]:  # type: ignore[override]
        return [i for g in self.groups for i in g.items]

    @property
    def projected_oit(self) -> Decimal | None:
        """Projected OIT score from the checklist: items published / items × 100."""
        return self.percent

    def counts(self) -> dict[str, int]:
        """Items per status (every status present, "unknown" only when a status could not be read)."""
        out = dict.fromkeys(STATUSES, 0)
        for item in self.items:
            key = item.status if item.status in out else "unknown"
            out[key] = out.get(key, 0) + 1
        return out

    @property
    def flagged(self) -> list[OitItem]:
        """Items whose link is missing or invalid."""
        return [i for i in self.items if i.url_problem]

    @property
    def duplicates(self) -> list[OitItem]:
        return [i for i in self.items if i.duplicate_of is not None]


def _bad_url_rows(wb: Workbook) -> set[int]:
    """Sheet rows of the OIT tab whose link cell could not be read."""
    bad: set[int] = set()
    for issue in wb.issues:
        if issue.tab_key == "oit_items" and issue.column == "url" and issue.address:
            digits = re.sub(r"^[A-Z]+", "", issue.address)
            if digits.isdigit():
                bad.add(int(digits))
    return bad


def oit_checklist(wb: Workbook, fiscal_year: int | None) -> OitChecklist:
    """The year's OIT items grouped in the assessment's order, with % published and the link flags."""
    bad_urls = _bad_url_rows(wb)
    first_row: dict[str, int] = {}
    items: list[OitItem] = []
    for rec in wb.rows("oit_items", fiscal_year):
        code, row = rec.get("code") or "", rec["_row"]
        key = code_key(code)
        duplicate_of = first_row.get(key) if key else None
        if key and duplicate_of is None:
            first_row[key] = row
        problem = INVALID if row in bad_urls else None
        if problem is None and rec.get("status") in PUBLISHED and not rec.get("url"):
            problem = MISSING
        items.append(OitItem(code, rec.get("title") or "", rec.get("group"), rec.get("status"), rec.get("url"),
                             rec.get("checked_by") or "", rec.get("checked_on"), row, rec.get("id"), problem,
                             duplicate_of))
    order = [o.key for o in wb.schema.options("oit_group")]
    groups = [GroupProgress(g) for g in order]
    by_key = {g.group: g for g in groups}
    for item in sorted(items, key=lambda i: (_sort_key(i.code), i.row)):
        if item.group not in by_key:
            by_key[item.group] = GroupProgress(item.group)
            groups.append(by_key[item.group])
        by_key[item.group].items.append(item)
    return OitChecklist(fiscal_year, [g for g in groups if g.items])
