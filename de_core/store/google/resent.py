"""The appends this process re-sent lately, per tab, with the exact cells sent: what tidy looks for on reads."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from de_core.sheet.text import normalize

WINDOW = 600.0  # seconds a re-sent id is watched: far longer than any request can stay in flight


@dataclass(frozen=True)
class Sent:
    """One re-sent row: its id, the exact cells sent, and until when (store clock) it is watched."""

    row_id: str
    cells: tuple[str, ...]
    until: float


class ResentRows:
    """The ids whose append was re-sent, per tab key, with what was sent (this process only)."""

    def __init__(self, clock: Callable[[], float], window: float = WINDOW):
        self._clock, self._window = clock, window
        self._sent: dict[str, dict[str, Sent]] = {}

    def remember(self, tab_key: str, row_id: str, cells: list[str]) -> None:
        """Watch this id of this tab for a late copy, from now for the window."""
        until = self._clock() + self._window
        self._sent.setdefault(tab_key, {})[normalize(row_id)] = Sent(row_id, tuple(trimmed(cells)), until)

    def watched(self, tab_key: str) -> list[Sent]:
        """The ids of a tab still in their window; those past it are forgotten."""
        now = self._clock()
        for key in list(self._sent):
            self._sent[key] = {i: s for i, s in self._sent[key].items() if s.until > now}
            if not self._sent[key]:
                del self._sent[key]
        return list(self._sent.get(tab_key, {}).values())


def trimmed(row: list[str] | tuple[str, ...]) -> list[str]:
    out = list(row)
    while out and out[-1] == "":
        out.pop()
    return out
