"""CSV/XLSX formula injection: no export hands a spreadsheet a cell it would run as a formula."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

from openpyxl import load_workbook
from sqlalchemy import select

from saas.core.csvio import FORMULA_START, neutralise, unneutralise, write_csv
from saas.extensions import db
from saas.newsletter.models import Subscriber
from tenants.scoping import tenant_context
from tests.association.conftest import add_contacts, three_offices  # noqa: F401 - fixture
from tests.directory.helpers import make_group
from tests.events.helpers import make_event, register
from tests.newsletter.helpers import add_subscribers
from workers import association as worker

EVIL = '=HYPERLINK("http://evil.example","x")'
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def _dangerous(cell: object) -> bool:
    return isinstance(cell, str) and cell.startswith(FORMULA_START) and not _NUMBER.fullmatch(cell)


def _export_rules(app) -> set[str]:  # type: ignore[no-untyped-def]
    return {r.rule for r in app.url_map.iter_rules() if "GET" in r.methods and r.rule.endswith((".csv", ".xlsx"))}


def _seed(world) -> int:  # type: ignore[no-untyped-def]
    """Text from visitors and staff that starts like a formula, in every field an export writes."""
    make_group(
        world.dortmund,
        EVIL,
        description="+1+cmd|' /C calc'!A0",
        meets_note="@SUM(A1:A9)",
        contacts=[{"name": "-2+3", "phone": "=1+1", "email": ""}],
    )
    [address] = add_subscribers(world.dortmund, 1)
    with tenant_context(world.dortmund.id):
        db.session.scalar(select(Subscriber).where(Subscriber.email == address)).name = EVIL
        db.session.commit()
    event = make_event(world.dortmund)
    register(world.dortmund, event.id, prefix="=cmd")
    add_contacts(
        world.dortmund.id,
        [
            {
                "day": dt.date(2023, 3, 1),
                "kind": "citizen",
                "channel": "phone",
                "topic_area": "social",
                "concern": "other",
                "topic_label": "@SUM(1)",
            }
        ],
    )
    world.dortmund.name = "=Dortmund"  # the office name is a cell of the association export
    db.session.commit()
    return event.id


def _cells(response) -> list[object]:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.status_code
    if response.mimetype.endswith("sheet") or response.data[:2] == b"PK":
        book = load_workbook(io.BytesIO(response.data))
        return [cell for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for cell in row]
    text = response.get_data(as_text=True)
    return [cell for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))) for cell in row]


def test_every_export_route_neutralises_formula_cells(app, client, make_client, three_offices):  # noqa: F811
    """Do all CSV and XLSX exports (every such route in the URL map) write text that starts with = + - @ as text?"""
    world = three_offices
    event_id = _seed(world)
    worker.run(trigger="test")
    urls = {
        "/<slug>/intern/gruppen/export.csv": "/dortmund/intern/gruppen/export.csv",
        "/<slug>/intern/newsletter/abonnenten/export.csv": "/dortmund/intern/newsletter/abonnenten/export.csv",
        "/<slug>/intern/veranstaltungen/<int:event_id>/teilnehmende.csv": (
            f"/dortmund/intern/veranstaltungen/{event_id}/teilnehmende.csv"
        ),
        "/<slug>/intern/kontakte/export.csv": "/dortmund/intern/kontakte/export.csv",
        "/<slug>/intern/jahresbericht/<int:year>.csv": "/dortmund/intern/jahresbericht/2023.csv",
        "/<slug>/intern/jahresbericht/<int:year>/nakos.xlsx": "/dortmund/intern/jahresbericht/2023/nakos.xlsx",
        "/verband/<assoc_slug>/export.csv": "/verband/paritaet-nrw/export.csv?jahr=2023",
        "/verband/<assoc_slug>/export.xlsx": "/verband/paritaet-nrw/export.xlsx?jahr=2023",
        "/verband/<assoc_slug>/nakos/<int:year>.xlsx": "/verband/paritaet-nrw/nakos/2023.xlsx",
    }
    assert _export_rules(app) == set(urls), "a new export route: add it here"
    client.login(world.dortmund_admin)
    analyst = make_client()
    analyst.login(world.analyst)
    seen = 0
    for rule, url in urls.items():
        who = analyst if rule.startswith("/verband") else client
        cells = _cells(who.get(url))
        bad = [cell for cell in cells if _dangerous(cell)]
        assert not bad, (url, bad)
        seen += sum(1 for cell in cells if isinstance(cell, str) and cell.startswith("'="))
    assert seen >= 4  # the seeded values did arrive, as text


def test_writer_keeps_numbers_and_round_trips_through_the_importers():
    """Are signed numbers left as numbers, and does the importers' inverse give the typed text back?"""
    assert neutralise("-4.7") == "-4.7" and neutralise(-3) == -3
    for value in (EVIL, "+49 231 1234", "@x", "\tTab", "-1+1"):
        assert neutralise(value) == "'" + value and unneutralise(str(neutralise(value))) == value
    assert write_csv(["a"], [["=1"]]) == "a\n'=1\n"
