"""The demo's groups meet where their names say: a group named after a town of Kreis Unna belongs to the site
that serves that town (Bergkamen → Unna, not Schwerte), its meeting place is in that town, and no group of an
office is named after a place of another office."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from saas.core.demo import _seed_offices
from saas.directory.demo import seed_directory
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
