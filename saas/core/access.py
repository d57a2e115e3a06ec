"""Who may open what: office staff pages, association pages, operator pages.

A user of another office gets 404, exactly like a missing page; a visitor who is not logged in is
sent to the login page.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, Protocol, TypeVar

from flask import abort, g, redirect, request, session, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import Mapped, declared_attr
from werkzeug.wrappers import Response

from saas.auth.models import AnalystAccess, Membership, Role
from saas.extensions import db
from tenants.models import Association
from tenants.scoping import current_tenant_id

P = ParamSpec("P")
R = TypeVar("R")


def current_membership() -> Membership | None:
    """The logged-in user's membership in the office bound to this request, or None."""
    cache = request.environ.setdefault("lotse.membership", {})  # per request, never per app context
    key = (current_tenant_id(), current_user.get_id() if current_user.is_authenticated else None)
    if key not in cache:
        membership = None
        if key[0] is not None and key[1] is not None:
            membership = db.session.scalar(select(Membership).where(Membership.user_id == current_user.id))
        cache[key] = membership
    return cache[key]


def current_role() -> Role | None:
    membership = current_membership()
    return membership.role if membership else None


def can(needed: Role) -> bool:
    role = current_role()
    return role is not None and role.allows(needed)


def _login_redirect() -> Response:
    # A group's contact person (signed in by link, saas.grouparea) is no staff member: staff pages
    # answer them 404 like a missing page, not a login form.
    if session.get("group_area"):
        abort(404)
    return redirect(url_for("auth.login", next=request.full_path if request.query_string else request.path))


def office_required(min_role: Role = Role.readonly) -> Callable[[Callable[P, R]], Callable[P, R | Response]]:
    """Staff pages of an office: login needed; a member of another office gets 404; too low a role 403."""

    def decorator(view: Callable[P, R]) -> Callable[P, R | Response]:
        @wraps(view)
        def wrapped(*args: P.args, **kwargs: P.kwargs) -> R | Response:
            if not current_user.is_authenticated:
                return _login_redirect()
            membership = current_membership()
            if membership is None:
                abort(404)
            if not membership.role.allows(min_role):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def analyst_required(view: Callable[P, R]) -> Callable[P, R | Response]:
    """Association pages ``/verband/<assoc_slug>/…``: only that association's analysts, others 404."""

    @wraps(view)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> R | Response:
        if not current_user.is_authenticated:
            return _login_redirect()
        slug = kwargs.get("assoc_slug")
        association = db.session.scalar(select(Association).where(Association.slug == slug))
        if association is None:
            abort(404)
        seat = db.session.scalar(
            select(AnalystAccess).where(
                AnalystAccess.user_id == current_user.id, AnalystAccess.association_id == association.id
            )
        )
        if seat is None:
            abort(404)
        g.association = association
        return view(*args, **kwargs)

    return wrapped


def operator_required(view: Callable[P, R]) -> Callable[P, R | Response]:
    @wraps(view)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> R | Response:
        if not current_user.is_authenticated:
            return _login_redirect()
        if not current_user.is_operator:
            abort(404)
        return view(*args, **kwargs)

    return wrapped


class OfficeRow(Protocol):
    """An office-owned model: an integer ``id`` and ``TenantScoped``'s ``tenant_id``, both read on the class as
    mapped columns (``declared_attr`` is how a protocol matches both a plain column and the mixin's)."""

    @declared_attr
    def id(cls) -> Mapped[int]: ...

    @declared_attr
    def tenant_id(cls) -> Mapped[int]: ...


T = TypeVar("T", bound=OfficeRow)


def office_row_or_404(model: type[T], object_id: int) -> T:
    """The one way to fetch an office-owned row by id: the bound office's, else 404.

    A foreign id answers exactly like a missing one. The tenancy guard filters the query already; the
    explicit ``tenant_id`` condition keeps that true even if the guard were bypassed.
    """
    tenant_id = current_tenant_id()
    if tenant_id is None:
        abort(404)
    obj = db.session.scalar(select(model).where(model.id == object_id, model.tenant_id == tenant_id))
    if obj is None:
        abort(404)
    return obj
