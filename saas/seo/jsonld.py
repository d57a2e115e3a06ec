"""schema.org JSON-LD for the public pages: the office as an Organization (its office hours as
``hoursAvailable`` of a ContactPoint per site), events as Event, groups as Organization — with a meeting
place only when the group is public (a protected group's place is known to the office alone).

Rendered with Jinja's ``tojson`` (``<``, ``>`` and ``&`` escaped), in a ``<script type="application/ld+json">``
data block: no script runs, the pages stay JavaScript-free.
"""

from __future__ import annotations

from typing import Any

from flask import current_app

SCHEMA = "https://schema.org"
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _base() -> str:
    return current_app.config["BASE_URL"].rstrip("/")


def office_id(tenant: Any) -> str:
    return f"{_base()}/{tenant.slug}/#organization"


def _address(street: str, postcode: str, city: str) -> dict | None:
    if not (street or postcode or city):
        return None
    address: dict[str, Any] = {"@type": "PostalAddress", "addressCountry": "DE"}
    if street:
        address["streetAddress"] = street
    if postcode:
        address["postalCode"] = postcode
    if city:
        address["addressLocality"] = city
    return address


def _hours(slots: list) -> list[dict]:
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": f"{SCHEMA}/{DAYS[slot.weekday]}",
            "opens": slot.opens.strftime("%H:%M"),
            "closes": slot.closes.strftime("%H:%M"),
        }
        for slot in slots
    ]


def _clean(data: dict) -> dict:
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}


def office(tenant: Any, sites: list) -> dict:
    home = f"{_base()}/{tenant.slug}/"
    org: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "Organization",
        "@id": office_id(tenant),
        "name": tenant.name,
        "url": home,
        "description": tenant.about,
        "email": tenant.email,
        "telephone": tenant.phone,
        "address": _address(tenant.street, tenant.postcode, tenant.city),
        "sameAs": [tenant.website] if tenant.website else [],
        "parentOrganization": {"@type": "Organization", "name": tenant.legal_body} if tenant.legal_body else None,
        "contactPoint": [
            _clean(
                {
                    "@type": "ContactPoint",
                    "name": site.name,
                    "contactType": "Sprechzeiten",
                    "telephone": site.phone or tenant.phone,
                    "email": site.email or tenant.email,
                    "availableLanguage": "de",
                    "hoursAvailable": _hours(site.hours),
                }
            )
            for site in sites
        ],
        "location": [
            _clean(
                {
                    "@type": "Place",
                    "name": site.name,
                    "address": _address(site.street, site.postcode, site.city),
                    "openingHoursSpecification": _hours(site.hours),
                }
            )
            for site in sites
        ],
    }
    return _clean(org)


def event(ev: Any, tenant: Any) -> dict:
    from saas.events.models import EventStatus, PlaceKind

    url = f"{_base()}/{tenant.slug}/veranstaltungen/{ev.id}"
    online = ev.place_kind == PlaceKind.online
    if online:
        # The access link goes to registered people only: the public location is the event page.
        location: dict[str, Any] = {"@type": "VirtualLocation", "url": url}
    elif ev.place_kind == PlaceKind.room and ev.room is not None:
        site = ev.room.site
        address = _address(site.street, site.postcode, site.city) or _address(
            tenant.street, tenant.postcode, tenant.city
        )
        location = _clean({"@type": "Place", "name": ev.place_line, "address": address})
    else:
        location = _clean({"@type": "Place", "name": ev.place_line, "address": ev.address or None})
    return _clean(
        {
            "@context": SCHEMA,
            "@type": "Event",
            "@id": f"{url}#event",
            "name": ev.title,
            "description": ev.description,
            "url": url,
            "startDate": ev.starts_at.isoformat(),
            "endDate": ev.ends_at.isoformat(),
            "eventStatus": f"{SCHEMA}/{'EventCancelled' if ev.status == EventStatus.cancelled else 'EventScheduled'}",
            "eventAttendanceMode": f"{SCHEMA}/{'Online' if online else 'Offline'}EventAttendanceMode",
            "location": location,
            "organizer": {"@type": "Organization", "@id": office_id(tenant), "name": tenant.name},
            "inLanguage": "de",
        }
    )


def group(grp: Any, tenant: Any) -> dict:
    url = f"{_base()}/{tenant.slug}/gruppen/{grp.id}"
    data: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "Organization",
        "@id": f"{url}#group",
        "name": grp.name,
        "description": grp.description,
        "url": url,
        "knowsAbout": [t.name for t in grp.topics],
        # A protected group is reached through the office: the office is its contact, not the group.
        "parentOrganization": {"@type": "Organization", "@id": office_id(tenant), "name": tenant.name},
    }
    if not grp.is_protected:
        site = grp.site
        place = _clean(
            {
                "@type": "Place",
                "name": grp.place or (site.name if site else None),
                "address": _address(site.street, site.postcode, site.city) if site else None,
            }
        )
        if len(place) > 1:
            data["location"] = place
    return _clean(data)
