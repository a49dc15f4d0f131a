"""Stores: one contract (SheetStore) over the embedded SQLite workbook (local), the Google Sheet (google/) and
PostgreSQL (postgres/).

May import: de_core.sheet and de_core.thaidate; never a capability package.
"""

from de_core.store.base import (
    AmbiguousRow,
    AppendResult,
    DuplicateIdConflict,
    PermissionDenied,
    RowNotFound,
    SchemaMismatch,
    SheetStore,
    StoreError,
    StoreUnavailable,
    UpdateResult,
)

__all__ = [
    "AmbiguousRow", "AppendResult", "DuplicateIdConflict", "PermissionDenied", "RowNotFound", "SchemaMismatch",
    "SheetStore", "StoreError", "StoreUnavailable", "UpdateResult",
]
