"""Founding support (Gründungsbegleitung) and effort cases, through the staff pages: from the first
interested callers to a founded group with its first meeting in a room, the waiting list and its
threshold notice, abandoning with a reason, the retention purge, and the report's added sections."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import func, select

from saas.contacts import operations as contact_ops
from saas.contacts.report import annual_report
from saas.directory.models import Group, GroupStatusChange
from saas.extensions import db
from saas.founding import operations as ops
from saas.founding.models import FoundingInterest, FoundingProcess, SupportCase
from saas.rooms.models import Booking
from tenants.scoping import tenant_context
from tests.rooms.helpers import make_group, make_room, open_day

CALLERS = [
    ("Frau K.", "0231 111 222", "contact"),
    ("Herr M.", "herr.m@example.org", "contact"),
    ("L. (Pseudonym)", "l.pseudonym@example.org", "form"),
]


def _main(response) -> str:  # type: ignore[no-untyped-def]
    return re.search(r"<main.*</main>", response.get_data(as_text=True), re.S).group(0)


def _new_process(client, topic: str = "Hochsensibilität", started: dt.date | None = None) -> int:  # type: ignore[no-untyped-def]
    started = started or contact_ops.today() - dt.timedelta(days=30)
    response = client.post_form(
        "/dortmund/intern/gruendungen/neu", {"topic_name": topic, "site": "0", "started_on": started.isoformat()}
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return int(response.headers["Location"].rstrip("/").split("/")[-1])


def _add(client, pid: int, name: str, reach: str, source: str = "contact"):  # type: ignore[no-untyped-def]
    return client.post_form(
        f"/dortmund/intern/gruendungen/{pid}/interessierte",
        {"name": name, "reach": reach, "source": source, "consent_text": "Einverstanden (telefonisch)."},
        follow_redirects=True,
    )


def test_from_three_callers_to_a_founded_group_meeting_in_raum_2(client, world, outbox):
    """Dortmund staff run a founding process from three interested callers to a founded group: is the
    first meeting booked in Raum 2, are the invitations mailed, does the directory entry go from "im Aufbau"
    to "aktiv" with its history, and do the report's founding figures come from the process?"""
    make_room(world.dortmund, name="Raum 2")
    client.login(world.dortmund_staff)
    pid = _new_process(client)
    for name, reach, source in CALLERS:
        assert _add(client, pid, name, reach, source).status_code == 200
    today = contact_ops.today()
    base = f"/dortmund/intern/gruendungen/{pid}"
    for kind, days in (("first_talk", 20), ("press_notice", 10)):
        on = (today - dt.timedelta(days=days)).isoformat()
        assert client.post_form(f"{base}/schritt", {"kind": kind, "step_on": on, "note": ""}).status_code == 302
    with tenant_context(world.dortmund.id):
        from saas.rooms.models import Room

        room_id = db.session.scalar(select(Room.id).where(Room.name == "Raum 2"))
    meeting = open_day(today + dt.timedelta(days=14))
    response = client.post_form(
        f"{base}/erstes-treffen", {"room": str(room_id), "day": meeting.isoformat(), "start": "18:00", "end": "20:00"}
    )
    assert response.status_code == 302, _main(client.get(base))[:2000]
    response = client.post_form(f"{base}/einladungen", {}, follow_redirects=True)
    assert "2 per E-Mail eingeladen, 1 bitte anrufen" in response.get_data(as_text=True)
    mails = outbox.wait_for(2)
    assert sorted(m["To"] for m in mails) == ["herr.m@example.org", "l.pseudonym@example.org"]
    assert "Raum 2" in outbox.text(mails[0]) and meeting.strftime("%d.%m.%Y") in outbox.text(mails[0])
    founded_on = today.isoformat()
    assert client.post_form(f"{base}/gegruendet", {"founded_on": founded_on}).status_code == 302

    with tenant_context(world.dortmund.id):
        process = db.session.get(FoundingProcess, pid)
        assert process.state == "founded" and process.closed_on == today
        group = db.session.get(Group, process.group_id)
        assert group.status == "active" and group.name == "Selbsthilfegruppe Hochsensibilität"
        history = db.session.execute(
            select(GroupStatusChange.from_status, GroupStatusChange.to_status)
            .where(GroupStatusChange.group_id == group.id)
            .order_by(GroupStatusChange.id)
        ).all()
        assert [tuple(h) for h in history] == [(None, "founding"), ("founding", "active")]
        booking = db.session.get(Booking, process.first_booking_id)
        assert booking.group_id == group.id and booking.room.name == "Raum 2" and booking.start_date == meeting
        assert [m.kind for m in process.milestones] == [
            "first_talk", "press_notice", "first_meeting", "invitations_sent", "founded",
        ]  # fmt: skip
        assert {i.state for i in process.interests} == {"joined"}
        assert all(i.closed_at is not None for i in process.interests)  # the retention clock runs
        report = annual_report(world.dortmund, today.year)
    fo = report["founding"]
    assert fo["founded"] == 1 and fo["first_meetings"] == 1 and fo["first_talks"] == 1
    assert fo["interested"] == 3 and fo["processes_open_at_year_end"] == 0
    assert report["groups"]["founded"] >= 1  # the directory's life cycle says the same

    page = _main(client.get(base))
    assert "Gruppe gegründet" in page and "Raum 2" in page


def test_waiting_list_reaches_the_threshold_once(client, world, outbox):
    """With the office's threshold at 3, does the third interested person for Long Covid bring the notice
    "3 Interessierte für Long Covid", once (on the page and by mail to the office, without names), and does
    the overview show who waits per topic?"""
    with tenant_context(world.dortmund.id):
        db.session.merge(world.dortmund).email = "kontakt@dortmund.test"
        db.session.commit()
    client.login(world.dortmund_admin)
    assert client.post_form("/dortmund/intern/gruendungen/schwelle", {"threshold": "3"}).status_code == 302
    pid = _new_process(client, "Long Covid")
    for n in range(1, 3):
        assert "Schwelle erreicht" not in _add(client, pid, f"Person {n}", f"0231 {n}").get_data(as_text=True)
    third = _add(client, pid, "Person 3", "0231 3").get_data(as_text=True)
    assert "Schwelle erreicht: 3 Interessierte für Long Covid." in third
    assert "Schwelle erreicht" not in _add(client, pid, "Person 4", "0231 4").get_data(as_text=True)
    mails = outbox.wait_for(1)
    assert [m["To"] for m in mails] == ["kontakt@dortmund.test"]
    assert "3 Interessierte für Long Covid" in mails[0]["Subject"] and "Person" not in outbox.text(mails[0])
    overview = _main(client.get("/dortmund/intern/gruendungen/"))
    assert "Long Covid" in overview and "Schwelle erreicht: 4 Interessierte für Long Covid" in overview
    assert client.post_form("/dortmund/intern/gruendungen/schwelle", {"threshold": "1"}).status_code == 400


def test_abandoned_with_a_reason_and_the_purge_after_retention(client, world):
    """Is a process abandoned only with a reason (the directory entry, if any, becomes "Aufbau abgebrochen"),
    and are the interested people deleted after the retention period — while the count stays in the report?"""
    make_room(world.dortmund, name="Raum 2")
    client.login(world.dortmund_staff)
    pid = _new_process(client, "Zwangsstörungen")
    _add(client, pid, "Frau Z.", "0231 999")
    base = f"/dortmund/intern/gruendungen/{pid}"
    with tenant_context(world.dortmund.id):
        from saas.rooms.models import Room

        room_id = db.session.scalar(select(Room.id))
    day = open_day(contact_ops.today() + dt.timedelta(days=7))
    client.post_form(f"{base}/erstes-treffen", {"room": str(room_id), "day": day.isoformat(), "start": "18:00",
                                                "end": "19:30"})  # fmt: skip
    today = contact_ops.today().isoformat()
    assert client.post_form(f"{base}/abgebrochen", {"reason": "", "abandoned_on": today}).status_code == 400
    response = client.post_form(
        f"{base}/abgebrochen", {"reason": "Niemand kam zum ersten Treffen", "abandoned_on": today}
    )
    assert response.status_code == 302
    with tenant_context(world.dortmund.id):
        process = db.session.get(FoundingProcess, pid)
        assert process.state == "abandoned" and process.abandoned_reason == "Niemand kam zum ersten Treffen"
        assert process.group.status == "abandoned"
        assert ops.purge_closed_interests() == 0  # within the 90 days
        later = dt.datetime.now(dt.UTC) + dt.timedelta(days=91)
        assert ops.purge_closed_interests(later) == 1
        db.session.commit()
        assert db.session.scalar(select(func.count(FoundingInterest.id))) == 0
        report = annual_report(world.dortmund, contact_ops.today().year)
    assert report["founding"]["abandoned"] == 1 and report["founding"]["interested"] == 1
    assert client.post_form(f"{base}/gegruendet", {"founded_on": today}, follow_redirects=True).status_code == 400


def test_purge_job_runs_for_every_office(app, world):
    """Does the beat job delete old interests of every office and keep the waiting ones?"""
    from workers.founding import purge_interests

    kept = {}
    for tenant in (world.dortmund, world.hamm):
        with tenant_context(tenant.id):
            done = ops.create_process(topic_name="Angst", started_on=dt.date(2024, 1, 1))
            ops.add_interest(done, name="Alt", reach="0231", consent_text="ja")
            ops.abandon(done, reason="keine Resonanz", on=dt.date(2024, 6, 1))
            waiting = ops.create_process(topic_name="Trauer")
            kept[tenant.slug] = ops.add_interest(waiting, name="Neu", reach="0231", consent_text="ja")[0].id
            db.session.commit()
    later = (dt.datetime.now(dt.UTC) + dt.timedelta(days=100)).isoformat()
    assert purge_interests.delay(later).get() == 2
    for tenant in (world.dortmund, world.hamm):
        with tenant_context(tenant.id):
            assert db.session.scalars(select(FoundingInterest.id)).all() == [kept[tenant.slug]]


def test_another_office_sees_nothing(client, world):
    """Does a user of another office get 404 for a Dortmund process and case, like for a missing one?"""
    with tenant_context(world.dortmund.id):
        pid = ops.create_process(topic_name="Long Covid").id
        db.session.commit()
    group = make_group(world.dortmund)
    with tenant_context(world.dortmund.id):
        cid = ops.open_case(group_id=group.id, kind="conflict").id
        db.session.commit()
    client.login(world.hamm_admin)
    assert client.get(f"/hamm/intern/gruendungen/{pid}").status_code == 404
    assert client.get(f"/hamm/intern/begleitung/{cid}").status_code == 404
    assert client.get(f"/dortmund/intern/gruendungen/{pid}").status_code == 404
    add = client.post_form(f"/hamm/intern/gruendungen/{pid}/interessierte", {"name": "x", "reach": "y",
                                                                             "consent_text": "z"})  # fmt: skip
    assert add.status_code == 404


def test_a_group_conflict_as_a_case_with_sessions_and_hours(client, world):
    """Staff record how long a group conflict took: do the sessions sum to the case's hours, and does the
    report show them next to the counts (``support``) without naming a person?"""
    group = make_group(world.dortmund, name="SHG Angst und Panik")
    client.login(world.dortmund_staff)
    today = contact_ops.today()
    start = today - dt.timedelta(days=20)
    response = client.post_form(
        "/dortmund/intern/begleitung/neu", {"group": str(group.id), "kind": "conflict", "opened_on": start.isoformat()}
    )
    assert response.status_code == 302
    cid = int(response.headers["Location"].rstrip("/").split("/")[-1])
    url = f"/dortmund/intern/begleitung/{cid}/termin"
    for days, minutes in ((18, 90), (11, 120), (4, 45)):
        day = (today - dt.timedelta(days=days)).isoformat()
        assert client.post_form(url, {"day": day, "minutes": str(minutes)}).status_code == 302
    assert client.post_form(url, {"day": today.isoformat(), "minutes": "7"}).status_code == 400
    page = _main(client.get(f"/dortmund/intern/begleitung/{cid}"))
    assert "3 Termine, zusammen 4,3 Stunden" in page  # 255 minutes
    with tenant_context(world.dortmund.id):
        case = db.session.get(SupportCase, cid)
        assert case.minutes == 255
        report = annual_report(world.dortmund, today.year) if start.year == today.year else None
    if report is not None:
        su = report["support"]
        assert su["cases_by_kind"]["conflict"] == 1 and su["sessions"] == 3 and su["minutes"] == 255
        assert su["hours_by_kind"]["conflict"] == 4.3


def test_contacts_linked_to_a_process_count_as_its_consultations(world):
    """Are contacts linked to a process counted (with their minutes) in the report's founding section?"""
    today = contact_ops.today()
    with tenant_context(world.dortmund.id):
        process = ops.create_process(topic_name="Long Covid", started_on=today.replace(day=1))
        for minutes in (20, 35, None):
            contact_ops.record_contact(
                contact_ops.ContactData(
                    day=today, kind="citizen", channel="phone", topic_area="chronic_illness",
                    concern="founding_group", duration_minutes=minutes, founding_process_id=process.id,
                )
            )  # fmt: skip
        db.session.commit()
        fo = annual_report(world.dortmund, today.year)["founding"]
    assert fo["consultations"] == 3 and fo["consultation_minutes"] == 55 and fo["processes_started"] == 1


def test_person_rights_find_export_and_erase_an_interested_person(world):
    """Does a person's data request find their place on a founding interest list, and does erasure delete
    it while the process keeps its count?"""
    from saas.privacy import operations as privacy

    with tenant_context(world.dortmund.id):
        process = ops.create_process(topic_name="Long Covid")
        ops.add_interest(process, name="Maria Muster", reach="maria@example.org", consent_text="ja")
        db.session.commit()
        found = privacy.find_person(email="Maria@example.org")
        assert [(f.kind, f.data["planned_group"]) for f in found] == [("founding_interest", process.title)]
        assert privacy.erase_person(name="maria muster") == 1
        db.session.commit()
        assert db.session.scalar(select(func.count(FoundingInterest.id))) == 0
        assert db.session.get(FoundingProcess, process.id).interested_count == 1


def test_quick_entry_from_a_process_links_the_contact(client, world):
    """Does "Kontakt zu diesem Prozess erfassen" open the quick entry with the process and the concern chosen?"""
    with tenant_context(world.dortmund.id):
        pid = ops.create_process(topic_name="Long Covid").id
        db.session.commit()
    client.login(world.dortmund_staff)
    page = _main(client.get(f"/dortmund/intern/gruendungen/{pid}"))
    assert f"/dortmund/intern/kontakte/neu?prozess={pid}" in page
    form = client.get(f"/dortmund/intern/kontakte/neu?prozess={pid}").get_data(as_text=True)
    assert re.search(rf'<option selected value="{pid}">|<option value="{pid}" selected', form)
    assert re.search(r'value="founding_group"[^>]*checked|checked[^>]*value="founding_group"', form)


def test_a_year_before_the_office_recorded_processes_shows_no_zeros(app, client, world):
    """An office that starts recording founding processes in Lotse on 10 March 2026 (its contacts of 2025
    imported) opens its 2025 report: does it say that processes were not recorded then, instead of a table
    of zeros beside the groups it did found, in the HTML, the PDF and the Sachbericht (DOCX: "–", not 0)?
    Does 2026 say from which day it counts, and 2027 print its zeros as zeros? Support cases, never
    recorded, say so."""
    import io
    import subprocess

    from docx import Document as read_docx

    from saas.contacts.pdf import render_pdf
    from saas.contacts.report import render_html_document, report_view
    from saas.funders import figures as F

    with tenant_context(world.dortmund.id):
        ops.create_process(topic_name="Hochsensibilität", started_on=dt.date(2026, 3, 10))
        db.session.commit()
        reports = {y: annual_report(world.dortmund, y) for y in (2025, 2026, 2027)}
        pdf = render_pdf(report_view(world.dortmund, 2025))
    assert {y: r["founding"]["recorded"] for y, r in reports.items()} == {2025: "none", 2026: "part", 2027: "all"}
    assert reports[2025]["founding"]["recorded_since"] == "2026-03-10"
    assert reports[2027]["support"] == {**reports[2027]["support"], "recorded": "none", "recorded_since": None}
    assert F.value(reports[2025], "founding.processes_started") is None
    assert F.value(reports[2027], "founding.processes_started") == 0
    assert F.value(reports[2025], "support.contacts") == 0  # counted from the contacts, recorded all along
    pages = {}
    with app.test_request_context("/"), tenant_context(world.dortmund.id):
        for y in (2025, 2026, 2027):
            pages[y] = render_html_document(world.dortmund, y)
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    for out in (pages[2025], " ".join(text.split())):
        assert "Gründungsprozesse werden in Lotse erst seit dem 10.03.2026 erfasst; für 2025 liegen dazu keine" in out
        assert "Gruppenbegleitungen und Konfliktberatungen sind in Lotse noch nicht erfasst" in out
        assert "begonnene Gründungsprozesse" not in out and "Termine dieser Begleitungen" not in out
    assert "Gründungsprozesse werden in Lotse seit dem 10.03.2026 erfasst; die Zahlen für 2026" in pages[2026]
    assert "begonnene Gründungsprozesse" in pages[2026]
    assert "Gründungsprozesse werden" not in pages[2027] and "begonnene Gründungsprozesse" in pages[2027]
    client.login(world.dortmund_readonly)
    response = client.get("/dortmund/intern/jahresbericht/2025/sachbericht.docx")
    assert response.status_code == 200
    doc = read_docx(io.BytesIO(response.data))
    assert any("erst seit dem 10.03.2026 erfasst" in p.text for p in doc.paragraphs)
    cells = {r.cells[0].paragraphs[0].runs[0].text: r.cells[1].text for t in doc.tables for r in t.rows[1:]}
    assert cells["Begonnene Gründungsprozesse"] == "–" and cells["Gegründete Gruppen"] == "0"
