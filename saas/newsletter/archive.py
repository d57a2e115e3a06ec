"""The newsletter in public: which issues are in the archive. A web copy is the issue's body as sent, the same
for everyone: it carries no subscriber token (the unsubscribe link lives only in the mail's frame)."""

from __future__ import annotations

from flask import abort
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
