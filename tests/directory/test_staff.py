"""Staff keep the directory: list, forms, lifecycle, topics, inquiries, CSV — and nobody sees another office's."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import select

from saas.core import timeutil
from saas.directory.models import Group, GroupInquiry, GroupStatusChange, Topic
from saas.extensions import db
from tenants.scoping import tenant_context
from tests.directory.helpers import make_group, make_topic, protected_group


def _inquiry(tenant, group) -> GroupInquiry:  # type: ignore[no-untyped-def]
    with tenant_context(tenant.id):
        inquiry = GroupInquiry(
            group_id=group.id, name="Kim", reach="kim@example.net", message="Hallo", consent_text="ja"
        )
        db.session.add(inquiry)
        db.session.commit()
        db.session.refresh(inquiry)
        db.session.expunge(inquiry)
        return inquiry


def test_every_staff_url_answers_404_to_another_office(client, world) -> None:
    """Does every tenant-scoped URL of Dortmund answer 404 to a Hamm admin, exactly like a missing id?"""
    group = make_group(world.dortmund, "Dortmunder Gruppe", ["Thema D"])
    with tenant_context(world.dortmund.id):
        topic_id = db.session.scalar(select(Topic.id))
    inquiry = _inquiry(world.dortmund, group)
    client.login(world.hamm_admin)
    gets = [
        "/dortmund/intern/gruppen/",
        f"/dortmund/intern/gruppen/{group.id}",
        f"/dortmund/intern/gruppen/{group.id}/bearbeiten",
        "/dortmund/intern/gruppen/neu",
        "/dortmund/intern/gruppen/export.csv",
        "/dortmund/intern/gruppen/import",
        "/dortmund/intern/gruppen/widget",
        "/dortmund/intern/themen/",
        "/dortmund/intern/themen/neu",
        f"/dortmund/intern/themen/{topic_id}/bearbeiten",
        "/dortmund/intern/anfragen/",
        f"/dortmund/intern/anfragen/{inquiry.id}",
    ]
    for url in gets:
        assert client.get(url).status_code == 404, url
    posts = [
        f"/dortmund/intern/gruppen/{group.id}/status",
        f"/dortmund/intern/gruppen/{group.id}/loeschen",
        f"/dortmund/intern/gruppen/{group.id}/bestaetigung",
        f"/dortmund/intern/themen/{topic_id}/loeschen",
        f"/dortmund/intern/anfragen/{inquiry.id}/forward",
        f"/dortmund/intern/anfragen/{inquiry.id}/close",
    ]
    for url in posts:
        assert client.post_form(url, {"status": "paused", "changed_on": "2024-01-01"}).status_code == 404, url
    # In their own office, a Dortmund id answers exactly like a missing one.
    assert client.get(f"/hamm/intern/gruppen/{group.id}").status_code == 404
    assert client.get("/hamm/intern/gruppen/999999").status_code == 404
    assert client.get(f"/hamm/intern/anfragen/{inquiry.id}").status_code == 404
    assert client.get(f"/hamm/intern/themen/{topic_id}/bearbeiten").status_code == 404
    with tenant_context(world.dortmund.id):
        assert db.session.get(Group, group.id).status == "active"


def test_anonymous_is_sent_to_login_and_readonly_cannot_change(client, world) -> None:
    """Does an anonymous visitor get the login page, and a read-only user see but not change?"""
    group = make_group(world.dortmund, "Lesegruppe")
    assert client.get("/dortmund/intern/gruppen/").status_code == 302
    client.login(world.dortmund_readonly)
    assert client.get("/dortmund/intern/gruppen/").status_code == 200
    assert client.get(f"/dortmund/intern/gruppen/{group.id}").status_code == 200
    assert client.get("/dortmund/intern/gruppen/neu").status_code == 403
    assert client.post_form(f"/dortmund/intern/gruppen/{group.id}/loeschen").status_code == 403
    assert client.get("/dortmund/intern/anfragen/").status_code == 403


def test_staff_create_edit_and_list_with_filters(client, world) -> None:
    """Can staff create a group through the form, edit it, and find it with the list filters?"""
    topic = make_topic(world.dortmund, "Diabetes", "Zucker", area="chronic_illness")
    client.login(world.dortmund_staff)
    form = {
        "name": "Zuckerfrei Hörde",
        "topics": str(topic.id),
        "topic_area": "chronic_illness",
        "audience": "affected",
        "site_id": "0",
        "rhythm": "monthly",
        "weekday": "1",
        "nth_weekday": "2",
        "time_start": "18:00",
        "time_end": "20:00",
        "meeting_mode": "in_person",
        "visibility": "public",
        "welcomes_new_members": "y",
        "status": "founding",
        "contact1_name": "Uwe",
        "contact1_email": "uwe@example.org",
    }
    response = client.post_form("/dortmund/intern/gruppen/neu", form)
    assert response.status_code == 302
    with tenant_context(world.dortmund.id):
        group = db.session.scalar(select(Group).where(Group.name == "Zuckerfrei Hörde"))
        assert group.status == "founding" and group.nth_weekday == 2 and group.contacts[0].email == "uwe@example.org"
        assert [h.to_status for h in group.history] == ["founding"]
    html = client.get("/dortmund/intern/gruppen/?status=founding&topic_area=chronic_illness").get_data(as_text=True)
    assert "Zuckerfrei Hörde" in html
    assert "Zuckerfrei Hörde" not in client.get("/dortmund/intern/gruppen/?status=active").get_data(as_text=True)
    edit = {**form, "name": "Zuckerfrei Dortmund"}
    edit.pop("status")
    assert client.post_form(f"/dortmund/intern/gruppen/{group.id}/bearbeiten", edit).status_code == 302
    assert "Zuckerfrei Dortmund" in client.get(f"/dortmund/intern/gruppen/{group.id}").get_data(as_text=True)


def test_invalid_group_form_stores_nothing(client, world) -> None:
    """Does a form without topics or with end before start fail with 400 and nothing stored?"""
    client.login(world.dortmund_staff)
    response = client.post_form(
        "/dortmund/intern/gruppen/neu",
        {
            "name": "X",
            "topic_area": "social",
            "audience": "affected",
            "site_id": "0",
            "meeting_mode": "in_person",
            "visibility": "public",
            "status": "active",
            "time_start": "20:00",
            "time_end": "19:00",
        },
    )
    assert response.status_code == 400
    assert "Bitte mindestens ein Thema wählen." in response.get_data(as_text=True)
    with tenant_context(world.dortmund.id):
        assert db.session.scalar(select(Group)) is None


def test_status_change_is_stored_with_date_and_user(client, world) -> None:
    """Is every status change kept with its date and acting user, and impossible steps refused?"""
    group = make_group(world.dortmund, "Aufbaugruppe", status="founding")
    client.login(world.dortmund_staff)
    url = f"/dortmund/intern/gruppen/{group.id}/status"
    assert client.post_form(url, {"status": "dissolved", "changed_on": "2030-01-01"}).status_code == 303
    assert client.post_form(url, {"status": "active", "changed_on": "2099-01-01"}).status_code == 303  # future: refused
    assert client.post_form(url, {"status": "active", "changed_on": "2999-01-01"}).status_code == 303

    today = timeutil.today().isoformat()
    assert client.post_form(url, {"status": "active", "changed_on": today, "note": "genug Leute"}).status_code == 303
    with tenant_context(world.dortmund.id):
        changes = db.session.scalars(select(GroupStatusChange).order_by(GroupStatusChange.id)).all()
        assert [(c.from_status, c.to_status) for c in changes] == [(None, "founding"), ("founding", "active")]
        assert changes[1].user_id == world.dortmund_staff.id and changes[1].note == "genug Leute"


def test_topics_can_be_managed(client, world) -> None:
    """Can staff add a topic with synonyms, rename it, and delete it only while it has no groups?"""
    client.login(world.dortmund_staff)
    data = {"name": "Tinnitus", "topic_area": "chronic_illness", "search_words": "Ohrgeräusche; Pfeifen"}
    assert client.post_form("/dortmund/intern/themen/neu", data).status_code == 303
    assert client.post_form("/dortmund/intern/themen/neu", data).status_code == 400  # duplicate name
    with tenant_context(world.dortmund.id):
        topic = db.session.scalar(select(Topic))
        assert topic.synonyms == ["Ohrgeräusche", "Pfeifen"]
        db.session.expunge(topic)
    make_group(world.dortmund, "Ohrenklingeln", ["Tinnitus"])
    assert client.post_form(f"/dortmund/intern/themen/{topic.id}/loeschen").status_code == 303
    with tenant_context(world.dortmund.id):
        assert db.session.get(Topic, topic.id) is not None  # still in use
    assert "Ohrenklingeln" in client.get("/dortmund/gruppen?q=pfeifen").get_data(as_text=True)


def test_a_topic_with_a_capital_umlaut_is_found_in_any_case(client, world) -> None:
    """Do the topic form and the CSV import find "Übergewicht" as "übergewicht" (SQLite's lower() folds ASCII
    only: the form answered 500 and the import failed on the unique name instead of using the topic)?"""
    make_topic(world.dortmund, "Übergewicht", area="chronic_illness")
    client.login(world.dortmund_staff)
    for name in ("Übergewicht", "übergewicht", "ÜBERGEWICHT"):
        data = {"name": name, "topic_area": "chronic_illness", "search_words": ""}
        response = client.post_form("/dortmund/intern/themen/neu", data)
        assert response.status_code == 400 and "Dieses Thema gibt es schon" in response.get_data(as_text=True)
    rows = b"name,topics,topic_area\nLeichter leben,\xc3\xbcbergewicht;\xc3\x9cbergewicht,chronic_illness\n"
    response = client.post_form(
        "/dortmund/intern/gruppen/import", {"file": (io.BytesIO(rows), "g.csv")}, content_type="multipart/form-data"
    )
    assert response.status_code == 303
    with tenant_context(world.dortmund.id):
        assert db.session.scalars(select(Topic.name)).all() == ["Übergewicht"]
        group = db.session.scalar(select(Group).where(Group.name == "Leichter leben"))
        assert [t.name for t in group.topics] == ["Übergewicht"]


def test_forward_inquiry_counts_as_referral(client, world, outbox) -> None:
    """Does one click forward the inquiry to the group's contact person and record the referral?"""
    group = protected_group(world.dortmund)
    inquiry = _inquiry(world.dortmund, group)
    client.login(world.dortmund_staff)
    assert "Kim" in client.get(f"/dortmund/intern/anfragen/{inquiry.id}").get_data(as_text=True)
    assert client.post_form(f"/dortmund/intern/anfragen/{inquiry.id}/forward").status_code == 303
    mails = outbox.to("petra@example.org")
    assert len(mails) == 1 and "kim@example.net" in outbox.text(mails[0])
    db.session.expire_all()
    with tenant_context(world.dortmund.id):
        fresh = db.session.get(GroupInquiry, inquiry.id)
        assert fresh.state == "forwarded" and fresh.forwarded_group_id == group.id and fresh.forwarded_at
    assert client.post_form(f"/dortmund/intern/anfragen/{inquiry.id}/close").status_code == 303
    with tenant_context(world.dortmund.id):
        import datetime as dt

        from saas.directory.queries import referrals_in

        now = dt.datetime.now(dt.UTC)
        assert referrals_in(now - dt.timedelta(days=1), now + dt.timedelta(days=1)) == 1

    # The forward is counted in the contact log (anonymously) and so in the annual report's referrals,
    # once, however often the inquiry is marked afterwards.
    client.post_form(f"/dortmund/intern/anfragen/{inquiry.id}/referred")
    from saas.contacts.models import Contact, ContactReferral
    from saas.contacts.report import annual_report

    with tenant_context(world.dortmund.id):
        contacts = db.session.scalars(select(Contact)).all()
        assert [(c.kind, c.channel, c.concern) for c in contacts] == [("citizen", "written", "seeking_group")]
        assert db.session.scalars(select(ContactReferral.group_id)).all() == [group.id]
        report = annual_report(world.dortmund, timeutil.today().year)
        assert report["contacts"]["referrals"]["to_groups"] == 1


def test_csv_import_and_export_in_the_browser_form(client, world) -> None:
    """Does the staff import store all rows, refuse a bad file whole, and the export give them back?"""
    client.login(world.dortmund_staff)
    good = (
        b"name,topics,topic_area,status,meets\n"
        b'Gruppe A,Angst;Panik,mental_health,active,"jeden 2. Dienstag, 19:00 Uhr"\n'
        b"Gruppe B,Diabetes,chronic_illness,founding,\n"
    )
    bad = b"name,topics,topic_area\nGruppe C,Angst,mental_health\n,Angst,nonsense\n"
    response = client.post_form(
        "/dortmund/intern/gruppen/import", {"file": (io.BytesIO(bad), "g.csv")}, content_type="multipart/form-data"
    )
    assert response.status_code == 400
    text = response.get_data(as_text=True)
    assert "line 3: name is required" in text and "line 3: topic_area must be one of" in text
    with tenant_context(world.dortmund.id):
        assert db.session.scalar(select(Group)) is None
    response = client.post_form(
        "/dortmund/intern/gruppen/import", {"file": (io.BytesIO(good), "g.csv")}, content_type="multipart/form-data"
    )
    assert response.status_code == 303
    exported = client.get("/dortmund/intern/gruppen/export.csv").get_data(as_text=True)
    assert exported.splitlines()[0].startswith("name,topics,topic_area,visibility,status")
    assert 'Gruppe A,Angst;Panik,mental_health,public,active,,,"jeden 2. Dienstag, 19:00 Uhr"' in exported


@pytest.mark.parametrize("role", ["dortmund_admin"])
def test_widget_page_shows_the_snippet(client, world, role: str) -> None:
    """Does the admin get an HTML snippet with the embed address?"""
    client.login(getattr(world, role))
    html = client.get("/dortmund/intern/gruppen/widget").get_data(as_text=True)
    assert (
        "&lt;iframe src=&#34;http://lotse.test/dortmund/gruppen/einbetten&#34;" in html
        or '&lt;iframe src="http://lotse.test/dortmund/gruppen/einbetten"' in html
    )
