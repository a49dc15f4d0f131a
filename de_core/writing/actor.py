"""Who is acting: a viewer (reads only) or an editor, and how the editor was recognised."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Role = Literal["viewer", "editor"]
Method = Literal["none", "local", "oidc", "passcode"]


@dataclass(frozen=True)
class Actor:
    """The person behind a session; `who` is what the audit tab records (an e-mail, a name, local-editor)."""

    who: str
    role: Role = "viewer"
    method: Method = "none"

    @property
    def can_write(self) -> bool:
        return self.role == "editor"


VIEWER = Actor("viewer", "viewer", "none")
LOCAL_EDITOR = Actor("local-editor", "editor", "local")
