"""A lock so that two schedulers or workers never run the same periodic job at once.

Stored in the database (works on SQLite and PostgreSQL, needs no Redis): a row per lock name with
an expiry, taken with an atomic conditional UPDATE/INSERT. An expired lock (crashed holder) is
taken over.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import DateTime, String, delete, insert, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from saas.core import timeutil
from saas.extensions import Model, db


class TaskLock(Model):
    __tablename__ = "task_locks"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    holder: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


def _now() -> dt.datetime:
    return timeutil.now()


def acquire(name: str, ttl_seconds: int = 3600) -> str | None:
    """Take the lock in its own committed transaction; returns a holder token, or None if held."""
    holder = uuid.uuid4().hex
    expires = _now() + dt.timedelta(seconds=ttl_seconds)
    with db.engine.begin() as conn:
        taken = conn.execute(
            update(TaskLock)
            .where(TaskLock.name == name, TaskLock.expires_at < _now())
            .values(holder=holder, expires_at=expires)
        ).rowcount
        if taken:
            return holder
    try:
        with db.engine.begin() as conn:
            conn.execute(insert(TaskLock).values(name=name, holder=holder, expires_at=expires))
        return holder
    except IntegrityError:
        return None


def release(name: str, holder: str) -> None:
    with db.engine.begin() as conn:
        conn.execute(delete(TaskLock).where(TaskLock.name == name, TaskLock.holder == holder))


@contextmanager
def task_lock(name: str, ttl_seconds: int = 3600) -> Iterator[bool]:
    """``with task_lock("aggregate") as got: if not got: return`` — run the body only when taken."""
    holder = acquire(name, ttl_seconds)
    try:
        yield holder is not None
    finally:
        if holder is not None:
            release(name, holder)
