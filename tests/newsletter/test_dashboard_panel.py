"""The start page's newsletter panel gives a scheduled issue's time as the office's clock shows it."""

from __future__ import annotations

import datetime as dt

from saas.extensions import db
from saas.newsletter.models import Issue, IssueStatus
from tenants.scoping import tenant_context


def test_scheduled_issue_shows_office_time_not_utc(client, world):
    """09.00 UTC on a December day is 10.00 in Dortmund: the panel says 10.00, as the newsletter page does."""
    at = dt.datetime(2030, 12, 5, 9, 0, tzinfo=dt.UTC)
    with tenant_context(world.dortmund.id):
        db.session.add(
            Issue(tenant_id=world.dortmund.id, subject="Dezember", status=IssueStatus.scheduled, scheduled_at=at)
        )
        db.session.commit()
    client.login(world.dortmund_staff)
    start = client.get("/dortmund/intern/").get_data(as_text=True)
    listing = client.get("/dortmund/intern/newsletter/").get_data(as_text=True)
    assert "geplant für 05.12.2030, 10.00 Uhr" in start
    assert "05.12.2030, 10.00 Uhr" in listing
