"""Writes about issues: compose, edit, preview, test, schedule, send now. Flush, never commit."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select

from saas.extensions import db
from saas.newsletter import mails
from saas.newsletter.blocks import available_blocks, render_blocks
from saas.newsletter.models import Issue, IssueStatus, JobKind, JobState, SendJob
from saas.newsletter.operations import NewsletterError, now
from saas.newsletter.outbox import dispatch_after_commit
from saas.newsletter.render import render_body
from tenants.models import Tenant

EDITABLE = (IssueStatus.draft, IssueStatus.scheduled)


def _clean_blocks(keys: list[str] | None) -> list[str]:
    known = {b.key for b in available_blocks()}
    return [k for k in (keys or []) if k in known]


def create_issue(
    tenant: Tenant, subject: str, body_md: str, blocks: list[str] | None = None, *, user_id: int | None = None
) -> Issue:
    subject = subject.strip()
    if not subject:
        raise NewsletterError("Der Betreff darf nicht leer sein.")
    if len(subject) > 200:
        raise NewsletterError("Der Betreff darf höchstens 200 Zeichen lang sein.")
    issue = Issue(
        tenant_id=tenant.id,
        subject=subject,
        body_md=body_md or "",
        blocks=_clean_blocks(blocks),
        created_by_id=user_id,
        status=IssueStatus.draft,
    )
    db.session.add(issue)
    db.session.flush()
    return issue


def update_issue(issue: Issue, subject: str, body_md: str, blocks: list[str] | None) -> None:
    if issue.status != IssueStatus.draft:
        raise NewsletterError("Nur Entwürfe können bearbeitet werden.")
    if not subject.strip():
        raise NewsletterError("Der Betreff darf nicht leer sein.")
    issue.subject = subject.strip()[:200]
    issue.body_md = body_md or ""
    issue.blocks = _clean_blocks(blocks)
    db.session.flush()


def preview(tenant: Tenant, issue: Issue) -> tuple[str, str]:
    """(html, text) of the body as it would be sent now (generated blocks filled in)."""
    if issue.status in (IssueStatus.sending, IssueStatus.sent) and issue.html:
        return issue.html, issue.text
    body = issue.body_md
    extra = render_blocks(tenant, list(issue.blocks or []))
    if extra:
        body = f"{body}\n\n{extra}"
    return render_body(body)


def preview_document(tenant: Tenant, issue: Issue) -> tuple[str, str]:
    """The full mail as a subscriber sees it (frame, imprint, footer), HTML and text."""
    body_html, body_text = preview(tenant, issue)
    frame = mails.frame(tenant, issue.subject, body_html, body_text, note=mails.ISSUE_NOTE.format(office=tenant.name))
    link = mails.unsubscribe_url(tenant, "vorschau")
    from saas.newsletter.render import UNSUBSCRIBE_PLACEHOLDER

    return frame.html.replace(UNSUBSCRIBE_PLACEHOLDER, link), frame.text.replace(UNSUBSCRIBE_PLACEHOLDER, link)


def send_test(tenant: Tenant, issue: Issue, to: str) -> None:
    body_html, body_text = preview(tenant, issue)
    mails.send_test(tenant, issue, body_html, body_text, to)


def queue_issue(tenant: Tenant, issue: Issue, at: dt.datetime | None = None) -> SendJob:
    """Send now (``at`` None) or at a time. The plan job is committed with the status change (outbox)."""
    if issue.status not in EDITABLE:
        raise NewsletterError("Diese Ausgabe wird bereits versendet oder ist versendet.")
    if at is not None:
        if at.tzinfo is None:
            raise ValueError("the scheduled time must be timezone-aware")
        if at <= now():
            raise NewsletterError("Der geplante Zeitpunkt muss in der Zukunft liegen.")
    db.session.execute(delete(SendJob).where(SendJob.issue_id == issue.id, SendJob.state != JobState.done))
    job = SendJob(
        tenant_id=tenant.id,
        issue_id=issue.id,
        kind=JobKind.plan,
        state=JobState.pending,
        not_before=at.timestamp() if at else 0.0,
    )
    db.session.add(job)
    issue.status = IssueStatus.scheduled if at else IssueStatus.queued
    issue.scheduled_at = at
    db.session.flush()
    if at is None:
        dispatch_after_commit(tenant.id, [job.id])
    return job


def cancel_schedule(issue: Issue) -> None:
    if issue.status != IssueStatus.scheduled:
        raise NewsletterError("Diese Ausgabe ist nicht geplant.")
    db.session.execute(
        delete(SendJob).where(
            SendJob.issue_id == issue.id, SendJob.kind == JobKind.plan, SendJob.state != JobState.done
        )
    )
    issue.status = IssueStatus.draft
    issue.scheduled_at = None
    db.session.flush()


def plan_job(issue: Issue) -> SendJob | None:
    return db.session.scalar(select(SendJob).where(SendJob.issue_id == issue.id, SendJob.kind == JobKind.plan))
