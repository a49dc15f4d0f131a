"""Digest settings from secrets.toml: what is accepted, what is refused and why, and secrets kept out of every text
(repr, redact, error messages)."""

from __future__ import annotations

from datetime import date

import pytest

from de_core.digest.period import period_of
from de_core.digest.settings import BROADCAST, HIDDEN, DigestConfigError, load_settings

GROUP = "C" + "0123456789abcdef" * 2
TOKEN = "tok/en+with=odd chars 1234567890"
PASSWORD = "s3cr3t pass/word"


def _secrets(**over):
    base = {"digest": {"app_url": "https://de.example.go.th/", "every": "week"},
            "line": {"channel_access_token": TOKEN, "to": [GROUP]},
            "smtp": {"host": "smtp.example.go.th", "port": 587, "username": "dash", "password": PASSWORD,
                     "sender": "แดชบอร์ด <dash@example.go.th>", "to": ["a@example.go.th", "b@example.go.th"]}}
    base.update(over)
    return base


def test_a_full_configuration_gives_every_target_of_every_channel():
    s = load_settings(_secrets())
    assert s.app_url == "https://de.example.go.th" and s.channels == ("line", "email")
    assert s.targets() == [("line", GROUP), ("email", "a@example.go.th"), ("email", "b@example.go.th")]
    assert s.targets(["email"]) == [("email", "a@example.go.th"), ("email", "b@example.go.th")]


def test_no_digest_settings_means_no_channel_and_no_links():
    s = load_settings({})
    assert s.channels == () and s.targets() == [] and s.app_url == "" and s.every == "week"


def test_broadcast_targets_every_friend():
    s = load_settings(_secrets(line={"channel_access_token": TOKEN, "broadcast": True}))
    assert s.targets(["line"]) == [("line", BROADCAST)]


@pytest.mark.parametrize(("change", "says"), [
    ({"line": {"channel_access_token": TOKEN, "to": ["@sujarit"]}}, "not a LINE group or user id"),
    ({"line": {"channel_access_token": TOKEN}}, "give one of"),
    ({"line": {"channel_access_token": TOKEN, "to": [GROUP], "broadcast": True}}, "give one of"),
    ({"line": {"to": [GROUP]}}, "channel_access_token"),
    ({"line": {"channel_access_token": TOKEN, "to": [GROUP], "api_url": "http://api.example.com"}}, "https://"),
    ({"smtp": {"host": "smtp.example.go.th", "sender": "x@y"}}, "needs host, sender and to"),
    ({"smtp": {"host": "h", "sender": "x@y", "to": ["not an address"]}}, "is not an address"),
    ({"smtp": {"host": "h", "sender": "x@y", "to": ["a@b"], "port": "five"}}, "must be numbers"),
    ({"digest": {"every": "fortnight"}}, "every must be"),
    ({"digest": {"app_url": "javascript:alert(1)"}}, "must be a web address"),
    ({"digest": {"app_url": "https://user:pw@de.example.go.th"}}, "must be a web address"),
])
def test_settings_that_cannot_work_are_refused_in_thai_and_english_without_the_secrets(change, says):
    with pytest.raises(DigestConfigError) as caught:
        load_settings(_secrets(**change))
    assert says in caught.value.en and caught.value.th
    assert TOKEN not in caught.value.th + caught.value.en and PASSWORD not in caught.value.th + caught.value.en


def test_a_loopback_api_address_may_be_plain_http_for_a_local_fake():
    s = load_settings(_secrets(line={"channel_access_token": TOKEN, "to": [GROUP], "api_url": "http://127.0.0.1:9"}))
    assert s.line is not None and s.line.api_url == "http://127.0.0.1:9"


def test_secrets_never_show_in_repr_and_are_taken_out_of_any_text():
    s = load_settings(_secrets())
    assert TOKEN not in repr(s) and PASSWORD not in repr(s)
    from urllib.parse import quote

    text = f"a {TOKEN} b {quote(PASSWORD, safe='')} c {PASSWORD}"
    assert s.redact(text) == f"a {HIDDEN} b {HIDDEN} c {HIDDEN}"


def test_periods_have_gregorian_keys_and_buddhist_era_labels():
    assert period_of(date(2023, 1, 1)).key == "2022-W52"  # a Sunday: ISO week of the year before
    assert period_of(date(2023, 1, 2)).key == "2023-W01"
    assert period_of(date(2023, 6, 30), "month").key == "2023-06"
    assert period_of(date(2023, 6, 30), "month").label("th") == "มิ.ย. 2566"
    assert period_of(date(2023, 6, 30), "day").key == "2023-06-30"
    assert period_of(date(2023, 7, 3)).previous().key == "2023-W26"
    with pytest.raises(ValueError):
        period_of(date(2023, 6, 30), "year")


def test_the_allowance_table_of_the_readme_is_what_a_schedule_costs():
    from de_core.digest.period import messages_per_month

    assert [messages_per_month("week", n) for n in (10, 25, 60)] == [44, 109, 261]
    assert [messages_per_month("month", n) for n in (10, 25, 60)] == [10, 25, 60]
    assert [messages_per_month("day", n) for n in (10, 25, 60)] == [305, 761, 1827]
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert "| weekly (`every = \"week\"`) | 44 a month | 109 a month | 261 a month |" in readme
    assert "| daily | 305 | 761 | 1,827 |" in readme


def test_the_readme_and_the_example_secrets_hold_settings_that_load():
    import re
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    section = (root / "README.md").read_text(encoding="utf-8").split("## Digests by LINE and e-mail", 1)[1]
    block = re.search(r"```toml\n(.+?)\n```", section, flags=re.S).group(1)
    s = load_settings(tomllib.loads(block))
    assert s.channels == ("line", "email") and len(s.targets()) == 3
    example = (root / ".streamlit" / "secrets.toml.example").read_text(encoding="utf-8")
    digest = example.split("# Digests by LINE and e-mail", 1)[1]
    lines = [ln[2:] for ln in digest.splitlines()
             if re.match(r"# (\[\w+\]|\w+ = )", ln) and not ln.startswith("# broadcast")]  # the settings, uncommented
    toml = tomllib.loads("\n".join(lines).replace("C<32 characters>", GROUP[:1] + GROUP[1:]))
    assert load_settings(toml).targets(["line"]) == [("line", GROUP)]
