"""The association's figures are true and safe: demo offices, known counts, and the audit of every download."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

from sqlalchemy import select

from saas.association import aggregation, publish, queries, report
from saas.association.audit import audit_downloads
from saas.association.models import AssociationReport
from saas.contacts.demo import OFFICES, seed_office
from saas.extensions import db
from tenants.scoping import tenant_context
from tests.association.conftest import add_contacts, random_contacts, share


def _annual(app, slug: str, year: int) -> dict:
    result = app.test_cli_runner().invoke(
        args=["report", "annual", "--tenant", slug, "--year", str(year), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_demo_paritaet_publishes_dortmund_and_hamm_as_their_own_annual_reports(world, app, client):
    """The demo's Paritätische NRW, last complete year: Dortmund's and Hamm's totals (and kinds, channels)
    equal their own annual reports; Dortmund's 0 relatives is 0 and its 495 professionals are 495."""
    for tenant in (world.dortmund, world.hamm):
        seed_office(tenant, OFFICES[tenant.slug])
        db.session.commit()
        share(tenant, world.association, ["contacts"])
    aggregation.run(trigger="test")
    client.login(world.analyst)
    html = client.get("/verband/paritaet-nrw/").get_data(as_text=True)
    year = 2024  # the demo's last complete year with data
    assert f'<option value="{year}" selected>' in html
    assert "2021" not in html.split('id="jahr"', 1)[1].split("</select>", 1)[0]  # years with data only
    payload = json.loads(client.get(f"/verband/paritaet-nrw/bericht.json?jahr={year}").get_data(as_text=True))
    offices = {o["tenant"]: o["contacts"] for o in payload["offices"]}
    for slug in ("dortmund", "hamm"):
        own = _annual(app, slug, year)["contacts"]
        assert offices[slug]["total"] == own["total"] > 0
        for section in ("by_kind", "by_channel"):
            for key, value in offices[slug][section].items():
                assert value == own[section][key] or value in ("<5", "."), (slug, section, key)
    assert offices["dortmund"]["by_kind"]["relative"] == 0
    assert offices["dortmund"]["by_kind"]["professional"] == 502
    total = payload["total"]["contacts"]["total"]
    assert total == offices["dortmund"]["total"] + offices["hamm"]["total"]
    assert payload["legend"]["."].startswith("geheim gehalten")
    signs = [v for o in payload["offices"] for v in o["contacts"]["by_kind"].values() if isinstance(v, str)]
    assert len(signs) <= 2  # a handful at most
    # 2023 as in Dortmund's published report
    payload = json.loads(client.get("/verband/paritaet-nrw/bericht.json?jahr=2023").get_data(as_text=True))
    dortmund = next(o["contacts"] for o in payload["offices"] if o["tenant"] == "dortmund")
    assert dortmund["total"] == 2214 and dortmund["by_kind"]["professional"] == 495


def _raw_months(tenant_id: int, year: int) -> dict[int, Counter]:
    from saas.contacts.models import Contact

    out: dict[int, Counter] = {m: Counter() for m in range(1, 13)}
    with tenant_context(tenant_id):
        for c in db.session.scalars(select(Contact)):
            if c.day.year != year:
                continue
            counts = out[c.day.month]
            counts[("total", "")] += 1
            counts[("kind", c.kind)] += 1
            counts[("channel", c.channel)] += 1
            if c.channel == "written":  # written contacts by medium, none recorded: "unknown"
                counts[("medium", c.medium or "unknown")] += 1
            counts[("concern", c.concern)] += 1
            counts[("kind_area", f"{c.kind}:{c.topic_area}")] += 1
            counts[("referrals", "to_groups")] += c.referrals_to_groups
            counts[("referrals", "to_professionals")] += c.referrals_to_professionals
    return out


def test_known_counts_every_download_of_a_year_is_true_and_passes_the_audit(three_offices, monkeypatch):
    """Offices with known contacts (Unna small, Hamm withdrawing consent for contacts): every number of the
    year and of its year-to-date reports equals the raw rows, every "<5" is a count 1…4, every "." is not
    small, and the audit over all of them together finds no small count that can be worked out."""
    from saas.core import timeutil

    monkeypatch.setattr(timeutil, "today", lambda: dt.date(2024, 11, 15))
    world = three_offices
    share(world.hamm, world.association, ["groups"])  # withdraws contacts
    add_contacts(world.unna.id, random_contacts(9, 6, (2023,)))
    aggregation.run(trigger="test")
    members = publish.members_of(world.association.id)
    row = db.session.scalar(
        select(AssociationReport).where(
            AssociationReport.association_id == world.association.id, AssociationReport.year == 2023
        )
    )
    downloads = {report.YEAR: row.payload}
    for end, payload in row.periods["ytd"].items():
        downloads[("C", int(end))] = payload
    assert set(downloads) == {report.YEAR, ("C", 3), ("C", 6), ("C", 9)}
    # the truth: contacts from the raw rows, the other families from the offices' own report sections
    facts = publish.load_facts(members, 2023)
    months: dict[int, dict] = {m: {} for m in range(1, 13)}
    for m in members:
        if "contacts" in m.families:
            raw = _raw_months(m.office_id, 2023)
            facts[m.office_id]["contacts"] = sum(raw.values(), Counter())
            for month, counts in raw.items():
                months[month][m.office_id] = {"contacts": counts}
    findings = audit_downloads(downloads, members, facts, months, report.QUARTER_ENDS, 5)
    system, _ = report.build_system(members, facts, months, report.QUARTER_ENDS)
    _tables, result = report.publish_tables(members, facts, 5, months, report.QUARTER_ENDS)
    assert {f.cell for f in findings} <= result.unprotected, [str(f) for f in findings]
    assert not [f for f in findings if f.kind not in ("primary", "implicit")]  # numbers and signs are true
    published = [v for p in downloads.values() for o in p["offices"] for v in (o.get("contacts") or {}).values()]
    assert published  # the check above looked at real cells
    hamm = next(o for o in row.payload["offices"] if o["tenant"] == "hamm")
    assert "contacts" not in hamm and "groups" in hamm
    assert system.values  # the audit's equations were built


def test_year_to_date_ends_with_the_last_complete_quarter(three_offices, client, monkeypatch):
    """On 15 November the year to date is 1 January to 30 September, the same for every day of the quarter."""
    from saas.core import timeutil

    monkeypatch.setattr(timeutil, "today", lambda: dt.date(2023, 11, 15))
    aggregation.run(trigger="test")
    client.login(three_offices.analyst)
    payload = json.loads(
        client.get("/verband/paritaet-nrw/bericht.json?jahr=2023&zeitraum=bisher").get_data(as_text=True)
    )
    assert payload["period"] == {"from": "2023-01-01", "to": "2023-09-30"}
    assert queries.period_month(dt.date(2023, 12, 31)) == 9 and queries.period_month(dt.date(2024, 2, 1)) == 12
    html = client.get("/verband/paritaet-nrw/?jahr=2023&zeitraum=bisher").get_data(as_text=True)
    assert "1. Januar bis 30. September" in html
    # The choice on the whole-year page names the same end (it once said the last complete month).
    html = client.get("/verband/paritaet-nrw/?jahr=2022").get_data(as_text=True)
    choice = html.split('value="bisher"', 1)[1].split("</option>", 1)[0]
    assert "1. Januar bis 30. September" in choice and "Oktober" not in choice


def test_the_year_to_date_without_a_year_opens_on_the_running_year(three_offices, client, monkeypatch):
    """Chosen "bisher" without a year, the dashboard (and its downloads) open on the running year's year to
    date (1 January to the end of the last complete quarter), not on last year's same months; in January to
    March, when the year to date is the whole of last year, on last year. Without "bisher": the last complete
    year, as before."""
    from saas.core import timeutil

    monkeypatch.setattr(timeutil, "today", lambda: dt.date(2023, 12, 1))
    aggregation.run(trigger="test")
    client.login(three_offices.analyst)
    html = client.get("/verband/paritaet-nrw/?zeitraum=bisher").get_data(as_text=True)
    assert '<option value="2023" selected>' in html
    assert "<h2>Kontakte insgesamt 2023, 1. Januar bis 30. September" in html
    payload = json.loads(client.get("/verband/paritaet-nrw/bericht.json?zeitraum=bisher").get_data(as_text=True))
    assert payload["year"] == 2023 and payload["period"] == {"from": "2023-01-01", "to": "2023-09-30"}
    assert '<option value="2022" selected>' in client.get("/verband/paritaet-nrw/").get_data(as_text=True)

    monkeypatch.setattr(timeutil, "today", lambda: dt.date(2024, 2, 1))  # the year to date is all of 2023
    html = client.get("/verband/paritaet-nrw/?zeitraum=bisher").get_data(as_text=True)
    assert '<option value="2023" selected>' in html
