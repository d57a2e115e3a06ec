"""SQLite connections in write-ahead-log mode (the embedded setup; production runs PostgreSQL).

In SQLite's default rollback journal a commit locks the whole file against readers and syncs it twice,
so one small write (the Wegweiser counting a search that found nothing, issue #14) made the other
gunicorn worker's reads wait in SQLite's busy handler (sleeps of 1 ms and more): cached search pages
fell from 0.72–0.78 of a constant endpoint's throughput to 0.28. In WAL mode readers never wait for a
writer, and with ``synchronous=NORMAL`` a commit appends to the log without syncing it (the database
stays consistent after a crash; a power loss can drop the last commits, as SQLite documents for WAL).
WAL mode is a property of the database file (it stays set); ``synchronous`` is set per connection.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy.engine import Engine

from saas.core.listeners import listen


def _wal(dbapi_connection: Any, _record: Any) -> None:
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")  # an in-memory database answers "memory" and stays so
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def install() -> None:
    """Every new SQLite connection of any engine (the app's, the office-key lookup's, Celery's results)."""
    listen(Engine, "connect", _wal)
