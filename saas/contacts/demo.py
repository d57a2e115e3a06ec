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

from sqlalchemy import func, insert, select

from saas.contacts.models import CHANNELS, CITIZEN_KINDS, CONCERNS, TOPIC_AREAS, Contact, ContactReferral
from saas.contacts.operations import _CONTRIBUTION_COLUMNS, apply_deltas, counts_from_rows
from saas.core.demo import demo_now, demo_today, register_seeder
from saas.core.timeutil import OFFICE_TZ
from saas.directory.models import Group, Topic
from saas.extensions import db
from tenants import operations as tenant_ops
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
        # seed 003: >2.600 people served, >1.000 seeking a group, ~165 wanting to found one, >1.300
        # referrals to groups and 245 to professional counselling.
        2024: {
            "kinds": {"citizen": 1488, "relative": 251, "group": 597, "professional": 306},
            "founding": 165,
            "seeking": 1027,
            "to_groups": 1318,
            "to_professionals": 245,
        },
    },
    "dithmarschen": {
        2023: {"kinds": {"citizen": 318, "relative": 71, "group": 154, "professional": 97}, "founding": 6},
        2024: {"kinds": {"citizen": 335, "relative": 69, "group": 161, "professional": 102}, "founding": 7},
    },
}
CHANNEL_WEIGHTS = {"phone": 47, "written": 45, "in_person": 8}
CITIZEN_AREA_WEIGHTS = {"mental_health": 46, "chronic_illness": 24, "addiction": 13, "social": 16, "disability": 2}
OTHER_AREA_WEIGHTS = {"addiction": 30, "chronic_illness": 28, "mental_health": 22, "disability": 8, "social": 12}
CITIZEN_REST_WEIGHTS = {"information": 80, "other": 20}
CONCERN_WEIGHTS = {
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
    """The contacts of one whole year: (contact fields, group ids referred to).

    Exact where the spec says so: kinds, channels, citizen topic areas, founding consultations
    (``founding``), citizens seeking a group (``seeking``), referrals to groups and professionals."""
    kinds: Dist = spec["kinds"]
    total = sum(kinds.values())
    channels = _bag(spec.get("channels") or exact(CHANNEL_WEIGHTS, total), rng)
    days = _workdays(year)
    rows: list[tuple[dict, list[int]]] = []
    citizens = kinds["citizen"] + kinds["relative"]
    citizen_areas = _bag(spec.get("citizen_areas") or exact(CITIZEN_AREA_WEIGHTS, citizens), rng)
    founding = min(spec.get("founding", 0), citizens)
    seeking = min(spec.get("seeking", round(citizens * 0.6)), citizens - founding)
    citizen_concerns = _bag(
        {"seeking_group": seeking, "founding_group": founding}
        | exact(CITIZEN_REST_WEIGHTS, citizens - seeking - founding),
        rng,
    )
    for kind, n in kinds.items():
        concerns = citizen_concerns if kind in CITIZEN_KINDS else _bag(exact(CONCERN_WEIGHTS[kind], n), rng)
        for _ in range(n):
            if kind in CITIZEN_KINDS:
                area = citizen_areas.pop()
            else:
                area = rng.choices(list(OTHER_AREA_WEIGHTS), weights=list(OTHER_AREA_WEIGHTS.values()))[0]
            concern = concerns.pop()
            topic_id, label = None, ""
            if kind in CITIZEN_KINDS and topics.get(area) and rng.random() < 0.8:
                topic_id, label = rng.choice(topics[area])
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
                        "referrals_to_groups": 0,
                        "referrals_to_professionals": 0,
                        "medium": None,
                    },
                    [],
                )
            )
    _refer(rows, spec, seeking, citizens, groups, rng)
    if "channels" not in spec:
        _media(rows, year)
    assert set(CHANNELS) >= {r[0]["channel"] for r in rows} and set(TOPIC_AREAS) >= {r[0]["topic_area"] for r in rows}
    assert {r[0]["concern"] for r in rows} <= set(CONCERNS)
    return rows


def _refer(
    rows: list[tuple[dict, list[int]]],
    spec: dict,
    seeking: int,
    citizens: int,
    groups: dict[str, list[int]],
    rng: random.Random,
) -> None:
    """Referrals, exactly ``to_groups`` / ``to_professionals`` when the spec gives them."""
    seekers = [r for r in rows if r[0]["concern"] == "seeking_group"]
    to_groups = spec.get("to_groups", round(seeking * 0.85))
    if seekers:
        if to_groups >= len(seekers):
            counts = [1] * len(seekers)
            for i in rng.choices(range(len(seekers)), k=to_groups - len(seekers)):
                counts[i] += 1
        else:
            chosen = set(rng.sample(range(len(seekers)), to_groups))
            counts = [1 if i in chosen else 0 for i in range(len(seekers))]
        for (fields, group_ids), n in zip(seekers, counts, strict=True):
            fields["referrals_to_groups"] = n
            candidates = groups.get(fields["topic_area"], [])
            group_ids.extend(rng.sample(candidates, min(n, len(candidates))))
    citizen_rows = [r for r in rows if r[0]["kind"] in CITIZEN_KINDS]
    to_prof = min(spec.get("to_professionals", round(citizens * 0.09)), len(citizen_rows))
    for fields, _ in rng.sample(citizen_rows, to_prof):
        fields["referrals_to_professionals"] = 1


MEDIUM_WEIGHTS = {"email": 70, "form": 18, "letter": 12}


def _media(rows: list[tuple[dict, list[int]]], year: int) -> None:
    """A medium for the written contacts of a continued (not published) year: the published reports have no
    split by medium, the years after them show NAKOS's e-mail split. Its own random stream, so the other
    figures stay as they were."""
    rng = random.Random(f"lotse-demo-medium-{year}")
    for fields, _ in rows:
        if fields["channel"] == "written":
            fields["medium"] = rng.choices(list(MEDIUM_WEIGHTS), weights=list(MEDIUM_WEIGHTS.values()))[0]


def trend_years(slug: str, published: dict[int, dict], today: dt.date) -> dict[int, dict]:
    """The published years plus every year up to this one, continuing the trend (a few % a year)."""
    years = dict(published)
    last = max(years)
    for year in range(min(years), today.year + 1):
        if year in years:
            last = year
            continue
        rng = random.Random(f"lotse-demo-trend-{slug}-{year}")
        base = years[last]
        growth = rng.uniform(0.99, 1.05)
        years[year] = {
            "kinds": {k: round(n * growth * rng.uniform(0.97, 1.03)) for k, n in base["kinds"].items()},
            "founding": max(1, round(base.get("founding", 5) * rng.uniform(0.9, 1.15))),
        }
        last = year
    return years


def seed_office(tenant: Tenant, years: dict[int, dict], today: dt.date | None = None) -> bool:
    """Contacts of the given years up to ``today`` and now, after the office's last entered contact (so
    re-seeding later adds the contacts entered since, and seeding twice at once adds nothing)."""
    today = today or demo_today()
    created = False
    with tenant_context(tenant.id):
        sites: list[int | None] = list(db.session.scalars(select(Site.id).order_by(Site.position, Site.id))) or [None]
        topics: dict[str, list[tuple[int, str]]] = {}
        for topic in db.session.scalars(select(Topic).where(Topic.topic_area.is_not(None))):
            if topic.topic_area is not None:  # always: the query's filter
                topics.setdefault(topic.topic_area, []).append((topic.id, topic.name[:100]))
        groups: dict[str, list[int]] = {}
        for group in db.session.scalars(select(Group).where(Group.status.in_(("active", "founding")))):
            groups.setdefault(group.topic_area, []).append(group.id)
        last_day = db.session.scalar(select(func.max(Contact.day)))
        last = db.session.scalar(select(func.max(Contact.created_at)))
        if last is not None:
            last = last.replace(tzinfo=last.tzinfo or dt.UTC)
        for year, spec in sorted(years.items()):
            if (last_day is not None and dt.date(year, 12, 31) < last_day) or dt.date(year, 1, 1) > today:
                continue
            rng = random.Random(f"{tenant.slug}-{year}")
            year_rows = [row for row in build_year(year, spec, sites, topics, groups, rng) if row[0]["day"] <= today]
            rows = [
                row
                for row in _entered(year_rows, random.Random(f"{tenant.slug}-{year}-times"))
                if last is None or row[0]["created_at"] > last
            ]
            if rows:
                _insert(tenant.id, rows)
                created = True
    return created


def _entered(rows: list[tuple[dict, list[int]]], rng: random.Random) -> list[tuple[dict, list[int]]]:
    """Each contact entered in office hours of its day (8.30 to 16.30 Berlin time), in the order it was
    entered: the start page lists today's contacts with their time, and a log of one year all entered at
    the minute the demo was seeded would look made up. A contact of today whose time has not come is not
    there yet: a demo seeded at five in the morning had ten contacts "entered" between 4.46 and 5.04; it
    now starts the day with none, and seeding again later in the day adds those whose time has passed.
    Own random stream, so the figures the spec fixes do not move."""
    moment = demo_now()
    entered_rows = []
    for fields, groups in rows:
        opened = dt.datetime.combine(fields["day"], dt.time(8, 30), tzinfo=OFFICE_TZ)
        entered = opened + dt.timedelta(minutes=rng.randrange(8 * 60))
        if entered <= moment:
            fields["created_at"] = entered.astimezone(dt.UTC)
            entered_rows.append((fields, groups))
    return sorted(entered_rows, key=lambda row: row[0]["created_at"])


_CHUNK = 100


def _insert(tenant_id: int, rows: list[tuple[dict, list[int]]]) -> None:
    """Bulk insert (one statement, many rows) with the referrals, and add them to the daily counts.

    The RETURNING insert runs per chunk of ``_CHUNK`` rows: SQLAlchemy splices the returned ids of each
    of its driver batches onto the result so far, which is quadratic in the rows of one call (a year of
    an office took a minute); chunks keep that linear and the ids in row order."""
    statement = insert(Contact).returning(Contact.id, sort_by_parameter_order=True)
    ids: list[int] = []
    for start in range(0, len(rows), _CHUNK):
        ids.extend(
            db.session.scalars(
                statement, [{"tenant_id": tenant_id, **fields} for fields, _ in rows[start : start + _CHUNK]]
            ).all()
        )
    referrals = [
        {"tenant_id": tenant_id, "contact_id": cid, "group_id": gid, "day": fields["day"]}
        for cid, (fields, group_ids) in zip(ids, rows, strict=True)
        for gid in group_ids
    ]
    if referrals:
        db.session.execute(insert(ContactReferral), referrals)
    columns = [column.key for column in _CONTRIBUTION_COLUMNS]
    apply_deltas(tenant_id, counts_from_rows([fields.get(c) for c in columns] for fields, _ in rows), chunk=2000)


@register_seeder(60)
def seed_contacts(tenants: dict[str, Tenant]) -> bool:
    created = False
    today = demo_today()
    for slug, years in OFFICES.items():
        if slug in tenants:
            tenant = tenants[slug]
            # An office whose published reports name no relatives counts them among the citizens (Dortmund):
            # so does its demo, unless someone chose otherwise on the profile page since.
            chosen = "relatives_apart" in ((tenant.settings or {}).get("contacts") or {})
            if not chosen and all(spec["kinds"]["relative"] == 0 for spec in years.values()):
                tenant_ops.update_settings(tenant, "contacts", relatives_apart=False)
                created = True  # an installation seeded before the setting existed learns it: say so
            created = seed_office(tenant, trend_years(slug, years, today), today) or created
    return created


LOGO_COLOURS = {
    "dortmund": (11, 83, 148),
    "hamm": (0, 122, 94),
    "kreis-unna": (178, 34, 52),
    "dithmarschen": (200, 16, 46),
}


def demo_logo(tenant: Tenant) -> bytes:
    """A plain word mark for a demo office (the real logos are the offices' own): a coloured square with
    the initial and the office's short name, drawn with Pillow."""
    import io

    from PIL import Image, ImageDraw, ImageFont

    colour = LOGO_COLOURS.get(tenant.slug, (11, 83, 148))
    image = Image.new("RGBA", (760, 200), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, 200, 200), radius=36, fill=colour)
    big: ImageFont.FreeTypeFont | ImageFont.ImageFont
    small: ImageFont.FreeTypeFont | ImageFont.ImageFont
    plain: ImageFont.FreeTypeFont | ImageFont.ImageFont
    try:
        big = ImageFont.truetype("DejaVuSans-Bold.ttf", 130)
        small = ImageFont.truetype("DejaVuSans-Bold.ttf", 46)
        plain = ImageFont.truetype("DejaVuSans.ttf", 34)
    except OSError:
        big = small = plain = ImageFont.load_default()
    draw.text((100, 100), tenant.slug[0].upper(), font=big, fill="white", anchor="mm")
    draw.text((230, 60), "Selbsthilfe", font=small, fill=colour)
    draw.text((230, 125), (tenant.city or tenant.slug.title())[:24], font=plain, fill=(60, 60, 60))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


@register_seeder(15)
def seed_logos(tenants: dict[str, Tenant]) -> bool:
    """Each demo office has a logo (its admin can replace it under Verwaltung → Logo)."""
    from saas.admin.operations import set_logo
    from tenants.models import OfficeLogo

    created = False
    for tenant in tenants.values():
        with tenant_context(tenant.id):
            if db.session.scalar(select(OfficeLogo.id)) is None:
                set_logo(tenant.id, demo_logo(tenant))
                created = True
    return created
