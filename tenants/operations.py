"""Writes about offices and associations. Flush, never commit."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import delete, select

from saas.core.errors import DomainError
from saas.extensions import db
from tenants.models import FIGURE_FAMILIES, Association, AssociationMember, OfficeHoursSlot, Site, Tenant, utcnow
from tenants.scoping import tenant_context

SLUG_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
# URL prefixes the app uses itself; an office may not take them as its slug.
RESERVED_SLUGS = {
    "login",
    "logout",
    "konto",
    "api",
    "verband",
    "static",
    "healthz",
    "passwort-vergessen",
    "passwort-zuruecksetzen",
    "sprache",
    "admin",
    "plattform",
    "widget",
    "n",
    "abmelden",
}


class TenantError(DomainError):
    pass


def update_settings(tenant: Tenant, section: str, **values: object) -> None:
    """Write ``values`` into the section ``section`` of the office's settings (``Tenant.settings``, JSON),
    keeping the section's other keys and the other sections. The JSON column is replaced, not changed in
    place, so that the change is saved."""
    settings = dict(tenant.settings or {})
    settings[section] = {**(settings.get(section) or {}), **values}
    tenant.settings = settings
    db.session.flush()


def validate_slug(slug: str) -> str:
    if not SLUG_RE.match(slug or ""):
        raise TenantError(f"invalid slug {slug!r}: use lowercase letters, digits and '-'")
    if slug in RESERVED_SLUGS:
        raise TenantError(f"slug {slug!r} is reserved")
    return slug


def create_tenant(slug: str, name: str, **fields: object) -> Tenant:
    validate_slug(slug)
    if not name.strip():
        raise TenantError("name must not be empty")
    if db.session.scalar(select(Tenant).where(Tenant.slug == slug)) is not None:
        raise TenantError(f"an office with slug {slug!r} exists already")
    tenant = Tenant(slug=slug, name=name.strip(), **fields)
    db.session.add(tenant)
    db.session.flush()
    return tenant


def add_site(tenant: Tenant, name: str, **fields: object) -> Site:
    with tenant_context(tenant.id):
        position = len(db.session.scalars(select(Site.id)).all())
        site = Site(tenant_id=tenant.id, name=name, position=position, **fields)
        db.session.add(site)
        db.session.flush()
    return site


def parse_hours(spec: str) -> list[tuple[int, dt.time, dt.time]]:
    """Parse ``Mo, Mi, Fr 09.00 – 13.00`` lines (one range per line or ';'-separated) into slots."""
    days = {"mo": 0, "di": 1, "mi": 2, "do": 3, "fr": 4, "sa": 5, "so": 6}
    slots: list[tuple[int, dt.time, dt.time]] = []
    for part in re.split(r"[;\n]", spec):
        part = part.strip().removesuffix("Uhr").strip()
        if not part:
            continue
        m = re.match(
            r"^(?P<days>[A-Za-z,\s–-]+?)\s+(?P<a>\d{1,2})[.:](?P<am>\d{2})\s*[–-]\s*(?P<b>\d{1,2})[.:](?P<bm>\d{2})$",
            part,
        )
        if not m:
            raise TenantError(f"cannot read office hours {part!r} (expected e.g. 'Mo, Mi 09.00 – 13.00')")
        opens, closes = dt.time(int(m["a"]), int(m["am"])), dt.time(int(m["b"]), int(m["bm"]))
        if closes <= opens:
            raise TenantError(f"office hours end before they start: {part!r}")
        day_spec = m["days"].strip().lower()
        selected: list[int] = []
        for chunk in re.split(r"\s*,\s*", day_spec):
            rng = re.split(r"\s*[–-]\s*", chunk)
            try:
                if len(rng) == 2:
                    selected.extend(range(days[rng[0][:2]], days[rng[1][:2]] + 1))
                else:
                    selected.append(days[chunk[:2]])
            except KeyError:
                raise TenantError(f"unknown weekday in {part!r}")
        slots.extend((d, opens, closes) for d in selected)
    return slots


def set_hours(site: Site, slots: list[tuple[int, dt.time, dt.time]]) -> None:
    with tenant_context(site.tenant_id):
        db.session.execute(delete(OfficeHoursSlot).where(OfficeHoursSlot.site_id == site.id))
        for weekday, opens, closes in slots:
            db.session.add(
                OfficeHoursSlot(tenant_id=site.tenant_id, site_id=site.id, weekday=weekday, opens=opens, closes=closes)
            )
        db.session.flush()
        db.session.expire(site, ["hours"])


def create_association(slug: str, name: str) -> Association:
    validate_slug(slug)
    if db.session.scalar(select(Association).where(Association.slug == slug)) is not None:
        raise TenantError(f"an association with slug {slug!r} exists already")
    association = Association(slug=slug, name=name.strip())
    db.session.add(association)
    db.session.flush()
    return association


def add_member(association: Association, tenant: Tenant) -> AssociationMember:
    """Make the office a member. Nothing is shared until the office decides (only its name)."""
    with tenant_context(tenant.id):
        member = db.session.scalar(select(AssociationMember).where(AssociationMember.association_id == association.id))
        if member is None:
            member = AssociationMember(tenant_id=tenant.id, association_id=association.id, shared_families=[])
            db.session.add(member)
            db.session.flush()
    return member


def set_shared_families(member: AssociationMember, families: list[str]) -> None:
    unknown = [f for f in families if f not in FIGURE_FAMILIES]
    if unknown:
        raise TenantError(f"unknown figure families: {', '.join(unknown)} (known: {', '.join(FIGURE_FAMILIES)})")
    member.shared_families = sorted(set(families), key=FIGURE_FAMILIES.index)
    member.consent_changed_at = utcnow()
