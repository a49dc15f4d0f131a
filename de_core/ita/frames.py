"""The ITA frame of each fiscal year as data: weights, bands, indicator titles, the OIT item list and per-tool
rules. The sheet's own rows for a year win (per part: the ITA weights, bands and rules tabs); else the frame shipped
in sheets_schema/ita_frames/; else the nearest earlier year's, said so on the page
(sheets_schema/ita_frames/README.md)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

from de_core.sheet.workbook import Workbook
from sheets_schema import ITA_FRAMES_DIR

RULE_KINDS = ("cap_total", "cap_level")


@dataclass(frozen=True)
class Rule:
    """When `tool` scores below `below`: cap_total lowers the total to `cap`; cap_level caps the level at `level`."""

    tool: str
    below: Decimal
    kind: str
    cap: Decimal | None = None
    level: str = ""
    note_th: str = ""
    note_en: str = ""

    def applies(self, scores: dict[str, Decimal | None]) -> bool:
        score = scores.get(self.tool)
        return score is not None and score < self.below


@dataclass(frozen=True)
class FrameFile:
    """One shipped frame file."""

    fiscal_year: int
    weights: dict[str, Decimal] = field(default_factory=dict)
    bands: tuple[tuple[str, Decimal, str], ...] = ()
    indicators: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # key → (tool, th, en)
    oit_items: tuple[tuple[str, str, str], ...] = ()  # (code, title, group)
    rules: tuple[Rule, ...] = ()
    source_th: str = ""
    source_en: str = ""
    path: str = ""


def _decimal(value: object, where: str) -> Decimal:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise ValueError(f"{where}: not a number: {value!r}") from None


def _rule(raw: dict, where: str) -> Rule:
    kind = str(raw.get("kind") or "")
    if kind not in RULE_KINDS:
        raise ValueError(f"{where}: rule kind must be one of {', '.join(RULE_KINDS)}, not {kind!r}")
    cap = _decimal(raw["cap"], where) if kind == "cap_total" else None
    level = str(raw.get("level") or "")
    if kind == "cap_level" and not level:
        raise ValueError(f"{where}: a cap_level rule needs a level")
    return Rule(str(raw["tool"]).lower(), _decimal(raw["below"], where), kind, cap, level,
                str(raw.get("note_th") or ""), str(raw.get("note_en") or ""))


def load_frame(path: Path) -> FrameFile:
    """Read one frame file. Raises ValueError naming the file and what is wrong."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    where = path.name
    return FrameFile(
        int(data["fiscal_year"]),
        {str(k).lower(): _decimal(v, where) for k, v in (data.get("weights") or {}).items()},
        tuple((str(b["level"]), _decimal(b["min_score"], where), str(b.get("color") or ""))
              for b in data.get("bands") or []),
        {str(i["key"]): (str(i["tool"]).lower(), str(i["th"]), str(i["en"])) for i in data.get("indicators") or []},
        tuple((str(o["code"]), str(o["title"]), str(o["group"])) for o in data.get("oit_items") or []),
        tuple(_rule(r, where) for r in data.get("rules") or []),
        str(data.get("source_th") or ""), str(data.get("source_en") or ""), str(path),
    )


#: where the shipped frames are read from (tests point it at a folder of example frames)
FRAMES_DIR = ITA_FRAMES_DIR


def shipped_frames(folder: Path | None = None) -> dict[int, FrameFile]:
    """Every frame file in the folder (default FRAMES_DIR), by fiscal year."""
    return _frames_in(Path(folder or FRAMES_DIR))


@cache
def _frames_in(folder: Path) -> dict[int, FrameFile]:
    return {f.fiscal_year: f for f in (load_frame(p) for p in sorted(folder.glob("*.toml")))}


@dataclass(frozen=True)
class Frame:
    """The frame a year uses and where each part came from: "sheet", "shipped" or "borrowed" (another year's)."""

    fiscal_year: int
    weights: dict[str, Decimal]
    bands: tuple[tuple[str, Decimal, str], ...]
    rules: tuple[Rule, ...]
    weights_from: int | None
    bands_from: int | None
    source: str  # "sheet" | "shipped" | "borrowed" | "none"
    file: FrameFile | None = None

    @property
    def borrowed_from(self) -> int | None:
        """The other year whose frame this year uses (None when it uses its own)."""
        years = {y for y in (self.weights_from, self.bands_from) if y is not None and y != self.fiscal_year}
        return max(years) if years else None


def _sheet_weights(wb: Workbook, fy: int) -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for w in wb.rows("ita_weights", fy):
        if w.get("tool") and w.get("weight") is not None and w["tool"] not in out:
            out[w["tool"]] = Decimal(w["weight"])
    return out


def _sheet_rules(wb: Workbook, fy: int) -> tuple[Rule, ...]:
    """The year's rules from the ITA rules tab (they replace a shipped file's rules for that year); a row missing
    what its kind needs is left out (Data health reports the cell)."""
    out = []
    for r in wb.rows("ita_rules", fy):
        kind, below = r.get("kind"), r.get("below")
        if not r.get("tool") or below is None or kind not in RULE_KINDS:
            continue
        if kind == "cap_total" and r.get("cap") is None or kind == "cap_level" and not r.get("level"):
            continue
        note = r.get("note") or ""
        out.append(Rule(r["tool"], Decimal(below), kind, None if r.get("cap") is None else Decimal(r["cap"]),
                        str(r.get("level") or "").strip(), note, note))
    return tuple(out)


def _sheet_bands(wb: Workbook, fy: int) -> tuple[tuple[str, Decimal, str], ...]:
    return tuple((b["level"], Decimal(b["min_score"]), b.get("color") or "") for b in wb.rows("ita_bands", fy)
                 if b.get("level") and b.get("min_score") is not None)


def frame_for(wb: Workbook, fiscal_year: int, shipped: dict[int, FrameFile] | None = None) -> Frame:
    """The frame of a year: per part, the sheet's rows for it, else the shipped file, else the nearest earlier
    year that has that part (sheet first, then file)."""
    shipped = shipped_frames() if shipped is None else shipped
    weights, weights_from = _part(wb, fiscal_year, shipped, _sheet_weights, lambda f: f.weights)
    bands, bands_from = _part(wb, fiscal_year, shipped, _sheet_bands, lambda f: f.bands)
    own = shipped.get(fiscal_year)
    file = own or next((shipped[y] for y in sorted(shipped, reverse=True) if y <= fiscal_year), None)
    rules = _sheet_rules(wb, fiscal_year) or (file.rules if file is not None else ())
    from_sheet = bool(_sheet_weights(wb, fiscal_year)) or bool(_sheet_bands(wb, fiscal_year))
    if weights_from is None and bands_from is None:
        source = "none"
    elif {weights_from, bands_from} - {fiscal_year, None}:
        source = "borrowed"
    else:
        source = "sheet" if from_sheet else "shipped"
    return Frame(fiscal_year, weights, bands, rules, weights_from, bands_from, source, file)


def _part(wb, fiscal_year, shipped, from_sheet, from_file):
    sheet_years = sorted({r["fiscal_year"] for tab in ("ita_weights", "ita_bands") for r in wb.rows(tab)
                          if r.get("fiscal_year")}, reverse=True)
    for year in sorted({fiscal_year, *sheet_years, *shipped}, reverse=True):
        if year > fiscal_year:
            continue
        if found := from_sheet(wb, year):
            return found, year
        if year in shipped and (found := from_file(shipped[year])):
            return found, year
    return type(from_file(FrameFile(0)))(), None


def apply_rules(total: Decimal | None, scores: dict[str, Decimal | None], rules: tuple[Rule, ...]
                ) -> tuple[Decimal | None, str | None, list[Rule]]:
    """The total after cap_total rules, the lowest level cap of cap_level rules (None when none), and the rules
    that applied."""
    applied = [r for r in rules if r.applies(scores)]
    for rule in applied:
        if rule.kind == "cap_total" and total is not None and rule.cap is not None:
            total = min(total, rule.cap)
    caps = [r.level for r in applied if r.kind == "cap_level"]
    return total, (caps[0] if caps else None), applied
