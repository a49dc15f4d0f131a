"""The report's structure: the seed's table of contents (สารบัญ), as the dropdown `report_section` lists it.

Section keys are the numbers ("1", "1.1", "8.2.1") plus "foreword", "form" and "references"; the order of the
options in sheets_schema/enums.toml is the report's order, and their labels are the headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from de_core.sheet.schema import Schema, load_schema

SECTION_ENUM = "report_section"
BLOCK_ENUM = "report_block"
FRONT = ("foreword",)  # before the table of contents, and not listed in it


@dataclass(frozen=True)
class SectionSpec:
    key: str
    th: str  # the heading without its number
    en: str

    @property
    def number(self) -> str:
        return self.key if self.key[0].isdigit() else ""

    @property
    def level(self) -> int:
        return self.number.count(".") + 1 if self.number else 1

    @property
    def parent(self) -> str | None:
        return self.number.rsplit(".", 1)[0] if "." in self.number else None

    def title(self, lang: str) -> str:
        return self.th if lang == "th" else self.en

    def label(self, lang: str) -> str:
        """"1.1 เหตุผล…" as in the sheet's dropdown (the number, then the heading)."""
        return f"{self.number} {self.title(lang)}".strip()


def _strip_number(key: str, label: str) -> str:
    return re.sub(rf"^{re.escape(key)}\.?\s+", "", label) if key[0].isdigit() else label


def section_specs(schema: Schema | None = None) -> tuple[SectionSpec, ...]:
    """Every section of the report, in the seed's order."""
    schema = schema or load_schema()
    return tuple(SectionSpec(o.key, _strip_number(o.key, o.th), _strip_number(o.key, o.en))
                 for o in schema.options(SECTION_ENUM))


def has_children(specs: tuple[SectionSpec, ...], key: str) -> bool:
    return any(s.parent == key for s in specs)
