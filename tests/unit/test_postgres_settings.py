"""[connections.postgresql] read the way Streamlit's SQL connection lays it out, plus the office and its people."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from de_core.store.base import StoreError
from de_core.store.postgres.settings import configured, conninfo_of, postgres_settings


def _secrets(**section) -> dict:
    return {"connections": {"postgresql": section}}


def test_a_url_is_taken_as_it_is_and_sqlalchemy_driver_names_are_dropped():
    assert conninfo_of({"url": "postgresql://app:pw@db:5432/de"}) == "postgresql://app:pw@db:5432/de"
    assert conninfo_of({"url": "postgresql+psycopg2://app@db/de"}) == "postgresql://app@db/de"


def test_the_fields_layout_makes_a_url_with_the_password_and_options_escaped():
    url = conninfo_of({"dialect": "postgresql", "host": "db.example.go.th", "port": 5433, "database": "de",
                       "username": "app", "password": "p@ss:/word", "query": {"sslmode": "require"}})
    assert url == "postgresql://app:p%40ss%3A%2Fword@db.example.go.th:5433/de?sslmode=require"


def test_another_dialect_or_no_host_is_refused_in_thai_and_english():
    with pytest.raises(StoreError) as err:
        conninfo_of({"dialect": "mysql", "host": "db"})
    assert "postgresql" in err.value.message_th and "mysql" in err.value.message_en
    with pytest.raises(StoreError):
        conninfo_of({"database": "de"})


def test_postgresql_is_configured_by_a_url_or_a_host_and_needs_an_office_or_a_region():
    assert not configured({}) and not configured(_secrets(office="x"))
    assert configured(_secrets(url="postgresql://db/de")) and configured(_secrets(host="db"))
    with pytest.raises(StoreError) as err:
        postgres_settings(_secrets(url="postgresql://db/de"))
    assert "office" in err.value.message_en
    assert postgres_settings(_secrets(url="postgresql://db/de", region="r1")).region == "r1"


def test_a_signed_in_person_belongs_to_the_office_listing_their_email_else_their_domain():
    settings = postgres_settings(_secrets(url="postgresql://db/de", office="sesao-a", offices={
        "sesao-a": {"emails": ["Boss@Example.go.th"], "domains": ["a.example.go.th"]},
        "sesao-b": {"domains": "@example.go.th"}}))
    assert settings.office == "sesao-a"
    assert settings.office_of("boss@example.go.th") == "sesao-a"
    assert settings.office_of("staff@a.example.go.th") == "sesao-a"
    assert settings.office_of("other@example.go.th") == "sesao-b"
    assert settings.office_of("someone@gmail.com") == "" and settings.office_of("") == ""


def test_the_secrets_example_and_the_readme_show_a_working_postgresql_set_up():
    root = Path(__file__).resolve().parents[2]
    example = (root / ".streamlit" / "secrets.toml.example").read_text(encoding="utf-8")
    block = example.split("# [connections.postgresql]\n", 1)[1].split("\n\n", 1)[0]
    lines = ["[connections.postgresql]"] + [re.sub(r"^# ?", "", line) for line in block.splitlines()]
    settings = postgres_settings(tomllib.loads("\n".join(lines)))
    assert settings.office == "sesao-example" and settings.conninfo.startswith("postgresql://dashboard_app:")
    assert settings.office_of("someone@other.example.go.th") == "sesao-other"
    section = (root / "README.md").read_text(encoding="utf-8").split("## Running on PostgreSQL", 1)[1].split("\n## ")[0]
    for command in ("de-dashboard migrate --url", "de-dashboard copy --from sheet --to postgresql",
                    "de-dashboard copy --from postgresql --to sheet", 'pip install -q -e ".[postgres]"'):
        assert command in section, command
