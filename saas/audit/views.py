"""The office's audit log for its admins: filter by action, person and period; paged."""

from __future__ import annotations

import datetime as dt

from flask import render_template, request
from flask.typing import ResponseReturnValue
from sqlalchemy import func, select

from saas.audit.models import AuditEvent, AuthEvent
from saas.audit.operations import ACTION_LABELS
from saas.auth.models import Membership, Role, User
from saas.core.access import office_required
from saas.core.paging import page_number
from saas.extensions import db

PER_PAGE = 50


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


@office_required(Role.admin)
def log(slug: str) -> ResponseReturnValue:
    action = request.args.get("action", "")
    actor = request.args.get("person", type=int)
    since, until = _date(request.args.get("von")), _date(request.args.get("bis"))
    page = page_number("seite")
    members = {m.user_id: m.user for m in db.session.scalars(select(Membership).join(Membership.user))}

    stmt = select(AuditEvent)
    if action:
        stmt = stmt.where(AuditEvent.action == action)
    if actor:
        stmt = stmt.where(AuditEvent.actor_user_id == actor)
    if since:
        stmt = stmt.where(AuditEvent.created_at >= dt.datetime.combine(since, dt.time(), dt.UTC))
    if until:
        stmt = stmt.where(AuditEvent.created_at < dt.datetime.combine(until + dt.timedelta(days=1), dt.time(), dt.UTC))
    total = db.session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    events = db.session.scalars(
        stmt.order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc()).limit(PER_PAGE).offset((page - 1) * PER_PAGE)
    ).all()
    # Logins of this office's people (their own events, not other offices' data).
    logins = db.session.scalars(
        select(AuthEvent)
        .where(AuthEvent.user_id.in_(list(members) or [-1]))
        .order_by(AuthEvent.created_at.desc())
        .limit(20)
    ).all()
    return render_template(
        "audit/log.html",
        events=events,
        total=total,
        page=page,
        pages=max((total + PER_PAGE - 1) // PER_PAGE, 1),
        members=members,
        labels=ACTION_LABELS,
        action=action,
        actor=actor,
        since=since,
        until=until,
        logins=logins,
        users_by_id={u.id: u for u in members.values()} | {None: None},
        User=User,
    )
