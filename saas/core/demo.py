"""Demo data: the four real offices from ``shared/seeds`` with their published contact data.

Features add their own demo data with :func:`register_seeder`; every seeder must be idempotent
(``lotse demo seed`` twice changes nothing).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Required, TypedDict

from sqlalchemy import select

from saas.auth import operations as auth_ops
from saas.auth.models import Role
from saas.core import timeutil
from saas.core.timeutil import OFFICE_TZ
from saas.extensions import db
from tenants import operations as tenant_ops
from tenants.models import Association, Tenant

DEMO_PASSWORD = "lotse-demo-2026"  # noqa: S105 - documented demo password (README), demo data only


class SiteSpec(TypedDict, total=False):
    name: Required[str]
    hours: Required[str]  # office hours as tenant_ops.parse_hours reads them, "" for none
    city: str
    phone: str


class OfficeSpec(TypedDict, total=False):
    slug: Required[str]
    name: Required[str]
    sites: Required[list[SiteSpec]]
    legal_body: str
    street: str
    postcode: str
    city: str
    phone: str
    email: str
    website: str
    about: str
    population: int
    staff_fte: float


OFFICES: list[OfficeSpec] = [
    {
        "slug": "dortmund",
        "name": "Selbsthilfe-Kontaktstelle Dortmund",
        "legal_body": "PariSozial Dortmund gGmbH",
        "street": "Ostenhellweg 42-48 (Eingang Moritzgasse)",
        "postcode": "44135",
        "city": "Dortmund",
        "phone": "0231 52 90 97",
        "email": "selbsthilfe-dortmund@paritaet-nrw.org",
        "website": "https://www.selbsthilfe-dortmund.de",
        "about": "Die älteste Selbsthilfe-Kontaktstelle in NRW: Lotse durch die Selbsthilfe-Landschaft seit 1983.",
        "population": 595000,
        "staff_fte": 4,
        "sites": [{"name": "Dortmund", "hours": "Mo, Mi, Fr 09.00 – 13.00; Mo, Mi, Do 14.00 – 16.30"}],
    },
    {
        "slug": "hamm",
        "name": "Selbsthilfe-Kontaktstelle Hamm",
        "city": "Hamm",
        "email": "selbsthilfe-hamm@example.org",  # the seed gives none: a reserved address, as in the Impressum
        "about": "Die Selbsthilfe-Kontaktstelle Hamm: Drehscheibe im Gesundheits- und Sozialbereich.",
        "population": 180000,
        "staff_fte": 2,
        "sites": [{"name": "Hamm", "hours": ""}],
    },
    {
        "slug": "kreis-unna",
        "name": "K.I.S.S. Kreis Unna – Kontakt- und InformationsStelle für Selbsthilfegruppen",
        "legal_body": "Kreis Unna",
        "city": "Unna",
        "email": "selbsthilfe@kreis-unna.de",
        "website": "https://www.kreis-unna.de/selbsthilfe",
        "phone": "0 23 03 / 27 28 29",
        "about": "Die K.I.S.S. im Kreis Unna berät an drei Standorten: Unna, Lünen und Schwerte.",
        "population": 395000,
        "staff_fte": 4.5,
        "sites": [
            {"name": "Unna", "city": "Unna", "phone": "0 23 03 / 27 28 29", "hours": ""},
            {"name": "Lünen", "city": "Lünen", "phone": "0 23 06 / 100 610", "hours": ""},
            {"name": "Schwerte", "city": "Schwerte", "phone": "0 23 04 / 240 70 22", "hours": ""},
        ],
    },
    {
        "slug": "dithmarschen",
        "name": "DRK Zentrale Kontaktstelle für Selbsthilfe Dithmarschen",
        "legal_body": "DRK-Kreisverband Dithmarschen e. V.",
        "city": "Dithmarschen",
        "email": "selbsthilfe-dithmarschen@example.org",  # likewise
        "about": "Seit 1994 im Hause des DRK-Kreisverbandes: Drehscheibe für viele Menschen und ihre Anliegen.",
        "population": 133000,
        "staff_fte": 1.5,
        "sites": [{"name": "Dithmarschen", "hours": ""}],
    },
]

ASSOCIATIONS = [
    ("paritaet-nrw", "Der Paritätische NRW", ["dortmund", "hamm"]),
    ("lak-nrw", "Landesarbeitskreis der Selbsthilfe-Kontaktstellen NRW", ["dortmund", "hamm", "kreis-unna"]),
    ("ak-sh", "Arbeitskreis Schleswig-Holsteinischer Selbsthilfe-Kontaktstellen", ["dithmarschen"]),
]

# (e-mail, name, office slug or None, role)
USERS = [
    ("operator@demo.lotse.de", "Plattform-Betrieb", None, "operator"),
    *[
        (f"{role}.{office['slug']}@demo.lotse.de", f"{label} {office['slug'].title()}", office["slug"], role)
        for office in OFFICES
        for role, label in (("admin", "Leitung"), ("staff", "Fachkraft"), ("readonly", "Lesezugriff"))
    ],
    *[(f"analyst.{slug}@demo.lotse.de", f"Analyse {slug}", slug, "analyst") for slug, _, _ in ASSOCIATIONS],
]

# The first year of demo data per office: the year before the first one an office publishes figures
# for (the annual report compares with the previous year). Data then runs up to today.
FIRST_YEAR = {"dortmund": 2022, "hamm": 2023, "kreis-unna": 2023, "dithmarschen": 2023}


_today_override: list[dt.date] = []


def demo_today() -> dt.date:
    """The day the demo lives in (the office's local today); data is seeded up to this day."""
    if _today_override:
        return _today_override[-1]
    return timeutil.today()


def demo_now() -> dt.datetime:
    """The moment the demo lives in, in UTC: now, or the end of the day ``seeding_on`` names (a test that
    seeds as if it were another day sees that whole day as passed)."""
    if _today_override:
        return dt.datetime.combine(_today_override[-1], dt.time(23, 59), tzinfo=OFFICE_TZ).astimezone(dt.UTC)
    return timeutil.now()


@contextmanager
def seeding_on(day: dt.date) -> Iterator[None]:
    """Seed as if today were ``day`` (tests: re-seeding on a later day extends the data)."""
    _today_override.append(day)
    try:
        yield
    finally:
        _today_override.pop()


def demo_years(slug: str, today: dt.date | None = None) -> list[int]:
    """The years an office's demo data covers: its first year up to this year (the last one partial)."""
    today = today or demo_today()
    return list(range(FIRST_YEAR.get(slug, today.year - 1), today.year + 1))


Seeder = Callable[[dict[str, Tenant]], bool]
_SEEDERS: list[tuple[int, Seeder]] = []


def register_seeder(order: int) -> Callable[[Seeder], Seeder]:
    """Register ``fn(tenants_by_slug) -> bool`` (True if it created something)."""

    def decorator(fn: Seeder) -> Seeder:
        if all(existing is not fn for _, existing in _SEEDERS):
            _SEEDERS.append((order, fn))
            _SEEDERS.sort(key=lambda pair: pair[0])
        return fn

    return decorator


AfterSeed = Callable[[bool], str | None]
_AFTER_SEED: list[AfterSeed] = []


def register_after_seed(fn: AfterSeed) -> AfterSeed:
    """Register ``fn(created) -> message or None``: a step that runs after the seed is committed (e.g. work a
    worker would do later, done at once so that the demo shows it without a running worker)."""
    if fn not in _AFTER_SEED:
        _AFTER_SEED.append(fn)
    return fn


def after_seed(created: bool) -> list[str]:
    """Run the registered after-seed steps (the seed is committed); their messages."""
    return [message for fn in _AFTER_SEED if (message := fn(created))]


def _seed_offices() -> tuple[dict[str, Tenant], bool]:
    created = False
    tenants: dict[str, Tenant] = {}
    for spec in OFFICES:
        fields = {key: value for key, value in spec.items() if key not in ("slug", "name", "sites")}
        tenant = db.session.scalar(select(Tenant).where(Tenant.slug == spec["slug"]))
        if tenant is None:
            tenant = tenant_ops.create_tenant(spec["slug"], spec["name"], **fields)
            for site_spec in spec["sites"]:
                hours = site_spec["hours"]
                site_fields = {key: value for key, value in site_spec.items() if key not in ("name", "hours")}
                site = tenant_ops.add_site(tenant, site_spec["name"], **site_fields)
                if hours:
                    tenant_ops.set_hours(site, tenant_ops.parse_hours(hours))
            created = True
        tenants[tenant.slug] = tenant
    for slug, name, members in ASSOCIATIONS:
        association = db.session.scalar(select(Association).where(Association.slug == slug))
        if association is None:
            association = tenant_ops.create_association(slug, name)
            for member in members:
                tenant_ops.add_member(association, tenants[member])
            created = True
    for email, name, scope, role in USERS:
        if auth_ops.find_user(email) is not None:
            continue
        user = auth_ops.create_user(email, DEMO_PASSWORD, name=name, is_operator=role == "operator")
        if role == "analyst":
            association = db.session.scalar(select(Association).where(Association.slug == scope))
            assert association is not None  # seeded above
            auth_ops.grant_analyst(user, association)
        elif scope:
            auth_ops.set_membership(user, tenants[scope], Role(role))
        created = True
    db.session.flush()
    return tenants, created


def seed_all() -> bool:
    from saas.audit.operations import suppressed

    with suppressed():  # demo data is not an office's work: no audit entries for it
        tenants, created = _seed_offices()
        for _, seeder in _SEEDERS:
            created = seeder(tenants) or created
            db.session.flush()
    return created
