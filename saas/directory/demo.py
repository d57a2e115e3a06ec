"""Demo directory: the Dortmund A–Z topic list (seed 001) and realistic groups for each demo office.

Idempotent: an office that already has topics or groups is left alone.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from saas.core.demo import demo_today, demo_years, register_seeder
from saas.directory import operations as ops
from saas.directory.models import Group, GroupInquiry, Topic
from saas.extensions import db
from tenants.models import Site, Tenant
from tenants.scoping import tenant_context

T = TypeVar("T")

TOPICS_FILE = Path(__file__).parent / "data" / "topics_dortmund_2023.csv"
GROUPS_PER_OFFICE = {"dortmund": 230, "hamm": 70, "kreis-unna": 250, "dithmarschen": 45}

_FIRST = [
    "Anna",
    "Birgit",
    "Claudia",
    "Doris",
    "Elke",
    "Frank",
    "Gabi",
    "Heike",
    "Jürgen",
    "Karin",
    "Lars",
    "Monika",
    "Nadine",
    "Olaf",
    "Petra",
    "Ralf",
    "Sabine",
    "Thomas",
    "Ute",
    "Volker",
    "Yasemin",
    "Zeynep",
    "Marco",
    "Ines",
]
_LAST = [
    "Becker",
    "Schulz",
    "Krüger",
    "Wagner",
    "Yilmaz",
    "Hoffmann",
    "Koch",
    "Richter",
    "Klein",
    "Wolf",
    "Neumann",
    "Schwarz",
    "Zimmermann",
    "Braun",
    "Hartmann",
    "Lange",
    "Kaya",
    "Werner",
    "Krause",
    "Lehmann",
]
_DISTRICTS = {
    "dortmund": ["Innenstadt", "Hörde", "Aplerbeck", "Eving", "Scharnhorst", "Brackel", "Hombruch", "Lütgendortmund",
                 "Huckarde", "Mengede"],
    "hamm": ["Mitte", "Heessen", "Bockum-Hövel", "Pelkum", "Rhynern", "Uentrop"],
    "kreis-unna": ["Unna", "Lünen", "Schwerte", "Kamen", "Bergkamen", "Holzwickede", "Fröndenberg"],
    "dithmarschen": ["Heide", "Meldorf", "Brunsbüttel", "Büsum", "Wesselburen"],
}  # fmt: skip
# Which of the office's sites serves a place (K.I.S.S. Kreis Unna: Unna for the east of the district, Lünen and
# Schwerte for their towns); an office with one site serves all its places there.
SITE_OF_PLACE = {
    "kreis-unna": {"Unna": "Unna", "Kamen": "Unna", "Bergkamen": "Unna", "Holzwickede": "Unna",
                   "Fröndenberg": "Unna", "Lünen": "Lünen", "Schwerte": "Schwerte"},
}  # fmt: skip
_PATTERNS = [
    "Selbsthilfegruppe {topic} {place}",
    "{topic} – Gesprächskreis {place}",
    "SHG {topic} {place}",
    "Treffpunkt {topic} {place}",
    "{topic}: Austausch und Begegnung",
]


def load_topic_rows() -> list[dict[str, str]]:
    with TOPICS_FILE.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def seed_topics() -> list[Topic]:
    topics = []
    for row in load_topic_rows():
        topic = Topic(
            name=row["name"],
            topic_area=row["topic_area"],
            search_words=row["search_words"],
            relatives=row["relatives"] == "1",
        )
        db.session.add(topic)
        topics.append(topic)
    db.session.flush()
    return topics


def _name(rng: random.Random, topic: Topic, place: str, used: set[str]) -> str:
    for _ in range(10):
        pattern = rng.choice(_PATTERNS)
        name = pattern.format(topic=topic.name, place=place).strip()
        if topic.relatives and rng.random() < 0.35:
            name = f"Angehörige: {topic.name} {place}".strip()
        if name not in used:
            used.add(name)
            return name
    name = f"Selbsthilfegruppe {topic.name} {place} {len(used)}"
    used.add(name)
    return name


def _handle(name: str) -> str:
    """The local part of a demo mail address: "Jürgen Lange" → "juergen.lange"."""
    return name.lower().replace(" ", ".").replace("ü", "ue").replace("ö", "oe").replace("ä", "ae").replace("ß", "ss")


def _site_for(slug: str, place: str, sites: list[Site], drawn: Site | None) -> int | None:
    """The site serving ``place`` (a group named after Bergkamen is not the Schwerte site's); the drawn one
    where the office has a single site or the place is none of its own. (The draw is kept either way, so that
    the demo's other random choices and its published figures stay as they are.)"""
    wanted = SITE_OF_PLACE.get(slug, {}).get(place)
    site = next((s for s in sites if s.name == wanted), drawn)
    return site.id if site is not None else None


def _group_fields(rng: random.Random, slug: str, topic: Topic, sites: list[Site], used: set[str]) -> dict:
    place = rng.choice(_DISTRICTS.get(slug, [""]))
    audience = "affected"
    if topic.relatives and rng.random() < 0.4:
        audience = rng.choice(["relatives", "both", "parents"])
    contact = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    handle = _handle(contact)
    rhythm = rng.choice(["weekly", "weekly", "biweekly", "monthly", "monthly", "irregular"])
    start = dt.time(rng.choice([10, 14, 16, 17, 18, 18, 19, 19, 19]), rng.choice([0, 0, 30]))
    young = rng.random() < 0.08
    # Which groups meet in the office's rooms is the room seeder's choice: it books them and moves them there
    # (saas.rooms.demo), so that a group in the office always has the room's booking the step-free filter reads.
    # This draw once made that choice here; it stays, and so does the step-free draw it skipped, so that the
    # demo's other random choices stay as they are.
    drew_office = rng.random() < 0.3
    mode = rng.choice(["in_person"] * 7 + ["online", "hybrid", "hybrid"])
    languages = rng.choice(["Deutsch"] * 40 + ["Deutsch, Türkisch"] * 3 + ["Deutsch, Englisch"] * 3
                           + ["Deutsch, Arabisch", "Deutsch, Russisch", "Deutsch, Ukrainisch"])  # fmt: skip
    fields: dict[str, Any] = {
        "name": _name(rng, topic, place, used),
        "description": f"Wir sind eine Gruppe von Menschen, die sich zum Thema {topic.name} austauschen, "
        "einander zuhören und Mut machen. Vertraulichkeit ist uns wichtig.",
        "topics": [topic],
        "topic_area": topic.topic_area or "social",
        "audience": audience,
        "age_focus": "Junge Selbsthilfe 18–35" if young else "",
        "young": young,
        "languages": languages,
        "site_id": _site_for(slug, place, sites, rng.choice(sites) if sites else None),
        "rhythm": rhythm,
        "weekday": None if rhythm == "irregular" else rng.randint(0, 5),
        "nth_weekday": rng.randint(1, 4) if rhythm == "monthly" else None,
        "time_start": None if rhythm == "irregular" else start,
        "time_end": None if rhythm == "irregular" else dt.time(min(start.hour + 2, 23), start.minute),
        "place": ""
        if mode == "online"
        else rng.choice([f"Gemeindezentrum {place}", f"Begegnungsstätte {place}", f"Bürgerhaus {place}"]),
        "meeting_mode": mode,
        "step_free": None
        if mode == "online"
        else (random.Random(f"{slug}-{place}-{topic.name}") if drew_office else rng).choice(
            [True, True, True, False, None]
        ),
        "welcomes_new_members": rng.random() < 0.85,
        "visibility": "protected" if rng.random() < 0.12 else "public",
        "contacts": [
            {
                "name": contact,
                "phone": f"0{rng.randint(200, 4999)} {rng.randint(100000, 999999)}",
                "email": f"{handle}@example.org",
                "public_consent": rng.random() < 0.5,
            }
        ],
    }
    if fields["name"].startswith("Angehörige:"):
        # A group named for relatives is open to them (the filter "für Angehörige" and a search such as "Sohn
        # trinkt" find it); set after the draws, so that the demo's other random choices stay as they are.
        fields["audience"] = "relatives"
    return fields


AREA_WEIGHTS = {"addiction": 34, "chronic_illness": 26, "mental_health": 17, "disability": 9, "social": 14}

# Per office: the groups before the first demo year (active, founding) and, per year, the life-cycle
# steps (founding started, founded, founding abandoned, dissolved, existing groups added). Years not
# listed continue the trend (see :func:`_trend_steps`).
LIFECYCLE: dict[str, dict] = {
    "dortmund": {
        "active": 220,
        "founding": 5,
        # seed 001: 2023 has 6 founded, 8 founding at year end, 4 abandoned, 13 dissolved, 10 existing
        # groups added to the office's file; "fast 230" groups, 34/26/17/9/14 % by topic area.
        "years": {2022: (10, 5, 3, 9, 6), 2023: (11, 6, 4, 13, 10)},
        "area_year": 2023,
    },
    "kreis-unna": {
        "active": 238,
        "founding": 6,
        # seed 003: 2024 has 16 groups added (6 foundings started, 10 existing), 251 at year end.
        "years": {2023: (8, 6, 2, 7, 6), 2024: (6, 7, 2, 9, 10)},
    },
    "hamm": {"active": 68, "founding": 2, "years": {}},
    "dithmarschen": {"active": 43, "founding": 1, "years": {}},
}


@dataclass
class PlannedGroup:
    index: int
    steps: list[tuple[dt.date, str]]  # (day, status after the step); the first step creates the entry
    area: str = ""

    def status_on(self, day: dt.date) -> str | None:
        status = None
        for changed_on, to_status in self.steps:
            if changed_on > day:
                break
            status = to_status
        return status


def _random_day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _trend_steps(rng: random.Random, active: int, founding: int) -> tuple[int, int, int, int, int]:
    """A plausible year after the published ones: about 5 % new foundings, 4–5 % dissolved."""
    started = max(1, round(active * rng.uniform(0.04, 0.055)))
    pool = founding + started
    founded = min(pool - 1, round(pool * rng.uniform(0.35, 0.45))) if pool > 1 else 0
    abandoned = min(pool - 1 - founded, round(pool * rng.uniform(0.12, 0.2))) if pool > 1 else 0
    dissolved = round(active * rng.uniform(0.035, 0.05))
    added = round(active * rng.uniform(0.02, 0.04))
    return started, max(founded, 0), max(abandoned, 0), dissolved, added


def _group_rng(slug: str, index: int) -> random.Random:
    """The random source of one planned group's fields (its topic first)."""
    return random.Random(f"lotse-demo-{slug}-{index}")


def _topic(rng: random.Random, area_topics: Sequence[T], k: int) -> T:
    """The topic of the ``k``-th group of an area: each of the area's topics once, in order, then drawn."""
    return area_topics[k] if k < len(area_topics) else rng.choice(area_topics)


def _dissolving(
    rng: random.Random, active: list[PlannedGroup], count: int, topic_of: dict[int, str] | None
) -> list[PlannedGroup]:
    """The ``count`` groups that dissolve this year. With the groups' topics known, a topic's last group stays:
    a city's directory does not lose every grief or alcohol group to chance (seed 001's topic list is Dortmund's
    directory; a demo where all three "Trauer" groups had dissolved answered the Wegweiser's most common search
    with nothing)."""
    if topic_of is None:
        return rng.sample(active, min(count, len(active)))
    left: dict[str, int] = {}
    for group in active:
        left[topic_of[group.index]] = left.get(topic_of[group.index], 0) + 1
    chosen: list[PlannedGroup] = []
    for group in rng.sample(active, len(active)):
        if len(chosen) == count:
            break
        if left[topic_of[group.index]] > 1:
            left[topic_of[group.index]] -= 1
            chosen.append(group)
    return chosen


def lifecycle_plan(slug: str, today: dt.date, topics_by_area: dict[str, list[str]] | None = None) -> list[PlannedGroup]:
    """Every demo group of an office with its dated life cycle, from before the first demo year to the
    end of this year. Deterministic: the same plan on every day of a year, extended by a year on the
    first seeding of a new year (so re-seeding later only adds what happened since).

    With ``topics_by_area`` (the topic names per area, in the order :func:`seed_groups` hands them out), the
    years after the published ones dissolve no topic's last group."""
    spec = LIFECYCLE.get(slug) or {"active": GROUPS_PER_OFFICE.get(slug, 40), "founding": 2, "years": {}}
    years = demo_years(slug, today)
    first_year = years[0]
    rng = random.Random(f"lotse-demo-groups-{slug}")
    area_year: int | None = spec.get("area_year")
    fixed: dict[int, str] = {}
    areas_known = not area_year  # an office without a report year draws every group's area by itself
    plan: list[PlannedGroup] = []
    for _ in range(spec["active"]):
        since = dt.date(rng.randint(1985, first_year - 1), rng.randint(1, 12), rng.randint(1, 28))
        plan.append(PlannedGroup(len(plan), [(since, "active")]))
    for _ in range(spec["founding"]):
        since = _random_day(rng, dt.date(first_year - 1, 6, 1), dt.date(first_year - 1, 12, 15))
        plan.append(PlannedGroup(len(plan), [(since, "founding")]))
    for year in years:
        yr = random.Random(f"lotse-demo-groups-{slug}-{year}")
        jan1, dec31 = dt.date(year, 1, 1), dt.date(year, 12, 31)
        before = dt.date(year - 1, 12, 31)
        active = [g for g in plan if g.status_on(before) == "active"]
        founding = [g for g in plan if g.status_on(before) == "founding"]
        started, founded, abandoned, dissolved, added = spec["years"].get(year) or _trend_steps(
            yr, len(active), len(founding)
        )
        for day in sorted(_random_day(yr, dt.date(year, 1, 8), dt.date(year, 11, 15)) for _ in range(started)):
            group = PlannedGroup(len(plan), [(day, "founding")])
            plan.append(group)
            founding.append(group)
        founding.sort(key=lambda g: (g.steps[-1][0], g.index))
        done = founding[: founded + abandoned]
        outcomes = ["active"] * founded + ["abandoned"] * abandoned
        yr.shuffle(outcomes)
        for group, outcome in zip(done, outcomes, strict=True):
            lo = max(jan1 + dt.timedelta(days=4), group.steps[-1][0] + dt.timedelta(days=30))
            hi = max(lo, dt.date(year, 12, 22))
            group.steps.append((min(_random_day(yr, lo, hi), dec31), outcome))
        topic_of = None
        if topics_by_area is not None and areas_known and year not in spec["years"]:
            _assign_areas(slug, plan, fixed)
            topic_of = _topics(slug, plan, topics_by_area)
        for group in _dissolving(yr, active, dissolved, topic_of):
            group.steps.append((_random_day(yr, jan1 + dt.timedelta(days=2), dt.date(year, 12, 20)), "dissolved"))
        for _ in range(added):
            plan.append(PlannedGroup(len(plan), [(_random_day(yr, jan1 + dt.timedelta(days=5), dec31), "active")]))
        if year == area_year:
            fixed, areas_known = _fix_areas(slug, plan, area_year), True
    if area_year and not areas_known:
        fixed = _fix_areas(slug, plan, area_year)
    _assign_areas(slug, plan, fixed)
    return plan


def _fix_areas(slug: str, plan: list[PlannedGroup], area_year: int) -> dict[int, str]:
    """Topic areas in exact published shares among the groups active at the end of the office's report year."""
    members = [g for g in plan if g.status_on(dt.date(area_year, 12, 31)) == "active"]
    areas = [a for a, n in exact_split(AREA_WEIGHTS, len(members)).items() for _ in range(n)]
    random.Random(f"lotse-demo-areas-{slug}").shuffle(areas)
    return {group.index: area for group, area in zip(members, areas, strict=True)}


def _assign_areas(slug: str, plan: list[PlannedGroup], fixed: dict[int, str]) -> None:
    for group in plan:
        if group.index in fixed:
            group.area = fixed[group.index]
        else:
            ar = random.Random(f"lotse-demo-area-{slug}-{group.index}")
            group.area = ar.choices(list(AREA_WEIGHTS), weights=list(AREA_WEIGHTS.values()))[0]


def _topics(slug: str, plan: list[PlannedGroup], topics_by_area: dict[str, list[str]]) -> dict[int, str]:
    """Each planned group's topic, handed out as :func:`seed_groups` does (the areas must be assigned)."""
    every = [name for names in topics_by_area.values() for name in names]
    seen: dict[str, int] = {}
    topic_of: dict[int, str] = {}
    for group in plan:
        k = seen.get(group.area, 0)
        seen[group.area] = k + 1
        topic_of[group.index] = _topic(_group_rng(slug, group.index), topics_by_area.get(group.area) or every, k)
    return topic_of


def exact_split(weights: dict[str, int], total: int) -> dict[str, int]:
    """Split ``total`` by ``weights`` into whole numbers that add up exactly (largest remainder)."""
    whole = sum(weights.values())
    raw = {k: total * w / whole for k, w in weights.items()}
    result = {k: int(v) for k, v in raw.items()}
    for k in sorted(raw, key=lambda k: raw[k] - result[k], reverse=True)[: total - sum(result.values())]:
        result[k] += 1
    return result


def seed_groups(tenant: Tenant, today: dt.date | None = None) -> int:
    """Create or advance the office's demo groups along :func:`lifecycle_plan` up to ``today``.

    A group of the plan is found again by its name; steps it has not taken yet (dated up to today)
    are applied. Returns the number of groups created or changed."""
    today = today or demo_today()
    topics = list(db.session.scalars(select(Topic).order_by(Topic.name)))
    by_area: dict[str, list[Topic]] = {}
    for topic in topics:
        by_area.setdefault(topic.topic_area or "social", []).append(topic)
    plan = lifecycle_plan(tenant.slug, today, {area: [t.name for t in ts] for area, ts in by_area.items()})
    sites = list(db.session.scalars(select(Site).order_by(Site.position, Site.id)))
    existing = {g.name: g for g in db.session.scalars(select(Group).options(selectinload(Group.history)))}
    used: set[str] = set()
    angst_index = next(
        (g.index for g in plan if g.area == "mental_health" and [s for _, s in g.steps] == ["active"]), 0
    )
    seen_in_area: dict[str, int] = {}
    touched = 0
    for item in plan:
        rng = _group_rng(tenant.slug, item.index)
        k = seen_in_area.get(item.area, 0)
        seen_in_area[item.area] = k + 1
        topic = _topic(rng, by_area.get(item.area) or topics, k)
        fields = _group_fields(rng, tenant.slug, topic, sites, used)
        fields["topic_area"] = item.area
        if item.index == angst_index and tenant.slug == "dortmund":
            angst = next((t for t in topics if t.name == "Angsterkrankungen"), topic)
            fields.update(name="Selbsthilfe bei Angst", topics=[angst], visibility="public")
            used.add(fields["name"])
        due = [step for step in item.steps if step[0] <= today]
        if not due:
            continue
        group = existing.get(fields["name"])
        if group is None:
            day, status = due[0]
            group = ops.create_group(fields, acting_user=None, status=status, since=day, vocabulary=False)
            # The office asks every group once a year and most answer within the three months' grace: a few are
            # overdue (unconfirmed for more than 15 months, queries.STALE_AFTER) and some entries were never confirmed.
            stamp = dt.datetime.combine(today - dt.timedelta(days=rng.randint(0, 480)), dt.time(9, 0), tzinfo=dt.UTC)
            group.confirmed_at = stamp if rng.random() < 0.96 else None
            touched += 1
            done = 1
        else:
            done = len(group.history)
        for day, status in due[done:]:
            try:
                ops.change_status(group, status, acting_user=None, on=day, note=_NOTES.get(status, ""))
            except ops.StatusChangeError:
                break
            touched += 1
    db.session.flush()
    if touched:
        ops.refresh_vocabulary()
    return touched


INQUIRY_CONSENT = (
    "Ich bin einverstanden, dass die Kontaktstelle meine Angaben an die Ansprechperson der Gruppe "
    "weitergibt, damit sie mich erreichen kann."
)
_MESSAGES = [
    "Ich würde gern einmal unverbindlich vorbeikommen. Wann trifft sich die Gruppe?",
    "Meine Frau ist betroffen, ich suche Austausch als Angehöriger.",
    "Gibt es noch Platz in der Gruppe? Ich bin abends gut erreichbar.",
    "",
]


def seed_inquiries(tenant: Tenant, today: dt.date) -> bool:
    """Inquiries to protected groups over the last 120 days: older ones forwarded or closed, the last
    ones open (the start page shows their age). A day that already has inquiries is left alone."""
    groups = list(
        db.session.scalars(
            select(Group).where(Group.visibility == "protected", Group.status.in_(("active", "founding")))
        )
    )
    if not groups:
        return False
    have = {_naive(at).date() for at in db.session.scalars(select(GroupInquiry.created_at))}
    created = False
    for back in range(120, -1, -1):
        day = today - dt.timedelta(days=back)
        rng = random.Random(f"lotse-demo-inquiries-{tenant.slug}-{day.isoformat()}")
        n = rng.choice([0, 0, 1, 1, 2]) if day.weekday() < 6 else 0
        if not n or day in have:
            continue
        for _ in range(n):
            group = rng.choice(groups)
            at = dt.datetime.combine(day, dt.time(rng.randint(7, 21), rng.randint(0, 59)), tzinfo=dt.UTC)
            first, last = rng.choice(_FIRST), rng.choice(_LAST)
            inquiry = GroupInquiry(
                group_id=group.id, name=f"{first} {last[0]}.", reach=f"{first.lower()}@example.org",
                message=rng.choice(_MESSAGES), consent_text=INQUIRY_CONSENT, created_at=at,
            )  # fmt: skip
            if back > 9:
                inquiry.state = "forwarded" if rng.random() < 0.85 else "closed"
                inquiry.forwarded_at = at + dt.timedelta(days=rng.randint(1, 4))
                inquiry.forwarded_group_id = group.id if inquiry.state == "forwarded" else None
                inquiry.closed_at = inquiry.forwarded_at
            db.session.add(inquiry)
            created = True
    db.session.flush()
    return created


# What people look for and an office's directory may lack (NAKOS lists all of these as self-help topics).
_WANTED = [
    "Messie-Syndrom", "Hochsensibilität", "Lipödem", "Endometriose", "Kaufsucht", "Fibromyalgie",
    "Long Covid", "Sternenkinder", "Mobbing am Arbeitsplatz", "Einsamkeit im Alter", "Väter nach Trennung",
    "Tinnitus", "Hashimoto", "Pflegende Angehörige", "Transidentität",
]  # fmt: skip


def seed_demand(tenant: Tenant, today: dt.date) -> bool:
    """Demand from the Wegweiser: searches that found nothing (a term and a count, as the page counts them) and
    a few people who left their interest in a group that does not exist yet. Only terms the office's own search
    really finds nothing for are counted, so the "Nachfrage" page says what is true of the demo's directory.
    An office that has demand already is left alone."""
    from saas.directory import finder, search
    from saas.directory.forms import INTEREST_CONSENT
    from saas.directory.models import GroupInterest, SearchMiss

    if db.session.scalar(select(func.count(SearchMiss.id))) or db.session.scalar(select(func.count(GroupInterest.id))):
        return False
    rng = random.Random(f"lotse-demo-demand-{tenant.slug}")
    no_filters = finder.parse({}, strict=False)
    missing = [
        term
        for term in _WANTED
        if not search.public_results(term, tenant_id=tenant.id, filters=no_filters, limit=1).total
    ]
    for term in missing:
        count = rng.choice([1, 2, 3, 4, 5, 7, 9, 12])
        db.session.add(
            SearchMiss(term=ops.miss_term(term), count=count, last_on=today - dt.timedelta(rng.randint(0, 40)))
        )
    for term in rng.sample(missing, min(3, len(missing))):
        for _ in range(rng.randint(1, 2)):
            first, last = rng.choice(_FIRST), rng.choice(_LAST)
            interest = ops.create_interest(
                topic=term,
                name=f"{first} {last[0]}.",
                email=f"{_handle(f'{first} {last}')}@example.org" if rng.random() < 0.7 else "",
                phone="" if rng.random() < 0.7 else f"0{rng.randint(200, 4999)} {rng.randint(100000, 999999)}",
                consent_text=str(INTEREST_CONSENT),
            )
            if not interest.email and not interest.phone:
                interest.email = f"{_handle(first)}@example.org"
            interest.created_at = dt.datetime.combine(
                today - dt.timedelta(days=rng.randint(3, 150)), dt.time(rng.randint(8, 21), rng.randint(0, 59)), dt.UTC
            )
    db.session.flush()
    return bool(missing)


def _naive(at: dt.datetime) -> dt.datetime:
    return at.astimezone(dt.UTC).replace(tzinfo=None) if at.tzinfo else at


_NOTES = {"abandoned": "zu wenige Interessierte", "dissolved": "Gruppe hat sich aufgelöst"}


@register_seeder(30)
def seed_directory(tenants_by_slug: dict[str, Tenant]) -> bool:
    created = False
    for slug in GROUPS_PER_OFFICE:
        tenant = tenants_by_slug.get(slug)
        if tenant is None:
            continue
        with tenant_context(tenant.id):
            if not db.session.scalar(select(func.count(Topic.id))):
                seed_topics()
                created = True
            created = bool(seed_groups(tenant)) or created
            created = seed_inquiries(tenant, demo_today()) or created
            created = seed_demand(tenant, demo_today()) or created
            db.session.flush()
    return created
