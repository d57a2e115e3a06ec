"""Demo directory: the Dortmund A–Z topic list (seed 001) and realistic groups for each demo office.

Idempotent: an office that already has topics or groups is left alone.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

from sqlalchemy import func, select

from saas.core.demo import register_seeder
from saas.directory import operations as ops
from saas.directory.models import Group, Topic
from saas.extensions import db
from tenants.models import Site, Tenant
from tenants.scoping import tenant_context

TOPICS_FILE = Path(__file__).parent / "data" / "topics_dortmund_2023.csv"
GROUPS_PER_OFFICE = {"dortmund": 230, "hamm": 70, "kreis-unna": 110, "dithmarschen": 45}

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


def _date_in(rng: random.Random, year: int, today: dt.date) -> dt.date:
    start = dt.date(year, 1, 1)
    end = min(dt.date(year, 12, 31), today)
    return start + dt.timedelta(days=rng.randint(0, max(0, (end - start).days)))


def _group_fields(rng: random.Random, slug: str, topic: Topic, sites: list[Site], used: set[str]) -> dict:
    place = rng.choice(_DISTRICTS.get(slug, [""]))
    audience = "affected"
    if topic.relatives and rng.random() < 0.4:
        audience = rng.choice(["relatives", "both", "parents"])
    contact = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    handle = contact.lower().replace(" ", ".").replace("ü", "ue").replace("ö", "oe").replace("ä", "ae")
    rhythm = rng.choice(["weekly", "weekly", "biweekly", "monthly", "monthly", "irregular"])
    start = dt.time(rng.choice([10, 14, 16, 17, 18, 18, 19, 19, 19]), rng.choice([0, 0, 30]))
    young = rng.random() < 0.08
    in_office = rng.random() < 0.3  # meets in the office's rooms: step-free access comes from the room
    mode = rng.choice(["in_person"] * 7 + ["online", "hybrid", "hybrid"])
    languages = rng.choice(["Deutsch"] * 40 + ["Deutsch, Türkisch"] * 3 + ["Deutsch, Englisch"] * 3
                           + ["Deutsch, Arabisch", "Deutsch, Russisch", "Deutsch, Ukrainisch"])  # fmt: skip
    return {
        "name": _name(rng, topic, place, used),
        "description": f"Wir sind eine Gruppe von Menschen, die sich zum Thema {topic.name} austauschen, "
        "einander zuhören und Mut machen. Vertraulichkeit ist uns wichtig.",
        "topics": [topic],
        "topic_area": topic.topic_area or "social",
        "audience": audience,
        "age_focus": "Junge Selbsthilfe 18–35" if young else "",
        "young": young,
        "languages": languages,
        "site_id": rng.choice(sites).id if sites else None,
        "rhythm": rhythm,
        "weekday": None if rhythm == "irregular" else rng.randint(0, 5),
        "nth_weekday": rng.randint(1, 4) if rhythm == "monthly" else None,
        "time_start": None if rhythm == "irregular" else start,
        "time_end": None if rhythm == "irregular" else dt.time(min(start.hour + 2, 23), start.minute),
        "place": ""
        if mode == "online"
        else f"Raum {rng.randint(1, 3)}, Kontaktstelle"
        if in_office
        else rng.choice([f"Gemeindezentrum {place}", f"Begegnungsstätte {place}", f"Bürgerhaus {place}"]),
        "meeting_mode": mode,
        "step_free": None if in_office or mode == "online" else rng.choice([True, True, True, False, None]),
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


def seed_groups(tenant: Tenant, count: int, today: dt.date | None = None) -> int:
    """About ``count`` groups with a lifecycle over the last three years (founded, abandoned, dissolved)."""
    today = today or dt.date.today()
    rng = random.Random(f"lotse-demo-{tenant.slug}")
    topics = list(db.session.scalars(select(Topic).order_by(Topic.name)))
    sites = list(db.session.scalars(select(Site).order_by(Site.position, Site.id)))
    used: set[str] = set()
    years = [today.year - 2, today.year - 1, today.year]
    created = 0
    # Every topic gets one group first (the A–Z page lists the whole topic list), then more for common ones.
    picks = topics[:count] + [rng.choice(topics) for _ in range(max(0, count - len(topics)))]
    for index, topic in enumerate(picks):
        fields = _group_fields(rng, tenant.slug, topic, sites, used)
        if index == 0 and tenant.slug == "dortmund":
            angst = next((t for t in topics if t.name == "Angsterkrankungen"), topic)
            fields.update(name="Selbsthilfe bei Angst", topics=[angst], topic_area="mental_health", visibility="public")
        roll = rng.random()
        if roll < 0.12:  # founded in the last three years: founding → active (or still founding / abandoned)
            year = rng.choice(years)
            started = _date_in(rng, year, today)
            group = ops.create_group(fields, acting_user=None, status="founding", since=started, vocabulary=False)
            outcome = rng.random()
            later = started + dt.timedelta(days=rng.randint(60, 300))
            if later < today and outcome < 0.55:
                ops.change_status(group, "active", acting_user=None, on=later)
            elif later < today and outcome < 0.8:
                ops.change_status(group, "abandoned", acting_user=None, on=later, note="zu wenige Interessierte")
        else:
            since = dt.date(rng.randint(1990, years[0] - 1), rng.randint(1, 12), rng.randint(1, 28))
            group = ops.create_group(fields, acting_user=None, status="active", since=since, vocabulary=False)
            if roll < 0.2:
                ops.change_status(group, "dissolved", acting_user=None, on=_date_in(rng, rng.choice(years), today))
            elif roll < 0.23:
                ops.change_status(group, "paused", acting_user=None, on=_date_in(rng, rng.choice(years), today))
        stamp = dt.datetime.combine(today - dt.timedelta(days=rng.randint(0, 600)), dt.time(9, 0), tzinfo=dt.UTC)
        group.confirmed_at = stamp if rng.random() < 0.8 else None
        created += 1
    db.session.flush()
    ops.refresh_vocabulary()
    return created


@register_seeder(30)
def seed_directory(tenants_by_slug: dict[str, Tenant]) -> bool:
    created = False
    for slug, count in GROUPS_PER_OFFICE.items():
        tenant = tenants_by_slug.get(slug)
        if tenant is None:
            continue
        with tenant_context(tenant.id):
            if not db.session.scalar(select(func.count(Topic.id))):
                seed_topics()
                created = True
            if not db.session.scalar(select(func.count(Group.id))):
                seed_groups(tenant, count)
                created = True
            db.session.flush()
    return created
