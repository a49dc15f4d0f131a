"""The office's commands on PostgreSQL, through the secrets the app reads: `init` puts the office's settings row
into its empty workbook (an office with data is refused), `new-year` plans from the database's rows."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pytest

from de_core.ops.cli import main
from de_core.ops.setup import Office, init_postgres
from de_core.sheet.workbook import parse_workbook
from de_core.store.base import StoreError
from de_core.writing.submission import BANGKOK
from tests.pgserver.fixtures import pg_server, postgres_factory  # noqa: F401  (pytest fixtures)

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=BANGKOK)


def _secrets(tmp_path: Path, url: str, office: str) -> Path:
    path = tmp_path / "secrets.toml"
    path.write_text(f'[connections.postgresql]\nurl = "{url}"\noffice = "{office}"\n', encoding="utf-8")
    return path


def _cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(args), out=out, err=err), out.getvalue(), err.getvalue()


def test_init_on_postgresql_writes_the_offices_settings_row_once(pg_server, tmp_path, postgres_factory):  # noqa: F811
    secrets = _secrets(tmp_path, pg_server.app_url(), "init-office")
    code, out, err = _cli("init", "--office", "สำนักงานเขตทดสอบ", "--allocation", "50,000", "--secrets", str(secrets))
    assert code == 0 and "PostgreSQL (init-office)" in out, err
    store = postgres_factory(office="init-office")  # the same office, opened again
    (row,) = parse_workbook(store.read_all()).rows("settings")
    assert row["office_name"] == "สำนักงานเขตทดสอบ" and row["is_current"] is True
    code, _out, err = _cli("init", "--office", "อีกครั้ง", "--secrets", str(secrets))
    assert code == 1 and "already holds data" in err
    code, out, err = _cli("new-year", "--from", str(row["fiscal_year"]), "--to", str(row["fiscal_year"] + 1),
                          "--dry-run", "--secrets", str(secrets))
    assert code == 0 and "would create" in out, err


def test_init_refuses_an_office_holding_the_demo(postgres_factory, demo_raw):  # noqa: F811
    store = postgres_factory(demo_raw)
    with pytest.raises(StoreError) as err:
        init_postgres(store, Office("ใหม่"), NOW)
    assert store.office in err.value.message_th
