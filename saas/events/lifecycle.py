"""What happens to events over time (run by the beat tasks in ``workers.events``, one office at a time).

Each step is idempotent: a marker column on the event (``decision_checked_at``, ``reminder_sent_at``,
``personal_data_deleted_at``) or the registration's status says it is done, so running a step twice,
or after a crash, never sends a mail twice or cancels twice.
"""

from __future__ import annotations

import datetime as dt

from flask import render_template
from sqlalchemy import func, select

from saas.core import timeutil
from saas.core.mail import office_message, queue_message
from saas.events.models import CancelReason, Event, EventStatus, Registration, RegistrationStatus
from saas.events.operations import (
    REMINDER_DAYS,
    auto_cancel,
    cancel_event,
    confirmed_persons,
    external_url,
    lock_event,
    move_up,
    send_registration_mail,
)
from saas.extensions import db
from tenants.models import Tenant, utcnow


def check_minimums(tenant: Tenant, today: dt.date | None = None) -> dict[str, int]:
    """At the decision date: cancel (or ask staff about) every event below its minimum."""
    today = today or timeutil.today()
    due = db.session.scalars(
        select(Event.id).where(
            Event.status == EventStatus.published,
            Event.min_participants.is_not(None),
            Event.decision_date <= today,
            Event.decision_checked_at.is_(None),
        )
    ).all()
    result = {"cancelled": 0, "pending": 0, "reached": 0}
    for event_id in due:
        event = lock_event(event_id)
        if event is None or event.status != EventStatus.published or event.decision_checked_at is not None:
            continue
        if confirmed_persons(event.id) >= (event.min_participants or 0):
            event.decision_checked_at = utcnow()
            result["reached"] += 1
        elif event.start_date < today:
            event.decision_checked_at = utcnow()  # too late to decide anything: leave it to staff
        elif auto_cancel(tenant):
            cancel_event(event, reason=CancelReason.too_few)
            result["cancelled"] += 1
        else:
            event.decision_pending = True
            event.decision_checked_at = utcnow()
            _tell_office(tenant, event)
            result["pending"] += 1
        db.session.flush()
    return result


def _tell_office(tenant: Tenant, event: Event) -> None:
    if not tenant.email:
        return
    text = render_template(
        "events/mail/decision_needed.txt",
        event=event,
        office=tenant,
        confirmed=confirmed_persons(event.id),
        event_url=external_url(f"/{tenant.slug}/intern/veranstaltungen/{event.id}"),
    )
    queue_message(office_message(tenant, to=tenant.email, subject=f"Entscheidung nötig: {event.title}", text=text))


def send_reminders(tenant: Tenant, today: dt.date | None = None) -> int:
    """Two days before an event that takes place, remind everyone who has a place."""
    today = today or timeutil.today()
    due = db.session.scalars(
        select(Event).where(
            Event.status == EventStatus.published,
            Event.reminder_sent_at.is_(None),
            Event.decision_pending.is_(False),
            Event.start_date >= today,
            Event.start_date <= today + dt.timedelta(days=REMINDER_DAYS),
        )
    ).all()
    sent = 0
    for event in due:
        if event.min_participants and event.decision_checked_at is None:
            continue  # the minimum is not decided yet: no reminder for an event that may not happen
        if event.starts_at <= timeutil.now():
            continue
        event.reminder_sent_at = utcnow()
        for registration in event.registrations:
            if registration.status == RegistrationStatus.confirmed:
                send_registration_mail(registration, "reminder", "Erinnerung")
                sent += 1
        db.session.flush()
    return sent


def expire_offers(tenant: Tenant, now: dt.datetime | None = None) -> int:
    """Offers not accepted in time lapse; the place goes to the next person waiting."""
    now = now or utcnow()
    event_ids = db.session.scalars(
        select(Registration.event_id)
        .where(Registration.status == RegistrationStatus.offered, Registration.offered_until <= now)
        .distinct()
    ).all()
    expired = 0
    for event_id in event_ids:
        event = lock_event(event_id)
        if event is None:
            continue
        for registration in event.registrations:
            if registration.status != RegistrationStatus.offered or registration.offered_until is None:
                continue
            until = registration.offered_until
            if (until if until.tzinfo else until.replace(tzinfo=dt.UTC)) > now:
                continue
            registration.status = RegistrationStatus.expired
            registration.offered_until = None
            send_registration_mail(registration, "expired", "Platzangebot abgelaufen")
            expired += 1
        db.session.flush()
        move_up(event, now)
    return expired


def purge_personal_data(tenant: Tenant, today: dt.date | None = None) -> int:
    """After an event (30 days unless the office set otherwise), blank every participant's personal data;
    the rows stay as counts."""
    from saas.privacy.retention import retention_days

    today = today or timeutil.today()
    cutoff = today - dt.timedelta(days=retention_days("event_participants", tenant))
    events = db.session.scalars(
        select(Event).where(Event.start_date <= cutoff, Event.personal_data_deleted_at.is_(None))
    ).all()
    blanked = 0
    for event in events:
        for registration in event.registrations:
            if registration.anonymized_at is None:
                registration.name = ""
                registration.email = ""
                registration.accessibility_needs = ""
                registration.token_nonce = ""  # old links stop working
                registration.anonymized_at = utcnow()
                blanked += 1
        event.personal_data_deleted_at = utcnow()
        db.session.flush()
    return blanked


def registrations_with_personal_data(before: dt.date) -> int:
    """How many registrations of events before a date still hold personal data (for checks)."""
    return int(
        db.session.scalar(
            select(func.count(Registration.id))
            .join(Event, Event.id == Registration.event_id)
            .where(Event.start_date < before, Registration.anonymized_at.is_(None))
        )
        or 0
    )
