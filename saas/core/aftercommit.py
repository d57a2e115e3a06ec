"""Side effects after commit: e-mails and task.delay() run only once the transaction is committed.

(Indico ``flush_email_queue``; Zulip ``send_event_on_commit``.) A rollback drops them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from saas.core.listeners import listen
from saas.extensions import db

_KEY = "lotse_after_commit"


def after_commit(fn: Callable[[], Any]) -> None:
    """Run ``fn`` after the current session's next successful commit."""
    db.session().info.setdefault(_KEY, []).append(fn)


def _run(session: Session) -> None:
    pending = session.info.pop(_KEY, [])
    for fn in pending:
        fn()


def _drop(session: Session) -> None:
    session.info.pop(_KEY, None)


def install() -> None:
    """Run the queued side effects after commit; drop them on rollback."""
    listen(Session, "after_commit", _run)
    listen(Session, "after_rollback", _drop)
