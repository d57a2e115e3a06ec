"""Who may open the association pages and the consent page; what analysts see, export and download."""

from __future__ import annotations

import csv
import io
import json

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from saas.association import aggregation, queries
from saas.extensions import db
from tenants.models import AssociationMember
from tenants.scoping import tenant_context
from tests.factories import make_user


@pytest.fixture
def aggregated(three_offices):
    aggregation.run(trigger="test")
    return three_offices


def _office_get_urls(app) -> list[str]:
    """Every GET page under an office's internal area, with placeholder ids (a foreign id answers 404 too)."""
    urls = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or not rule.rule.startswith("/<slug>/intern"):
            continue
        url = rule.rule.replace("<slug>", "dortmund")
        for arg in rule.arguments - {"slug"}:
            conv = rule._converters.get(arg)
            placeholder = "1" if conv is not None and type(conv).__name__ in ("IntegerConverter",) else "x"
            url = url.replace(f"<int:{arg}>", placeholder).replace(f"<{arg}>", placeholder)
            url = url.replace(f"<string:{arg}>", placeholder)
        if "<" in url:
            continue
        urls.append(url)
    return urls


def test_analyst_gets_404_on_every_office_url(aggregated, client, app):
    """Can an association analyst open any page of a member office's internal area? (404, like a missing page)"""
    client.login(aggregated.analyst)
    urls = _office_get_urls(app)
    assert "/dortmund/intern/verbaende" in urls and len(urls) > 3
    for url in urls:
        assert client.get(url).status_code == 404, url
    assert client.post_form("/dortmund/intern/verbaende/1", {"a1-families": "contacts"}).status_code == 404


def test_consent_page_is_for_the_offices_admin_only(world, make_client):
    """Admin sees it; staff 403; another office's admin 404; anonymous to login."""
    anonymous = make_client()
    assert anonymous.get("/dortmund/intern/verbaende").status_code == 302
    staff = make_client()
    staff.login(world.dortmund_staff)
    assert staff.get("/dortmund/intern/verbaende").status_code == 403
    foreign = make_client()
    foreign.login(world.hamm_admin)
    assert foreign.get("/dortmund/intern/verbaende").status_code == 404
    assert (
        foreign.post_form(
            f"/dortmund/intern/verbaende/{world.association.id}", {f"a{world.association.id}-families": "contacts"}
        ).status_code
        == 404
    )
    admin = make_client()
    admin.login(world.dortmund_admin)
    page = admin.get("/dortmund/intern/verbaende").get_data(as_text=True)
    assert "Der Paritätische NRW" in page and "Zurzeit ist nichts freigegeben." in page


def test_admin_shares_and_withdraws_and_the_association_follows(world, client):
    """Does the admin's choice land in the consent record and — after the run it triggers — in the report?"""
    from tests.association.conftest import add_contacts, random_contacts

    add_contacts(world.dortmund.id, random_contacts(1, 80, (2023,)))
    client.login(world.dortmund_admin)
    aid = world.association.id
    response = client.post_form(f"/dortmund/intern/verbaende/{aid}", {f"a{aid}-families": ["contacts", "groups"]})
    assert response.status_code == 302
    with tenant_context(world.dortmund.id):
        member = db.session.scalar(select(AssociationMember))
        assert member.shared_families == ["contacts", "groups"]
    db.session.expire_all()
    payload = queries.get_report(world.association, 2023)
    dortmund = next(o for o in payload["offices"] if o["tenant"] == "dortmund")
    assert set(dortmund) >= {"contacts", "groups"} and "events" not in dortmund
    client.post_form(f"/dortmund/intern/verbaende/{aid}", {})  # nothing ticked: withdraw everything
    db.session.expire_all()
    # The released 2023 table is not released anew (its totals stay as published: two versions would
    # difference into Dortmund's figures); Dortmund's rows are gone and the table says why the totals remain.
    payload = queries.get_report(world.association, 2023)
    dortmund = next(o for o in payload["offices"] if o["tenant"] == "dortmund")
    assert dortmund == {"tenant": "dortmund", "name": world.dortmund.name}
    assert payload["withdrawn"] == {"contacts": 1, "groups": 1}
    client.login(world.analyst)
    page = client.get("/verband/paritaet-nrw/?jahr=2023").get_data(as_text=True)
    assert 'id="zurueckgezogen"' in page and "Kontakte: 1" in page


def test_forged_family_is_refused_and_nothing_stored(world, client):
    """A family that does not exist in the form: clear error, consent unchanged."""
    client.login(world.dortmund_admin)
    aid = world.association.id
    response = client.post_form(
        f"/dortmund/intern/verbaende/{aid}", {f"a{aid}-families": ["contacts", "names"]}, follow_redirects=True
    )
    assert "konnte nicht gespeichert werden" in response.get_data(as_text=True)
    with tenant_context(world.dortmund.id):
        assert db.session.scalar(select(AssociationMember)).shared_families == []
    no_token = client.post(f"/dortmund/intern/verbaende/{aid}", data={f"a{aid}-families": "contacts"})
    assert no_token.status_code == 400


def test_association_pages_are_for_its_analysts_only(aggregated, make_client):
    """Staff of a member office, an outsider and the analyst of another association: 404; anonymous: login."""
    from tenants import operations as tenant_ops

    other = tenant_ops.create_association("ak-sh", "AK SH")
    db.session.commit()
    other_analyst = make_user("analyst@ak-sh.test", analyst_of=other)
    anonymous = make_client()
    assert anonymous.get("/verband/paritaet-nrw/").status_code == 302
    for user in (aggregated.dortmund_admin, aggregated.outsider, other_analyst, aggregated.operator):
        c = make_client()
        c.login(user)
        for url in (
            "/verband/paritaet-nrw/",
            "/verband/paritaet-nrw/export.csv?jahr=2023",
            "/verband/paritaet-nrw/export.xlsx?jahr=2023",
            "/verband/paritaet-nrw/bericht.json?jahr=2023",
        ):
            assert c.get(url).status_code == 404, (user.email, url)
        assert c.post_form("/verband/paritaet-nrw/aktualisieren").status_code == 404
    assert make_client().get("/verband/gibt-es-nicht/").status_code == 302


def _hidden_paths(payload: dict) -> set[tuple[str, str]]:
    """(office slug, figure key) of every figure shown as the marker."""
    hidden = set()
    for office in payload["offices"]:
        for figure in queries.FIGURES:
            if queries.figure_value(office, figure) == "<5":
                hidden.add((office["tenant"], figure.key))
    return hidden


def test_analyst_never_sees_a_suppressed_value(aggregated, client):
    """HTML, CSV, XLSX and JSON: every small cell is "<5", a complement is ".", and no count from 1 to 4
    appears as a number; the CSV and XLSX explain the signs."""
    from tests.association.conftest import raw_counts

    client.login(aggregated.analyst)
    payload = json.loads(client.get("/verband/paritaet-nrw/bericht.json?jahr=2023").get_data(as_text=True))
    hidden = _hidden_paths(payload)
    assert hidden  # the fixture has small counts
    tenants = {t.slug: t for t in (aggregated.dortmund, aggregated.hamm, aggregated.unna)}
    # JSON: no number below the threshold anywhere (pct values aside, which are shares, not counts).
    for office in payload["offices"]:
        raw = raw_counts(tenants[office["tenant"]].id, 2023)
        for kind, value in office["contacts"]["by_kind"].items():
            assert value in ("<5", ".") or value == raw[("kind", kind)]
            assert value != "<5" or 0 < raw[("kind", kind)] < 5
            assert value != "." or not 0 < raw[("kind", kind)] < 5
        for section in ("by_channel", "by_concern", "referrals", "by_topic_area", "citizen_topic_area"):
            for key, value in office["contacts"][section].items():
                assert value in ("<5", ".") or value == 0 or value >= 5, (section, key)
    # CSV and XLSX: the same cells, the marker in every hidden one.
    csv_rows = list(
        csv.reader(io.StringIO(client.get("/verband/paritaet-nrw/export.csv?jahr=2023").get_data(as_text=True)))
    )
    book = load_workbook(io.BytesIO(client.get("/verband/paritaet-nrw/export.xlsx?jahr=2023").data))
    xlsx_rows = [[("" if c is None else c) for c in row] for row in book.worksheets[0].iter_rows(values_only=True)]
    header = csv_rows[0]
    legend = csv_rows[csv_rows.index([]) + 1 :]
    assert legend[0] == ["Zeichen", "Bedeutung"] and [r[0] for r in legend[1:]] == ["<5", ".", "0", "(leer)"]
    csv_rows = csv_rows[: csv_rows.index([])]
    notes = [row[0] for row in book["Hinweise"].iter_rows(values_only=True)]
    assert "<5" in notes and "." in notes
    for rows in (csv_rows, xlsx_rows):
        by_slug = {row[1]: row for row in rows[1:]}
        for slug, key in hidden:
            label = queries.FIGURE_BY_KEY[key].label
            assert str(by_slug[slug][header.index(label)]) == "<5", (slug, key)
        for row in rows[1:]:
            for cell in row[2:]:
                assert cell in ("", "<5", ".") or int(cell) == 0 or int(cell) >= 5, row
    # HTML: every figure page shows the marker in the hidden cells.
    for key in {key for _, key in hidden}:
        html = client.get(f"/verband/paritaet-nrw/?jahr=2023&kennzahl={key}").get_data(as_text=True)
        for slug, hidden_key in hidden:
            if hidden_key != key:
                continue
            name = next(o["name"] for o in payload["offices"] if o["tenant"] == slug)
            row = html.split(f'<th scope="row">{name}</th>', 1)[1].split("</tr>", 1)[0]
            assert "&lt;5" in row and all(f">{n}<" not in row for n in range(1, 5)), (slug, key)


def test_dashboard_compares_offices_with_normalised_figures(aggregated, client):
    """Side by side, per 100,000 inhabitants and per post, sortable, with the association total and "Stand"."""
    client.login(aggregated.analyst)
    html = client.get("/verband/paritaet-nrw/?jahr=2023").get_data(as_text=True)
    assert "Stand:" in html and "Verband insgesamt" in html and "<svg" in html
    payload = queries.get_report(aggregated.association, 2023)
    by_slug = {o["tenant"]: o for o in payload["offices"]}
    dortmund_total = by_slug["dortmund"]["contacts"]["total"]
    html = client.get("/verband/paritaet-nrw/?jahr=2023&bezug=einwohner").get_data(as_text=True)
    per_100k = f"{dortmund_total * 100000 / 595000:.1f}".replace(".", ",")
    assert per_100k in html
    html = client.get("/verband/paritaet-nrw/?jahr=2023&bezug=stelle&sortierung=name&richtung=auf").get_data(
        as_text=True
    )
    assert f"{dortmund_total / 4:.1f}".replace(".", ",") in html
    assert (
        html.index("K.I.S.S. Kreis Unna")
        < html.index("Selbsthilfe-Kontaktstelle Dortmund")
        < html.index("Selbsthilfe-Kontaktstelle Hamm")
    )
    for bad in ("?jahr=1999", "?kennzahl=unbekannt", "?bezug=x", "?sortierung=x"):
        assert client.get(f"/verband/paritaet-nrw/{bad}").status_code == 404


def test_sorting_puts_hidden_cells_last_without_ordering_them():
    """Sorted by value, do hidden cells keep their true order secret (all last, by name)?"""
    payload = {
        "threshold": 5,
        "offices": [
            {"tenant": "a", "name": "A", "contacts": {"total": "<5"}},
            {"tenant": "b", "name": "B", "contacts": {"total": 40}},
            {"tenant": "c", "name": "C", "contacts": {"total": "<5"}},
            {"tenant": "d", "name": "D"},
            {"tenant": "e", "name": "E", "contacts": {"total": 12}},
        ],
        "total": {"contacts": {"total": 60}},
    }
    figure = queries.FIGURE_BY_KEY["contacts.total"]
    for descending in (True, False):
        rows, total = queries.comparison(payload, None, figure, "absolut", "wert", descending)
        names = [r.name for r in rows]
        assert names[2:] == ["A", "C", "D"]
        assert names[:2] == (["B", "E"] if descending else ["E", "B"])
        assert total.value == 60


def test_aggregate_now_button_runs_the_aggregation(three_offices, client):
    """Does the analyst's button bring the figures up to date (eagerly here, through the worker in production)?"""
    client.login(three_offices.analyst)
    assert "noch keine Auswertung" in client.get("/verband/paritaet-nrw/").get_data(as_text=True)
    response = client.post_form("/verband/paritaet-nrw/aktualisieren", follow_redirects=True)
    html = response.get_data(as_text=True)
    assert "Aktualisierung ist angestoßen" in html and "Stand:" in html
    assert queries.report_years(three_offices.association.id) == [2023, 2022]
