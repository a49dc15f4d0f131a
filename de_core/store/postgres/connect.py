"""The app's own connection set-up: a psycopg pool whose every connection names its office (or region) in the
session variables app.office and app.region, which the row-level security policies read (0002 migration); and
the database's errors in the store's words.

A connection handed back to the pool is set up again (reset), so nothing a caller ran on it carries over.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from psycopg import errors as pg
from psycopg_pool import ConnectionPool, PoolTimeout

from de_core.store.base import PermissionDenied, SchemaMismatch, StoreError, StoreUnavailable

SET_UP = "SELECT set_config('app.office', %s, false), set_config('app.region', %s, false)"


def set_up(conn: psycopg.Connection, office: str, region: str = "") -> None:
    """Name the session's office (or region) on a connection and leave it idle."""
    conn.execute(SET_UP, (office, region))
    conn.commit()


def office_pool(conninfo: str, office: str = "", region: str = "", min_size: int = 1, max_size: int = 8,
                timeout: float = 15.0) -> ConnectionPool:
    """A connection pool for one office's session (or, with `region`, a regional session reading its offices).

    Nothing connects until the first use (the pool fills in the background). Exactly one of office and region.
    """
    if bool(office) == bool(region):
        raise ValueError("a session is for one office or for one region")

    def configure(conn: psycopg.Connection) -> None:
        set_up(conn, office, region)

    return ConnectionPool(conninfo, min_size=min_size, max_size=max(min_size, max_size), timeout=timeout,
                          configure=configure, reset=configure, open=True, name=f"de-{office or region}")


def unavailable(exc: Exception) -> StoreUnavailable:
    return StoreUnavailable(
        "ติดต่อฐานข้อมูล PostgreSQL ไม่ได้ในขณะนี้", "The PostgreSQL database cannot be reached right now",
        "รอสักครู่แล้วลองอีกครั้ง ข้อความที่พิมพ์ไว้ยังอยู่",
        f"Wait a moment and try again; what you typed is kept ({type(exc).__name__})",
    )


@contextmanager
def db_errors() -> Iterator[None]:
    """Turn the database's errors into StoreErrors (Thai + English); our own StoreErrors pass through."""
    try:
        yield
    except StoreError:
        raise
    except pg.InsufficientPrivilege as exc:
        raise PermissionDenied(
            "ฐานข้อมูลไม่อนุญาตให้บัญชีนี้อ่านหรือเขียนข้อมูลนี้", "The database refused this account access to these rows",
            "ตรวจว่าบัญชีที่แอปใช้เป็นสมาชิกของ de_dashboard_app และรหัสสำนักงาน (office) ถูกต้อง",
            f"Check that the app's login role is a member of de_dashboard_app and the office key is right "
            f"({exc.diag.message_primary})") from exc
    except (pg.UndefinedTable, pg.UndefinedFunction, pg.UndefinedColumn) as exc:
        raise SchemaMismatch(
            "ฐานข้อมูลยังไม่มีตารางของแอป", "The database does not have the app's tables",
            "ให้ผู้ดูแลฐานข้อมูลสั่ง de-dashboard migrate แล้วลองอีกครั้ง",
            f"Have the database's owner run `de-dashboard migrate`, then try again ({exc.diag.message_primary})",
        ) from exc
    except (psycopg.OperationalError, PoolTimeout) as exc:
        raise unavailable(exc) from exc
