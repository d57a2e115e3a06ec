"""Demo contacts for the demo offices, 2022–2024, built so that Dortmund's 2023 figures are exactly
the published ones (CONTRACTS.md *Annual report JSON*, seed ``001``): 2.214 contacts (1.078 citizens,
641 groups, 495 professionals), 47/45/8 % channels, citizen topic areas 46/24/13/16/2 %, 17 founding
consultations, and 2022 with 2.323 contacts giving the published changes (+13 %, −24 %, −6 %, −4,7 %).

Idempotent: a year that already has contacts for an office is left alone.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
from collections.abc import Sequence

from sqlalchemy import func, select

from saas.contacts.models import CHANNELS, CONCERNS, TOPIC_AREAS, Contact, ContactReferral
from saas.contacts.operations import recount
from saas.core.demo import register_seeder
from saas.directory.models import Group, Topic
from saas.extensions import db
from tenants.models import Site, Tenant
from tenants.scoping import tenant_context

Dist = dict[str, int]

# Per office and year: exact numbers by kind; shares (weights) for the rest unless given exactly.
DORTMUND = {
    2022: {
        "kinds": {"citizen": 954, "relative": 0, "group": 843, "professional": 526},
        "channels": {"phone": 1118, "written": 1003, "in_person": 202},
        "founding": 15,
    },
    2023: {
        "kinds": {"citizen": 1078, "relative": 0, "group": 641, "professional": 495},
        "channels": {"phone": 1040, "written": 997, "in_person": 177},
        "citizen_areas": {
            "mental_health": 496,
            "chronic_illness": 259,
            "addiction": 138,
            "social": 168,
            "disability": 17,
        },
        "founding": 17,
    },
    2024: {
        "kinds": {"citizen": 1141, "relative": 0, "group": 668, "professional": 502},
        "channels": {"phone": 1063, "written": 1071, "in_person": 177},
        "founding": 21,
    },
}
OFFICES: dict[str, dict[int, dict]] = {
    "dortmund": DORTMUND,
    "hamm": {
        2023: {"kinds": {"citizen": 512, "relative": 96, "group": 301, "professional": 188}, "founding": 9},
        2024: {"kinds": {"citizen": 547, "relative": 104, "group": 289, "professional": 197}, "founding": 11},
    },
    "kreis-unna": {
        2023: {"kinds": {"citizen": 1420, "relative": 236, "group": 602, "professional": 298}, "founding": 151},
        2024: {"kinds": {"citizen": 1488, "relative": 251, "group": 597, "professional": 306}, "founding": 165},
    },
    "dithmarschen": {
        2023: {"kinds": {"citizen": 318, "relative": 71, "group": 154, "professional": 97}, "founding": 6},
        2024: {"kinds": {"citizen": 335, "relative": 69, "group": 161, "professional": 102}, "founding": 7},
    },
}
CHANNEL_WEIGHTS = {"phone": 47, "written": 45, "in_person": 8}
CITIZEN_AREA_WEIGHTS = {"mental_health": 46, "chronic_illness": 24, "addiction": 13, "social": 16, "disability": 2}
OTHER_AREA_WEIGHTS = {"addiction": 30, "chronic_illness": 28, "mental_health": 22, "disability": 8, "social": 12}
CONCERN_WEIGHTS = {
    "citizen": {"seeking_group": 62, "information": 30, "other": 8},
    "relative": {"seeking_group": 55, "information": 38, "other": 7},
    "group": {"group_support": 70, "information": 15, "networking": 10, "other": 5},
    "professional": {"networking": 45, "information": 45, "other": 10},
}


def exact(weights: Dist, total: int) -> Dist:
    """Split ``total`` by ``weights`` into whole numbers that add up exactly (largest remainder)."""
    whole = sum(weights.values())
    if not whole or total <= 0:
        return dict.fromkeys(weights, 0)
    raw = {k: total * w / whole for k, w in weights.items()}
    result = {k: int(v) for k, v in raw.items()}
    for k in sorted(raw, key=lambda k: raw[k] - result[k], reverse=True)[: total - sum(result.values())]:
        result[k] += 1
    return result


def _bag(counts: Dist, rng: random.Random) -> list[str]:
    items = [code for code, n in counts.items() for _ in range(n)]
    rng.shuffle(items)
    return items


def _workdays(year: int) -> list[dt.date]:
    days = [dt.date(year, m, d) for m in range(1, 13) for d in range(1, calendar.monthrange(year, m)[1] + 1)]
    holidays = {(1, 1), (5, 1), (10, 3), (12, 24), (12, 25), (12, 26), (12, 31)}
    return [d for d in days if d.weekday() < 5 and (d.month, d.day) not in holidays]


def build_year(
    year: int,
    spec: dict,
    sites: Sequence[int | None],
    topics: dict[str, list[tuple[int, str]]],
    groups: dict[str, list[int]],
    rng: random.Random,
) -> list[tuple[dict, list[int]]]:
    """The contacts of one year: (contact fields, group ids referred to)."""
    kinds: Dist = spec["kinds"]
    total = sum(kinds.values())
    channels = _bag(spec.get("channels") or exact(CHANNEL_WEIGHTS, total), rng)
    days = _workdays(year)
    rows: list[tuple[dict, list[int]]] = []
    founding_left = spec.get("founding", 0)
    citizens = kinds["citizen"] + kinds["relative"]
    citizen_areas = _bag(spec.get("citizen_areas") or exact(CITIZEN_AREA_WEIGHTS, citizens), rng)
    for kind, n in kinds.items():
        concerns = _bag(exact(CONCERN_WEIGHTS[kind], n), rng)
        for i in range(n):
            if kind in ("citizen", "relative"):
                area = citizen_areas.pop()
            else:
                area = rng.choices(list(OTHER_AREA_WEIGHTS), weights=list(OTHER_AREA_WEIGHTS.values()))[0]
            concern = concerns[i]
            if kind in ("citizen", "relative") and founding_left and concern != "seeking_group":
                concern, founding_left = "founding_group", founding_left - 1
            topic_id, label = None, ""
            if kind in ("citizen", "relative") and topics.get(area) and rng.random() < 0.8:
                topic_id, label = rng.choice(topics[area])
            group_ids: list[int] = []
            to_groups = 0
            if concern == "seeking_group":
                to_groups = 1 if rng.random() < 0.75 else (2 if rng.random() < 0.3 else 0)
                candidates = groups.get(area, [])
                group_ids = rng.sample(candidates, min(to_groups, len(candidates)))
            to_prof = 1 if kind in ("citizen", "relative") and rng.random() < 0.09 else 0
            rows.append(
                (
                    {
                        "day": rng.choice(days),
                        "kind": kind,
                        "channel": channels.pop(),
                        "topic_area": area,
                        "concern": concern,
                        "site_id": rng.choice(list(sites)),
                        "topic_id": topic_id,
                        "topic_label": label,
                        "topic_unmatched": False,
                        "referrals_to_groups": to_groups,
                        "referrals_to_professionals": to_prof,
                    },
                    group_ids,
                )
            )
    assert set(CHANNELS) >= {r[0]["channel"] for r in rows} and set(TOPIC_AREAS) >= {r[0]["topic_area"] for r in rows}
    assert {r[0]["concern"] for r in rows} <= set(CONCERNS)
    return rows


def seed_office(tenant: Tenant, years: dict[int, dict]) -> bool:
    created = False
    with tenant_context(tenant.id):
        sites: list[int | None] = list(db.session.scalars(select(Site.id).order_by(Site.position, Site.id))) or [None]
        topics: dict[str, list[tuple[int, str]]] = {}
        for topic in db.session.scalars(select(Topic).where(Topic.topic_area.is_not(None))):
            topics.setdefault(topic.topic_area, []).append((topic.id, topic.name[:100]))  # type: ignore[arg-type]
        groups: dict[str, list[int]] = {}
        for group in db.session.scalars(select(Group).where(Group.status.in_(("active", "founding")))):
            groups.setdefault(group.topic_area, []).append(group.id)
        for year, spec in sorted(years.items()):
            start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
            if db.session.scalar(select(func.count(Contact.id)).where(Contact.day >= start, Contact.day <= end)):
                continue
            rng = random.Random(f"{tenant.slug}-{year}")
            for fields, group_ids in build_year(year, spec, sites, topics, groups, rng):
                contact = Contact(tenant_id=tenant.id, **fields)
                contact.referrals = [
                    ContactReferral(tenant_id=tenant.id, group_id=g, day=fields["day"]) for g in group_ids
                ]
                db.session.add(contact)
            db.session.flush()
            created = True
        if created:
            recount(tenant.id)
            db.session.flush()
    return created


@register_seeder(60)
def seed_contacts(tenants: dict[str, Tenant]) -> bool:
    created = False
    for slug, years in OFFICES.items():
        if slug in tenants:
            created = seed_office(tenants[slug], years) or created
    return created
