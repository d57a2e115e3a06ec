"""People and their roles: users, office memberships, association analysts, platform operators."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Boolean, DateTime, Enum, ForeignKey, Integer, String, UniqueConstraint
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


class AnalystAccess(Model):
    """A user's analyst seat in an umbrella association (aggregates only)."""

    __tablename__ = "analyst_access"
    __table_args__ = (UniqueConstraint("user_id", "association_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    association_id: Mapped[int] = mapped_column(ForeignKey("associations.id", ondelete="CASCADE"), index=True)

    user: Mapped[User] = relationship()
    association: Mapped[Association] = relationship()
