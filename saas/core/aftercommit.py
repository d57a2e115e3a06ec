"""Side effects after commit: e-mails and task.delay() run only once the transaction is committed.

(Indico ``flush_email_queue``; Zulip ``send_event_on_commit``.) A rollback drops them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from saas.extensions import db

_KEY = "lotse_after_commit"


def after_commit(fn: Callable[[], Any]) -> None:
    """Run ``fn`` after the current session's next successful commit."""
    db.session().info.setdefault(_KEY, []).append(fn)


def enqueue(task: Any, *args: Any, **kwargs: Any) -> None:
    """``task.apply_async(args, kwargs)`` after commit. Tasks take ids and plain values only."""
    after_commit(lambda: task.apply_async(args=args, kwargs=kwargs))


def install() -> None:
    @event.listens_for(Session, "after_commit")
    def _run(session: Session) -> None:
        pending = session.info.pop(_KEY, [])
        for fn in pending:
            fn()

    @event.listens_for(Session, "after_rollback")
    def _drop(session: Session) -> None:
        session.info.pop(_KEY, None)
