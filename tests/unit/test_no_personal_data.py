"""No personal data from the seed report anywhere in the repository: role titles only.

The names, phone number and e-mail are kept here base64-encoded so this file does not itself carry them.
"""

from __future__ import annotations

import base64
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ENCODED = [
    "4Lia4Lix4Lin4LiK4Lih4Lig4Li5", "4Lia4Lix4Lin4LiK4Lih4Lie4Li5", "4Lig4Li54LiX4Lit4LiH4LmE4LiK4Lii",
    "4Lig4Li54LiB4Lit4LiH4LmE4LiK4Lii", "4LiB4Lip4Lih4Liy", "MDkzNTQ2OTE0Ng==",
    "4LmQ4LmZ4LmT4LmV4LmU4LmW4LmZ4LmR4LmU4LmW", "YnVhY2hvbXBodQ==",
]
FORBIDDEN = [base64.b64decode(e).decode("utf-8") for e in ENCODED]
SEPARATORS = re.compile(r"[\s\-.()]")


def _repo_files() -> list[Path]:
    out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    return [ROOT / line for line in out.splitlines() if line and (ROOT / line).is_file()]


def test_the_forbidden_list_decodes_to_names_phone_and_email():
    assert len(FORBIDDEN) == 8 and any(f.isdigit() for f in FORBIDDEN)


def test_no_file_in_the_repository_names_a_person_or_their_contact_details():
    hits = []
    for path in _repo_files():
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        squeezed = SEPARATORS.sub("", text).casefold()
        hits += [f"{path.relative_to(ROOT)}" for word in FORBIDDEN if word.casefold() in squeezed]
    assert hits == []
