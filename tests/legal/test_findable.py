"""Findable offices: favicon, robots.txt, sitemap.xml, canonical URL and Open Graph tags, and schema.org
JSON-LD that a real JSON-LD processor (pyld) expands against the schema.org vocabulary shipped in
``tests/data/schemaorg.jsonld`` (no internet: the ``https://schema.org`` context is served from that file)."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld

from saas.extensions import db
from tenants.scoping import tenant_context
from tests.legal.helpers import complete_impressum, parse_page

SCHEMA = "https://schema.org/"
VOCAB_FILE = Path(__file__).resolve().parents[1] / "data" / "schemaorg.jsonld"


@cache
def vocabulary() -> dict:
    return json.loads(VOCAB_FILE.read_text())


def _loader(url: str, options: dict | None = None) -> dict:
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contextUrl": None, "documentUrl": url, "document": {"@context": vocabulary()["@context"]}}
    raise AssertionError(f"the JSON-LD refers to a context other than schema.org: {url}")


def _allowed(type_name: str) -> set[str]:
    vocab, props = vocabulary(), set()
    name: str | None = type_name
    while name:
        props |= set(vocab["properties"][name])
        name = vocab["supertypes"].get(name)
    return props


def _count_terms(node: Any) -> int:
    if isinstance(node, list):
        return sum(_count_terms(n) for n in node)
    if isinstance(node, dict):
        return sum(1 + _count_terms(v) for k, v in node.items() if not k.startswith("@"))
    return 0


def _check_node(node: dict, path: str, problems: list[str]) -> None:
    types = [t.removeprefix(SCHEMA) for t in node.get("@type", [])]
    for t in types:
        if t not in vocabulary()["properties"]:
            problems.append(f"{path}: unknown type {t}")
    allowed = set().union(*(_allowed(t) for t in types if t in vocabulary()["properties"])) if types else set()
    for key, values in node.items():
        if key.startswith("@"):
            continue
        prop = key.removeprefix(SCHEMA)
        if types and prop not in allowed:
            problems.append(f"{path}: {'/'.join(types)} has no property {prop}")
        for value in values:
            if "@value" in value and isinstance(value["@value"], str) and value["@value"].startswith(SCHEMA):
                member = value["@value"].removeprefix(SCHEMA)
                if not any(member in m for m in vocabulary()["enumerations"].values()):
                    problems.append(f"{path}.{prop}: unknown enumeration member {member}")
            elif "@value" not in value:
                _check_node(value, f"{path}.{prop}", problems)


def validate(document: dict) -> list[dict]:
    """Expand with pyld; fail if a term was dropped (not schema.org), a type is unknown, a property is not
    one of its type's (or supertypes'), or an enumeration IRI is not a schema.org member."""
    expanded = jsonld.expand(document, {"documentLoader": _loader})
    assert _count_terms(expanded) == _count_terms(document), "terms that are not schema.org were dropped"
    problems: list[str] = []
    for node in expanded:
        _check_node(node, "", problems)
    assert not problems, problems
    return expanded


def blocks(client, url: str) -> list[dict]:  # type: ignore[no-untyped-def]
    response = client.get(url)
    assert response.status_code == 200, url
    return [json.loads(b) for b in parse_page(response.get_data(as_text=True)).blocks]


def test_office_is_an_organization_with_its_office_hours(client, world):
    (office,) = blocks(client, "/dortmund/")
    expanded = validate(office)[0]
    assert expanded["@type"] == [f"{SCHEMA}Organization"]
    assert expanded[f"{SCHEMA}name"][0]["@value"] == "Selbsthilfe-Kontaktstelle Dortmund"
    (contact,) = expanded[f"{SCHEMA}contactPoint"]
    hours = contact[f"{SCHEMA}hoursAvailable"]
    days = sorted(h[f"{SCHEMA}dayOfWeek"][0]["@value"].removeprefix(SCHEMA) for h in hours)
    assert days == ["Friday", "Monday", "Monday", "Thursday", "Wednesday", "Wednesday"]
    assert {h[f"{SCHEMA}opens"][0]["@value"] for h in hours} == {"09:00", "14:00"}


def test_events_are_events(client, world):
    from tests.events.helpers import make_event

    event = make_event(world.dortmund, title="Gesamttreffen 2026")
    (from_list,) = blocks(client, "/dortmund/veranstaltungen")
    (from_page,) = blocks(client, f"/dortmund/veranstaltungen/{event.id}")
    assert from_list == from_page
    expanded = validate(from_page)[0]
    assert expanded["@type"] == [f"{SCHEMA}Event"]
    start = dt.datetime.fromisoformat(expanded[f"{SCHEMA}startDate"][0]["@value"])
    assert start.tzinfo is not None and start.date() == event.start_date
    assert expanded[f"{SCHEMA}eventStatus"][0]["@value"] == f"{SCHEMA}EventScheduled"


@pytest.mark.parametrize("visibility", ["public", "protected"])
def test_groups_are_organizations_with_a_meeting_place_only_when_public(client, world, visibility):
    from tests.directory.helpers import make_group

    group = make_group(world.dortmund, "Angst und Panik", ["Angst"], visibility=visibility)
    with tenant_context(world.dortmund.id):
        from saas.directory.models import Group

        db.session.get(Group, group.id).place = "Raum 2, Ostenhellweg 42-48"
        db.session.commit()
    (data,) = blocks(client, f"/dortmund/gruppen/{group.id}")
    expanded = validate(data)[0]
    assert expanded["@type"] == [f"{SCHEMA}Organization"]
    assert [t["@value"] for t in expanded[f"{SCHEMA}knowsAbout"]] == ["Angst"]
    if visibility == "public":
        assert expanded[f"{SCHEMA}location"][0][f"{SCHEMA}name"][0]["@value"] == "Raum 2, Ostenhellweg 42-48"
    else:
        assert f"{SCHEMA}location" not in expanded
        assert "Raum 2" not in json.dumps(data)


def test_the_validator_catches_what_is_not_schema_org():
    """Does the check fail on a made-up property and on a property of the wrong type?"""
    with pytest.raises(AssertionError):
        validate({"@context": "https://schema.org", "@type": "Organization", "meetingRoom": "x"})
    with pytest.raises(AssertionError):
        validate({"@context": "https://schema.org", "@type": "Organization", "startDate": "2026-01-01"})


def test_favicon_and_app_icon(client, world):
    favicon = client.get("/favicon.ico")
    assert favicon.status_code == 200 and favicon.data[:4] == b"\x00\x00\x01\x00"  # ICO header
    manifest = client.get("/manifest.webmanifest").get_json()
    for icon in manifest["icons"]:
        assert client.get(icon["src"]).status_code == 200


def test_canonical_url_and_open_graph_tags(client, world):
    meta = parse_page(client.get("/dortmund/gruppen?q=angst").get_data(as_text=True)).meta
    assert meta["link:canonical"] == "http://lotse.test/dortmund/gruppen"
    assert meta["og:url"] == "http://lotse.test/dortmund/gruppen"
    assert meta["og:site_name"] == "Selbsthilfe-Kontaktstelle Dortmund"
    assert meta["og:title"].strip() and meta["og:locale"] == "de_DE"


def test_robots_and_sitemap_name_only_live_offices(client, world):
    complete_impressum(world.dortmund)
    robots = client.get("/robots.txt").get_data(as_text=True)
    assert "Sitemap: http://lotse.test/dortmund/sitemap.xml" in robots
    assert "hamm/sitemap.xml" not in robots and "Disallow: /hamm/" in robots
    assert "Disallow: /*/intern/" in robots
    assert "Disallow: /hamm/" in client.get("/hamm/robots.txt").get_data(as_text=True)
    from tests.directory.helpers import make_group

    group = make_group(world.dortmund, "Trauer", ["Trauer"])
    root = ET.fromstring(client.get("/dortmund/sitemap.xml").data)
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = [u.findtext(f"{ns}loc") for u in root.findall(f"{ns}url")]
    for path in ("/dortmund/", "/dortmund/impressum", "/dortmund/datenschutz", f"/dortmund/gruppen/{group.id}"):
        assert f"http://lotse.test{path}" in locs
    assert not [loc for loc in locs if "/intern/" in loc or "/hamm/" in loc]


@pytest.mark.slow  # seeds all four demo offices
def test_json_ld_of_every_demo_office_is_schema_org(client, db, demo_seed):
    """With the demo data of all four offices (rooms, online events, protected groups): does every JSON-LD
    block on the home page, the events page and the group pages expand cleanly?"""
    import re

    demo_seed()
    for slug in ("dortmund", "hamm", "kreis-unna", "dithmarschen"):
        checked = 0
        for data in blocks(client, f"/{slug}/") + blocks(client, f"/{slug}/veranstaltungen"):
            validate(data)
            checked += 1
        search = client.get(f"/{slug}/gruppen").get_data(as_text=True)
        for group_id in sorted(set(re.findall(rf'href="/{slug}/gruppen/(\d+)"', search)))[:5]:
            for data in blocks(client, f"/{slug}/gruppen/{group_id}"):
                validate(data)
                checked += 1
        assert checked >= 2, slug


@pytest.mark.slow  # seeds all four demo offices
def test_every_demo_office_home_tells_a_citizen_how_to_reach_it(client, db, demo_seed):
    """Hamm's demo home page said "Kontakt: Hamm" and "Sprechzeiten nach Vereinbarung" with no telephone and
    no e-mail: an appointment nobody could make. Does every demo office's home page link a way to reach it?"""
    import re

    demo_seed()
    for slug in ("dortmund", "hamm", "kreis-unna", "dithmarschen"):
        page = client.get(f"/{slug}/").get_data(as_text=True)
        contact = re.search(r"<address>(.*?)</address>", page, re.S)
        assert contact is not None, slug
        assert re.search(r'href="(tel|mailto):[^"]+"', contact.group(1)), (slug, contact.group(1))
    # and each of Kreis Unna's three sites its own number, to call with a tap on a phone
    page = client.get("/kreis-unna/").get_data(as_text=True)
    assert all(f'href="tel:{n}"' in page for n in ("+49-2303-272829", "+49-2306-100610", "+49-2304-2407022"))
