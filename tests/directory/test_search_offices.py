"""A search across offices finds and ranks each office's groups exactly as that office's own search does
(issue #14 point 4, regional finder): whatever selection of offices is searched, one ranking semantics.

The realistic directory of ``bench/search_quality_data.py`` is dealt out over seven offices, so that one
office has a group with a word in its name where another has it only in a description, one office knows a
word that another would have to correct, and so on: the decisions ``rank`` makes per office ("the nearest
reading some group has in its name or topics", "descriptions only after name and topic matches", typo
corrections against the vocabulary) must be the office's own, never those of the whole selection."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from saas.directory.search import search_by_office, search_ids
from saas.extensions import db
from tenants.scoping import cross_tenant, tenant_context
from tests import factories

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from search_quality import populate
from search_quality_data import GROUPS, QUERIES

OFFICES = 7  # more than five: the selection the old code searched by another path


@pytest.fixture
def split_directory(db):  # type: ignore[no-untyped-def]
    """The judged groups dealt out over seven offices by the bench's own builder (group i to office
    i mod 7), each office with the topics of its own groups and its own vocabulary."""
    offices = [factories.make_tenant(f"stelle-{k}", f"Kontaktstelle {k}").id for k in range(OFFICES)]
    populate(offices)
    with cross_tenant("test: the split directory"):
        placed = {name: tid for name, tid in db.session.execute(db.text("SELECT name, tenant_id FROM groups")).tuples()}
    db.session.remove()
    # The cases the docstring names depend on this deal: every judged group, each in its office.
    assert placed == {g[0]: offices[i % OFFICES] for i, g in enumerate(GROUPS)}
    return offices


def _own(q: str, office: int) -> list[int]:
    with tenant_context(office):
        result = search_ids(q, tenant_id=office, limit=1000)
    db.session.remove()
    return result.ids


def test_each_office_finds_across_offices_what_it_finds_alone(split_directory) -> None:
    """For every judged query: does the search over all seven offices, restricted to one office's groups,
    list exactly the groups that office's own search lists, in the same order, and does each office's
    part of the per-office search (the regional finder's) equal its own search too?"""
    offices = split_directory
    with cross_tenant("test"):
        office_of = {gid: tid for gid, tid in db.session.execute(db.text("SELECT id, tenant_id FROM groups")).tuples()}
    db.session.remove()
    differ: list[str] = []
    for q in dict.fromkeys(query for _form, query, _topics, _qualifier in QUERIES):
        own = {office: _own(q, office) for office in offices}
        with cross_tenant("test: search across offices"):
            across = search_ids(q, tenant_ids=offices, limit=1000).ids
            per_office = search_by_office(q, offices, limit=1000)
        db.session.remove()
        for office in offices:
            part = [i for i in across if office_of[i] == office]
            if part != own[office]:
                differ.append(f"{q!r} office {office}: across {part} alone {own[office]}")
            if per_office[office].ids != own[office]:
                differ.append(f"{q!r} office {office}: by office {per_office[office].ids} alone {own[office]}")
    assert not differ, "\n".join(differ)


def test_the_selection_lists_every_office_s_groups_once(split_directory) -> None:
    """Is the search across offices the union of the offices' own results (total and ids, no group twice),
    and is a page of it a slice of the whole list?"""
    offices = split_directory
    for q in ("Angst", "Sucht", "Krebs", "Eltern"):
        own = [i for office in offices for i in _own(q, office)]
        with cross_tenant("test"):
            whole = search_ids(q, tenant_ids=offices, limit=1000)
            page = search_ids(q, tenant_ids=offices, offset=3, limit=4)
            everywhere = search_ids(q, tenant_id=None, limit=1000)
        db.session.remove()
        assert own, q
        assert sorted(whole.ids) == sorted(own) and whole.total == len(own) == len(set(whole.ids))
        assert page.ids == whole.ids[3:7] and page.total == whole.total
        assert everywhere.ids == whole.ids


def test_the_regional_finder_lists_each_office_as_its_own_wegweiser(app, split_directory) -> None:
    """Does the regional finder show, per office, the groups (and total) the office's own Wegweiser search
    shows for the same words, in its order, for queries whose answers lie in descriptions, compound fronts
    and typos ("Angststörung", "Autimus", "Depresionen")?"""
    from saas.directory import finder, regional
    from saas.directory.search import public_results
    from tenants.models import Tenant

    with cross_tenant("test"):
        offices = list(db.session.scalars(db.select(Tenant).where(Tenant.id.in_(split_directory))))
    for q in ("Angststörung", "Autimus", "Depresionen", "Angst", "Sohn trinkt", "AA"):
        own = {}
        for office in split_directory:
            with tenant_context(office):
                result = public_results(q, tenant_id=office, filters=finder.Filters(), limit=regional.PER_OFFICE)
                own[office] = ([g.id for g in result.groups], result.total)
        with app.test_request_context():
            found = regional.search_offices(q, offices, finder.Filters())
        assert {r.office.id: ([h.id for h in r.hits], r.total) for r in found} == own, q
        assert any(total for _ids, total in own.values()), q
