"""Funding: the group enters its streams, the office sets deadlines and sees the year; reminders go 4 weeks
and 1 week before each deadline on the office's local day, also across a DST change, and only once."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from saas.core import timeutil
from saas.extensions import db
from saas.grouparea import funding
from tenants.scoping import tenant_context
from tests.grouparea.helpers import ADDRESS, huckarde, sign_in
from workers.grouparea import funding_reminders


def _granted_gkv(tenant, group, *, proof_due: dt.date, year: int = 2026):  # type: ignore[no-untyped-def]
    with tenant_context(tenant.id):
        funding.set_deadline(year=year, stream="gkv_pauschal", kind="proof", due_on=proof_due)
        funding.save_funding(
            group.id,
            {"year": year, "stream": "gkv_pauschal", "status": "granted", "amount_applied": Decimal("950"),
             "amount_granted": Decimal("800"), "proof_submitted": False},
        )  # fmt: skip
        db.session.commit()


def test_the_group_enters_its_gkv_application_and_the_office_sees_the_year(world, client, make_client, outbox):
    """Does a GKV application entered by the group show in the office's year overview with sums and the
    missing proof?"""
    huckarde(world.dortmund)
    sign_in(client, outbox)
    year = timeutil.today().year
    answer = client.post_form(
        "/dortmund/gruppenbereich/foerderung",
        {
            "year": year,
            "stream": "gkv_pauschal",
            "status": "granted",
            "amount_applied": "950,00",
            "amount_granted": "800",
        },
    )  # fmt: skip  (the German decimal comma)
    assert answer.status_code == 303
    staff = make_client()
    staff.login(world.dortmund_staff)
    staff.post_form(
        f"/dortmund/intern/foerderung/fristen?jahr={year}",
        {"stream": "gkv_pauschal", "kind": "proof", "due_on": f"{year + 1}-03-31"},
    )
    page = staff.get(f"/dortmund/intern/foerderung/?jahr={year}").get_data(as_text=True)
    assert "Depression – Gesprächskreis Huckarde" in page
    assert "800,00 €" in page and "950,00 €" in page
    assert "31.03." in page
    # the group sees the office's deadline
    assert f"31.03.{year + 1}" in client.get("/dortmund/gruppenbereich/foerderung").get_data(as_text=True)


def test_reminders_four_weeks_and_one_week_before_once_each(world, outbox):
    """Do reminders go exactly 28 and 7 days before the proof deadline, once each, and none once the proof
    is in?"""
    group = huckarde(world.dortmund)
    _granted_gkv(world.dortmund, group, proof_due=dt.date(2026, 11, 20))
    for day in range(1, 31):
        funding_reminders(now_iso=f"2026-10-{day:02d}T06:10:00+00:00")
        funding_reminders(now_iso=f"2026-10-{day:02d}T06:10:00+00:00")  # a second run sends nothing
    for day in range(1, 21):
        funding_reminders(now_iso=f"2026-11-{day:02d}T06:10:00+00:00")
    mails = outbox.to(ADDRESS)
    assert len(mails) == 2
    assert all("Verwendungsnachweis" in str(m["Subject"]) for m in mails)
    assert "in 28 Tagen" in outbox.text(mails[0]) and "in 7 Tagen" in outbox.text(mails[1])


def test_english_reminders_for_a_group_that_chose_english(world, client, outbox):
    """Does a group that chose English mails get the reminder in English?"""
    group = huckarde(world.dortmund)
    sign_in(client, outbox)
    client.post_form("/dortmund/gruppenbereich/sprache", {"locale": "en"})
    _granted_gkv(world.dortmund, group, proof_due=dt.date(2026, 11, 20))
    funding_reminders(now_iso="2026-11-13T06:10:00+00:00")
    reminder = [m for m in outbox.to(ADDRESS) if "Reminder" in str(m["Subject"])]
    assert reminder and "proof of spending" in outbox.text(reminder[0])


def test_the_local_day_counts_on_both_sides_of_the_dst_changes(world, outbox):
    """At 00:10 office time on the day the clocks change (UTC still shows the day before), does the 7-day
    reminder go out that local day — in autumn and in spring?"""
    group = huckarde(world.dortmund)
    _granted_gkv(world.dortmund, group, proof_due=dt.date(2026, 11, 1))  # 7 days before: 25 Oct, clocks go back
    funding_reminders(now_iso="2026-10-24T22:10:00+00:00")  # 25 Oct 00:10 CEST
    assert len(outbox.to(ADDRESS)) == 1
    funding_reminders(now_iso="2026-10-25T23:10:00+00:00")  # 26 Oct 00:10 CET: nothing more
    assert len(outbox.to(ADDRESS)) == 1
    _granted_gkv(world.dortmund, group, proof_due=dt.date(2027, 4, 4), year=2027)  # 28 Mar 2027: clocks go forward
    funding_reminders(now_iso="2027-03-27T23:10:00+00:00")  # 28 Mar 00:10 CET
    assert len(outbox.to(ADDRESS)) == 2


def test_amounts_are_typed_the_german_way_and_paid_is_kept(world, db, client, outbox):
    """Are the amount boxes text boxes (a number box refuses "1.500,00" in the browser), is "1.500,00" read
    as 1500, and is the amount paid stored, never above the amount granted?"""
    import re

    from sqlalchemy import select

    from saas.grouparea.models import GroupFunding

    group = huckarde(world.dortmund)
    sign_in(client, outbox)
    page = client.get("/dortmund/gruppenbereich/foerderung").get_data(as_text=True)
    for name in ("amount_applied", "amount_granted", "amount_paid"):
        tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', page).group(0)
        assert 'type="text"' in tag and 'inputmode="decimal"' in tag, tag
    year = timeutil.today().year
    form = {"year": year, "stream": "project", "status": "granted", "amount_applied": "1.500,00",
            "amount_granted": "1.200", "amount_paid": "1.300,00"}  # fmt: skip
    refused = client.post_form("/dortmund/gruppenbereich/foerderung", form)
    assert refused.status_code == 400 and "nicht mehr sein als bewilligt" in refused.get_data(as_text=True)
    with tenant_context(world.dortmund.id):
        assert db.session.scalar(select(GroupFunding.id).where(GroupFunding.group_id == group.id)) is None
    assert client.post_form("/dortmund/gruppenbereich/foerderung", form | {"amount_paid": "600"}).status_code == 303
    with tenant_context(world.dortmund.id):
        row = db.session.scalar(select(GroupFunding).where(GroupFunding.group_id == group.id))
        assert (row.amount_applied, row.amount_granted, row.amount_paid) == (Decimal(1500), Decimal(1200), Decimal(600))


def test_a_proof_not_yet_due_is_not_missing_but_one_past_its_deadline_is(world, client):
    """Does the office's overview count a granted funding's proof as missing only once its deadline has passed
    (the card and the list), not while the deadline still lies ahead?"""
    group = huckarde(world.dortmund)
    today = timeutil.today()
    _granted_gkv(world.dortmund, group, proof_due=today + dt.timedelta(days=30), year=today.year)
    client.login(world.dortmund_staff)

    def missing() -> tuple[int, str]:
        with tenant_context(world.dortmund.id):
            count = len(funding.year_overview(today.year).missing_proofs)
        page = client.get(f"/dortmund/intern/foerderung/?jahr={today.year}").get_data(as_text=True)
        section = page.split("<h2>Fehlende Verwendungsnachweise</h2>", 2)[2].split("<h2>", 1)[0]
        return count, section

    count, section = missing()
    assert count == 0 and "Keine." in section and "Huckarde" not in section
    with tenant_context(world.dortmund.id):
        funding.set_deadline(year=today.year, stream="gkv_pauschal", kind="proof", due_on=today - dt.timedelta(days=1))
        db.session.commit()
    count, section = missing()
    assert count == 1 and "Depression – Gesprächskreis Huckarde" in section


def test_the_group_sees_only_deadlines_still_ahead(world, client, outbox):
    """Does the group's funding page list the office's deadlines from today on, and no past one as if open?"""
    huckarde(world.dortmund)
    today = timeutil.today()
    past, ahead = today - dt.timedelta(days=10), today + dt.timedelta(days=20)
    with tenant_context(world.dortmund.id):
        funding.set_deadline(year=past.year, stream="gkv_pauschal", kind="application", due_on=past)
        funding.set_deadline(year=ahead.year, stream="municipal", kind="application", due_on=ahead)
        db.session.commit()
    sign_in(client, outbox)
    page = client.get("/dortmund/gruppenbereich/foerderung").get_data(as_text=True)
    assert ahead.strftime("%d.%m.%Y") in page
    assert past.strftime("%d.%m.%Y") not in page


def test_the_office_sees_past_deadlines_marked_and_the_open_ones_first(world, client, monkeypatch):
    """Does the staff page "Fristen {year}" mark a deadline as past once the office's day (Europe/Berlin) is
    after it, list the open deadlines first (the next on top) and the past ones after them?"""
    from zoneinfo import ZoneInfo

    from saas.core import timeutil

    with tenant_context(world.dortmund.id):
        funding.set_deadline(year=2026, stream="gkv_pauschal", kind="application", due_on=dt.date(2026, 3, 31))
        funding.set_deadline(year=2026, stream="municipal", kind="application", due_on=dt.date(2026, 2, 15))
        funding.set_deadline(year=2026, stream="municipal", kind="proof", due_on=dt.date(2026, 10, 15))
        funding.set_deadline(year=2026, stream="gkv_pauschal", kind="proof", due_on=dt.date(2027, 3, 31))
        db.session.commit()
    # 31 March 2026, 22:30 UTC is already 1 April in Dortmund: the application deadline of 31 March has passed.
    moment = dt.datetime(2026, 3, 31, 22, 30, tzinfo=dt.UTC).astimezone(ZoneInfo("Europe/Berlin"))
    monkeypatch.setattr(timeutil, "local_now", lambda tz=None: moment.astimezone(timeutil.zone(tz)))
    client.login(world.dortmund_staff)
    page = client.get("/dortmund/intern/foerderung/?jahr=2026").get_data(as_text=True)
    section = page.split("<h2>Fristen 2026</h2>", 1)[1].split("</ul>", 1)[0]
    items = section.split("<li")[1:]
    order = [next(d for d in ("15.10.2026", "31.03.2027", "31.03.2026", "15.02.2026") if d in item) for item in items]
    assert order == ["15.10.2026", "31.03.2027", "31.03.2026", "15.02.2026"]
    past = ["abgelaufen" in item for item in items]
    assert past == [False, False, True, True]


def test_the_demo_group_sees_next_years_application_deadlines_in_december(world, client, outbox):
    """Seeded on 1 December, does the demo give the group next year's application deadlines ahead (not only a
    proof deadline, with every application deadline of the year already past)?"""
    from saas.grouparea.demo import seed_huckarde

    december = dt.date(2026, 12, 1)
    assert seed_huckarde(world.dortmund, december)
    db.session.commit()
    with tenant_context(world.dortmund.id):
        ahead = [(d.stream, d.kind, d.due_on) for d in funding.upcoming_deadlines(december)]
    assert ("gkv_pauschal", "application", dt.date(2027, 3, 31)) in ahead
    assert ("municipal", "application", dt.date(2027, 10, 15)) in ahead
    assert not seed_huckarde(world.dortmund, december)  # idempotent
