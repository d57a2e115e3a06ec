"""Demo contacts: Dortmund's 2023 report gives the published figures, and seeding twice changes nothing."""

from __future__ import annotations

from sqlalchemy import func, select

from saas.contacts.demo import DORTMUND, seed_office
from saas.contacts.models import Contact
from saas.contacts.report import annual_report
from saas.extensions import db
from tenants.scoping import tenant_context


def test_dortmund_2023_matches_the_published_report(world):
    """Does the seeded Dortmund 2023 give 2.214 contacts, 47/45/8 %, 46/24/13/16/2 % and −4,7 % — and is a
    second seeding a no-op?"""
    assert seed_office(world.dortmund, DORTMUND) is True
    db.session.commit()
    with tenant_context(world.dortmund.id):
        c = annual_report(world.dortmund, 2023)["contacts"]
        count = db.session.scalar(select(func.count(Contact.id)))
    assert c["total"] == 2214
    assert c["by_kind"] == {"citizen": 1078, "relative": 0, "group": 641, "professional": 495}
    assert c["by_channel"] == {"phone": 1040, "written": 997, "in_person": 177}
    assert c["by_channel_pct"] == {"phone": 47, "written": 45, "in_person": 8}
    assert c["citizen_topic_area_pct"] == {
        "mental_health": 46,
        "chronic_illness": 24,
        "addiction": 13,
        "disability": 2,
        "social": 16,
    }
    assert c["by_concern"]["founding_group"] == 17
    assert c["previous_year_total"] == 2323
    assert c["change_pct"] == {"total": -4.7, "citizen": 13.0, "relative": None, "group": -24.0, "professional": -5.9}
    assert seed_office(world.dortmund, DORTMUND) is False
    db.session.commit()
    with tenant_context(world.dortmund.id):
        assert db.session.scalar(select(func.count(Contact.id))) == count
