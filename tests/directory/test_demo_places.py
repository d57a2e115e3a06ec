"""The demo's groups meet where their names say: a group named after a town of Kreis Unna belongs to the site
that serves that town (Bergkamen → Unna, not Schwerte), its meeting place is in that town, and no group of an
office is named after a place of another office."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from saas.core.demo import _seed_offices, demo_today, demo_years
from saas.directory.demo import LIFECYCLE, seed_directory
from saas.directory.models import Group
from saas.directory.public import _where
from tenants.scoping import tenant_context

# The places of each office and the site that serves them (K.I.S.S. Kreis Unna: the Unna site serves the east
# of the district, Lünen and Schwerte their towns).
SERVED_BY = {
    "dortmund": {p: "Dortmund" for p in ("Innenstadt", "Hörde", "Aplerbeck", "Eving", "Scharnhorst", "Brackel",
                                          "Hombruch", "Lütgendortmund", "Huckarde", "Mengede")},
    "hamm": {p: "Hamm" for p in ("Mitte", "Heessen", "Bockum-Hövel", "Pelkum", "Rhynern", "Uentrop")},
    "kreis-unna": {"Unna": "Unna", "Kamen": "Unna", "Bergkamen": "Unna", "Holzwickede": "Unna",
                   "Fröndenberg": "Unna", "Lünen": "Lünen", "Schwerte": "Schwerte"},
    "dithmarschen": {p: "Dithmarschen" for p in ("Heide", "Meldorf", "Brunsbüttel", "Büsum", "Wesselburen")},
}  # fmt: skip
ALL_PLACES = {p for places in SERVED_BY.values() for p in places} | {"Dortmund", "Hamm", "Dithmarschen"}


def _places_in(text: str) -> set[str]:
    return {p for p in ALL_PLACES if re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", text)}


def test_each_demo_groups_place_fits_its_name(app, db):  # type: ignore[no-untyped-def]
    tenants, _created = _seed_offices()
    seed_directory(tenants)
    db.session.commit()
    checked = 0
    for slug, served in SERVED_BY.items():
        with tenant_context(tenants[slug].id):
            groups = db.session.scalars(select(Group).options(selectinload(Group.site)))
            for group in groups:
                named = _places_in(group.name) - {"Mitte"}  # "Mitte" is also an ordinary word
                assert named <= set(served) | {"Dortmund", "Hamm"}, (slug, group.name)  # the office's own places
                if not named or group.site is None:
                    continue
                (place,) = named
                assert group.site.name == served[place], (slug, group.name, group.site.name)
                where = _where(group)  # what the Wegweiser shows as "Ort"
                assert _places_in(where) - {place, group.site.name, "Mitte"} == set(), (group.name, where)
                checked += 1
    assert checked > 300


def test_no_topic_loses_its_last_demo_group_to_chance(app, db):  # type: ignore[no-untyped-def]
    """In the years after the published ones the demo draws which groups dissolve; it never draws a topic's last
    group. (All three of Dortmund's "Trauer" groups had dissolved, so the Wegweiser's most common search found
    nothing in the demo.)"""
    tenants, _created = _seed_offices()
    seed_directory(tenants)
    db.session.commit()
    today = demo_today()
    checked = 0
    for slug in SERVED_BY:
        published = set(LIFECYCLE.get(slug, {}).get("years", {}))
        with tenant_context(tenants[slug].id):
            groups = list(
                db.session.scalars(select(Group).options(selectinload(Group.history), selectinload(Group.topics)))
            )

            def status_on(group: Group, day: dt.date) -> str | None:
                steps = sorted((h.changed_on, h.id, h.to_status) for h in group.history if h.changed_on <= day)
                return steps[-1][2] if steps else None

            for year in demo_years(slug, today):
                if year in published:
                    continue
                start, end = dt.date(year - 1, 12, 31), min(dt.date(year, 12, 31), today)
                for topic in {t.name for g in groups for t in g.topics if status_on(g, start) == "active"}:
                    kept = [g for g in groups if topic in {t.name for t in g.topics} and status_on(g, end) == "active"]
                    assert kept, (slug, year, topic)
                    checked += 1
    assert checked > 300
    with tenant_context(tenants["dortmund"].id):
        grief = db.session.scalars(select(Group).where(Group.name.contains("Trauer"), Group.status == "active")).all()
        assert grief, "Dortmund's demo has an active grief group"


def test_a_demo_group_named_for_relatives_is_open_to_them(app, db):  # type: ignore[no-untyped-def]
    """A demo group called "Angehörige: Alkoholabhängigkeit Brackel" was drawn for the people affected, so the
    filter "für Angehörige" and a search such as "Sohn trinkt" passed it by. Is every such group open to
    relatives?"""
    tenants, _created = _seed_offices()
    seed_directory(tenants)
    db.session.commit()
    named = 0
    for tenant in tenants.values():
        with tenant_context(tenant.id):
            for group in db.session.scalars(select(Group).where(Group.name.like("Angehörige:%"))):
                assert group.audience == "relatives", group.name
                named += 1
    assert named >= 5
