"""The period a digest is for: one digest per channel, target and period (a week unless the settings say otherwise).

A period's key (2023-W26, 2023-06, 2023-06-30) is the last part of a digest log row's id: Gregorian and ISO, the
same on every machine whatever its language; its label is what people read (Buddhist Era in Thai).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from de_core.display.i18n import translate
from de_core.thaidate import format_date, format_month, last_day

EVERY = ("week", "month", "day")
PER_MONTH = {"week": 365.25 / 7 / 12, "month": 1.0, "day": 365.25 / 12}  # digests a month, on average


@dataclass(frozen=True)
class Period:
    every: str
    start: date
    end: date

    @property
    def key(self) -> str:
        """"2023-W26" (ISO week), "2023-06" or "2023-06-30"."""
        if self.every == "week":
            year, week, _ = self.start.isocalendar()
            return f"{year}-W{week:02d}"
        if self.every == "month":
            return f"{self.start.year}-{self.start.month:02d}"
        return self.start.isoformat()

    def previous(self) -> Period:
        """The period just before this one."""
        return period_of(self.start - timedelta(days=1), self.every)

    def label(self, lang: str = "th") -> str:
        """"สัปดาห์ 26 มิ.ย. – 2 ก.ค. 2566", "มิ.ย. 2566" or "30 มิ.ย. 2566"."""
        if self.every == "week":
            return translate("digest.period_week", lang, start=format_date(self.start, lang),
                             end=format_date(self.end, lang))
        if self.every == "month":
            return format_month(self.start.year, self.start.month, lang)
        return format_date(self.start, lang)


def period_of(day: date, every: str = "week") -> Period:
    """The period holding `day`: its ISO week (Monday to Sunday), its month, or the day itself.

    Raises ValueError for an `every` other than week, month or day.
    """
    if every == "week":
        start = day - timedelta(days=day.weekday())
        return Period(every, start, start + timedelta(days=6))
    if every == "month":
        return Period(every, day.replace(day=1), last_day(day.year, day.month))
    if every == "day":
        return Period(every, day, day)
    raise ValueError(f"every must be one of {', '.join(EVERY)}, not {every!r}")


def messages_per_month(every: str, recipients: int) -> int:
    """LINE's count for a schedule: one message per recipient per digest (a group's members, a broadcast's
    friends), whatever the number of message objects in it; rounded up, for the average month."""
    return -int(-PER_MONTH[every] * recipients // 1)
