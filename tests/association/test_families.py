"""The figure families of founding support, group support and the directory's profile: stored by the
aggregation from each office's annual-report sections, followed incrementally, and withdrawn with consent."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import select

from saas.association import aggregation
from saas.association.models import AggregateCount, Period, as_counter
from saas.contacts.report import annual_report
from saas.directory import operations as directory
from saas.extensions import db
from saas.founding import operations as founding
from tenants.scoping import tenant_context
from tests.association.conftest import share

FAMILIES = ["contacts", "groups", "founding", "support", "profile"]


def stored(office_id: int, family: str, year: int) -> Counter:
    cells = db.session.scalar(
        select(AggregateCount.counts).where(
            AggregateCount.office_id == office_id,
            AggregateCount.family == family,
            AggregateCount.granularity == "year",
            AggregateCount.period_start == dt.date(year, 1, 1),
        )
    )
    return Counter(as_counter(cells))


def test_founding_support_and_profile_follow_the_office_and_its_consent(world):
    """Are a founding process, a support session and a group's meeting mode stored as the office's annual
    report counts them; is only the changed family rebuilt after a change; and are the figures deleted when
    the office withdraws its consent?"""
    dortmund = world.dortmund
    with tenant_context(dortmund.id):
        group = directory.create_group(
            {"name": "SHG Treff", "topic_area": "social", "meeting_mode": "hybrid", "young": True},
            acting_user=None, since=dt.date(2023, 2, 1), vocabulary=False,
        )  # fmt: skip
        process = founding.create_process(topic_name="Long Covid", started_on=dt.date(2023, 3, 1))
        founding.add_interest(process, name="Herr B.", reach="0231 2", consent_text="ja")
        case = founding.open_case(group_id=group.id, kind="conflict", opened_on=dt.date(2023, 5, 1))
        founding.add_session(case, day=dt.date(2023, 5, 2), minutes=60)
        db.session.commit()
    share(dortmund, world.association, FAMILIES)
    first = aggregation.run(trigger="test")
    assert first.status == "done"
    assert stored(dortmund.id, "founding", 2023)[("figure", "processes_started")] == 1
    assert stored(dortmund.id, "founding", 2023)[("figure", "interested")] == 1
    assert stored(dortmund.id, "support", 2023)[("cases_by_kind", "conflict")] == 1
    assert stored(dortmund.id, "profile", 2023)[("meeting_modes", "hybrid")] == 1
    assert stored(dortmund.id, "profile", 2023)[("figure", "young_groups")] == 1
    with tenant_context(dortmund.id):
        report = annual_report(dortmund, 2023)
        for family in ("founding", "support", "profile"):
            for key, value in report[family].items():
                if isinstance(value, int) and not isinstance(value, bool):
                    assert stored(dortmund.id, family, 2023)[("figure", key)] == value, (family, key)
    # a second process in 2023: only the founding family is rebuilt (2023 and the later year-ends)
    with tenant_context(dortmund.id):
        founding.create_process(topic_name="Einsamkeit", started_on=dt.date(2023, 9, 1))
        db.session.commit()
    second = aggregation.run(trigger="test")
    rebuilt = {(p.family, p.year) for p in db.session.scalars(select(Period).where(Period.run_id == second.id))}
    assert rebuilt and {family for family, _ in rebuilt} == {"founding"}
    assert stored(dortmund.id, "founding", 2023)[("figure", "processes_started")] == 2
    # consent withdrawn for founding: its figures are deleted, the others stay
    share(dortmund, world.association, ["contacts", "groups", "support", "profile"])
    aggregation.run(trigger="test")
    assert not stored(dortmund.id, "founding", 2023)
    assert stored(dortmund.id, "profile", 2023)[("meeting_modes", "hybrid")] == 1
