"""Bad input in the URL itself never answers 500: every GET route of the URL map, with huge ids, NUL and
hostile strings in its path segments and out-of-range pages, years and dates in its query string, as every
role (anonymous, an office's admin, staff and read-only member, an association analyst, the operator).
Runs on SQLite and, with TEST_DATABASE_URL, on PostgreSQL with RLS live."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy import select

from saas.core.demo import DEMO_PASSWORD
from tenants.models import Tenant
from tenants.scoping import cross_tenant
from tests.security.routes import app_rules, fill, route_values, samples_of

HUGE_IDS = [0, 99999, 2**31, 2**63, 2**64 + 1, 10**30]
BAD_SEGMENTS = ["x\x00y", "\x00", "%", "ä" * 300, "..", "1e309"]
BAD_QUERIES = [
    # page numbers beyond any range
    "page=99999999999999999999&seite=99999999999999999999",
    "page=-99999999999999999999&seite=0",
    # years out of range in exports and reports
    "year=0&jahr=0",
    "year=99999&jahr=99999",
    # dates at the ends of the calendar in week, month and door-sign views (and every other date filter)
    "datum=9999-12-31&monat=9999-12&von=9999-12-31&bis=9999-12-31&woche=9999-12-31",
    "datum=0001-01-01&monat=0001-01&von=0001-01-01&bis=0001-01-01&woche=0001-01-01",
    "raum=99999999999999999999&gruppe=99999999999999999999&person=99999999999999999999&site=99999999999999999999",
    "year=%00&datum=%00&page=%00",
]
ROLES = [None, "admin.dortmund", "staff.dortmund", "readonly.dortmund", "analyst.paritaet-nrw", "operator"]


@pytest.mark.slow
def test_no_url_answers_500_for_any_role(app, db, make_client, demo_seed):
    """Does any GET route answer a server error to a huge id, a NUL or hostile path segment, or an
    out-of-range page, year or date — for any role?"""
    demo_seed()
    with cross_tenant("test: offices"):
        dortmund = db.session.scalar(select(Tenant).where(Tenant.slug == "dortmund"))
    samples = samples_of(dortmund.id)
    rules = app_rules(app, method="GET")
    assert len(rules) > 60
    urls: list[str] = []
    for rule in rules:
        filled = fill(rule, "dortmund", samples)
        if filled is None:
            continue
        good = filled[0]
        urls.extend(_variants_simple(rule, good, samples))
    failures: list[tuple[str | None, str, int]] = []
    for role in ROLES:
        client = make_client()
        if role:
            response = client.post_form("/login", {"email": f"{role}@demo.lotse.de", "password": DEMO_PASSWORD})
            assert response.status_code == 302, role
        for url in urls:
            try:  # the test app propagates exceptions: an exception is what would have been a 500
                status: int | str = client.get(url).status_code
            except Exception as exc:
                status = f"{type(exc).__name__}: {str(exc)[:80]}"
            if not isinstance(status, int) or status >= 500:
                failures.append((role, url, status))
            db.session.rollback()
    if failures and os.environ.get("LOTSE_FUZZ_REPORT"):
        Path(os.environ["LOTSE_FUZZ_REPORT"]).write_text("\n".join(map(repr, failures)))
    assert not failures, f"{len(failures)} crashes, e.g. {failures[:10]}"


def _variants_simple(rule, good: str, samples) -> list[str]:  # type: ignore[no-untyped-def]
    urls = [f"{good}?{query}" for query in BAD_QUERIES]
    marker = "98765432123456789"
    for name in rule.arguments:
        kind = type(rule._converters[name]).__name__
        if kind == "AnyConverter":
            continue
        values = [str(v) for v in HUGE_IDS] if kind == "IntegerConverter" else BAD_SEGMENTS
        try:
            built = rule.build({**route_values(rule, "dortmund", samples)[0], name: marker}, append_unknown=False)[1]
        except Exception:
            continue
        urls.extend(built.replace(marker, quote(value, safe="")) for value in values)
    return urls


def test_query_bounds_answer_400_and_leave_ordinary_values_alone(client, world):
    """Is a date or year beyond 1900–2199 or a page number beyond 2^31 a clear 400, while a search for
    "1-2" or a normal month still works?"""
    client.login(world.dortmund_staff)
    rooms = "/dortmund/intern/raeume/"
    assert client.get(rooms + "?datum=9999-12-31").status_code == 400
    assert client.get(rooms + "?monat=0001-01").status_code == 400
    assert client.get("/dortmund/intern/kontakte/export.csv?year=99999").status_code == 400
    assert client.get("/dortmund/intern/kontakte/?page=99999999999999999999").status_code == 400
    assert client.get("/dortmund/intern/gruppen/?q=1-2").status_code == 200
    assert client.get(rooms + "?monat=2026-03").status_code == 200
    assert client.get("/dortmund/intern/gruppen/99999999999999999999").status_code == 404
    assert client.get("/dortmund%00/").status_code in (400, 404)
