"""One mail layout for every feature: parsed with the ``email`` package, each mail has the office's name in
From, the office's address in Reply-To, a text and an HTML part, and a footer with the office's address
and links to its Impressum and privacy notice."""

from __future__ import annotations

from email.message import EmailMessage

import pytest
from sqlalchemy import select
from sqlalchemy.orm.attributes import set_committed_value

from saas.extensions import db
from tenants.scoping import tenant_context
from tests.legal.helpers import parse_page

OFFICE = "Selbsthilfe-Kontaktstelle Dortmund"
OFFICE_MAIL = "info@dortmund.test"
IMPRESSUM = "http://lotse.test/dortmund/impressum"
DATENSCHUTZ = "http://lotse.test/dortmund/datenschutz"


@pytest.fixture
def office(world):  # type: ignore[no-untyped-def]
    with tenant_context(world.dortmund.id):
        db.session.merge(world.dortmund).email = OFFICE_MAIL
        db.session.commit()
    return world


def assert_office_layout(msg: EmailMessage) -> None:
    sender = msg["From"].addresses[0]
    assert sender.display_name == OFFICE
    (reply_to,) = msg["Reply-To"].addresses
    assert reply_to.addr_spec == OFFICE_MAIL and reply_to.display_name == OFFICE
    assert len(msg.get_all("From")) == len(msg.get_all("Reply-To")) == 1
    assert msg.is_multipart() and msg.get_content_type() == "multipart/alternative"
    text = msg.get_body(preferencelist=("plain",)).get_content()
    html = msg.get_body(preferencelist=("html",)).get_content()
    assert IMPRESSUM in text and DATENSCHUTZ in text
    assert "Ostenhellweg 42-48, 44135 Dortmund" in text  # the office's address in the footer
    links = dict(parse_page(html).links)
    assert links.get("Impressum") == IMPRESSUM and links.get("Datenschutz") == DATENSCHUTZ
    assert "Ostenhellweg 42-48, 44135 Dortmund" in html
    # One footer: the office's contact details once, not a feature's own signature beside the shared footer.
    # (The address may also be a meeting place in the body, the phone and the mail address may not.)
    for detail in ("0231 52 90 97", OFFICE_MAIL):
        assert text.count(detail) == 1, (detail, text)
    assert html.count("0231 52 90 97") == 1


def test_event_registration_confirmation(client, office, outbox):
    from tests.events.helpers import make_event

    event = make_event(office.dortmund, capacity=5, min_participants=None, decision_date=None)
    data = {"name": "Eva", "email": "eva@example.org", "persons": "1", "group_id": "0", "consent": "y"}
    assert client.post_form(f"/dortmund/veranstaltungen/{event.id}", data).status_code == 302
    outbox.wait_for(1)
    (mail,) = outbox.to("eva@example.org")
    assert_office_layout(mail)
    # The HTML part is the same content as the text part, with the manage link clickable.
    html = mail.get_body(preferencelist=("html",)).get_content()
    assert any("/dortmund/veranstaltungen/anmeldung/" in href for _, href in parse_page(html).links)


def test_inquiry_notice_to_the_office_and_forward_to_the_group(client, office, outbox):
    from saas.directory import operations as dir_ops
    from saas.directory.models import GroupInquiry
    from tests.directory.helpers import make_group

    group = make_group(office.dortmund, "Angst", ["Angst"], visibility="protected")
    response = client.post_form(
        f"/dortmund/gruppen/{group.id}/anfrage",
        {"name": "Kim", "reach": "kim@example.net", "message": "Ich möchte kommen.", "consent": "y"},
    )
    assert response.status_code == 303
    (notice,) = outbox.to(OFFICE_MAIL)
    assert_office_layout(notice)
    with tenant_context(office.dortmund.id):
        grp = db.session.merge(group)
        from saas.directory.models import GroupContactPerson

        grp.contacts.append(GroupContactPerson(tenant_id=grp.tenant_id, name="Lea", email="lea@group.test"))
        inquiry = db.session.scalar(select(GroupInquiry))
        dir_ops.forward_inquiry(inquiry, acting_user=None)
        db.session.commit()
    (forward,) = outbox.to("lea@group.test")
    assert_office_layout(forward)
    assert "Ich möchte kommen." in forward.get_body(preferencelist=("plain",)).get_content()


def test_password_reset_of_a_person_in_one_office(client, office, outbox):
    assert client.post_form("/passwort-vergessen", {"email": office.dortmund_staff.email}).status_code in (200, 302)
    (mail,) = outbox.to(office.dortmund_staff.email)
    assert_office_layout(mail)
    assert "/passwort-zuruecksetzen/" in mail.get_body(preferencelist=("plain",)).get_content()


def test_newsletter_confirmation_request(client, office, outbox):
    data = {"email": "leser@example.org", "name": "", "consent": "y"}
    assert client.post_form("/dortmund/newsletter", data).status_code == 302
    (mail,) = outbox.to("leser@example.org")
    assert_office_layout(mail)
    assert mail["List-Unsubscribe"]  # the newsletter's own headers stay


def test_room_renewal_notice_built_by_the_worker(office, outbox):
    """A mail built in a Celery task (no request): the same layout, links absolute from BASE_URL."""
    import datetime as dt

    from saas.core import timeutil
    from tests.rooms.helpers import book, make_group, make_room
    from workers import rooms as room_tasks

    room = make_room(office.dortmund, hours="")
    group = make_group(office.dortmund, "Endet bald")
    today = timeutil.today()
    book(office.dortmund, room, group, pattern="weekly", start_date=today - dt.timedelta(days=70),
         until_date=today + dt.timedelta(days=10), start_time=dt.time(17), end_time=dt.time(19))  # fmt: skip
    assert room_tasks.notify_expiring_bookings.apply().get()["dortmund"] == 1
    (mail,) = outbox.wait_for(1)
    assert_office_layout(mail)


def test_a_name_with_a_line_break_cannot_add_a_header(app, office):
    """Is an office name or address with CR/LF refused by the header API instead of adding a header?"""
    from saas.core.mail import office_message

    with app.test_request_context(), tenant_context(office.dortmund.id):
        tenant = db.session.merge(office.dortmund)
        with pytest.raises(ValueError):  # the model refuses it on assignment
            tenant.name = "Kontaktstelle\r\nBcc: victim@example.org"
        # A name stored before that rule existed still cannot reach a header: bypass the model's check.
        set_committed_value(tenant, "name", "Kontaktstelle\r\nBcc: victim@example.org")
        with pytest.raises(ValueError):
            office_message(tenant, to="a@example.org", subject="s", text="t")
        set_committed_value(tenant, "name", OFFICE)
        with pytest.raises(ValueError):
            office_message(tenant, to="a@example.org\r\nBcc: victim@example.org", subject="s", text="t")
        with pytest.raises(ValueError):
            office_message(tenant, to="a@example.org", subject="s", text="t", reply_to="x@example.org\nBcc: v@e.org")
        db.session.rollback()


def test_a_non_ascii_office_name_is_encoded_not_mangled(app, office):
    from email import message_from_bytes, policy

    from saas.core.mail import office_message

    with app.test_request_context(), tenant_context(office.dortmund.id):
        tenant = db.session.merge(office.dortmund)
        tenant.name = "K.I.S.S. Kreis Unna – Kontaktstelle, Lünen"
        raw = bytes(office_message(tenant, to="a@example.org", subject="Grüße", text="t"))
        db.session.rollback()
    parsed = message_from_bytes(raw, policy=policy.default)
    assert parsed["From"].addresses[0].display_name == "K.I.S.S. Kreis Unna – Kontaktstelle, Lünen"
    raw.split(b"\n\n")[0].decode("ascii")  # the header block is plain ASCII: RFC 2047 encoded words


def test_newsletter_issue_ends_with_the_shared_footer(app, office):
    """Does an issue carry the one shared footer (no older imprint block of its own) in both parts?"""
    import datetime as dt
    from email import message_from_bytes, policy
    from types import SimpleNamespace

    from flask import render_template

    from saas.core.mail import office_links
    from saas.newsletter import mails
    from tenants.models import Tenant

    with app.test_request_context(), tenant_context(office.dortmund.id):
        tenant = db.session.get(Tenant, office.dortmund.id)
        tenant.legal_body, tenant.website = "Paritätischer Verein Dortmund e. V.", "https://dortmund.example"
        issue = SimpleNamespace(
            id=7, subject="Dezember", html="<p>Neues</p>", text="Neues", started_at=dt.datetime.now(dt.UTC)
        )
        frame = mails.issue_frame(tenant, issue)
        raw = mails.issue_message(frame, tenant, 7, 1, "leser@example.org", "tok")
        shared_text = render_template("mail/_footer.txt", tenant=tenant, links=office_links(tenant)).strip()
        shared_html = render_template("mail/_footer.html", tenant=tenant, links=office_links(tenant)).strip()
        db.session.rollback()
    msg = message_from_bytes(raw, policy=policy.default)
    assert_office_layout(msg)
    text = msg.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n")
    html = msg.get_body(preferencelist=("html",)).get_content().replace("\r\n", "\n")
    assert text.rstrip().endswith(shared_text), text
    assert shared_html in html
    assert "Paritätischer Verein Dortmund e. V." not in text  # that belongs to the Impressum page
