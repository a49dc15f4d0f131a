"""The regional mode's settings: the [region] section of the secrets (none: the demo region)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from de_core.region.pacer import SAFE_READS_PER_MINUTE

DEFAULT_REFRESH_MINUTES = 15.0


@dataclass(frozen=True)
class RegionSettings:
    """workbook: the regional workbook (a Google Sheet URL or key, or a .sqlite file; "" = the demo region);
    drive_folder: the id of the shared Drive folder holding the offices' sheets (one listing per pass);
    refresh_minutes: how often a pass runs; reads_per_minute: the pace (under Google's 60 per user);
    postgresql, postgresql_region: the database and region of offices listed as postgresql:<office> (a regional
    session of the PostgreSQL store: it reads its region's offices and writes nothing)."""

    workbook: str = ""
    drive_folder: str = ""
    refresh_minutes: float = DEFAULT_REFRESH_MINUTES
    reads_per_minute: int = SAFE_READS_PER_MINUTE
    name: str = ""
    postgresql: str = field(default="", repr=False)  # a connection URL may hold a password: never in a repr
    postgresql_region: str = ""

    @property
    def is_demo(self) -> bool:
        return not self.workbook.strip()

    @property
    def interval(self) -> float:
        return self.refresh_minutes * 60


def _number(value: Any, default: float, low: float, high: float) -> float:
    try:
        return min(high, max(low, float(value)))
    except (TypeError, ValueError):
        return default


def region_settings(secrets: Mapping[str, Any]) -> RegionSettings:
    """[region] workbook, drive_folder, refresh_minutes (1–1440, default 15), reads_per_minute (1–60, default 50),
    name; without a workbook, the demo region."""
    section = dict(secrets.get("region") or {})
    return RegionSettings(
        workbook=str(section.get("workbook") or "").strip(),
        drive_folder=str(section.get("drive_folder") or "").strip(),
        refresh_minutes=_number(section.get("refresh_minutes"), DEFAULT_REFRESH_MINUTES, 1, 1440),
        reads_per_minute=int(_number(section.get("reads_per_minute"), SAFE_READS_PER_MINUTE, 1, 60)),
        name=str(section.get("name") or "").strip(),
        postgresql=str(section.get("postgresql") or "").strip(),
        postgresql_region=str(section.get("postgresql_region") or "").strip(),
    )


def configured(secrets: Mapping[str, Any]) -> bool:
    """Whether the secrets name a regional workbook (a real region, not the demo)."""
    return not region_settings(secrets).is_demo
