"""Automatic audit entries for every write to the audited kinds of rows.

One session hook instead of a call in every operation: whatever code path creates, changes or deletes a
group, a contact or a subscriber, the audit log gets an entry in the same transaction. Changed fields
are named, never their values (they may be personal data).
"""

from __future__ import annotations

from typing import Any

from flask import has_request_context
from flask_login import current_user
from sqlalchemy import inspect
from sqlalchemy.orm import Session

from saas.core.listeners import listen

# table → (object type, German label of the kind)
AUDITED_TABLES = {
    "groups": "group",
    "contacts": "contact",
    "newsletter_subscribers": "subscriber",
}
_PENDING = "lotse_audit_pending"
IGNORED_FIELDS = {"updated_at", "search_text", "search_name", "search_tsv"}


def _actor() -> int | None:
    if has_request_context() and current_user and current_user.is_authenticated:
        return current_user.id
    return None


def _changed_fields(obj: Any) -> list[str]:
    state = inspect(obj)
    return sorted(
        attr.key
        for attr in state.mapper.column_attrs
        if attr.key not in IGNORED_FIELDS and state.attrs[attr.key].history.has_changes()
    )


def _collect(session: Session, flush_context: Any) -> None:
    if session.info.get("lotse_audit_off"):
        return
    pending = session.info.setdefault(_PENDING, [])
    for action, objects in (("create", session.new), ("update", session.dirty), ("delete", session.deleted)):
        for obj in objects:
            kind = AUDITED_TABLES.get(getattr(obj, "__tablename__", ""))
            if kind is None:
                continue
            if action == "update":
                fields = _changed_fields(obj)
                if not fields:
                    continue
                summary = "Felder: " + ", ".join(fields)
            else:
                summary = ""
            pending.append((obj.tenant_id, f"{kind}.{action}", kind, obj.id, summary[:300]))


def _write(session: Session, flush_context: Any) -> None:
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return
    from saas.audit.models import AuditEvent

    actor = _actor()
    for tenant_id, action, kind, object_id, summary in pending:
        session.add(
            AuditEvent(
                tenant_id=tenant_id,
                action=action,
                object_type=kind,
                object_id=object_id,
                summary=summary,
                actor_user_id=actor,
            )
        )


def _drop(session: Session) -> None:
    session.info.pop(_PENDING, None)


def install() -> None:
    """Record audited changes with every flush."""
    listen(Session, "after_flush", _collect)
    listen(Session, "after_flush_postexec", _write)
    listen(Session, "after_rollback", _drop)
