"""Audit events. Append-only: the ORM refuses updates and deletes; on PostgreSQL the app role has
no UPDATE/DELETE grant on these tables (see the RLS/roles migration)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, Session, mapped_column

from saas.extensions import Model
from tenants.models import utcnow
from tenants.scoping import TenantScoped


class AuditEvent(TenantScoped, Model):
    """One write, export or erasure in an office: action code, object, acting user, a short summary.

    The summary names objects by id and kind, never by a citizen's name or address.
    """

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_tenant_created", "tenant_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    action: Mapped[str] = mapped_column(String(60), index=True)
    object_type: Mapped[str] = mapped_column(String(40), default="")
    object_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    summary: Mapped[str] = mapped_column(String(300), default="")


class AuthEvent(Model):
    """Logins, failed logins, password and MFA changes — per person, not per office."""

    __tablename__ = "auth_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True, index=True)
    action: Mapped[str] = mapped_column(String(40), index=True)
    # For a failed login of an unknown address we keep only a keyed hash, never the address.
    subject_hash: Mapped[str] = mapped_column(String(64), default="")


class AppendOnlyError(RuntimeError):
    pass


def _append_only(session: Session, flush_context: object, instances: object) -> None:
    for obj in list(session.dirty) + list(session.deleted):
        if isinstance(obj, (AuditEvent, AuthEvent)) and (obj in session.deleted or session.is_modified(obj)):
            raise AppendOnlyError("the audit log is append-only")


def install() -> None:
    """Refuse updates and deletes of audit rows in every Session."""
    from saas.core.listeners import listen

    listen(Session, "before_flush", _append_only)
