"""The release calendar: a table, once released, is frozen; late entries appear in the next table released.

An analyst who downloads a quarter's table before and after a contact is back-dated into that quarter
must not learn that contact by subtracting the two versions: there is one version only. The later tables
are suppressed together with the released ones held fixed, and the audit covers every version an
analyst could have downloaded.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select

from saas.association import aggregation, publish, queries, report
from saas.association.models import AssociationRelease, AssociationReport
from saas.extensions import db
from tenants.scoping import tenant_context
from tests.association.conftest import add_contacts, random_contacts, raw_counts, share

LATE = {"kind": "relative", "channel": "in_person", "topic_area": "addiction", "concern": "information"}


def _ytd(client, year: int) -> bytes:
    return client.get(f"/verband/paritaet-nrw/bericht.json?jahr={year}&zeitraum=bisher").get_data()


def _q1(year: int = 2024) -> dict:
    db.session.expire_all()
    row = db.session.scalar(select(AssociationReport).where(AssociationReport.year == year))
    return row.periods["ytd"]["3"]


def _releases() -> dict[tuple[int, dt.date], dt.datetime]:
    db.session.expire_all()
    return {(r.year, r.period_end): r.created_at for r in db.session.scalars(select(AssociationRelease))}


def test_released_tables_are_frozen_and_late_contacts_appear_in_the_next_release(three_offices, client, monkeypatch):
    from saas.contacts.models import Contact
    from saas.core import timeutil

    w = three_offices
    clock = [dt.date(2024, 4, 20)]
    monkeypatch.setattr(timeutil, "today", lambda: clock[0])
    offices = (w.dortmund, w.hamm, w.unna)
    year_2024 = {
        t.id: [
            c for c in random_contacts(10 + i, (220, 90, 40)[i], (2024,)) if t is not w.unna or c["kind"] != "relative"
        ]
        for i, t in enumerate(offices)
    }

    def enter_until(day: dt.date, after: dt.date = dt.date(2023, 12, 31)) -> None:
        for tenant_id, specs in year_2024.items():
            add_contacts(tenant_id, [c for c in specs if after < c["day"] <= day])

    client.login(w.analyst)
    # 20 April: Q1 ended 20 days ago (settled for 14): released
    enter_until(dt.date(2024, 3, 31))
    aggregation.run(trigger="test")
    assert _releases().keys() >= {(2024, dt.date(2024, 3, 31))}
    assert (2024, dt.date(2024, 6, 30)) not in _releases()
    served = _ytd(client, 2024)
    stored_q1 = json.dumps(_q1())  # what the API serves for Q1 (plus the legend), once later tables exist
    assert json.loads(served)["period"] == {"from": "2024-01-01", "to": "2024-03-31"}
    assert json.loads(served)["released"] == "2024-04-20"
    html = client.get("/verband/paritaet-nrw/?jahr=2024&zeitraum=bisher").get_data(as_text=True)
    assert "Veröffentlicht am 20. April 2024" in html and "1. Januar bis 30. Juni 2024, am 14. Juli 2024" in html

    # Contacts back-dated into Q1, small counts (2 in Unna, 1 in Hamm), and new ones of April: the nightly
    # run counts them, rebuilds nothing, and the Q1 table is served byte for byte as before.
    releases, rows = _releases(), {r.year: r.computed_at for r in db.session.scalars(select(AssociationReport))}
    add_contacts(w.unna.id, [dict(LATE, day=dt.date(2024, 2, 10))] * 2)
    add_contacts(w.hamm.id, [dict(LATE, day=dt.date(2024, 3, 5))])
    enter_until(dt.date(2024, 4, 21), after=dt.date(2024, 3, 31))
    clock[0] = dt.date(2024, 4, 21)
    run = aggregation.run(trigger="test")
    assert run.status == "done" and run.periods >= 2  # counted
    db.session.expire_all()
    assert _releases() == releases
    assert {r.year: r.computed_at for r in db.session.scalars(select(AssociationReport))} == rows
    assert _ytd(client, 2024) == served  # (a) byte-identical

    # 20 July: the half year is released, suppressed together with Q1 held fixed; the late contacts are in
    # it (its step from Q1 is taken against Q1 as released).
    enter_until(dt.date(2024, 7, 20), after=dt.date(2024, 4, 21))
    clock[0] = dt.date(2024, 7, 20)
    aggregation.run(trigger="test")
    assert (2024, dt.date(2024, 6, 30)) in _releases()
    assert json.dumps(_q1()) == stored_q1
    audited(w, 2024, protected=[(("T", 6), w.unna.id, "contacts", "by_kind.relative")])  # (b)
    half = json.loads(_ytd(client, 2024))
    assert half["period"]["to"] == "2024-06-30"
    truth = publish.load_releases(w.association.id, [2024])[2024][("C", 6)].truth["contacts"]
    unna = next(o for o in half["offices"] if o["tenant"] == w.unna.slug)["contacts"]
    assert truth[w.unna.id]["total"] == _raw_until(w.unna.id, dt.date(2024, 6, 30))[("total", "")]
    assert truth[w.unna.id]["by_kind.relative"] == 2  # Unna's only relatives: the late ones
    assert unna["total"] in (truth[w.unna.id]["total"], ".") and unna["by_kind"]["relative"] in ("<5", ".")

    # Deletions: the two late contacts in Unna go again. Unna has no other relatives, so the step from the
    # half year to Q3 is below 0 for them; Q3 is released safely all the same.
    with tenant_context(w.unna.id):
        for c in db.session.scalars(select(Contact).where(Contact.kind == "relative")).all():
            db.session.delete(c)
        db.session.commit()
    enter_until(dt.date(2024, 10, 20), after=dt.date(2024, 7, 20))
    clock[0] = dt.date(2024, 10, 20)
    aggregation.run(trigger="test")
    members = publish.members_of(w.association.id)
    stored = publish.load_releases(w.association.id, [2024])[2024]
    system, _ = report.build_system(members, None, {}, [3, 6, 9], {t: r.truth for t, r in stored.items()})
    assert system.values[(("T", 9), w.unna.id, "contacts", "by_kind.relative")] == -2
    audited(w, 2024, protected=[(("T", 9), w.unna.id, "contacts", "by_kind.relative")])
    assert json.dumps(_q1()) == stored_q1

    # 20 January: the year is released; it counts the whole year as it stands, late entries and
    # deletions included, and passes the audit with all of the year's tables.
    enter_until(dt.date(2024, 12, 31), after=dt.date(2024, 10, 20))
    clock[0] = dt.date(2025, 1, 20)
    aggregation.run(trigger="test")
    audited(w, 2024, protected=[(("T", "rest"), w.unna.id, "contacts", "by_kind.relative")])
    year = client.get("/verband/paritaet-nrw/bericht.json?jahr=2024").get_data(as_text=True)
    compared = 0
    for office in json.loads(year)["offices"]:
        tenant = next(t for t in offices if t.slug == office["tenant"])
        truth = report._contact_cells(raw_counts(tenant.id, 2024))
        cells = audit_cells(office["contacts"])
        for name, value in cells.items():
            if isinstance(value, int):
                assert value == truth[name], (tenant.slug, name)
                compared += 1
            else:
                assert (value == report.marker(5)) == (0 < truth[name] < 5), (tenant.slug, name)
    assert compared > 30  # (c) every published number of the year is the raw count, late contacts included
    hamm = next(o for o in json.loads(year)["offices"] if o["tenant"] == w.hamm.slug)
    assert hamm["contacts"]["total"] == len([c for c in year_2024[w.hamm.id]]) + 1  # + the late one
    assert json.dumps(_q1()) == stored_q1

    # Withdrawn consent beats freezing: Hamm's contacts leave every released table of the association.
    share(w.hamm, w.association, ["groups"])
    clock[0] = dt.date(2025, 1, 21)
    aggregation.run(trigger="test")
    for payload in (_q1(), json.loads(client.get("/verband/paritaet-nrw/bericht.json?jahr=2024").get_data())):
        hamm = next(o for o in payload["offices"] if o["tenant"] == w.hamm.slug)
        assert "contacts" not in hamm
    audited(w, 2024, protected=[])


def audited(w, year: int, protected: list[tuple]) -> None:
    """The audit of every table of the year an analyst can download (one version each): no number or sign
    is false, and a small count it narrows down is one the suppression reported it could not protect at a
    release (tiny quarters of tiny offices; the same without freezing) — never one of ``protected``."""
    found = publish.audit_year(w.association, year)
    releases = publish.load_releases(w.association.id, [year])[year]
    allowed = {publish.cell_of(c) for r in releases.values() for c in r.unprotected}
    assert not [f for f in found if f.kind not in ("primary", "implicit", "implicit-negative")], found
    assert {f.cell for f in found} <= allowed, [str(f) for f in found if f.cell not in allowed]
    assert not [f for f in found if f.cell in protected], found
    for cell in protected:
        assert cell not in allowed


def audit_cells(section: dict) -> dict:
    """The contact cells of one office section, by cell name."""
    from saas.association.audit import _value

    return {name: _value(section, name) for name in report._contact_cells(report.Counter())}


def _raw_until(tenant_id: int, last: dt.date):
    from collections import Counter

    from saas.contacts.models import Contact

    counts: Counter = Counter()
    with tenant_context(tenant_id):
        for c in db.session.scalars(select(Contact)):
            if dt.date(last.year, 1, 1) <= c.day <= last:
                counts[("total", "")] += 1
    return counts


def test_a_contact_of_a_period_not_yet_released_rebuilds_nothing_until_its_release_day(three_offices, monkeypatch):
    """Between a quarter's end and its release day the quarter's contacts settle: runs rebuild nothing,
    and the table released on its day holds them all."""
    from saas.core import timeutil

    w = three_offices
    clock = [dt.date(2024, 7, 5)]
    monkeypatch.setattr(timeutil, "today", lambda: clock[0])
    add_contacts(w.dortmund.id, random_contacts(30, 60, (2024,)))
    aggregation.run(trigger="test")
    before = _releases()
    assert (2024, dt.date(2024, 6, 30)) not in before  # 5 July: Q2 still settling
    add_contacts(w.dortmund.id, [dict(LATE, day=dt.date(2024, 6, 28))] * 7)
    clock[0] = dt.date(2024, 7, 13)
    aggregation.run(trigger="test")
    assert _releases() == before
    clock[0] = dt.date(2024, 7, 14)
    aggregation.run(trigger="test")
    half = next(r for r in db.session.scalars(select(AssociationRelease)) if r.period_end == dt.date(2024, 6, 30))
    assert half.released_on == dt.date(2024, 7, 14)
    dortmund = half.truth["contacts"][str(w.dortmund.id)]
    assert dortmund["total"] == _raw_until(w.dortmund.id, dt.date(2024, 6, 30))[("total", "")]


def _downloads(client, year: int) -> list[tuple]:
    """What an analyst can download of ``year``: the year's JSON and each year-to-date table (the API
    serves each of them on its days, as stored with the year)."""
    payload = json.loads(client.get(f"/verband/paritaet-nrw/bericht.json?jahr={year}").get_data())
    payload.pop("legend")
    db.session.expire_all()
    row = db.session.scalar(select(AssociationReport).where(AssociationReport.year == year))
    return [(report.YEAR, payload), *((("C", int(m)), p) for m, p in row.periods["ytd"].items())]


def test_an_analyst_who_kept_the_old_download_learns_nothing_when_an_office_withdraws(
    three_offices, client, monkeypatch
):
    """Hamm stops sharing its contacts after 2023 was released. The analyst kept every 2023 download and
    downloads again: the released tables are not released anew, Hamm's rows are gone, the association
    totals are the same numbers, and the audit over both downloads together finds every small count
    protected. Releasing the year anew without Hamm (what the calendar did before) would have let the
    analyst subtract the totals and read Hamm's small cells: the same audit finds them."""
    from saas.association.audit import audit_downloads
    from saas.core import timeutil

    w = three_offices
    clock = [dt.date(2024, 1, 20)]
    monkeypatch.setattr(timeutil, "today", lambda: clock[0])
    networking = dict(LATE, concern="networking", day=dt.date(2023, 11, 3))
    for tenant, n in ((w.dortmund, 30), (w.hamm, 2), (w.unna, 3)):  # Hamm's and Unna's: small counts
        add_contacts(tenant.id, [networking] * n)
    client.login(w.analyst)
    aggregation.run(trigger="test")
    members_before = publish.members_of(w.association.id)
    old = _downloads(client, 2023)
    hamm_old = next(o for _t, p in old if _t == report.YEAR for o in p["offices"] if o["tenant"] == w.hamm.slug)
    small = [k for k, v in hamm_old["contacts"]["by_kind"].items() if v == "<5"] + [
        k for k, v in hamm_old["contacts"]["by_concern"].items() if v == "<5"
    ]
    assert small, "Hamm's 2023 contacts have small cells: what differencing would give away"

    share(w.hamm, w.association, ["groups"])
    clock[0] = dt.date(2024, 1, 21)
    aggregation.run(trigger="test")
    new = _downloads(client, 2023)
    for (table, before), (_same, after) in zip(old, new, strict=True):
        assert after["total"] == before["total"], table  # the totals as released
        hamm = next(o for o in after["offices"] if o["tenant"] == w.hamm.slug)
        assert "contacts" not in hamm and ("groups" in hamm) == (table == report.YEAR)
        assert after["withdrawn"]["contacts"] == 1
    page = client.get("/verband/paritaet-nrw/?jahr=2023").get_data(as_text=True)
    assert 'id="zurueckgezogen"' in page

    releases = publish.load_releases(w.association.id, [2023])[2023]
    truth = {t: r.truth for t, r in releases.items()}
    unprotected = {publish.cell_of(c) for r in releases.values() for c in r.unprotected}
    kept = audit_downloads(old, members_before, None, {}, [3, 6, 9], 5, released=truth)
    found = audit_downloads([*old, *new], members_before, None, {}, [3, 6, 9], 5, released=truth)
    assert not [f for f in found if f.cell not in unprotected], [str(f) for f in found]
    # The new download teaches nothing: what the audit finds over both is what it found over the old one
    # alone (only the small counts of tiny quarters the suppression reported it could not protect).
    assert {f.cell for f in found} == {f.cell for f in kept}
    assert {f.cell for f in publish.audit_year(w.association, 2023)} == {f.cell for f in found}

    # The old way: the year released anew without Hamm. Old and new totals subtract into Hamm's figures.
    members_now = publish.members_of(w.association.id)
    anew = publish.release_tables(w.association, 2023, members_now, clock[0], {}, {})
    year_anew = next(r.payload for r in anew if r.table == report.YEAR)
    year_old = dict(old)[report.YEAR]
    hamm_true = truth[report.YEAR]["contacts"][w.hamm.id]
    subtracted = {}
    for name in small:
        dimension = "by_kind" if name in report.KINDS else "by_concern"
        before, after = year_old["total"]["contacts"][dimension][name], year_anew["total"]["contacts"][dimension][name]
        if isinstance(before, int) and isinstance(after, int):
            subtracted[name] = before - after
    assert subtracted, "re-releasing lets the analyst subtract the totals"
    for name, value in subtracted.items():  # Hamm's hidden small counts, worked out exactly
        dimension = "by_kind" if name in report.KINDS else "by_concern"
        assert value == hamm_true[f"{dimension}.{name}"] and 0 < value < 5


def test_a_changed_threshold_applies_from_the_next_year_and_never_releases_a_table_anew(three_offices, monkeypatch):
    """The threshold goes from 5 to 10 after 2023 and 2024's first quarter were released: nothing
    released changes (byte for byte), 2024's later tables keep 5 (one meaning of "<5" in a year's
    joint suppression), and 2025's tables are released with 10."""
    from saas.core import timeutil

    w = three_offices
    clock = [dt.date(2024, 4, 20)]
    monkeypatch.setattr(timeutil, "today", lambda: clock[0])
    for i, tenant in enumerate((w.dortmund, w.hamm, w.unna)):
        add_contacts(tenant.id, random_contacts(40 + i, (200, 80, 30)[i], (2024,)))
    aggregation.run(trigger="test")

    def released() -> dict:
        db.session.expire_all()
        return {
            (r.year, r.period_end): (r.threshold, json.dumps(r.payload))
            for r in db.session.scalars(select(AssociationRelease))
        }

    before = released()
    assert {t for t, _p in before.values()} == {5} and (2024, dt.date(2024, 3, 31)) in before
    w.association.suppression_threshold = 10
    db.session.commit()
    clock[0] = dt.date(2024, 4, 21)
    aggregation.run(trigger="test")
    assert released() == before
    assert queries.get_report(w.association, 2023)["threshold"] == 5

    clock[0] = dt.date(2025, 4, 20)
    for i, tenant in enumerate((w.dortmund, w.hamm, w.unna)):
        add_contacts(tenant.id, random_contacts(50 + i, (60, 30, 10)[i], (2025,)))
    aggregation.run(trigger="test")
    after = released()
    assert {k: v for k, v in after.items() if k in before} == before
    assert {k[1]: v[0] for k, v in after.items() if k[0] == 2024} == {
        dt.date(2024, 3, 31): 5,
        dt.date(2024, 6, 30): 5,
        dt.date(2024, 9, 30): 5,
        dt.date(2024, 12, 31): 5,
    }
    assert after[(2025, dt.date(2025, 3, 31))][0] == 10
    q1 = json.loads(after[(2025, dt.date(2025, 3, 31))][1])
    from saas.association.audit import published_cells

    counts = published_cells(q1, ("C", 3), publish.members_of(w.association.id)).values()
    assert "<5" not in counts and q1["threshold"] == 10  # (a change against 2024 may carry 2024's "<5")


def test_the_year_to_date_note_is_true_inside_and_outside_the_settling_days(three_offices, client, monkeypatch):
    """The year-to-date view says which period it shows and why: the last one released. In the 14 days
    after a quarter ends that is the quarter before, and the page says when the new one comes."""
    from saas.core import timeutil

    w = three_offices
    clock = [dt.date(2024, 5, 10)]
    monkeypatch.setattr(timeutil, "today", lambda: clock[0])
    add_contacts(w.dortmund.id, random_contacts(60, 120, (2024,)))
    client.login(w.analyst)

    def note(day: dt.date) -> str:
        clock[0] = day
        aggregation.run(trigger="test")
        page = client.get("/verband/paritaet-nrw/?zeitraum=bisher").get_data(as_text=True)
        start = page.index('id="zeitraum-hinweis"')
        return page[start : page.index("</p>", start)]

    middle = note(dt.date(2024, 5, 10))  # in the middle of Q2: Q1 is the last quarter, and released
    assert "1. Januar bis 31. März" in middle and "werden erst am" not in middle
    settling = note(dt.date(2024, 7, 5))  # Q2 is over but settling: still Q1, and the day Q2 comes
    assert "1. Januar bis 31. März" in settling
    assert "Die Zahlen für 1. Januar bis 30. Juni 2024 werden erst am 14. Juli 2024 veröffentlicht" in settling
    released = note(dt.date(2024, 7, 14))  # its release day
    assert "1. Januar bis 30. Juni" in released and "werden erst am" not in released
    january = note(dt.date(2025, 1, 5))  # the year is over, its table comes on 14 January
    assert "1. Januar bis 30. September" in january
    assert "Die Zahlen für das ganze Jahr 2024 werden erst am 14. Januar 2025 veröffentlicht" in january
    for text in (middle, settling, released, january):
        assert "letzten abgeschlossenen Quartals" not in text
