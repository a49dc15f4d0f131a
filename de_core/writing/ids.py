"""Row ids the app creates: <prefix>-<uuid4 hex>. The id is also the idempotency key of an append."""

from __future__ import annotations

import uuid

PREFIXES = {
    "settings": "fy", "de_steps": "step", "kras": "kra", "kpis": "kpi", "kpi_readings": "rd", "activities": "act",
    "expenses": "exp", "ita_scores": "ita", "ita_bands": "band", "ita_weights": "w", "oit_items": "oit",
    "reflections": "ref", "evidence": "ev", "objectives": "obj", "audit": "aud",
}


def new_id(tab_key: str) -> str:
    """A fresh id for a row of the tab, e.g. ref-3f2a…"""
    return f"{PREFIXES.get(tab_key, 'row')}-{uuid.uuid4().hex}"
