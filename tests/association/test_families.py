"""The figure families of founding support, group support and the directory's profile: stored by the
aggregation from each office's annual-report sections, followed incrementally, and withdrawn with consent."""

from __future__ import annotations

import datetime as dt
import re
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


def _history(office_id: int, n: int) -> None:
    """Groups, founding processes and support of one office over 2021–2024, different per office (``n``)."""
    from saas.contacts.models import Contact

    with tenant_context(office_id):
        a = directory.create_group(
            {"name": f"SHG Alt {n}", "topic_area": "social", "meeting_mode": "hybrid", "young": n == 0},
            acting_user=None, since=dt.date(2021, 5, 1), vocabulary=False,
        )  # fmt: skip
        b = directory.create_group(
            {"name": f"SHG Neu {n}", "topic_area": "addiction", "meeting_mode": "in_person"},
            acting_user=None, status="founding", since=dt.date(2022, 3, 1 + n), vocabulary=False,
        )  # fmt: skip
        directory.change_status(b, "active", acting_user=None, on=dt.date(2023, 2, 1))
        directory.change_status(a, "paused", acting_user=None, on=dt.date(2023, 6, 1))
        if n:
            directory.change_status(a, "dissolved", acting_user=None, on=dt.date(2024, 1, 10))
        first = founding.create_process(topic_name="Long Covid", started_on=dt.date(2022, 9, 1))
        founding.add_interest(first, name="Frau A.", reach="0231 1", consent_text="ja")
        founding.record_milestone(first, "first_talk", on=dt.date(2022, 10, 1))
        founding.abandon(first, reason="zu wenige Interessierte", on=dt.date(2023, 4, 1))
        later = founding.create_process(topic_name="Einsamkeit", started_on=dt.date(2023, 11, 1))
        case = founding.open_case(group_id=a.id, kind="conflict", opened_on=dt.date(2022, 5, 1))
        founding.add_session(case, day=dt.date(2022, 5, 2), minutes=60)
        founding.add_session(case, day=dt.date(2023, 1, 5), minutes=45 + n)
        other = founding.open_case(group_id=b.id, kind="group_support", opened_on=dt.date(2023, 3, 1))
        founding.add_session(other, day=dt.date(2024, 2, 2), minutes=30)
        for day, process, group in ((dt.date(2023, 3, 3), later, a), (dt.date(2024, 7, 1), first, b)):
            db.session.add(
                Contact(
                    tenant_id=office_id, day=day, kind="group", channel="phone", topic_area="social",
                    concern="founding_group", founding_process_id=process.id, supported_group_id=group.id,
                    duration_minutes=25 + n,
                )
            )  # fmt: skip
        db.session.commit()


def test_year_level_families_counted_for_many_offices_at_once_equal_each_annual_report(world):
    """Are the year-level families, counted for several offices and years in a few grouped statements, the
    very numbers each office's own annual-report section shows — year-end states that carry over into
    later years (groups, profile, open processes) included?"""
    from saas.association import sources
    from tenants.scoping import cross_tenant

    offices = [world.dortmund, world.hamm]
    for n, office in enumerate(offices):
        _history(office.id, n)
        share(office, world.association, [*FAMILIES, "newsletter", "events"])
    assert aggregation.run(trigger="test").status == "done"
    pairs = [(office.id, year) for office in offices for year in (2021, 2022, 2023, 2024, 2025)]
    checked = 0
    for family in ("groups", "founding", "support", "profile", "newsletter", "events"):
        expected = {}
        for office_id, year in pairs:
            with tenant_context(office_id):
                expected[(office_id, year)] = dict(+sources.section_counts(family, office_id, year))
        assert {pair: dict(stored(*pair[:1], family, pair[1])) for pair in pairs} == expected, family
        with cross_tenant("test: the grouped counts"):
            grouped = sources.section_counts_grouped(db.session.connection(), family, pairs)
        if grouped is not None:  # PostgreSQL, the families with a grouped form
            assert {pair: dict(+counts) for pair, counts in grouped.items()} == expected, family
            checked += 1
        if family == "groups":  # the year-end states of the history above, as the report counts them
            dortmund, hamm = world.dortmund.id, world.hamm.id
            assert expected[(dortmund, 2022)][("figure", "founding_at_year_end")] == 1
            assert expected[(dortmund, 2024)][("figure", "active_at_year_end")] == 1
            assert ("figure", "dissolved") in expected[(hamm, 2024)]
        if family == "founding":  # open at year end: the first process in 2022, the later one from 2023 on
            for year in (2022, 2023, 2024, 2025):
                assert expected[(world.hamm.id, year)][("figure", "processes_open_at_year_end")] == 1, year
    if db.engine.dialect.name == "postgresql":
        assert checked == len(sources.GROUPED_FAMILIES)


def test_a_year_before_an_office_recorded_founding_is_not_shown_as_zero(world, client):
    """Dortmund records founding processes in Lotse from March 2024 on, Hamm never; both share contacts,
    founding and support. Does the association's 2023 table show no founding figures for Dortmund ("–":
    unknown, as its own report says) instead of zeros, 2024 its figures, and Hamm none in either year?"""
    from saas.association import queries
    from tests.association.conftest import add_contacts, random_contacts

    for n, office in enumerate((world.dortmund, world.hamm)):
        add_contacts(office.id, random_contacts(n, 400, (2023, 2024)))
        share(office, world.association, ["contacts", "founding", "support"])
    with tenant_context(world.dortmund.id):
        for topic, day in (("Long Covid", dt.date(2024, 3, 1)), ("Einsamkeit", dt.date(2024, 5, 1))):
            process = founding.create_process(topic_name=topic, started_on=day)
            for i in range(6):
                founding.add_interest(process, name=f"P{i}", reach=f"0231 {i}", consent_text="ja")
        db.session.commit()
    assert aggregation.run(trigger="test").status == "done"
    entries = {}
    for year in (2023, 2024):
        payload = queries.get_report(world.association, year)
        entries[year] = {o["tenant"]: o for o in payload["offices"]}
        assert all("contacts" in o for o in entries[year].values())
        assert all("support" not in o for o in entries[year].values())  # no office has recorded a case
    assert "founding" not in entries[2023]["dortmund"] and "founding" not in entries[2023]["hamm"]
    assert "founding" in entries[2024]["dortmund"] and "founding" not in entries[2024]["hamm"]
    assert entries[2024]["dortmund"]["founding"]["interested"] == 12
    assert entries[2023]["dortmund"]["not_recorded"] == ["founding", "support"]
    assert entries[2024]["dortmund"]["not_recorded"] == ["support"]
    client.login(world.analyst)
    page = client.get("/verband/paritaet-nrw/?jahr=2023&kennzahl=founding.processes_started").get_data(as_text=True)
    rows = {m[0]: m[1] for m in re.findall(r'<th scope="row">([^<]+)</th>\s*<td class="num"[^>]*>([^<]+)</td>', page)}
    assert (
        rows[world.dortmund.name] == "für dieses Jahr nicht erfasst"
        and rows[world.hamm.name] == "für dieses Jahr nicht erfasst"
    )
    assert "Kein Diagramm: keine Kontaktstelle hat für 2023" in page
    # withdrawn: the office no longer shares founding, so its row says "nicht freigegeben", not "nicht erfasst"
    share(world.dortmund, world.association, ["contacts", "support"])
    aggregation.run(trigger="test")
    dortmund = next(o for o in queries.get_report(world.association, 2023)["offices"] if o["tenant"] == "dortmund")
    assert dortmund["not_recorded"] == ["support"] and "founding" not in dortmund
