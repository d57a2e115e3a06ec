"""People and their roles: users, office memberships, association analysts, platform operators."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Boolean, DateTime, Enum, ForeignKey, Integer, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from saas.extensions import Model
from tenants.models import Association, Tenant, utcnow
from tenants.scoping import TenantScoped


class Role(enum.StrEnum):
    admin = "admin"
    staff = "staff"
    readonly = "readonly"

    @property
    def label(self) -> str:
        return {"admin": "Leitung (Admin)", "staff": "Fachkraft", "readonly": "Nur lesen"}[self.value]

    def allows(self, needed: Role) -> bool:
        order = [Role.readonly, Role.staff, Role.admin]
        return order.index(self) >= order.index(needed)


class User(Model):
    """A person who logs in. Global (one e-mail, one account); rights come from memberships."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    is_operator: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Bumped at logout and password change: a session cookie carrying an older value is rejected.
    session_version: Mapped[int] = mapped_column(Integer, default=1)
    locale: Mapped[str | None] = mapped_column(String(5), nullable=True)
    # Two-factor authentication (TOTP, RFC 6238). mfa_version is bumped on every change, which voids
    # remembered devices.
    totp_secret: Mapped[str | None] = mapped_column(String(64), nullable=True)
    mfa_enabled_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    mfa_version: Mapped[int] = mapped_column(Integer, default=1)
    totp_last_step: Mapped[int | None] = mapped_column(Integer, nullable=True)  # no code works twice
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    # A password someone else chose (``lotse users create`` reads it from stdin): whoever knows it may log in,
    # but may not enrol the second factor until the person set their own password through a link sent by
    # mail (issue 17, point 10b). Cleared only by a reset/invitation/confirmation link, never by a change
    # made with the known password.
    password_provisional: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    def __repr__(self) -> str:
        return f"<User {self.id}>"


class Membership(TenantScoped, Model):
    """A user's role in one office."""

    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("user_id", "tenant_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[Role] = mapped_column(Enum(Role, native_enum=False, length=20))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    user: Mapped[User] = relationship()
    tenant: Mapped[Tenant] = relationship()


class MembershipInvite(TenantScoped, Model):
    """An office's offer of a role to a person, waiting for that person's confirmation by mail (issue 17,
    point 7). Until confirmed there is no Membership, so the account has no access to the office. The mailed
    link carries the row's id and ``nonce``: confirming or cancelling deletes the row and resending draws a
    new nonce, so each link works once."""

    __tablename__ = "membership_invites"
    __table_args__ = (UniqueConstraint("user_id", "tenant_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[Role] = mapped_column(Enum(Role, native_enum=False, length=20))
    nonce: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    sent_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))

    user: Mapped[User] = relationship()


class AnalystAccess(Model):
    """A user's analyst seat in an umbrella association (aggregates only)."""

    __tablename__ = "analyst_access"
    __table_args__ = (UniqueConstraint("user_id", "association_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    association_id: Mapped[int] = mapped_column(ForeignKey("associations.id", ondelete="CASCADE"), index=True)

    user: Mapped[User] = relationship()
    association: Mapped[Association] = relationship()
