"""Creating directory rows for tests, as the office they belong to."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path
from types import ModuleType

from saas.directory import operations as ops
from saas.directory.models import Group, Topic
from saas.extensions import db
from tenants.models import Tenant
from tenants.scoping import tenant_context


def _detached(obj):  # type: ignore[no-untyped-def]
    """Load the row's columns and detach it: later commits in the test's session cannot expire it, and
    reading ``obj.id`` outside the office's context needs no query (PostgreSQL RLS would hide the row)."""
    db.session.refresh(obj)
    db.session.expunge(obj)
    return obj


def make_topic(tenant: Tenant, name: str, search_words: str = "", area: str = "mental_health") -> Topic:
    with tenant_context(tenant.id):
        topic = ops.save_topic(None, name=name, topic_area=area, search_words=search_words, relatives=False)
        db.session.commit()
        return _detached(topic)


def make_topics(tenant: Tenant, topics: list[tuple[str, str]]) -> None:
    """The office's topics ``(name, area)`` that it does not have yet (a group may already have made one)."""
    from sqlalchemy import select

    with tenant_context(tenant.id):
        existing = set(db.session.scalars(select(Topic.name)))
    for name, area in topics:
        if name not in existing:
            make_topic(tenant, name, area=area)


def make_group(
    tenant: Tenant,
    name: str,
    topics: list[str] | None = None,
    *,
    status: str = "active",
    since: dt.date | None = None,
    **fields: object,
) -> Group:
    """A group of ``tenant``; topics are looked up (or created) by name."""
    with tenant_context(tenant.id):
        topic_objs = ops.topics_by_names(topics or ["Allgemein"], topic_area=str(fields.get("topic_area", "social")))
        data = {"name": name, "topics": topic_objs, "topic_area": "social", **fields}
        group = ops.create_group(data, acting_user=None, status=status, since=since)
        db.session.commit()
        return _detached(group)


def protected_group(tenant: Tenant) -> Group:
    return make_group(
        tenant,
        "Geschützte Gruppe Sucht",
        ["Alkoholabhängigkeit"],
        topic_area="addiction",
        visibility="protected",
        place="Kellerraum Geheimweg 7",
        rhythm="weekly",
        weekday=2,
        time_start=dt.time(19, 30),
        description="Wir treffen uns vertraulich.",
        contacts=[
            {"name": "Petra Verborgen", "phone": "0231 999888", "email": "petra@example.org", "public_consent": True}
        ],
    )


def grief_groups(tenant: Tenant) -> None:
    """The finder's test directory: the topic "Trauer" and four grief groups that differ in every filter
    (weekday, time of day, online/hybrid, relatives, young people, language, step-free access)."""
    make_topic(tenant, "Trauer", area="social")
    make_group(
        tenant,
        "Trauer am Abend",
        ["Trauer"],
        rhythm="weekly",
        weekday=1,
        time_start=dt.time(19, 0),
        place="Gemeindezentrum Hörde",
        step_free=True,
    )
    make_group(tenant, "Trauer am Vormittag", ["Trauer"], rhythm="weekly", weekday=3, time_start=dt.time(10, 0))
    make_group(
        tenant,
        "Trauer online",
        ["Trauer"],
        meeting_mode="online",
        rhythm="monthly",
        weekday=4,
        nth_weekday=1,
        time_start=dt.time(18, 0),
        young=True,
        languages="Deutsch, Türkisch",
    )
    make_group(tenant, "Trauer hybrid für Angehörige", ["Trauer"], meeting_mode="hybrid", audience="relatives")


def found_names(world, q: str, **kw: object) -> list[str]:  # type: ignore[no-untyped-def]
    """The names of the public groups Dortmund's Wegweiser finds for ``q``, best first."""
    from saas.directory.queries import public_groups_by_ids
    from saas.directory.search import search_ids

    with tenant_context(world.dortmund.id):
        result = search_ids(q, tenant_id=world.dortmund.id, **kw)  # type: ignore[arg-type]
        return [g.name for g in public_groups_by_ids(result.ids)]


def relatives_office(tenant: Tenant) -> None:
    """The directory of the relatives' tests (s25-relatives, s25-situation, s26-situation): topics named as in the
    common list, WITHOUT the office's synonyms, so that what is found comes from the resources alone. Addiction
    groups for those affected and for their relatives, a circle for relatives of any addiction (topic Sucht), two
    depression groups for the depressed and the circle for relatives of the psychically ill."""
    make_topics(
        tenant,
        [
            ("Sucht", "addiction"),
            ("Drogenabhängigkeit", "addiction"),
            ("Alkoholabhängigkeit", "addiction"),
            ("Glücksspiel", "addiction"),
            ("Depression", "mental_health"),
            ("Psychische Erkrankungen", "mental_health"),
        ],
    )
    make_group(
        tenant,
        "Elternkreis drogengefährdeter Jugendlicher",
        ["Drogenabhängigkeit"],
        topic_area="addiction",
        audience="parents",
        description="Wenn das eigene Kind Drogen nimmt: Eltern helfen Eltern.",
    )
    make_group(tenant, "Clean-Treff", ["Drogenabhängigkeit"], topic_area="addiction", audience="affected")
    make_group(tenant, "Al-Anon Familiengruppe", ["Alkoholabhängigkeit"], topic_area="addiction", audience="relatives")
    make_group(tenant, "Anonyme Alkoholiker", ["Alkoholabhängigkeit"], topic_area="addiction", audience="affected")
    make_group(
        tenant,
        "Frauensuchtgruppe",
        ["Alkoholabhängigkeit"],
        topic_area="addiction",
        audience="affected",
        description="Für Frauen, die heimlich trinken oder ohne Tabletten nicht durch den Tag kommen.",
    )
    make_group(
        tenant,
        "Neustart",
        ["Glücksspiel"],
        topic_area="addiction",
        audience="affected",
        description="Automaten, Sportwetten, Online-Casino: wir wollen nicht mehr spielen.",
    )
    make_group(
        tenant,
        "Angehörige Sucht – Gesprächskreis",
        ["Sucht"],
        topic_area="addiction",
        audience="relatives",
        description="Für Partner, Eltern und Kinder von Menschen mit einer Abhängigkeit.",
    )
    make_group(tenant, "Suchtselbsthilfe Eving", ["Sucht"], topic_area="addiction", audience="affected")
    make_group(tenant, "Lichtblick", ["Depression"], topic_area="mental_health", audience="affected")
    make_group(tenant, "Gemeinsam durch den Nebel", ["Depression"], topic_area="mental_health", audience="affected")
    make_group(
        tenant,
        "Angehörige psychisch Kranker",
        ["Psychische Erkrankungen"],
        topic_area="mental_health",
        audience="relatives",
    )


def load_script(name: str) -> ModuleType:
    """A builder of ``scripts/`` (``build_thesaurus``, ``build_glosses``) as a module, for tests of what it keeps."""
    path = Path(__file__).resolve().parents[2] / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def regional_and_own(world, q: str) -> tuple[dict[int, list[int]], list[int]]:  # type: ignore[no-untyped-def]
    """The regional finder's answer to ``q`` (``search_by_office`` over Dortmund and Hamm, across offices) and
    Dortmund's own Wegweiser's (``search_ids`` in its context): one ranking semantics for any selection of
    offices means Dortmund's part of the first is the second."""
    from saas.directory.search import search_by_office, search_ids
    from tenants.scoping import cross_tenant

    d = world.dortmund.id
    with tenant_context(d):
        own = search_ids(q, tenant_id=d, limit=100).ids
    with cross_tenant("test: regional"):
        regional = search_by_office(q, [d, world.hamm.id], limit=100)
    return {office: result.ids for office, result in regional.items()}, own
