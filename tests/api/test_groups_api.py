"""The public directory API (CONTRACTS.md *Public directory API*) and its OpenAPI document."""

from __future__ import annotations

import datetime as dt
import json

from tests.directory.helpers import make_group, make_topic, protected_group

LEAKS = ["Petra Verborgen", "0231 999888", "petra@example.org", "Geheimweg", "19:30"]


def test_contract_shape_and_search(client, world) -> None:
    """Does GET /api/v1/tenants/<slug>/groups answer the contract's shape, searched like the Wegweiser?"""
    make_topic(world.dortmund, "Angsterkrankungen", "Angst, Panik")
    make_group(
        world.dortmund,
        "Selbsthilfe bei Angst",
        ["Angsterkrankungen"],
        topic_area="mental_health",
        contacts=[{"name": "Olga Offen", "email": "olga@example.org", "public_consent": True}],
        rhythm="weekly",
        weekday=0,
        time_start=dt.time(18, 0),
        place="Raum 2",
    )
    make_group(world.dortmund, "Trocken leben", ["Sucht"], topic_area="addiction")
    response = client.get("/api/v1/tenants/dortmund/groups?q=panik")
    assert response.status_code == 200 and response.headers["Access-Control-Allow-Origin"] == "*"
    body = response.get_json()
    assert set(body) >= {"items", "total", "page", "per_page"} and body["total"] == 1 and body["page"] == 1
    item = body["items"][0]
    assert {"id", "name", "topics", "topic_area", "protected", "status", "url"} <= set(item)
    assert item["name"] == "Selbsthilfe bei Angst" and item["topics"] == ["Angsterkrankungen"]
    assert item["protected"] is False and item["url"] == f"http://lotse.test/dortmund/gruppen/{item['id']}"
    assert item["meeting"]["place"] == "Raum 2" and item["contacts"][0]["name"] == "Olga Offen"
    areas = client.get("/api/v1/tenants/dortmund/groups?topic_area=addiction").get_json()
    assert [i["name"] for i in areas["items"]] == ["Trocken leben"]


def test_protected_group_has_no_contact_data_or_meeting_place(client, world) -> None:
    """Does a protected group appear without contact data, place or time (list and single)?"""
    group = protected_group(world.dortmund)
    for url in ("/api/v1/tenants/dortmund/groups", f"/api/v1/tenants/dortmund/groups/{group.id}"):
        raw = client.get(url).get_data(as_text=True)
        assert "Geschützte Gruppe Sucht" in json.loads(raw).__repr__()
        for leak in LEAKS:
            assert leak not in raw, (url, leak)
    item = client.get(f"/api/v1/tenants/dortmund/groups/{group.id}").get_json()
    assert item["protected"] is True and "contacts" not in item and "meeting" not in item


def test_unknown_tenant_foreign_or_inactive_group_and_bad_params(client, world) -> None:
    """Unknown office → 404 (JSON); another office's group → 404; bad parameters → 400."""
    foreign = make_group(world.hamm, "Hammer Gruppe")
    assert client.get("/api/v1/tenants/nowhere/groups").status_code == 404
    assert client.get("/api/v1/tenants/nowhere/groups").get_json()["error"]
    assert client.get(f"/api/v1/tenants/dortmund/groups/{foreign.id}").status_code == 404
    assert client.get("/api/v1/tenants/dortmund/groups?page=0").status_code == 400
    assert client.get("/api/v1/tenants/dortmund/groups?topic_area=x").status_code == 400
    assert client.get("/api/v1/tenants/dortmund/groups?q=" + "a" * 500).status_code == 400
    assert client.post("/api/v1/tenants/dortmund/groups").status_code == 405
    assert client.options("/api/v1/tenants/dortmund/groups").status_code == 204


def test_paging(client, world) -> None:
    """Does paging give per_page items per page and the rest on the next?"""
    for i in range(23):
        make_group(world.dortmund, f"Gruppe {i:02d}")
    first = client.get("/api/v1/tenants/dortmund/groups").get_json()
    second = client.get("/api/v1/tenants/dortmund/groups?page=2").get_json()
    assert first["total"] == 23 and len(first["items"]) == first["per_page"] == 20 and len(second["items"]) == 3


def test_openapi_describes_every_api_route(app, client) -> None:
    """Does /api/v1/openapi.json describe every route under /api/?"""
    doc = client.get("/api/v1/openapi.json").get_json()
    assert doc["openapi"].startswith("3.")
    documented = set(doc["paths"])
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/"):
            path = rule.rule.replace("<slug>", "{slug}").replace("<int:group_id>", "{group_id}")
            assert path in documented, rule.rule
    json.dumps(doc)
