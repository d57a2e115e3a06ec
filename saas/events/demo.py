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

from sqlalchemy import select

from saas.core.demo import demo_today, demo_years, register_seeder
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

# (month, day, kind, title, start, end, place, capacity, minimum, outcome, registrations, attended)
# place: "room" (the office's first free room), "online", or an address; outcome: held | too_few.
# A programme is repeated every demo year (dates moved to a weekday); events after today are open for
# registration (the beat task decides those below their minimum), those up to ~3 months ahead exist.
DORTMUND_2023 = [  # seed 001, chapter 6: 3 Gesamttreffen, and what was held and cancelled
    (
        3,
        15,
        "gesamttreffen",
        "Gesamttreffen der Dortmunder Selbsthilfegruppen (Frühjahr)",
        "18:00",
        "20:30",
        "room",
        60,
        None,
        "held",
        38,
        34,
    ),
    (
        4,
        20,
        "themenabend",
        "„Wenn die Gruppe Geld braucht …“ – Finanzielle Fördermöglichkeiten",
        "18:00",
        "20:00",
        "room",
        20,
        6,
        "held",
        14,
        12,
    ),
    (
        5,
        24,
        "themenabend",
        "Selbsthilfe goes Minigolf",
        "17:00",
        "19:00",
        "Minigolfanlage Westfalenpark, Dortmund",
        20,
        8,
        "too_few",
        4,
        None,
    ),
    (
        6,
        14,
        "erfahrungsaustausch",
        "Keks und Co: Offenes Treffen für Dortmunder Selbsthilfegruppen",
        "16:00",
        "18:00",
        "room",
        20,
        None,
        "held",
        11,
        10,
    ),
    (
        7,
        5,
        "seminar",
        "Hürden im Kopf – interkulturelle Öffnung von Selbsthilfegruppen",
        "10:00",
        "15:00",
        "room",
        16,
        6,
        "too_few",
        3,
        None,
    ),
    (
        7,
        12,
        "gesamttreffen",
        "Gesamttreffen der Dortmunder Selbsthilfegruppen (Sommer)",
        "18:00",
        "20:30",
        "room",
        60,
        None,
        "held",
        41,
        37,
    ),
    (
        8,
        30,
        "erfahrungsaustausch",
        "„Einfach mal reden“ – Spaziergang im Rombergpark",
        "15:00",
        "17:00",
        "Rombergpark, Haupteingang Am Rombergpark 35, Dortmund",
        25,
        8,
        "too_few",
        5,
        None,
    ),
    (9, 23, "seminar", "Meine Rolle als Gruppenleitung", "10:00", "16:00", "room", 16, 6, "held", 15, 14),
    (
        10,
        18,
        "other",
        "„Ruhrpott muss lieben“ mit Fritz Eckenga im Kino Schauburg",
        "19:00",
        "21:30",
        "Kino Schauburg, Brückstraße 66, 44135 Dortmund",
        80,
        None,
        "held",
        64,
        60,
    ),
    (
        11,
        15,
        "gesamttreffen",
        "Gesamttreffen der Dortmunder Selbsthilfegruppen (Herbst)",
        "18:00",
        "20:30",
        "room",
        60,
        None,
        "held",
        44,
        40,
    ),
]
PROGRAMME: dict[str, list[tuple]] = {
    "dortmund": [
        (1, 25, "themenabend", "Öffentlichkeitsarbeit mit kleinem Budget", "18:00", "20:00", "online", 30, None,
         "held", 9, 8),
        (3, 14, "gesamttreffen", "Gesamttreffen der Dortmunder Selbsthilfegruppen (Frühjahr)", "18:00", "20:30",
         "room", 60, None, "held", 40, 36),
        (4, 22, "seminar", "Gut moderieren: schwierige Situationen in der Gruppe", "10:00", "15:00", "room", 12, 6,
         "held", 10, 9),
        (5, 20, "erfahrungsaustausch", "Keks und Co: Offenes Treffen für Dortmunder Selbsthilfegruppen", "16:00",
         "18:00", "room", 20, None, "held", 12, 11),
        (6, 17, "themenabend", "Selbsthilfe und Social Media", "18:00", "19:30", "online", 40, 5, "too_few", 3,
         None),
        (7, 8, "gesamttreffen", "Gesamttreffen der Dortmunder Selbsthilfegruppen (Sommer)", "18:00", "20:30", "room",
         60, None, "held", 42, 38),
        (9, 16, "fortbildung", "Erste-Hilfe-Auffrischung für Gruppenleitungen", "09:30", "16:00", "room", 12, 6,
         "held", 12, 11),
        (10, 7, "erfahrungsaustausch", "„Einfach mal reden“ – Spaziergang im Rombergpark", "15:00", "17:00",
         "Rombergpark, Haupteingang Am Rombergpark 35, Dortmund", 25, 8, "too_few", 4, None),
        (11, 11, "gesamttreffen", "Gesamttreffen der Dortmunder Selbsthilfegruppen (Herbst)", "18:00", "20:30",
         "room", 60, None, "held", 44, 40),
        (12, 10, "themenabend", "Digitale Treffen: Videokonferenzen sicher nutzen", "18:00", "19:30", "online", 40,
         5, "held", 14, 12),
        (12, 15, "other", "Jahresausklang der Dortmunder Selbsthilfe", "17:00", "19:30", "room", 60, 10, "held", 23,
         20),
    ],
    "kreis-unna": [
        (2, 12, "fortbildung", "Die Gruppe im Fokus", "10:00", "15:00", "room", 14, 6, "held", 12, 11),
        (4, 15, "fortbildung", "Intervention und Methoden in unterschiedlichen Gruppenphasen", "10:00", "15:00",
         "room", 14, 6, "held", 10, 9),
        (6, 3, "fortbildung", "Erste-Hilfe-Auffrischung", "09:00", "15:00", "room", 12, 6, "held", 12, 12),
        (8, 26, "fortbildung", "Junge Selbsthilfe: Achtsamkeit und Kommunikation (outdoor)", "10:00", "16:00",
         "Freizeitgelände Holzwickede", 16, 6, "held", 11, 10),
        (9, 9, "fortbildung", "Erste-Hilfe-Auffrischung", "09:00", "15:00", "room", 12, 6, "too_few", 3, None),
        (10, 21, "erfahrungsaustausch", "Junge Selbsthilfe: Austauschtreffen", "18:00", "20:00", "room", 14, None,
         "held", 9, 8),
        (12, 9, "fortbildung", "Erste-Hilfe-Auffrischung", "09:00", "15:00", "room", 12, 6, "held", 8, 8),
        (1, 20, "gesamttreffen", "Neujahrstreffen der Selbsthilfegruppen im Kreis Unna", "17:00", "19:00", "room",
         40, None, "held", 24, 21),
    ],
    "hamm": [
        (3, 10, "gesamttreffen", "Gesamttreffen der Hammer Selbsthilfegruppen", "18:00", "20:00", "room", 40, None,
         "held", 22, 19),
        (9, 22, "themenabend", "Selbsthilfe und Pflege", "18:00", "20:00", "room", 14, 5, "held", 9, 8),
        (12, 14, "themenabend", "Selbsthilfefreundliche Stadt Hamm", "18:00", "20:00", "room", 20, 5, "held", 8,
         7),
    ],
    "dithmarschen": [
        (5, 12, "gesamttreffen", "Treffen der Selbsthilfegruppen in Dithmarschen", "17:00", "19:00", "room", 30, None,
         "held", 15, 13),
        (12, 8, "fortbildung", "Förderanträge leicht gemacht", "17:00", "19:00", "room", 16, 5, "held", 7, 6),
    ],
}  # fmt: skip
AHEAD = dt.timedelta(days=100)  # upcoming events exist this far ahead

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
    """In one of the office's rooms if one is free then and holds the places offered (the groups' bookings
    come first), else in a hall elsewhere."""
    if place == "room":
        for room in rooms:
            try:
                with db.session.begin_nested():
                    return ops.create_event({**data, "place_kind": PlaceKind.room, "room_id": room.id})
            except ops.EventError:
                continue
        return ops.create_event({**data, "place_kind": PlaceKind.address, "address": "Bürgersaal im Rathaus"})
    if place == "online":
        url = "https://meet.example.org/lotse-demo-" + secrets.token_hex(4)
        return ops.create_event({**data, "place_kind": PlaceKind.online, "online_url": url})
    return ops.create_event({**data, "place_kind": PlaceKind.address, "address": place})


def programme(slug: str, year: int) -> list[tuple]:
    return DORTMUND_2023 if (slug, year) == ("dortmund", 2023) else PROGRAMME.get(slug, [])


def _event(spec: tuple, year: int, rooms: list[Room], today: dt.date, rng: random.Random) -> Event:
    month, day_of_month, kind, title, start, end, place, capacity, minimum, outcome, n_regs, attended = spec
    day = _weekday_near(dt.date(year, month, day_of_month))
    if day > today:
        outcome, attended = "upcoming", None
        n_regs = max(1, round(n_regs * rng.uniform(0.3, 0.8)))
    elif outcome == "held" and year != 2023:  # 2023 is Dortmund's published year: as written
        n_regs = max(1, n_regs + rng.randint(-3, 3))
        attended = min(n_regs, attended) if attended is not None else None
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
    event.published_at = dt.datetime.combine(day - dt.timedelta(days=45), dt.time(9, 0), tzinfo=dt.UTC)
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


def seed_office_events(tenant: Tenant, today: dt.date) -> bool:
    """The office's programme for every demo year, up to ~3 months ahead; an event already there (same
    title and day) is left alone, so re-seeding on a later day adds only what is new."""
    rooms = list(db.session.scalars(select(Room).order_by(Room.site_id, Room.position, Room.id)))
    have = set(db.session.execute(select(Event.title, Event.start_date)).tuples())
    created = False
    for year in [*demo_years(tenant.slug, today), today.year + 1]:
        rng = random.Random(f"lotse-events-{tenant.slug}-{year}")
        for spec in programme(tenant.slug, year):
            day = _weekday_near(dt.date(year, spec[0], spec[1]))
            if day > today + AHEAD or (spec[3], day) in have:
                continue
            _event(spec, year, rooms, today, rng)
            created = True
    return created


@register_seeder(70)
def seed_events(tenants_by_slug: dict[str, Tenant]) -> bool:
    created = False
    today = demo_today()
    for slug in PROGRAMME:
        tenant = tenants_by_slug.get(slug)
        if tenant is None:
            continue
        with tenant_context(tenant.id):
            created = seed_office_events(tenant, today) or created
    return created
