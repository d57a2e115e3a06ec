"""The Wegweiser's interest form and founding support: an interest reaches the office's founding work
(the matching process's list, or a candidate for a new process), and is deleted after its retention."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from saas.directory.models import GroupInterest
from saas.extensions import db
from saas.founding import operations as ops
from saas.founding.models import FoundingInterest, FoundingProcess
from tenants.scoping import tenant_context
from tests.directory.helpers import make_topic

FORM = "/dortmund/gruppen/mitmachen"


def _leave(client, topic: str, name: str = "Anna", **reach: str):  # type: ignore[no-untyped-def]
    data = {"topic": topic, "name": name, "consent": "y", **(reach or {"email": "anna@example.org"})}
    response = client.post_form(FORM, data)
    assert response.status_code == 303, response.get_data(as_text=True)[:300]
    return response


def test_interest_joins_the_matching_open_process_at_once(client, world, outbox) -> None:
    """Does an interest in "Trauer" land on the list of the open process "Trauer nach Suizid" (source:
    Wegweiser form, with its consent), keeping no second copy of the contact data in the Wegweiser row?"""
    with tenant_context(world.dortmund.id):
        other = ops.create_process(topic_name="Long Covid")
        process = ops.create_process(topic_name="Trauer nach Suizid")
        db.session.commit()
        pid, other_id = process.id, other.id
    _leave(client, "trauer", name="Anna B.", email="anna@example.org")
    with tenant_context(world.dortmund.id):
        listed = db.session.scalars(select(FoundingInterest)).all()
        assert [(i.process_id, i.name, i.reach, i.source, i.state) for i in listed] == [
            (pid, "Anna B.", "anna@example.org", "form", "waiting")
        ]
        assert "einverstanden" in listed[0].consent_text
        row = db.session.scalar(select(GroupInterest))
        assert (row.founding_id, row.email, row.phone, row.name) == (pid, "", "", "")
        assert db.session.get(FoundingProcess, other_id).interests == []
    client.login(world.dortmund_staff.email)
    page = client.get(f"/dortmund/intern/gruendungen/{pid}").get_data(as_text=True)
    assert "Anna B." in page and "Wegweiser-Formular" in page
    demand = client.get("/dortmund/intern/nachfrage").get_data(as_text=True)
    assert f"/dortmund/intern/gruendungen/{pid}" in demand


def test_an_interest_without_process_is_a_candidate_and_starts_one(client, world) -> None:
    """Is an interest without a matching process listed on the founding overview as a candidate, and does
    starting a process there take up every interest in that topic (any spelling), and only those?"""
    _leave(client, "Hochsensibilität", name="A", email="a@example.org")
    _leave(client, "hochsensibilitaet", name="B", phone="0231 123")
    _leave(client, "Long Covid", name="C", email="c@example.org")
    client.login(world.dortmund_staff.email)
    page = client.get("/dortmund/intern/gruendungen/").get_data(as_text=True)
    section = page.split('id="wegweiser-h"')[1].split("</table>")[0]
    assert "Hochsensibilität" in section and "Long Covid" in section
    with tenant_context(world.dortmund.id):
        first = db.session.scalar(select(GroupInterest.id).where(GroupInterest.topic == "Hochsensibilität"))
    response = client.post_form("/dortmund/intern/gruendungen/aus-wegweiser", {"interest": str(first)})
    assert response.status_code == 302
    pid = int(response.headers["Location"].rstrip("/").split("/")[-1])
    with tenant_context(world.dortmund.id):
        process = db.session.get(FoundingProcess, pid)
        assert process.topic_name == "Hochsensibilität"
        assert sorted((i.name, i.reach) for i in process.interests) == [("A", "a@example.org"), ("B", "0231 123")]
        assert process.interested_count == 2
        waiting = db.session.scalars(select(GroupInterest).where(GroupInterest.founding_id.is_(None))).all()
        assert [i.topic for i in waiting] == ["Long Covid"]
    page = client.get("/dortmund/intern/gruendungen/").get_data(as_text=True)
    section = page.split('id="wegweiser-h"')[1].split("<h2")[0]
    assert "Hochsensibilität" not in section and "Long Covid" in section
    again = client.post_form("/dortmund/intern/gruendungen/aus-wegweiser", {"interest": str(first)})
    assert again.status_code == 302  # taken up already: refused with a message, nothing created
    with tenant_context(world.dortmund.id):
        assert db.session.scalar(select(db.func.count(FoundingProcess.id))) == 1


def test_a_process_started_by_hand_takes_up_interests_through_its_topics_synonyms(client, world) -> None:
    """Does a process for the directory topic Diabetes take up an interest in "Zucker" (the topic's synonym)?"""
    topic = make_topic(world.dortmund, "Diabetes", "Zucker, Zuckerkrankheit", area="chronic_illness")
    _leave(client, "Zucker", name="Z", email="z@example.org")
    with tenant_context(world.dortmund.id):
        process = ops.create_process(topic_name="Diabetes Typ 1 für junge Erwachsene", topic_id=topic.id)
        db.session.commit()
        assert [i.name for i in process.interests] == ["Z"]


def test_start_from_interest_is_404_for_another_office_and_refuses_bad_input(client, world) -> None:
    """Can Hamm's staff start a process from a Dortmund interest? (404, like a missing one; a forged id is 400)"""
    _leave(client, "Hochsensibilität")
    with tenant_context(world.dortmund.id):
        iid = db.session.scalar(select(GroupInterest.id))
    client.login(world.hamm_admin)
    assert client.post_form("/hamm/intern/gruendungen/aus-wegweiser", {"interest": str(iid)}).status_code == 404
    client.logout()
    client.login(world.dortmund_staff.email)
    for bad in ("abc", "0", "9" * 30, "1\x00"):
        assert client.post_form("/dortmund/intern/gruendungen/aus-wegweiser", {"interest": bad}).status_code == 400
    with tenant_context(world.dortmund.id):
        assert db.session.scalar(select(db.func.count(FoundingProcess.id))) == 0


def test_form_requires_a_name_and_a_way_to_reach(client, world) -> None:
    """Is an interest without a name or pseudonym, or without e-mail and phone, refused (400, nothing kept)?"""
    assert client.post_form(FORM, {"topic": "Angst", "email": "a@example.org", "consent": "y"}).status_code == 400
    assert client.post_form(FORM, {"topic": "Angst", "name": "A", "consent": "y"}).status_code == 400
    with tenant_context(world.dortmund.id):
        assert db.session.scalars(select(GroupInterest)).all() == []


def test_purge_job_deletes_interests_after_the_retention_period(app, world) -> None:
    """Does the beat job (each office, the one schedule) delete Wegweiser interests older than the office's
    retention period and keep younger ones; and does the privacy notice say so?"""
    from saas.core.periodic import schedule
    from saas.directory import operations as directory_ops
    from saas.legal import notice
    from saas.privacy.retention import set_retention
    from workers.directory import purge_interests

    assert schedule()["directory-purge-interests"]["task"] == "lotse.directory.purge_interests"
    now = dt.datetime.now(dt.UTC)
    kept = {}
    for tenant in (world.dortmund, world.hamm):
        with tenant_context(tenant.id):
            old = directory_ops.create_interest(topic="Stottern", name="X", email="x@example.org", phone="",
                                                consent_text="ja")  # fmt: skip
            old.created_at = now - dt.timedelta(days=731)
            young = directory_ops.create_interest(topic="Stottern", name="Y", email="y@example.org", phone="",
                                                  consent_text="ja")  # fmt: skip
            young.created_at = now - dt.timedelta(days=100)
            kept[tenant.slug] = young.id
            db.session.commit()
    with tenant_context(world.hamm.id):
        set_retention(db.session.merge(world.hamm), {"wegweiser_interests": 90})
        db.session.commit()
    assert purge_interests.delay(now.isoformat()).get() == 3  # both old ones, and Hamm's 100-day-old one
    with tenant_context(world.dortmund.id):
        assert db.session.scalars(select(GroupInterest.id)).all() == [kept["dortmund"]]
        text = " ".join(p for s in notice.sections(world.dortmund, None) for p in s["paragraphs"])
        assert "730 Tage nach Ihrer Meldung gelöscht" in text
    with tenant_context(world.hamm.id):
        assert db.session.scalars(select(GroupInterest.id)).all() == []
