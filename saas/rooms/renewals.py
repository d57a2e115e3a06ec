"""Tell the office which groups' recurring bookings run out within four weeks (once per booking)."""

from __future__ import annotations

import datetime as dt

from flask import current_app, render_template

from saas.core.mail import office_message, queue_message
from saas.directory.models import PUBLIC_STATUSES
from saas.extensions import db
from saas.rooms.queries import expiring_bookings
from tenants.models import Tenant, utcnow


def notify_expiring(tenant: Tenant, today: dt.date | None = None) -> int:
    """One mail to the office listing bookings that end soon and were not announced yet."""
    if not tenant.email:
        return 0
    due = [
        b
        for b in expiring_bookings(today)
        if b.renewal_notice_sent_at is None and (b.group is None or b.group.status in (*PUBLIC_STATUSES, "paused"))
    ]
    if not due:
        return 0
    text = render_template(
        "rooms/mail/expiring.txt",
        office=tenant,
        bookings=due,
        url=f"{current_app.config['BASE_URL']}/{tenant.slug}/intern/raeume/buchungen/",
    )
    queue_message(office_message(tenant, to=tenant.email, subject="Raumbuchungen laufen aus", text=text))
    for booking in due:
        booking.renewal_notice_sent_at = utcnow()
    db.session.flush()
    return len(due)
