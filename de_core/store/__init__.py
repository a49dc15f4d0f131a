"""Stores: one interface (SheetStore) over the embedded SQLite workbook and the Google Sheet."""

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
