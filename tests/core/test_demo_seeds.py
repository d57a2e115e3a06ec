"""The demo reproduces what the offices publish (shared/seeds), lives in the present, and re-seeding on a
later day extends the data to that day."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import func, select

from saas.contacts.models import Contact
from saas.core.demo import seed_all, seeding_on
from saas.directory.models import GroupStatusChange
from saas.events.models import Event
from saas.newsletter.models import Issue, IssueStatus
from saas.rooms.models import Booking
from tenants.models import Tenant
from tenants.scoping import tenant_context

TODAY = dt.date(2026, 11, 30)


def _report(app, slug: str, year: int) -> dict:
    result = app.test_cli_runner().invoke(
        args=["report", "annual", "--tenant", slug, "--year", str(year), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.output[result.output.index("{") :])


def test_every_published_figure_comes_out_of_the_annual_report(app, db):
    """Does `lotse report annual` give, for the seeded demo, every figure Dortmund (2023) and Kreis Unna
    (2024) publish — and do the years up to today have data, extended by a re-seed on a later day?"""
    with seeding_on(TODAY):
        assert seed_all() is True
    db.session.commit()

    do = _report(app, "dortmund", 2023)
    c = do["contacts"]
    assert c["total"] == 2214
    assert c["by_kind"] == {"citizen": 1078, "relative": 0, "group": 641, "professional": 495}
    assert c["by_channel_pct"] == {"phone": 47, "written": 45, "in_person": 8}
    assert c["citizen_topic_area_pct"] == {
        "mental_health": 46,
        "chronic_illness": 24,
        "addiction": 13,
        "disability": 2,
        "social": 16,
    }
    assert c["change_pct"] == {"total": -4.7, "citizen": 13.0, "relative": None, "group": -24.0, "professional": -5.9}
    assert c["by_concern"]["founding_group"] == 17  # 17 Erstberatungen zur Gründung
    g = do["groups"]
    assert (g["founded"], g["founding_at_year_end"], g["founding_abandoned"], g["dissolved"]) == (6, 8, 4, 13)
    assert g["added_existing"] == 10  # 10 groups taken up into the office's file
    assert 220 <= g["active_at_year_end"] < 230  # "fast 230 Selbsthilfegruppen"
    assert do["groups"]["active_by_topic_area_pct"] == {
        "addiction": 34,
        "chronic_illness": 26,
        "mental_health": 17,
        "disability": 9,
        "social": 14,
    }
    assert do["rooms"]["groups_using_rooms"] == 34
    assert do["newsletter"]["subscribers_at_year_end"] == 389
    assert do["newsletter"]["issues_sent"] == 6  # "sechsmal im Jahr"
    ev = do["events"]
    assert (ev["held"], ev["cancelled"]) == (7, 3)
    assert ev["by_kind"]["gesamttreffen"] == {"held": 3, "cancelled": 0}
    assert ev["by_kind"]["seminar"] == {"held": 1, "cancelled": 1}

    ku = _report(app, "kreis-unna", 2024)
    k = ku["contacts"]
    assert k["total"] > 2600
    assert k["by_concern"]["seeking_group"] > 1000
    assert k["by_concern"]["founding_group"] == 165
    assert k["referrals"]["to_groups"] > 1300
    assert k["referrals"]["to_professionals"] == 245
    assert ku["groups"]["added"] == 16
    assert ku["groups"]["active_at_year_end"] == 251
    assert len(ku["sites"]) == 3

    # Hamm and Dithmarschen publish no figures of a year; their demo has every year up to today.
    for slug in ("hamm", "dithmarschen", "dortmund", "kreis-unna"):
        for year in range(2024, TODAY.year + 1):
            r = _report(app, slug, year)
            assert r["contacts"]["total"] > 0 and r["groups"]["active_at_year_end"] > 0, (slug, year)
            assert r["newsletter"]["subscribers_at_year_end"] > 0 and r["events"]["held"] > 0, (slug, year)
            assert r["rooms"]["groups_using_rooms"] > 0, (slug, year)

    dortmund_id = db.session.scalar(select(Tenant.id).where(Tenant.slug == "dortmund"))

    def state() -> tuple:
        with tenant_context(dortmund_id):
            return (
                db.session.scalar(select(func.max(Contact.day))),
                db.session.scalar(select(func.count(Contact.id))),
                db.session.scalar(select(func.count(GroupStatusChange.id))),
                db.session.scalar(select(func.count(Event.id))),
                db.session.scalar(select(func.count(Issue.id))),
                db.session.scalar(select(func.count(Booking.id))),
            )

    before = state()
    assert before[0] == TODAY  # contacts up to today
    with seeding_on(TODAY):
        assert seed_all() is False  # idempotent on the same day
    db.session.commit()
    assert state() == before

    later = TODAY + dt.timedelta(days=45)  # into the next year
    with seeding_on(later):
        assert seed_all() is True
    db.session.commit()
    after = state()
    assert after[0] > TODAY and after[1] > before[1] and after[3] >= before[3] and after[4] > before[4]
    assert after[5] > before[5]  # the new year's room bookings
    with tenant_context(dortmund_id):
        status = dict(db.session.execute(select(Issue.subject, Issue.status)).tuples().all())
    assert status["Newsletter Dezember 2026"] == IssueStatus.sent  # was scheduled, is due: sent
    assert status["Newsletter Februar 2027"] == IssueStatus.scheduled  # was the draft, is next
    assert status["Newsletter April 2027"] == IssueStatus.draft  # the list's badge says "Entwurf", not the subject
    # the published year is untouched by the extension
    again = _report(app, "dortmund", 2023)
    assert again["contacts"] == do["contacts"] and again["groups"] == do["groups"]
    assert again["newsletter"] == do["newsletter"] and again["rooms"]["groups_using_rooms"] == 34
