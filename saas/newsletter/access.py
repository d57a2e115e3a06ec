"""The one way to fetch newsletter rows by id: within the bound office, or 404 (missing and foreign alike)."""

from __future__ import annotations

from flask import abort
from sqlalchemy import select

from saas.extensions import db
from saas.newsletter.models import Issue, Subscriber


def issue_or_404(issue_id: int) -> Issue:
    issue = db.session.scalar(select(Issue).where(Issue.id == issue_id))
    if issue is None:
        abort(404)
    return issue


def subscriber_or_404(subscriber_id: int) -> Subscriber:
    subscriber = db.session.scalar(
        select(Subscriber).where(Subscriber.id == subscriber_id, Subscriber.email.is_not(None))
    )
    if subscriber is None:
        abort(404)
    return subscriber


def subscriber_by_token(token: str) -> Subscriber | None:
    if not token or len(token) > 64:
        return None
    return db.session.scalar(select(Subscriber).where(Subscriber.token == token))
