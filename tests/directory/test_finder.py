"""The finder: filters (page and API), result cards, nothing-found help, demand, regional finder."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import inspect, select

from saas.core import timeutil
from saas.directory.models import GroupInterest, SearchMiss
from saas.extensions import db
from tenants.models import AssociationMember
from tenants.scoping import tenant_context
from tests.directory.helpers import grief_groups, make_group, make_topic
from tests.legal.helpers import complete_impressum


def _opt_in(tenant, on: bool = True, *, live: bool = True) -> None:  # type: ignore[no-untyped-def]
    """The office takes part in its association's regional finder (and, unless ``live=False``, has a
    complete Impressum: only live offices are listed in public)."""
    if live:
        complete_impressum(tenant)
    with tenant_context(tenant.id):
        member = db.session.scalar(select(AssociationMember))
        member.regional_finder = on
        db.session.commit()


@pytest.fixture
def finder_world(world):  # type: ignore[no-untyped-def]
    grief_groups(world.dortmund)
    return world


def api_names(client, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    response = client.get(f"/api/v1/tenants/dortmund/groups?{query}")
    assert response.status_code == 200, response.get_data(as_text=True)
    return sorted(item["name"] for item in response.get_json()["items"])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=Trauer&time=evening", ["Trauer am Abend", "Trauer online"]),
        ("q=Trauer&time=day", ["Trauer am Vormittag"]),
        ("q=Trauer&weekday=2", ["Trauer am Abend"]),  # ISO: Tuesday = 2 (stored 1)
        ("q=Trauer&mode=online", ["Trauer hybrid für Angehörige", "Trauer online"]),  # hybrid is online too
        ("q=Trauer&mode=hybrid", ["Trauer hybrid für Angehörige"]),
        ("q=Trauer&for_relatives=1", ["Trauer hybrid für Angehörige"]),
        ("q=Trauer&young=1", ["Trauer online"]),
        ("q=Trauer&language=tr", ["Trauer online"]),
        ("q=Trauer&step_free=1", ["Trauer am Abend"]),
        ("q=Trauer&time=evening&step_free=1", ["Trauer am Abend"]),
        # a word of the query that names a filter value acts as that filter
        ("q=Trauer+abends", ["Trauer am Abend", "Trauer online"]),
        ("q=Trauer+tagsüber", ["Trauer am Vormittag"]),
        ("q=online+Trauer", ["Trauer hybrid für Angehörige", "Trauer online"]),
        ("q=Trauer+dienstags", ["Trauer am Abend"]),
        ("q=Trauer+abends&time=day", ["Trauer am Vormittag"]),  # the form's choice wins over the word
    ],
)
def test_api_filters(client, finder_world, query: str, expected: list[str]) -> None:
    """Does each filter of the public API narrow the results as CONTRACTS.md describes?"""
    assert api_names(client, query) == expected


@pytest.mark.parametrize(
    "query", ["weekday=0", "weekday=8", "time=night", "mode=boat", "young=yes", "language=xx", "site=abc"]
)
def test_api_rejects_bad_filters(client, finder_world, query: str) -> None:
    """Is a bad filter value a clear 400, never a 500 or a silently ignored filter?"""
    assert client.get(f"/api/v1/tenants/dortmund/groups?{query}").status_code == 400


def test_openapi_lists_every_filter(client) -> None:
    """Does /api/v1/openapi.json describe every filter parameter of the groups route?"""
    doc = client.get("/api/v1/openapi.json").get_json()
    params = {p["name"] for p in doc["paths"]["/api/v1/tenants/{slug}/groups"]["get"]["parameters"]}
    assert {"site", "weekday", "time", "mode", "for_relatives", "young", "language", "step_free"} <= params


def test_group_in_an_accessible_office_room_is_step_free(client, finder_world) -> None:
    """Does a group that books a wheelchair-accessible room of the office count as step-free?"""
    from saas.rooms.models import Booking, Room

    d = finder_world.dortmund
    group = make_group(d, "Trauer im Raum 1", ["Trauer"], rhythm="weekly", weekday=0, time_start=dt.time(18, 0))
    with tenant_context(d.id):
        from tenants.models import Site

        site = db.session.scalar(select(Site)) or Site(name="Dortmund")
        db.session.add(site)
        db.session.flush()
        room = Room(site_id=site.id, name="Raum 1", wheelchair_accessible=True)
        db.session.add(room)
        db.session.flush()
        db.session.add(
            Booking(
                room_id=room.id,
                group_id=group.id,
                start_date=timeutil.today(),
                start_time=dt.time(18, 0),
                end_time=dt.time(20, 0),
            )
        )
        db.session.commit()
    assert "Trauer im Raum 1" in api_names(client, "q=Trauer&step_free=1")
    html = client.get("/dortmund/gruppen?q=Trauer+im+Raum").get_data(as_text=True)
    assert "stufenlos erreichbar" in html


def test_web_page_filters_and_cards(client, finder_world) -> None:
    """Do the page's filters work as plain GET parameters, and do cards show rhythm, mode and access?"""
    html = client.get("/dortmund/gruppen?q=Trauer&time=evening&step_free=1").get_data(as_text=True)
    results = html.split('id="results-h"')[1]
    assert "Trauer am Abend" in results and "Trauer am Vormittag" not in results
    assert "jeden Dienstag" in results and "vor Ort" in results and "stufenlos erreichbar" in results
    assert "1 Gruppe gefunden" in results
    assert "step_free=1" in html or "Filter" in html


def test_a_filter_word_in_the_query_shows_as_the_filter(client, finder_world) -> None:
    """Does "Trauer abends" search "Trauer" among evening groups, with "abends" chosen in the time filter?"""
    html = client.get("/dortmund/gruppen?q=Trauer+abends").get_data(as_text=True)
    results = html.split('id="results-h"')[1]
    assert "Trauer am Abend" in results and "Trauer am Vormittag" not in results
    assert 'value="evening" selected' in html


def test_nothing_found_offers_interest_office_and_nakos_without_cookie(client, finder_world) -> None:
    """Does an empty result offer the founding interest list, the office's phone and NAKOS — with no cookie?"""
    response = client.get("/dortmund/gruppen?q=Mukoviszidose")
    html = response.get_data(as_text=True)
    assert "Keine passende Gruppe gefunden" in html
    assert "/dortmund/gruppen/mitmachen?thema=Mukoviszidose" in html
    assert "nakos.de/adressen/blau" in html
    # Whoever typed what they go through and found nothing may be in a crisis: the nationwide lines, as links.
    assert 'href="tel:+49-800-1110111"' in html and 'href="tel:112"' in html
    assert "Set-Cookie" not in response.headers


def test_zero_result_terms_are_counted_without_tracking(client, finder_world) -> None:
    """Are searches without result counted per term only, and shown to staff from three searches on?"""
    assert set(c.key for c in inspect(SearchMiss).columns) == {"id", "tenant_id", "term", "count", "last_on"}
    for _ in range(2):
        client.get("/dortmund/gruppen?q=Mukoviszidose")
    client.get("/dortmund/gruppen?q=Stalking")
    client.get("/dortmund/gruppen?q=Trauer")  # found something: not counted
    client.login(finder_world.dortmund_staff.email)
    page = client.get("/dortmund/intern/nachfrage").get_data(as_text=True)
    assert "mukoviszidose" not in page  # twice: not yet shown
    client.logout()
    client.get("/dortmund/gruppen?q=Mukoviszidose")  # a cached page counts too
    client.login(finder_world.dortmund_staff.email)
    page = client.get("/dortmund/intern/nachfrage").get_data(as_text=True)
    assert "mukoviszidose" in page and "stalking" not in page
    with tenant_context(finder_world.dortmund.id):
        counts = {m.term: m.count for m in db.session.scalars(select(SearchMiss))}
    assert counts == {"mukoviszidose": 3, "stalking": 1}


def test_founding_interest_is_recorded_and_shown_as_demand(client, finder_world) -> None:
    """Can a person leave interest with e-mail or phone and consent, and do staff see it as demand?"""
    page = client.get("/dortmund/gruppen/mitmachen?thema=Mukoviszidose").get_data(as_text=True)
    assert 'value="Mukoviszidose"' in page
    missing = client.post_form("/dortmund/gruppen/mitmachen", {"topic": "Mukoviszidose", "consent": "y"})
    assert missing.status_code == 400  # neither e-mail nor phone
    no_consent = client.post_form("/dortmund/gruppen/mitmachen", {"topic": "Mukoviszidose", "phone": "0231 1"})
    assert no_consent.status_code == 400
    ok = client.post_form(
        "/dortmund/gruppen/mitmachen", {"topic": "Mukoviszidose", "name": "M.", "phone": "0231 1", "consent": "y"}
    )
    assert ok.status_code == 303
    with tenant_context(finder_world.dortmund.id):
        interest = db.session.scalar(select(GroupInterest))
        assert (interest.topic, interest.phone) == ("Mukoviszidose", "0231 1")
        assert "einverstanden" in interest.consent_text
    client.login(finder_world.dortmund_staff.email)
    page = client.get("/dortmund/intern/nachfrage").get_data(as_text=True)
    assert "Mukoviszidose" in page and "0231 1" in page and "wartet auf einen Gründungsprozess" in page


def test_regional_finder_shows_only_offices_that_opted_in(client, finder_world) -> None:
    """Does /verband/<slug>/gruppen search only the offices that opted in, grouped by office?"""
    w = finder_world
    make_topic(w.hamm, "Trauer", area="social")
    make_group(w.hamm, "Trauercafé Hamm", ["Trauer"])
    _opt_in(w.dortmund)
    html = client.get("/verband/paritaet-nrw/gruppen?q=Trauer").get_data(as_text=True)
    assert "Trauer am Abend" in html and "Trauercafé Hamm" not in html
    _opt_in(w.hamm)
    html = client.get("/verband/paritaet-nrw/gruppen?q=Trauer").get_data(as_text=True)
    assert "Trauercafé Hamm" in html
    assert html.index(w.dortmund.name) < html.index("Trauer am Abend") < html.index(w.hamm.name)
    assert client.get("/verband/unbekannt/gruppen").status_code == 404


def test_regional_finder_gives_each_office_its_phone_and_e_mail(client, finder_world) -> None:
    """The regional finder sends people to an office to be referred; an office known only by e-mail
    (no telephone) showed no way to reach it there. Is each office's telephone a tel: link and its
    e-mail a mailto: link, beside its results and in the list of offices?"""
    from saas.extensions import db

    w = finder_world
    w.dortmund.phone, w.dortmund.email = "0231 / 52 90 97", "kontakt@dortmund.example"
    w.hamm.phone, w.hamm.email = "", "kontakt@hamm.example"
    db.session.commit()
    _opt_in(w.dortmund)
    _opt_in(w.hamm)
    html = client.get("/verband/paritaet-nrw/gruppen?q=Trauer").get_data(as_text=True)
    results, offices = html.split('id="offices-h"')
    for part in (results, offices):
        assert '<a href="tel:+49-231-529097">0231 / 52 90 97</a>' in part
        assert 'href="mailto:kontakt@dortmund.example"' in part
        assert 'href="mailto:kontakt@hamm.example"' in part


def test_regional_finder_never_reveals_a_protected_groups_contact(client, world) -> None:
    """Does a protected group of another office appear only by name, sending people to its own office?"""
    from tests.directory.helpers import protected_group

    group = protected_group(world.hamm)
    _opt_in(world.hamm)
    _opt_in(world.dortmund)
    html = client.get("/verband/paritaet-nrw/gruppen?q=Sucht").get_data(as_text=True)
    assert "Geschützte Gruppe Sucht" in html
    for leak in ("Petra Verborgen", "0231 999888", "petra@example.org", "Geheimweg", "19.30"):
        assert leak not in html, leak
    assert f"/hamm/gruppen/{group.id}" in html  # its own office's page (inquiry through the office)
    assert "Kontakt über die Kontaktstelle" in html
    api = client.get("/api/v1/tenants/hamm/groups?q=Sucht").get_data(as_text=True)
    assert "Petra" not in api


def test_staff_search_neighbouring_offices(client, finder_world) -> None:
    """Can Dortmund's staff search Hamm's public groups (Hamm opted in) to refer across the border?"""
    w = finder_world
    make_topic(w.hamm, "Trauer", area="social")
    make_group(w.hamm, "Trauercafé Hamm", ["Trauer"])
    client.login(w.dortmund_staff.email)
    assert "Trauercafé Hamm" not in client.get("/dortmund/intern/gruppen/nachbarn?q=Trauer").get_data(as_text=True)
    _opt_in(w.hamm)
    html = client.get("/dortmund/intern/gruppen/nachbarn?q=Trauer").get_data(as_text=True)
    assert "Trauercafé Hamm" in html and "Trauer am Abend" not in html  # not the own office


def test_office_admin_opts_in_on_the_associations_page(client, world) -> None:
    """Can the office admin switch the regional finder on and off per association?"""
    client.login(world.dortmund_admin.email)
    page = client.get("/dortmund/intern/verbaende").get_data(as_text=True)
    assert "Regionaler Wegweiser" in page
    url = f"/dortmund/intern/verbaende/{world.association.id}/wegweiser"
    assert client.post_form(url, {f"r{world.association.id}-regional_finder": "y"}).status_code == 302
    with tenant_context(world.dortmund.id):
        assert db.session.scalar(select(AssociationMember.regional_finder)) is True
    assert client.post_form(url, {}).status_code == 302
    with tenant_context(world.dortmund.id):
        assert db.session.scalar(select(AssociationMember.regional_finder)) is False


def test_home_page_has_a_search_box(client, world) -> None:
    """Does the office's home page offer the Wegweiser search?"""
    html = client.get("/dortmund/").get_data(as_text=True)
    assert 'action="/dortmund/gruppen"' in html and 'name="q"' in html


def test_regional_finder_lists_only_live_offices(client, finder_world) -> None:
    """Is an office that opted in but whose Impressum is incomplete (not live) left out of the regional
    finder, its groups and its name, until the Impressum is complete?"""
    w = finder_world
    make_topic(w.hamm, "Trauer", area="social")
    make_group(w.hamm, "Trauercafé Hamm", ["Trauer"])
    _opt_in(w.dortmund)
    _opt_in(w.hamm, live=False)
    html = client.get("/verband/paritaet-nrw/gruppen?q=Trauer").get_data(as_text=True)
    assert "Trauer am Abend" in html
    assert "Trauercafé Hamm" not in html and w.hamm.name not in html
    complete_impressum(w.hamm)
    html = client.get("/verband/paritaet-nrw/gruppen?q=Trauer").get_data(as_text=True)
    assert "Trauercafé Hamm" in html


def test_embed_page_has_the_same_filters_and_cards(client, finder_world) -> None:
    """Does the embeddable search offer the Wegweiser's filters as plain GET parameters and show the same
    cards (rhythm, mode, step-free), and the empty-result path, opening links in a new tab?"""
    html = client.get("/dortmund/gruppen/einbetten?q=Trauer&time=evening&step_free=1").get_data(as_text=True)
    for name in ("weekday", "time", "mode", "language", "for_relatives", "young", "step_free", "topic_area"):
        assert f'name="{name}"' in html, name
    results = html.split('id="results-h"')[1]
    assert "Trauer am Abend" in results and "Trauer am Vormittag" not in results
    assert "jeden Dienstag" in results and "vor Ort" in results and "stufenlos erreichbar" in results
    assert 'target="_blank"' in results
    assert "step_free=1" in html or "1 Gruppe gefunden" in html
    empty = client.get("/dortmund/gruppen/einbetten?q=Mukoviszidose")
    text = empty.get_data(as_text=True)
    assert "Keine passende Gruppe gefunden" in text and "nakos.de/adressen/blau" in text
    assert "/dortmund/gruppen/mitmachen?thema=Mukoviszidose" in text
    assert "Set-Cookie" not in empty.headers


def test_nothing_found_points_to_the_neighbouring_offices(client, finder_world) -> None:
    """Does the empty-result path link the regional finder of the office's association (with the query)
    once the office takes part in it, and not before?"""
    html = client.get("/dortmund/gruppen?q=Mukoviszidose").get_data(as_text=True)
    assert "/verband/paritaet-nrw/gruppen" not in html
    _opt_in(finder_world.dortmund)
    html = client.get("/dortmund/gruppen?q=Mukoviszidose").get_data(as_text=True)
    assert "/verband/paritaet-nrw/gruppen?q=Mukoviszidose" in html
    assert "In den Nachbarorten suchen." in html
