"""Demo events: a realistic year per office, after Dortmund's annual report (seed 001) and Kreis Unna's
(seed 003): events held (with attendance), events cancelled for too few registrations, upcoming ones
open for registration. Idempotent: an office that has events is left alone.

Registrations of events more than 30 days ago are stored already anonymised, as the beat task would
have left them; upcoming ones carry made-up names at example.org.
"""

from __future__ import annotations

import datetime as dt
import random
import secrets

from sqlalchemy import func, select

from saas.core.demo import register_seeder
from saas.core.recurrence import today_local
from saas.events import operations as ops
from saas.events.models import (
    Audience,
    CancelReason,
    Event,
    EventKind,
    EventStatus,
    PlaceKind,
    Registration,
    RegistrationStatus,
)
from saas.extensions import db
from saas.rooms.models import Room
from tenants.models import Tenant, utcnow
from tenants.scoping import tenant_context

# (days from today, kind, title, start, end, place, capacity, minimum, outcome, registrations, attended)
# place: "room" (the office's first room), "online", or an address; outcome: held | too_few | upcoming
PLAN: dict[str, list[tuple]] = {
    "dortmund": [
        (-300, "gesamttreffen", "Gesamttreffen der Dortmunder Selbsthilfegruppen (Frühjahr)", "18:00", "20:30", "room",
         60, None, "held", 38, 34),
        (-250, "themenabend", "„Wenn die Gruppe Geld braucht …“ – Finanzielle Fördermöglichkeiten", "18:00", "20:00",
         "room", 20, 6, "held", 14, 12),
        (-215, "themenabend", "Selbsthilfe goes Minigolf", "17:00", "19:00", "Minigolfanlage Westfalenpark, Dortmund",
         20, 8, "too_few", 4, None),
        (-190, "erfahrungsaustausch", "Keks und Co: Offenes Treffen für Dortmunder Selbsthilfegruppen", "16:00",
         "18:00", "room", 20, None, "held", 11, 10),
        (-170, "seminar", "Hürden im Kopf – interkulturelle Öffnung von Selbsthilfegruppen", "10:00", "15:00", "room",
         16, 6, "too_few", 3, None),
        (-150, "gesamttreffen", "Gesamttreffen der Dortmunder Selbsthilfegruppen (Sommer)", "18:00", "20:30", "room",
         60, None, "held", 41, 37),
        (-120, "erfahrungsaustausch", "„Einfach mal reden“ – Spaziergang im Rombergpark", "15:00", "17:00",
         "Rombergpark, Haupteingang Am Rombergpark 35, Dortmund", 25, 8, "too_few", 5, None),
        (-95, "seminar", "Meine Rolle als Gruppenleitung", "10:00", "16:00", "room", 16, 6, "held", 15, 14),
        (-70, "other", "„Ruhrpott muss lieben“ mit Fritz Eckenga im Kino Schauburg", "19:00", "21:30",
         "Kino Schauburg, Brückstraße 66, 44135 Dortmund", 80, None, "held", 64, 60),
        (-40, "gesamttreffen", "Gesamttreffen der Dortmunder Selbsthilfegruppen (Herbst)", "18:00", "20:30", "room",
         60, None, "held", 44, 40),
        (-12, "themenabend", "Öffentlichkeitsarbeit mit kleinem Budget", "18:00", "20:00", "online", 30, None, "held",
         9, 8),
        (18, "gesamttreffen", "Gesamttreffen der Dortmunder Selbsthilfegruppen", "18:00", "20:30", "room", 60, None,
         "upcoming", 12, None),
        (30, "seminar", "Gut moderieren: schwierige Situationen in der Gruppe", "10:00", "15:00", "room", 12, 6,
         "upcoming", 4, None),
        (45, "fortbildung", "Erste-Hilfe-Auffrischung für Gruppenleitungen", "09:30", "16:00", "room", 12, 6,
         "upcoming", 12, None),
        (60, "themenabend", "Digitale Treffen: Videokonferenzen sicher nutzen", "18:00", "19:30", "online", 40, 5,
         "upcoming", 2, None),
    ],
    "kreis-unna": [
        (-200, "fortbildung", "Die Gruppe im Fokus (Teil 3)", "10:00", "15:00", "room", 14, 6, "held", 12, 11),
        (-160, "fortbildung", "Intervention und Methoden in unterschiedlichen Gruppenphasen", "10:00", "15:00",
         "room", 14, 6, "held", 10, 9),
        (-120, "fortbildung", "Erste-Hilfe-Auffrischung", "09:00", "15:00", "room", 12, 6, "held", 12, 12),
        (-80, "fortbildung", "Erste-Hilfe-Auffrischung", "09:00", "15:00", "room", 12, 6, "too_few", 3, None),
        (-45, "erfahrungsaustausch", "Junge Selbsthilfe: Austauschtreffen", "18:00", "20:00", "room", 14, None,
         "held", 9, 8),
        (25, "fortbildung", "Erste-Hilfe-Auffrischung", "09:00", "15:00", "room", 12, 6, "upcoming", 5, None),
    ],
    "hamm": [
        (-100, "gesamttreffen", "Gesamttreffen der Hammer Selbsthilfegruppen", "18:00", "20:00", "room", 40, None,
         "held", 22, 19),
        (35, "themenabend", "Selbsthilfe und Pflege", "18:00", "20:00", "room", 14, 5, "upcoming", 3, None),
    ],
    "dithmarschen": [
        (-60, "gesamttreffen", "Treffen der Selbsthilfegruppen in Dithmarschen", "17:00", "19:00", "room", 30, None,
         "held", 15, 13),
    ],
}  # fmt: skip

_FIRST = ["Anke", "Bernd", "Carla", "Dieter", "Emine", "Franz", "Gisela", "Hakan", "Iris", "Jan", "Katrin", "Lutz"]
_LAST = ["Albers", "Brandt", "Cordes", "Demir", "Engel", "Fischer", "Graf", "Hahn", "Ivanova", "Jung", "Kaya", "Lorenz"]
_DESCRIPTION = (
    "Für Ansprechpersonen und Mitglieder der Selbsthilfegruppen. Wir freuen uns auf den Austausch mit Ihnen. "
    "Die Räume sind barrierefrei; sagen Sie uns gern, welche Unterstützung Sie brauchen."
)


def _time(text: str) -> dt.time:
    hours, minutes = text.split(":")
    return dt.time(int(hours), int(minutes))


def _weekday_near(day: dt.date) -> dt.date:
    """Demo events fall on a weekday (Mon–Fri), like the office's own."""
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def _create(data: dict, place: str, rooms: list[Room]) -> Event:
    """In one of the office's rooms if one is free then (the groups' bookings come first), else elsewhere."""
    if place == "room":
        for room in rooms:
            try:
                with db.session.begin_nested():
                    return ops.create_event({**data, "place_kind": PlaceKind.room, "room_id": room.id})
            except ops.EventError:
                continue
        return ops.create_event({**data, "place_kind": PlaceKind.address, "address": "Kontaktstelle, großer Saal"})
    if place == "online":
        url = "https://meet.example.org/lotse-demo-" + secrets.token_hex(4)
        return ops.create_event({**data, "place_kind": PlaceKind.online, "online_url": url})
    return ops.create_event({**data, "place_kind": PlaceKind.address, "address": place})


def _event(spec: tuple, rooms: list[Room], today: dt.date, rng: random.Random) -> Event:
    offset, kind, title, start, end, place, capacity, minimum, outcome, n_regs, attended = spec
    day = _weekday_near(today + dt.timedelta(days=offset))
    data = {
        "kind": EventKind(kind),
        "title": title,
        "description": _DESCRIPTION,
        "speakers": "Team der Kontaktstelle" if kind != "other" else "",
        "start_date": day,
        "start_time": _time(start),
        "end_time": _time(end),
        "capacity": capacity,
        "min_participants": minimum,
        "decision_date": day - dt.timedelta(days=7) if minimum else None,
        "registration_deadline": day - dt.timedelta(days=3),
        "registration_required": True,
        "audience": Audience.members if kind != "other" else Audience.public,
        "cost_note": "kostenfrei" if kind != "seminar" else "kostenfrei, mit Mittagsimbiss",
    }
    event = _create(data, place, rooms)
    event.status = EventStatus.published
    event.published_at = utcnow() - dt.timedelta(days=max(30, -offset + 30))
    past = day < today
    for i in range(n_regs):
        persons = 2 if rng.random() < 0.1 else 1
        reg = Registration(
            event_id=event.id,
            status=RegistrationStatus.confirmed,
            persons=persons,
            token_nonce=secrets.token_hex(16),
            source="web",
        )
        if past and day <= today - dt.timedelta(days=ops.PURGE_AFTER_DAYS):
            reg.anonymized_at = utcnow()
        else:
            first, last = rng.choice(_FIRST), rng.choice(_LAST)
            reg.name = f"{first} {last}"
            reg.email = f"{first.lower()}.{last.lower()}.{i}@example.org"
        if outcome == "held" and attended is not None:
            reg.attended_persons = persons if i < attended else 0
        db.session.add(reg)
    if outcome == "too_few":
        event.status = EventStatus.cancelled
        event.cancel_reason = CancelReason.too_few
        event.cancelled_at = utcnow()
        event.decision_checked_at = utcnow()
        if event.booking is not None:
            from saas.rooms.models import BookingStatus

            event.booking.status = BookingStatus.cancelled
    elif outcome == "held":
        event.decision_checked_at = event.decision_checked_at or (utcnow() if minimum else None)
        event.reminder_sent_at = utcnow()
        if attended is not None:
            event.attendance_recorded_at = utcnow()
    if past and day <= today - dt.timedelta(days=ops.PURGE_AFTER_DAYS):
        event.personal_data_deleted_at = utcnow()
    db.session.flush()
    return event


@register_seeder(70)
def seed_events(tenants_by_slug: dict[str, Tenant]) -> bool:
    created = False
    today = today_local()
    for slug, plan in PLAN.items():
        tenant = tenants_by_slug.get(slug)
        if tenant is None:
            continue
        with tenant_context(tenant.id):
            if db.session.scalar(select(func.count(Event.id))):
                continue
            rooms = list(db.session.scalars(select(Room).order_by(Room.site_id, Room.position, Room.id)))
            rng = random.Random(f"lotse-events-{slug}")
            for spec in plan:
                _event(spec, rooms, today, rng)
            created = True
    return created
