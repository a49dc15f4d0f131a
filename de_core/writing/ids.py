"""Row ids the app creates. The id is also the idempotency key of an append.

- A row a form makes: <prefix>-<hash of the tab, the author and the row's cells>, so the same entry saved again by
  the same person (its confirmation was lost) has the same id, and the store adds nothing twice (form_id). A true
  second entry with the same content, saved on purpose, gets the first free <id>-2, <id>-3 … (copy_id).
- Every other new row: <prefix>-<uuid4 hex> (new_id). Ids already in a sheet, whatever their shape, stay as they are.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Collection, Mapping

from de_core.sheet.text import normalize

PREFIXES = {
    "settings": "fy", "de_steps": "step", "kras": "kra", "kpis": "kpi", "kpi_readings": "rd", "activities": "act",
    "expenses": "exp", "ita_scores": "ita", "ita_bands": "band", "ita_weights": "w", "oit_items": "oit",
    "reflections": "ref", "evidence": "ev", "objectives": "obj", "audit": "aud", "report_sections": "rs",
    "adaptations": "adp", "outcomes": "out", "meetings": "mtg",
}


def new_id(tab_key: str) -> str:
    """A fresh id for a row of the tab, e.g. ref-3f2a…"""
    return f"{PREFIXES.get(tab_key, 'row')}-{uuid.uuid4().hex}"


def form_id(tab_key: str, author: str, row: Mapping[str, str]) -> str:
    """The id of a row a form makes, from the tab, the author and the row's cells (its fiscal year among them),
    text compared the way the store compares it (spaces and line breaks folded): the same entry by the same person
    always gets the same id; another author or any other content, another id."""
    cells = [f"{key}={normalize(str(value))}" for key, value in sorted(row.items()) if key != "id"]
    digest = hashlib.sha256("\x1f".join([tab_key, normalize(author), *cells]).encode()).hexdigest()
    return f"{PREFIXES.get(tab_key, 'row')}-{digest[:32]}"


def copy_id(row_id: str, taken: Collection[str]) -> str:
    """The id of a second entry with the same content, saved on purpose: the first of row_id-2, -3 … not taken."""
    n = 2
    while f"{row_id}-{n}" in taken:
        n += 1
    return f"{row_id}-{n}"
