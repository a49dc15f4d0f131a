"""Switches for behaviour Google does not document: each reading can be tested."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Switches:
    """Readings of behaviour Google leaves undocumented (set through FakeSheetsServer attributes).

    metadata_follows_data: False (default) = row developer metadata stays with the row position under
    sortRange and cutPaste (they move cell data, not rows); True = it follows the data rows a sort moves,
    and the rows of a cut/paste of whole rows.
    delete_unmatched_metadata_fails: False (default) = deleteDeveloperMetadata matching nothing is a no-op;
    True = it is answered 400 (and, batchUpdate being atomic, nothing of its batch is applied).
    """

    metadata_follows_data: bool = False
    delete_unmatched_metadata_fails: bool = False
