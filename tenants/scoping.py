"""The tenancy guard: every ORM query of an office-owned model is filtered by the bound office.

- ``bind_tenant(tenant_id)`` binds the current office (per request, per task) in a ContextVar.
- A ``do_orm_execute`` hook adds ``tenant_id = <bound office>`` to every SELECT/UPDATE/DELETE that
  touches a :class:`TenantScoped` model, including relationship loads (SQLAlchemy
  ``examples/extending_query/filter_public.py``), and refuses to run when no office is bound.
- Cross-office reads happen only inside ``cross_tenant("reason")``, used by login (a person's
  memberships) and the association aggregation.
- ``before_flush`` stamps new rows with the bound office and refuses rows of another office.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, ORMExecuteState, Session, declared_attr, mapped_column, with_loader_criteria

from saas.core.listeners import listen

_current_tenant: contextvars.ContextVar[int | None] = contextvars.ContextVar("lotse_tenant", default=None)
_cross_tenant: contextvars.ContextVar[str | None] = contextvars.ContextVar("lotse_cross_tenant", default=None)
_cross_user: contextvars.ContextVar[int | None] = contextvars.ContextVar("lotse_cross_user", default=None)


class TenantNotBound(RuntimeError):
    """A tenant-scoped query ran with no office bound and outside a cross-office block."""


class TenantMismatch(RuntimeError):
    """A write tried to store a row for an office other than the bound one."""


class TenantScoped:
    """Mixin for every office-owned table: a non-null, indexed ``tenant_id``."""

    @declared_attr
    def tenant_id(cls) -> Mapped[int]:
        return mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), index=True, nullable=False)


def current_tenant_id() -> int | None:
    return _current_tenant.get()


def in_cross_tenant_block() -> bool:
    return _cross_tenant.get() is not None


def cross_tenant_user() -> int | None:
    """The person whose own rows a cross-office block reads (login), or None (aggregation)."""
    return _cross_user.get() if in_cross_tenant_block() else None


def bind_tenant(tenant_id: int | None) -> contextvars.Token:
    return _current_tenant.set(tenant_id)


def unbind_tenant(token: contextvars.Token | None = None) -> None:
    if token is not None:
        _current_tenant.reset(token)
    else:
        _current_tenant.set(None)


@contextmanager
def tenant_context(tenant_id: int) -> Iterator[None]:
    """Run a block (a task, a CLI command, a test) as the given office."""
    token = _current_tenant.set(tenant_id)
    try:
        yield
    finally:
        _current_tenant.reset(token)


@contextmanager
def cross_tenant(reason: str, *, user_id: int | None = None) -> Iterator[None]:
    """The explicit, named block in which queries may read across offices.

    Inside it no tenant criterion is added. Use it only where a cross-office read is the point:
    a person's own memberships (``user_id`` given: on PostgreSQL RLS then shows only that person's
    memberships), operator commands, the association aggregation (no ``user_id``: on PostgreSQL the
    block runs as the ``lotse_aggregator`` role).
    """
    if not reason:
        raise ValueError("cross_tenant() needs a reason")
    token = _cross_tenant.set(reason)
    user_token = _cross_user.set(user_id)
    tenant_token = _current_tenant.set(None)
    try:
        yield
    finally:
        _current_tenant.reset(tenant_token)
        _cross_user.reset(user_token)
        _cross_tenant.reset(token)


def _scoped_mappers(state: ORMExecuteState) -> bool:
    return any(issubclass(m.class_, TenantScoped) for m in state.all_mappers)


def _add_tenant_criteria(state: ORMExecuteState) -> None:
    if state.is_column_load:
        return
    if not (state.is_select or state.is_update or state.is_delete):
        return
    if in_cross_tenant_block():
        return
    tenant_id = _current_tenant.get()
    if tenant_id is None:
        # Nothing bound: refused like any other query, lazy relationship loads included.
        if _scoped_mappers(state):
            raise TenantNotBound("tenant-scoped query without a bound office (use tenant_context or cross_tenant)")
        return
    state.statement = state.statement.options(
        with_loader_criteria(
            TenantScoped,
            lambda cls: cls.tenant_id == tenant_id,
            include_aliases=True,
            track_closure_variables=True,
        )
    )


def _stamp_and_check(session: Session, flush_context: Any, instances: Any) -> None:
    if in_cross_tenant_block():
        return
    tenant_id = _current_tenant.get()
    for obj in list(session.new) + list(session.dirty) + list(session.deleted):
        if not isinstance(obj, TenantScoped):
            continue
        if obj.tenant_id is None:
            if tenant_id is None:
                raise TenantNotBound(f"new {type(obj).__name__} without a bound office")
            obj.tenant_id = tenant_id
        elif tenant_id is not None and obj.tenant_id != tenant_id:
            raise TenantMismatch(f"{type(obj).__name__} belongs to another office than the bound one")
        elif tenant_id is None:
            raise TenantNotBound(f"write to {type(obj).__name__} without a bound office")


def install(session_class: type[Session] | Any) -> None:
    """Attach the guard to a Session class (Flask-SQLAlchemy's session)."""
    listen(session_class, "do_orm_execute", _add_tenant_criteria)
    listen(session_class, "before_flush", _stamp_and_check)
