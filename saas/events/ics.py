"""iCalendar (RFC 5545) for public events: one event, or the office's feed.

Times carry ``TZID=Europe/Berlin`` with a VTIMEZONE, so calendar programs show the wall-clock time the
office planned. The online link is never in the calendar: it goes to registered people only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from urllib.parse import urlsplit

from icalendar import Calendar
from icalendar import Event as ICalEvent

from saas.core import timeutil
from saas.events.models import Event, EventStatus
from tenants.models import Tenant


def _calendar(tenant: Tenant, name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//Lotse//Veranstaltungen//DE")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Berlin")
    return cal


def _component(event: Event, tenant: Tenant, base_url: str) -> ICalEvent:
    host = urlsplit(base_url).hostname or "lotse"
    item = ICalEvent()
    item.add("uid", f"event-{event.id}-{tenant.slug}@{host}")
    item.add("dtstamp", timeutil.now().replace(microsecond=0))
    item.add("dtstart", event.starts_at)
    item.add("dtend", event.ends_at)
    item.add("summary", f"{'ABGESAGT: ' if event.status == EventStatus.cancelled else ''}{event.title}")
    description = [event.kind.label]
    if event.speakers:
        description.append(f"Mit: {event.speakers}")
    if event.description:
        description.append(event.description)
    if event.cost_note:
        description.append(f"Kosten: {event.cost_note}")
    item.add("description", "\n\n".join(description))
    item.add("location", event.place_line)
    item.add("url", f"{base_url}/{tenant.slug}/veranstaltungen/{event.id}")
    item.add("status", "CANCELLED" if event.status == EventStatus.cancelled else "CONFIRMED")
    item.add("categories", [event.kind.label])
    if tenant.email:
        item.add("organizer", f"mailto:{tenant.email}", parameters={"cn": tenant.name})
    last_modified = event.updated_at or event.created_at
    if last_modified is not None:
        if last_modified.tzinfo is None:
            last_modified = last_modified.replace(tzinfo=dt.UTC)
        item.add("last-modified", last_modified.astimezone(dt.UTC).replace(microsecond=0))
    return item


def calendar_bytes(events: Iterable[Event], tenant: Tenant, base_url: str, name: str) -> bytes:
    cal = _calendar(tenant, name)
    for event in events:
        cal.add_component(_component(event, tenant, base_url))
    cal.add_missing_timezones()
    return cal.to_ical()
