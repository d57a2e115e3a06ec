"""Reads shared by views, CLI and reports (office bound)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, or_, select

from saas.extensions import db
from saas.newsletter.models import (
    Delivery,
    DeliveryStatus,
    Issue,
    IssueStatus,
    Subscriber,
    SubscriberStatus,
)

PER_PAGE = 50


@dataclass
class Progress:
    status: str
    total: int
    sent: int
    failed: int
    skipped: int

    @property
    def done(self) -> int:
        return self.sent + self.failed + self.skipped

    @property
    def remaining(self) -> int:
        return max(self.total - self.done, 0)

    @property
    def percent(self) -> int:
        if not self.total:  # nothing to send: done only once the issue is sent
            return 100 if self.status == IssueStatus.sent.value else 0
        return min(100, int(self.done * 100 / self.total))

    def as_dict(self) -> dict:
        return {
            "status": self.status,
            "total": self.total,
            "sent": self.sent,
            "failed": self.failed,
            "skipped": self.skipped,
            "remaining": self.remaining,
            "percent": self.percent,
            "finished": self.status == IssueStatus.sent.value,
        }


def progress(issue: Issue) -> Progress:
    counts = dict(
        db.session.execute(
            select(Delivery.status, func.count(Delivery.id))
            .where(Delivery.issue_id == issue.id)
            .group_by(Delivery.status)
        ).all()
    )
    total = issue.recipients
    if issue.status in (IssueStatus.queued, IssueStatus.scheduled) and not total:
        # the recipients are fixed when the plan runs; until then the count that will receive it
        total = confirmed_count()
    return Progress(
        status=issue.status.value,
        total=total,
        sent=counts.get(DeliveryStatus.sent, 0),
        failed=counts.get(DeliveryStatus.failed, 0),
        skipped=counts.get(DeliveryStatus.skipped, 0),
    )


def failed_deliveries(issue: Issue, limit: int = 200) -> list[tuple[Delivery, Subscriber]]:
    return list(
        db.session.execute(
            select(Delivery, Subscriber)
            .join(Subscriber, Subscriber.id == Delivery.subscriber_id)
            .where(Delivery.issue_id == issue.id, Delivery.status == DeliveryStatus.failed)
            .order_by(Delivery.id)
            .limit(limit)
        ).tuples()
    )


def search_subscribers(q: str = "", status: str = "", page: int = 1) -> tuple[list[Subscriber], int]:
    stmt = select(Subscriber).where(Subscriber.email.is_not(None))
    if q:
        like = f"%{q.strip().lower()}%"
        stmt = stmt.where(or_(func.lower(Subscriber.email).like(like), func.lower(Subscriber.name).like(like)))
    if status in SubscriberStatus.__members__:
        stmt = stmt.where(Subscriber.status == SubscriberStatus(status))
    total = db.session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = db.session.scalars(
        stmt.order_by(Subscriber.email).offset((max(page, 1) - 1) * PER_PAGE).limit(PER_PAGE)
    ).all()
    return list(rows), total


def status_counts() -> dict[str, int]:
    rows = db.session.execute(
        select(Subscriber.status, func.count(Subscriber.id))
        .where(Subscriber.email.is_not(None))
        .group_by(Subscriber.status)
    ).all()
    return {status.value: count for status, count in rows}


def confirmed_count() -> int:
    return (
        db.session.scalar(select(func.count(Subscriber.id)).where(Subscriber.status == SubscriberStatus.confirmed)) or 0
    )


def issues() -> list[Issue]:
    return list(db.session.scalars(select(Issue).order_by(Issue.created_at.desc(), Issue.id.desc())))


def annual_section(tenant_id: int, year: int) -> dict:
    """Annual report figures: subscribers at the end of the year, issues sent in the year."""
    end = dt.datetime(year + 1, 1, 1, tzinfo=dt.UTC)
    start = dt.datetime(year, 1, 1, tzinfo=dt.UTC)
    subscribers = db.session.scalar(
        select(func.count(Subscriber.id)).where(
            Subscriber.confirmed_at.is_not(None),
            Subscriber.confirmed_at < end,
            or_(Subscriber.ended_at.is_(None), Subscriber.ended_at >= end),
            Subscriber.status != SubscriberStatus.pending,
        )
    )
    sent = db.session.scalar(
        select(func.count(Issue.id)).where(
            Issue.status.in_((IssueStatus.sending, IssueStatus.sent)), Issue.started_at >= start, Issue.started_at < end
        )
    )
    return {"subscribers_at_year_end": subscribers or 0, "issues_sent": sent or 0}
