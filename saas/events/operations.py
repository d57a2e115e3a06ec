"""Writes about events and registrations. Flush, never commit; mails go out after commit.

Capacity is guarded by locking the event row (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite has one
writer at a time anyway) before places are counted, so two people registering for the last place at
the same moment never both get it.
"""

from __future__ import annotations

import datetime as dt
import hmac
import secrets
from typing import Any

from flask import current_app, render_template
from flask_babel import gettext as _
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import func, select

from saas.core import timeutil
from saas.core.errors import DomainError
from saas.core.mail import office_message, queue_message
from saas.core.recurrence import Pattern
from saas.events.models import (
    ACTIVE,
    HOLDING,
    CancelReason,
    Event,
    EventStatus,
    PlaceKind,
    Registration,
    RegistrationStatus,
)
from saas.extensions import db
from saas.rooms import operations as room_ops
from saas.rooms.models import BookingKind, BookingStatus, Room
from tenants.models import Tenant, utcnow
from tenants.scoping import current_tenant_id

OFFER_HOURS = 48  # a place offered from the waitlist is held this long
REMINDER_DAYS = 2
PURGE_AFTER_DAYS = 30
MAX_PERSONS = 10
SETTING_AUTO_CANCEL = "events_auto_cancel"


class EventError(DomainError):
    """The change is not possible (bad dates, room taken, …). Nothing is stored."""


class RegistrationError(DomainError):
    """A registration cannot be taken (closed, too many persons, …). Nothing is stored."""


# --- settings and small helpers ---------------------------------------------------------------------


def auto_cancel(tenant: Tenant) -> bool:
    """Office setting: cancel automatically when the minimum is missed (default) or ask staff."""
    return bool((tenant.settings or {}).get(SETTING_AUTO_CANCEL, True))


def set_auto_cancel(tenant: Tenant, value: bool) -> None:
    tenant.settings = {**(tenant.settings or {}), SETTING_AUTO_CANCEL: bool(value)}
    db.session.flush()


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="lotse.events.registration")


def registration_token(registration: Registration) -> str:
    return _serializer().dumps([registration.tenant_id, registration.id, registration.token_nonce])


def registration_from_token(token: str) -> Registration | None:
    """The registration a signed link names, if it belongs to the bound office and is still valid."""
    try:
        tenant_id, registration_id, nonce = _serializer().loads(token)
    except (BadSignature, ValueError, TypeError):
        return None
    if tenant_id != current_tenant_id() or not isinstance(registration_id, int):
        return None
    registration = db.session.get(Registration, registration_id)
    if registration is None or not registration.token_nonce or not isinstance(nonce, str):
        return None
    if not hmac.compare_digest(registration.token_nonce, nonce):
        return None
    return registration


def external_url(path: str) -> str:
    return f"{current_app.config['BASE_URL']}{path}"


def manage_url(registration: Registration, slug: str) -> str:
    return external_url(f"/{slug}/veranstaltungen/anmeldung/{registration_token(registration)}")


def lock_event(event_id: int) -> Event | None:
    """Load the event with a row lock held until commit; every place-counting change goes through it."""
    return db.session.scalar(
        select(Event).where(Event.id == event_id).with_for_update().execution_options(populate_existing=True)
    )


def held_persons(event_id: int) -> int:
    return int(
        db.session.scalar(
            select(func.coalesce(func.sum(Registration.persons), 0)).where(
                Registration.event_id == event_id, Registration.status.in_(HOLDING)
            )
        )
        or 0
    )


def confirmed_persons(event_id: int) -> int:
    return int(
        db.session.scalar(
            select(func.coalesce(func.sum(Registration.persons), 0)).where(
                Registration.event_id == event_id, Registration.status == RegistrationStatus.confirmed
            )
        )
        or 0
    )


def _waiting(event_id: int) -> list[Registration]:
    return list(
        db.session.scalars(
            select(Registration)
            .where(Registration.event_id == event_id, Registration.status == RegistrationStatus.waitlisted)
            .order_by(Registration.created_at, Registration.id)
        )
    )


# --- mail ---------------------------------------------------------------------------------------------


def _tenant_of(event: Event) -> Tenant:
    tenant = db.session.get(Tenant, event.tenant_id)
    assert tenant is not None  # tenant_id is a non-null foreign key
    return tenant


def send_registration_mail(registration: Registration, template: str, subject: str, **extra: Any) -> None:
    """Queue one mail to a registered person (after commit); the manage link is in every one."""
    if not registration.email:
        return
    event = registration.event
    tenant = _tenant_of(event)
    context = {
        "event": event,
        "registration": registration,
        "office": tenant,
        "manage_url": manage_url(registration, tenant.slug),
        "event_url": external_url(f"/{tenant.slug}/veranstaltungen/{event.id}"),
        "show_online_link": event.place_kind == PlaceKind.online
        and registration.status == RegistrationStatus.confirmed
        and event.status == EventStatus.published,
        # the mail says whether the minimum is already reached (then it is no open condition any more)
        "confirmed_persons": confirmed_persons(event.id) if event.min_participants else 0,
        **extra,
    }
    text = render_template(f"events/mail/{template}.txt", **context)
    queue_message(office_message(tenant, to=registration.email, subject=f"{subject}: {event.title}", text=text))


# --- events -------------------------------------------------------------------------------------------


def _check_dates(data: dict) -> None:
    if data.get("end_time") and data["end_time"] <= data["start_time"]:
        raise EventError(_("Das Ende muss nach dem Beginn liegen."), field="end_time")
    if data.get("decision_date") and data["decision_date"] > data["start_date"]:
        raise EventError(_("Der Entscheidungstag muss vor der Veranstaltung liegen."), field="decision_date")
    if data.get("registration_deadline") and data["registration_deadline"] > data["start_date"]:
        raise EventError(_("Der Anmeldeschluss muss vor der Veranstaltung liegen."), field="registration_deadline")
    if data.get("min_participants") and not data.get("decision_date"):
        raise EventError(_("Zur Mindestteilnehmerzahl gehört ein Entscheidungstag."), field="decision_date")
    if data.get("min_participants") and data.get("capacity") and data["min_participants"] > data["capacity"]:
        raise EventError(_("Die Mindestzahl ist größer als die Zahl der Plätze."), field="min_participants")
    if data.get("place_kind") == PlaceKind.room and not data.get("room_id"):
        raise EventError(_("Bitte wählen Sie den Raum."), field="room_id")
    if data.get("place_kind") == PlaceKind.online and not data.get("online_url"):
        raise EventError(_("Für eine Online-Veranstaltung braucht es den Zugangslink."), field="online_url")
    if data.get("place_kind") == PlaceKind.address and not data.get("address"):
        raise EventError(_("Bitte geben Sie die Adresse an."), field="address")


EVENT_FIELDS = (
    "kind", "title", "description", "speakers", "start_date", "start_time", "end_time", "place_kind", "room_id",
    "address", "online_url", "capacity", "min_participants", "decision_date", "registration_deadline",
    "registration_required", "audience", "cost_note",
)  # fmt: skip


def _sync_booking(event: Event) -> None:
    """An event in one of the office's rooms holds a one-off booking, checked for conflicts."""
    booking = event.booking
    wants_room = event.place_kind == PlaceKind.room and event.room_id and event.status != EventStatus.cancelled
    if not wants_room:
        if booking is not None and booking.status == BookingStatus.active:
            booking.status = BookingStatus.cancelled
        return
    room = db.session.get(Room, event.room_id)
    if room is None:
        raise EventError(_("Diesen Raum gibt es nicht."), field="room_id")
    if event.capacity is not None and room.capacity and event.capacity > room.capacity:
        # "noch 46 von 60 Plätzen frei" in a room for 20 is a promise the office cannot keep
        raise EventError(
            _(
                "Der Raum „%(room)s“ hat %(n)s Plätze: bitte nicht mehr anbieten oder einen anderen Ort nehmen.",
                room=room.name,
                n=room.capacity,
            ),
            field="capacity",
        )
    end = event.end_time or (dt.datetime.combine(event.start_date, event.start_time) + dt.timedelta(hours=2)).time()
    try:
        if booking is None or booking.status != BookingStatus.active:
            booking = room_ops.create_booking(
                room, pattern=Pattern.once, start_date=event.start_date, start_time=event.start_time, end_time=end,
                kind=BookingKind.event, title=event.title,
            )  # fmt: skip
            event.booking_id, event.booking = booking.id, booking
        else:
            room_ops.reschedule_booking(
                booking, room=room, start_date=event.start_date, start_time=event.start_time, end_time=end,
                pattern=Pattern.once, title=event.title,
            )  # fmt: skip
    except room_ops.BookingError as exc:
        raise EventError(str(exc), field="room_id") from exc


def create_event(data: dict, *, acting_user: Any = None) -> Event:
    _check_dates(data)
    event = Event(**{k: data.get(k) for k in EVENT_FIELDS if k in data}, created_by_id=getattr(acting_user, "id", None))
    event.status = EventStatus.draft
    db.session.add(event)
    db.session.flush()
    _sync_booking(event)
    db.session.flush()
    return event


def update_event(event: Event, data: dict) -> Event:
    _check_dates(data)
    if event.status == EventStatus.cancelled:
        raise EventError(_("Eine abgesagte Veranstaltung kann nicht mehr geändert werden."))
    locked = lock_event(event.id)  # places may change: count them under the row lock
    assert locked is event
    for key in EVENT_FIELDS:
        if key in data:
            setattr(event, key, data[key])
    db.session.flush()
    if event.capacity is not None and held_persons(event.id) < event.capacity:
        move_up(event)
    _sync_booking(event)
    db.session.flush()
    return event


def publish_event(event: Event) -> None:
    if event.status != EventStatus.draft:
        raise EventError(_("Nur ein Entwurf kann veröffentlicht werden."))
    if event.start_date < timeutil.today(event.tz):
        raise EventError(_("Die Veranstaltung liegt in der Vergangenheit."))
    event.status = EventStatus.published
    event.published_at = utcnow()
    db.session.flush()


def unpublish_event(event: Event) -> None:
    """Back to draft: only while nobody has registered (people must not lose their place silently)."""
    if event.status != EventStatus.published:
        raise EventError(_("Die Veranstaltung ist nicht veröffentlicht."))
    active = db.session.scalar(
        select(func.count(Registration.id)).where(Registration.event_id == event.id, Registration.status.in_(ACTIVE))
    )
    if active:
        raise EventError(_("Es gibt schon Anmeldungen: bitte sagen Sie die Veranstaltung stattdessen ab."))
    event.status = EventStatus.draft
    event.published_at = None
    db.session.flush()


def cancel_event(event: Event, *, reason: CancelReason, note: str = "", acting_user: Any = None) -> int:
    """Call the event off and tell every registered or waiting person. Returns the number told."""
    if event.status == EventStatus.cancelled:
        return 0
    was_public = event.status == EventStatus.published
    event.status = EventStatus.cancelled
    event.cancel_reason = reason
    event.cancel_note = note.strip()[:500]
    event.cancelled_at = utcnow()
    event.decision_pending = False
    if event.decision_checked_at is None and reason == CancelReason.too_few:
        event.decision_checked_at = utcnow()
    _sync_booking(event)
    db.session.flush()
    told = 0
    if was_public:
        for registration in event.registrations:
            if registration.status in ACTIVE:
                send_registration_mail(registration, "cancelled", "Abgesagt")
                told += 1
    return told


def keep_event(event: Event) -> None:
    """Staff decided: the event takes place although the minimum was not reached."""
    if event.status != EventStatus.published:
        raise EventError(_("Die Veranstaltung ist nicht veröffentlicht."))
    event.decision_pending = False
    event.kept_despite_minimum = True
    event.decision_checked_at = event.decision_checked_at or utcnow()
    db.session.flush()


# --- registrations ------------------------------------------------------------------------------------


def registration_open(event: Event, today: dt.date | None = None) -> bool:
    today = today or timeutil.today(event.tz)
    if event.status != EventStatus.published or not event.registration_required:
        return False
    if event.registration_deadline and today > event.registration_deadline:
        return False
    return event.starts_at > timeutil.local_now(event.tz)


def register(
    event_id: int,
    *,
    name: str,
    email: str,
    persons: int = 1,
    group_id: int | None = None,
    accessibility_needs: str = "",
    source: str = "web",
) -> Registration:
    """Take a registration: a place if one is free (and nobody waits), else the waitlist.

    The event row is locked first, so the places counted here cannot be taken by a concurrent
    registration before this one commits.
    """
    event = lock_event(event_id)
    if event is None or event.status != EventStatus.published:
        raise RegistrationError(_("Für diese Veranstaltung ist keine Anmeldung möglich."))
    if source == "web" and not registration_open(event):
        raise RegistrationError(_("Die Anmeldung für diese Veranstaltung ist geschlossen."))
    if not 1 <= persons <= MAX_PERSONS:
        raise RegistrationError(_("Bitte zwischen 1 und %(n)s Personen angeben.", n=MAX_PERSONS))
    if event.capacity is not None and persons > event.capacity:
        raise RegistrationError(_("Die Veranstaltung hat nur %(n)s Plätze.", n=event.capacity))
    email = email.strip().lower()
    if not email and source == "web":
        raise RegistrationError(_("Bitte geben Sie Ihre E-Mail-Adresse an."))
    duplicate = None
    if email:  # staff may enter people without an address; those are never "the same person"
        duplicate = db.session.scalar(
            select(Registration).where(
                Registration.event_id == event.id, Registration.email == email, Registration.status.in_(ACTIVE)
            )
        )
    if duplicate is not None:
        # Do not reveal to the form who is registered: resend the person's own mail instead.
        send_registration_mail(duplicate, "already", "Ihre Anmeldung")
        return duplicate
    status = RegistrationStatus.confirmed
    if event.capacity is not None:
        free = event.capacity - held_persons(event.id)
        if persons > free or _waiting(event.id):
            status = RegistrationStatus.waitlisted
    registration = Registration(
        event_id=event.id,
        status=status,
        persons=persons,
        name=name.strip()[:200],
        email=email,
        group_id=group_id,
        accessibility_needs=accessibility_needs.strip()[:2000],
        token_nonce=secrets.token_hex(16),
        source=source,
    )
    registration.event = event
    db.session.add(registration)
    db.session.flush()
    if status == RegistrationStatus.confirmed:
        send_registration_mail(registration, "confirmed", "Anmeldung bestätigt")
    else:
        send_registration_mail(registration, "waitlisted", "Warteliste")
    return registration


def cancel_registration(registration: Registration, *, by_staff: bool = False) -> None:
    """The person (or staff for them) withdraws; a freed place goes to the waitlist."""
    if registration.status not in ACTIVE:
        return
    event = lock_event(registration.event_id)
    assert event is not None
    was_holding = registration.status in HOLDING
    registration.status = RegistrationStatus.cancelled
    registration.cancelled_at = utcnow()
    registration.offered_until = None
    db.session.flush()
    if not by_staff:
        send_registration_mail(registration, "withdrawn", "Abmeldung bestätigt")
    if was_holding:
        move_up(event)


def move_up(event: Event, now: dt.datetime | None = None) -> list[Registration]:
    """Offer freed places to the waitlist in order (the first who fit); each gets a mail and a deadline.

    The caller holds the event's row lock.
    """
    if event.status != EventStatus.published or event.capacity is None:
        return []
    now = now or utcnow()
    if event.starts_at <= now:
        return []
    free = event.capacity - held_persons(event.id)
    offered = []
    deadline = min(now + dt.timedelta(hours=OFFER_HOURS), event.starts_at)
    for registration in _waiting(event.id):
        if free <= 0:
            break
        if registration.persons > free:
            continue
        registration.status = RegistrationStatus.offered
        registration.offered_until = deadline
        free -= registration.persons
        offered.append(registration)
    db.session.flush()
    for registration in offered:
        send_registration_mail(registration, "offered", "Ein Platz ist frei geworden")
    return offered


def accept_offer(registration: Registration, now: dt.datetime | None = None) -> None:
    now = now or utcnow()
    event = lock_event(registration.event_id)
    assert event is not None
    db.session.refresh(registration)
    if registration.status != RegistrationStatus.offered:
        raise RegistrationError(_("Für diese Anmeldung liegt kein Platzangebot vor."))
    if registration.offered_until is None or _aware(registration.offered_until) <= now:
        raise RegistrationError(_("Die Frist für dieses Angebot ist abgelaufen."))
    registration.status = RegistrationStatus.confirmed
    registration.offered_until = None
    db.session.flush()
    send_registration_mail(registration, "confirmed", "Anmeldung bestätigt")


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def update_registration(registration: Registration, *, name: str, email: str, persons: int, group_id: int | None,
                        accessibility_needs: str) -> None:  # fmt: skip
    """Staff correct a registration. More persons than free places are refused."""
    event = lock_event(registration.event_id)
    assert event is not None
    if not 1 <= persons <= MAX_PERSONS:
        raise RegistrationError(_("Bitte zwischen 1 und %(n)s Personen angeben.", n=MAX_PERSONS))
    if registration.status in HOLDING and event.capacity is not None:
        free = event.capacity - held_persons(event.id) + registration.persons
        if persons > free:
            raise RegistrationError(_("Es sind nur noch %(n)s Plätze frei.", n=free))
    shrinking = registration.status in HOLDING and persons < registration.persons
    registration.name, registration.email = name.strip()[:200], email.strip().lower()
    registration.persons, registration.group_id = persons, group_id
    registration.accessibility_needs = accessibility_needs.strip()[:2000]
    db.session.flush()
    if shrinking:
        move_up(event)


def record_attendance(event: Event, attended: dict[int, int | None]) -> None:
    """Staff note after the event how many came per registration (None = not recorded)."""
    if event.status != EventStatus.published:
        raise EventError(_("Anwesenheit gibt es nur für stattfindende Veranstaltungen."))
    if event.starts_at > timeutil.local_now(event.tz):
        raise EventError(_("Die Anwesenheit wird nach Beginn der Veranstaltung erfasst."))
    by_id = {r.id: r for r in event.registrations}
    for registration_id, persons in attended.items():
        registration = by_id.get(registration_id)
        if registration is None or registration.status != RegistrationStatus.confirmed:
            continue
        if persons is not None and not 0 <= persons <= MAX_PERSONS:
            raise EventError(_("Ungültige Zahl für Anmeldung %(id)s.", id=registration_id))
        registration.attended_persons = persons
    event.attendance_recorded_at = utcnow()
    db.session.flush()
