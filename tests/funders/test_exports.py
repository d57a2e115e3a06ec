"""The funders' exports read back: the Sachbericht and the annual report as DOCX (python-docx), the
NAKOS-survey sheet (openpyxl), for an office and for an association. Every heading and every figure
cell is checked against the annual report JSON; every figure has its definition as a footnote."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections import Counter

import pytest
from docx import Document as read_docx
from openpyxl import load_workbook
from sqlalchemy import select

from saas.contacts.importer import import_contacts
from saas.contacts.models import ReportChapter
from saas.contacts.report import annual_report
from saas.core import timeutil
from saas.directory import operations as directory
from saas.directory.models import Group, GroupStatusChange
from saas.extensions import db
from saas.founding import operations as founding
from saas.funders import figures as F
from saas.funders.document import format_value
from tenants.scoping import tenant_context
from tests.contacts.helpers import to_csv

YEAR = 2023


def _seed(tenant) -> None:  # type: ignore[no-untyped-def]
    rows = []
    for i in range(60):
        channel = ("phone", "written", "in_person")[i % 3]
        rows.append(
            {
                "date": f"{YEAR}-{i % 12 + 1:02d}-{i % 27 + 1:02d}",
                "contact_kind": ("citizen", "group", "professional")[i % 3],
                "channel": channel,
                "topic_area": "mental_health",
                "concern": ("founding_group", "group_support", "information", "other")[i % 4],
                "medium": ("email", "letter", "form", "")[i % 4] if channel == "written" else "",
                "duration_minutes": str(5 * (i % 7)) if i % 2 else "",
            }
        )
    with tenant_context(tenant.id):
        tenant.staff_fte = 4.5
        import_contacts(to_csv(rows))
        since = dt.date(YEAR, 1, 10)
        for data in (
            {"name": "Junge Selbsthilfe Depression", "topic_area": "mental_health", "young": True,
             "age_focus": "Junge Selbsthilfe 18–35", "meeting_mode": "hybrid"},
            {"name": "SHG Online-Treff", "topic_area": "social", "meeting_mode": "online"},
            {"name": "SHG Angst", "topic_area": "mental_health"},
        ):  # fmt: skip
            directory.create_group(data, acting_user=None, since=since, vocabulary=False)
        body = "Gruppengründungen.\n\n- Einsamkeit\n- Long Covid"
        db.session.add(ReportChapter(tenant_id=tenant.id, year=YEAR, placement="intro", position=10,
                                     title="Arbeitsschwerpunkte", body=body))  # fmt: skip
        db.session.add(ReportChapter(tenant_id=tenant.id, year=YEAR, placement="closing", position=10,
                                     title="Ausblick", body="Mehr Junge Selbsthilfe."))  # fmt: skip
        process = founding.create_process(topic_name="Long Covid", started_on=dt.date(YEAR, 3, 1))
        founding.add_interest(process, name="Frau A.", reach="0231 1", consent_text="ja")
        founding.record_milestone(process, "first_talk", on=dt.date(YEAR, 3, 10))
        group = db.session.query(Group).filter_by(name="SHG Angst").one()
        case = founding.open_case(group_id=group.id, kind="conflict", opened_on=dt.date(YEAR, 5, 1))
        founding.add_session(case, day=dt.date(YEAR, 5, 2), minutes=95)
        founding.add_session(case, day=dt.date(YEAR, 6, 2), minutes=40)
        db.session.commit()


def _report(tenant) -> dict:  # type: ignore[no-untyped-def]
    with tenant_context(tenant.id):
        return json.loads(json.dumps(annual_report(tenant, YEAR)))


def _check_docx(data: bytes, report: dict, expected_headings: list[str]) -> int:
    doc = read_docx(io.BytesIO(data))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    for heading in expected_headings:
        assert heading in headings, (heading, headings)
    by_label = {}
    for group in (F.CONTACTS, F.EFFORT, F.GROUPS, F.FOUNDING, F.SUPPORT, F.EVENTS, F.NEWSLETTER, F.PROFILE):
        for figure in group:
            by_label[figure.label] = figure
    notes = {}
    for p in doc.paragraphs:
        runs = p.runs
        if len(runs) == 2 and runs[0].font.superscript and runs[0].text.isdigit():
            notes[int(runs[0].text)] = runs[1].text.strip()
    checked = 0
    for table in doc.tables:
        if table.rows[0].cells[0].text == "Förderart":
            continue  # the funding table has one column per figure (tests/funders/test_funding_section.py)
        assert [c.text for c in table.rows[0].cells] == ["Kennzahl", "Wert"]
        for row in table.rows[1:]:
            label_cell, value_cell = row.cells
            runs = label_cell.paragraphs[0].runs
            label, number = runs[0].text, int(runs[1].text)
            assert runs[1].font.superscript
            figure = by_label[label]
            assert value_cell.text == format_value(F.value(report, figure.path)), (label, figure.path)
            assert notes[number] == figure.definition  # the footnote names the definition
            checked += 1
    return checked


def test_sachbericht_docx_every_heading_and_cell_matches_the_report(client, world):
    """Is every chapter heading of the Sachbericht there, and does every figure cell equal the report JSON
    (with its definition as the footnote)?"""
    _seed(world.dortmund)
    report = _report(world.dortmund)
    client.login(world.dortmund_readonly)
    response = client.get(f"/dortmund/intern/jahresbericht/{YEAR}/sachbericht.docx")
    assert response.status_code == 200 and response.mimetype.endswith("wordprocessingml.document")
    checked = _check_docx(
        response.data,
        report,
        [
            f"Sachbericht {YEAR}", "1. Arbeitsschwerpunkte", "2. Beratung und Information: Zahlen",
            "3. Gründungsbegleitung", "4. Unterstützung von Selbsthilfegruppen",
            "5. Förderung der Selbsthilfegruppen", "6. Veranstaltungen und Räume",
            "7. Öffentlichkeitsarbeit: Newsletter", "8. Ausblick",
        ],
    )  # fmt: skip
    assert checked == sum(len(g) for g in (F.CONTACTS, F.EFFORT, F.FOUNDING, F.GROUPS, F.SUPPORT, F.PROFILE,
                                           F.EVENTS, F.NEWSLETTER))  # fmt: skip
    assert report["support"]["hours"] == 2.3 and report["profile"]["young_groups"] == 1
    assert report["profile"]["meeting_modes"] == {"in_person": 1, "online": 1, "hybrid": 1}
    pdf = client.get(f"/dortmund/intern/jahresbericht/{YEAR}/sachbericht.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")


def test_no_hours_are_printed_for_a_year_without_durations(client, world):
    """When no contact of the year has a duration, do the Sachbericht and the annual report leave the hours out
    instead of printing a column of "0,0" (which would say nobody spent any time)?"""
    rows = [
        {"date": f"{YEAR}-03-0{1 + i % 5}", "contact_kind": "citizen", "channel": "phone",
         "topic_area": "social", "concern": "information"}
        for i in range(12)
    ]  # fmt: skip
    with tenant_context(world.dortmund.id):
        import_contacts(to_csv(rows))
        db.session.commit()
    report = _report(world.dortmund)
    assert report["contacts"]["with_duration"] == 0
    client.login(world.dortmund_readonly)
    for url in (
        f"/dortmund/intern/jahresbericht/{YEAR}/sachbericht.docx",
        f"/dortmund/intern/jahresbericht/{YEAR}.docx",
    ):
        data = client.get(url).data
        labels = [r.cells[0].paragraphs[0].runs[0].text for t in read_docx(io.BytesIO(data)).tables for r in t.rows[1:]]
        assert "Kontakte: Information" in labels and "Kontakte mit erfasster Dauer" in labels
        assert not [label for label in labels if label.startswith("Stunden:")], url
        _check_docx(data, report, [])


def test_annual_report_docx_matches_the_report(app, world, tmp_path):
    """Does ``lotse report annual --format docx`` write the annual report with the same figures as the JSON?"""
    _seed(world.dortmund)
    report = _report(world.dortmund)
    path = tmp_path / "jahresbericht.docx"
    result = app.test_cli_runner().invoke(
        args=["report", "annual", "--tenant", "dortmund", "--year", str(YEAR), "--format", "docx", "--output",
              str(path)]
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert _check_docx(path.read_bytes(), report, [f"Jahresbericht {YEAR}", "2. Arbeitsschwerpunkte"]) > 40


def test_nakos_sheet_every_cell_matches_the_report(client, world):
    """Does every row of the NAKOS sheet carry the report JSON's value at its key (numbers as numbers), with
    e-mail apart from the other written inquiries, and its definition?"""
    _seed(world.dortmund)
    report = _report(world.dortmund)
    client.login(world.dortmund_staff)
    response = client.get(f"/dortmund/intern/jahresbericht/{YEAR}/nakos.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.data)).active
    rows = list(sheet.iter_rows(values_only=True))
    start = rows.index(("Nr.", "Kennzahl", "Wert", "Schlüssel im Jahresbericht (JSON)", "Definition (Fußnote)"))
    body = rows[start + 1 :]
    assert len(body) == len(F.NAKOS)
    by_path = {f.path: f for f in F.NAKOS}
    for number, label, value, path, definition in body:
        figure = by_path[path]
        assert (label, definition) == (figure.label, figure.definition)
        assert value == F.value(report, path), path
    paths = [r[3] for r in body]
    assert "contacts.written_by_medium.email" in paths and "profile.staff_fte" in paths
    assert body[paths.index("contacts.written_by_medium.email")][2] == report["contacts"]["written_by_medium"]["email"]
    assert body[paths.index("profile.staff_fte")][2] == 4.5


def test_meeting_modes_and_young_groups_are_counted_as_of_the_year_end(world):
    """Are meeting modes and Junge Selbsthilfe groups counted as each group was on 31 December of the report
    year (group history), not as the directory stands today? A group that moved online and became a Junge
    Selbsthilfe group after the year end still counts as "vor Ort" for that year; a group dissolved during the
    year and a group taken up after it do not count."""
    from saas.funders.queries import profile_at

    with tenant_context(world.dortmund.id):
        moved = directory.create_group(
            {"name": "SHG Treff", "topic_area": "social", "meeting_mode": "in_person"},
            acting_user=None, since=dt.date(YEAR, 2, 1), vocabulary=False,
        )  # fmt: skip
        gone = directory.create_group(
            {"name": "SHG Aufgelöst", "topic_area": "social", "meeting_mode": "hybrid"},
            acting_user=None, since=dt.date(YEAR - 1, 5, 1), vocabulary=False,
        )  # fmt: skip
        directory.change_status(gone, "dissolved", acting_user=None, on=dt.date(YEAR, 6, 30))
        directory.create_group(
            {"name": "SHG Neu", "topic_area": "social", "meeting_mode": "online"},
            acting_user=None, since=dt.date(YEAR + 1, 3, 1), vocabulary=False,
        )  # fmt: skip
        # an entry from before the profile history existed: only its status history is there
        legacy = Group(tenant_id=world.dortmund.id, name="SHG Alt", topic_area="social", meeting_mode="hybrid",
                       status="active", status_since=dt.date(YEAR - 3, 1, 1))  # fmt: skip
        legacy.history.append(
            GroupStatusChange(from_status=None, to_status="active", changed_on=dt.date(YEAR - 3, 1, 1))
        )
        db.session.add(legacy)
        db.session.commit()
        # after the year end (today): the groups now meet online, one is a Junge Selbsthilfe group
        directory.update_group(moved, {"meeting_mode": "online", "young": True}, acting_user=None)
        directory.update_group(legacy, {"meeting_mode": "online"}, acting_user=None)
        db.session.commit()
        report = _report(world.dortmund)
        assert report["profile"]["meeting_modes"] == {"in_person": 1, "online": 0, "hybrid": 1}
        assert report["profile"]["young_groups"] == 0
        assert profile_at(dt.date(YEAR - 1, 12, 31)) == ({"in_person": 0, "online": 0, "hybrid": 2}, 0)
        assert profile_at(timeutil.today()) == ({"in_person": 0, "online": 3, "hybrid": 0}, 1)
        history = [(c.field, c.value, c.since) for c in moved.profile_history]
        assert ("meeting_mode", "in_person", dt.date(YEAR, 2, 1)) in history
        assert ("meeting_mode", "online", timeutil.today()) in history


def test_the_other_office_cannot_download(client, world):
    """Does a user of another office get 404 for Dortmund's exports?"""
    client.login(world.hamm_admin)
    for tail in ("sachbericht.pdf", "sachbericht.docx", "nakos.xlsx"):
        assert client.get(f"/dortmund/intern/jahresbericht/{YEAR}/{tail}").status_code == 404
    assert client.get(f"/dortmund/intern/jahresbericht/{YEAR}.docx").status_code == 404


@pytest.mark.slow
def test_association_sheet_sums_consenting_members_with_suppression(app, client, world):
    """Does the association's NAKOS sheet carry the published, suppressed total of its consenting members
    (and leave unshared figures empty)?"""
    _seed(world.dortmund)
    _seed(world.hamm)
    runner = app.test_cli_runner()
    runner.invoke(args=["association", "share", "--association", "paritaet-nrw", "--tenant", "dortmund",
                        "--families", "contacts,groups"])  # fmt: skip
    runner.invoke(args=["association", "share", "--association", "paritaet-nrw", "--tenant", "hamm",
                        "--families", "contacts"])  # fmt: skip
    assert runner.invoke(args=["association", "aggregate", "--association", "paritaet-nrw"]).exit_code == 0
    published = json.loads(
        runner.invoke(args=["association", "report", "--association", "paritaet-nrw", "--year", str(YEAR),
                            "--format", "json"]).output
    )  # fmt: skip
    client.login(world.analyst)
    response = client.get(f"/verband/paritaet-nrw/nakos/{YEAR}.xlsx")
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.data)).active.iter_rows(values_only=True))
    body = {r[3]: r[2] for r in rows if r and isinstance(r[0], int)}
    for figure in F.NAKOS:  # the published cells, markers ("<5", ".") and all; unshared figures empty
        assert body[figure.path] == F.value(published["total"], figure.path), figure.path
    assert body["contacts.total"] is not None and body["profile.staff_fte"] is None
    assert client.get(f"/verband/lak-nrw/nakos/{YEAR}.xlsx").status_code == 404


@pytest.mark.slow
def test_association_sheet_has_every_figure_of_the_office_sheet(app, client, world):
    """With every family shared, does the association's NAKOS sheet fill every row the office sheet has (the
    e-mail split, founding, Gruppenbegleitung, meeting modes as of the year end, staff)? Each cell is the
    published total (same disclosure control: a number equal to the sum of both offices' own annual reports,
    "<5" for a true sum of 1 to 4, or "."), and the counts are stored by the aggregation, not read at
    download time."""
    from saas.association.models import AggregateCount, as_counter

    _seed(world.dortmund)
    _seed(world.hamm)
    with tenant_context(world.hamm.id):  # Hamm: more written e-mails, so that some medium cells publish
        import_contacts(
            to_csv(
                [
                    {"date": f"{YEAR}-0{m}-1{d}", "contact_kind": "citizen", "channel": "written",
                     "topic_area": "addiction", "medium": "email"}
                    for m in range(1, 8) for d in range(3)
                ]
            )
        )  # fmt: skip
        db.session.commit()
    runner = app.test_cli_runner()
    for slug in ("dortmund", "hamm"):
        result = runner.invoke(args=["association", "share", "--association", "paritaet-nrw", "--tenant", slug,
                                     "--families", "contacts,groups,founding,support,profile"])  # fmt: skip
        assert result.exit_code == 0, result.output
    assert runner.invoke(args=["association", "aggregate", "--association", "paritaet-nrw"]).exit_code == 0
    stored = {
        (office, dim, value): n
        for office, cells in db.session.execute(
            select(AggregateCount.office_id, AggregateCount.counts)
            .where(AggregateCount.family == "contacts", AggregateCount.granularity == "year",
                   AggregateCount.period_start == dt.date(YEAR, 1, 1))
        )
        for (dim, value), n in as_counter(cells).items()
        if dim == "medium"
    }  # fmt: skip
    own = {t.slug: _report(t) for t in (world.dortmund, world.hamm)}
    for tenant in (world.dortmund, world.hamm):  # the medium split is counted by the aggregation
        for medium, n in own[tenant.slug]["contacts"]["written_by_medium"].items():
            assert stored.get((tenant.id, "medium", medium), 0) == n, (tenant.slug, medium)
    published = json.loads(
        runner.invoke(args=["association", "report", "--association", "paritaet-nrw", "--year", str(YEAR),
                            "--format", "json"]).output
    )  # fmt: skip
    client.login(world.analyst)
    response = client.get(f"/verband/paritaet-nrw/nakos/{YEAR}.xlsx")
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.data)).active.iter_rows(values_only=True))
    body = {r[3]: r[2] for r in rows if r and isinstance(r[0], int)}
    assert set(body) == {f.path for f in F.NAKOS}
    signs = Counter()
    for figure in F.NAKOS:
        cell = body[figure.path]
        assert cell is not None, figure.path  # every figure of the office sheet is filled
        assert cell == F.value(published["total"], figure.path), figure.path
        true_sum = sum(F.value(r, figure.path) for r in own.values())
        if cell == "<5":
            assert 1 <= true_sum <= 4, figure.path
        elif cell != ".":
            assert cell == true_sum, figure.path
        signs[cell if isinstance(cell, str) else "number"] += 1
    assert body["profile.staff_fte"] == 9.0
    assert body["support.cases"] == "<5" and body["profile.meeting_modes.in_person"] == "<5"
    assert signs["number"] >= 8 and signs["<5"] >= 5
