"""The newsletter in public: the archive of sent issues, each issue's web copy ("Im Browser ansehen") and
an Atom feed. A web copy is the issue's body as sent, the same for everyone: it carries no subscriber
token (the unsubscribe link lives only in the mail's frame)."""

from __future__ import annotations

import datetime as dt

from feedgen.feed import FeedGenerator
from flask import Response, abort, current_app, g, render_template, url_for
from sqlalchemy import select

from saas.core.access import office_row_or_404
from saas.extensions import db
from saas.newsletter.models import Issue, IssueStatus


def sent_issues(limit: int | None = None) -> list[Issue]:
    query = (
        select(Issue)
        .where(Issue.status == IssueStatus.sent, Issue.started_at.is_not(None))
        .order_by(Issue.started_at.desc(), Issue.id.desc())
    )
    if limit:
        query = query.limit(limit)
    return list(db.session.scalars(query))


def sent_issue_or_404(issue_id: int) -> Issue:
    issue = office_row_or_404(Issue, issue_id)
    if issue.status != IssueStatus.sent or issue.started_at is None:
        abort(404)  # drafts and issues still being sent are not public
    return issue


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    """UTC-aware (SQLite returns naive datetimes); None stays None (sent issues always have ``started_at``)."""
    return value if value is None or value.tzinfo else value.replace(tzinfo=dt.UTC)


def archive(slug: str) -> str:
    return render_template("newsletter/public/archive.html", issues=sent_issues())


def archive_issue(slug: str, issue_id: int) -> str:
    return render_template("newsletter/public/archive_issue.html", issue=sent_issue_or_404(issue_id))


def feed(slug: str) -> Response:
    """Atom (RFC 4287) of the last 50 sent issues, built with feedgen (escaping and dates done right)."""
    tenant = g.tenant
    base = current_app.config["BASE_URL"].rstrip("/")
    archive_url = base + url_for("newsletter.archive", slug=tenant.slug)
    issues = sent_issues(limit=50)
    fg = FeedGenerator()
    fg.id(archive_url)
    fg.title(f"Newsletter – {tenant.name}")
    fg.author({"name": tenant.name, **({"email": tenant.email} if tenant.email else {})})
    fg.link(href=archive_url, rel="alternate")
    fg.link(href=base + url_for("newsletter.feed", slug=tenant.slug), rel="self")
    fg.language("de")
    fg.updated(_aware(issues[0].started_at) if issues else _aware(tenant.created_at))
    for issue in reversed(issues):  # feedgen prepends: oldest first gives newest first in the feed
        url = base + url_for("newsletter.archive_issue", slug=tenant.slug, issue_id=issue.id)
        entry = fg.add_entry()
        entry.id(url)
        entry.title(issue.subject)
        entry.link(href=url, rel="alternate")
        entry.published(_aware(issue.started_at))
        entry.updated(_aware(issue.finished_at or issue.started_at))
        entry.content(issue.html, type="html")
    return Response(fg.atom_str(pretty=True), mimetype="application/atom+xml")
