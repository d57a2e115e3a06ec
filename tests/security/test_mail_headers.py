"""Mail header injection: no value typed by a person can add a header (``Info\\r\\nBcc: x@evil``)."""

from __future__ import annotations

import email
import email.policy
from email.errors import HeaderParseError
from email.headerregistry import Address

import pytest
from sqlalchemy import select

from saas.extensions import db
from saas.newsletter import issue_operations as issue_ops
from saas.newsletter.models import Issue
from saas.newsletter.render import MailFrame
from tenants.models import Tenant
from tenants.scoping import tenant_context
from tests.admin.test_profile_and_sites import PROFILE

INJECTED = "Info\r\nBcc: x@evil.example"


def _frame(**overrides: object) -> MailFrame:
    values = {
        "sender": Address("Kontaktstelle", addr_spec="noreply@lotse.test"),
        "subject": "Sommer",
        "date": "Mon, 01 Jun 2026 10:00:00 +0000",
        "html": "<p>x</p>",
        "text": "x",
        "list_id": "<dortmund.newsletter.lotse.test>",
        "reply_to": Address(addr_spec="office@lotse.test"),
    }
    values.update(overrides)
    return MailFrame(**values)


@pytest.mark.parametrize("field", ["subject", "reply_to", "list_id"])
def test_newsletter_frame_refuses_a_line_break_in_any_header(field):
    """Does the newsletter's mail frame refuse CR/LF in a header value instead of writing a Bcc header?"""
    with pytest.raises((ValueError, HeaderParseError)):
        if field == "reply_to":
            _frame(reply_to=Address("Büro\r\nBcc: x@evil.example", addr_spec="a@b.test"))
        else:
            _frame(**{field: INJECTED})


def test_per_recipient_headers_refuse_a_line_break():
    """Can neither the recipient nor the unsubscribe link carry a second header into one mail?"""
    frame = _frame()
    with pytest.raises(ValueError):
        frame.build(
            to="a@b.test\r\nBcc: x@evil.example", message_id="<1@x>", unsubscribe_url="u", unsubscribe_mailto="m"
        )
    with pytest.raises(ValueError):
        frame.build(to="a@b.test", message_id="<1@x>", unsubscribe_url="u\r\nBcc: x@evil", unsubscribe_mailto="m")
    raw = frame.build(
        to="a@b.test", message_id="<1@x>", unsubscribe_url="https://x/t", unsubscribe_mailto="mailto:a@b?subject=x"
    )
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert b"Bcc" not in head and b"To: a@b.test\r\n" in head


def test_office_name_is_encoded_inside_the_from_header():
    """Does a non-ASCII display name (the office name) stay inside the From header as an encoded word?"""
    raw = _frame(sender=Address("Kontaktstelle Lünen", addr_spec="noreply@lotse.test")).build(
        to="a@b.test", message_id="<1@x>", unsubscribe_url="https://x/t", unsubscribe_mailto="mailto:a@b"
    )
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert msg["From"].addresses[0].display_name == "Kontaktstelle Lünen" and raw.isascii()


def test_compose_form_refuses_subject_with_line_break(client, world, outbox):
    """Is a newsletter subject with CR/LF refused by the form (no issue stored, no test mail)?"""
    client.login(world.dortmund_staff)
    response = client.post_form("/dortmund/intern/newsletter/ausgaben/neu", {"subject": INJECTED, "body_md": "Text"})
    assert response.status_code == 200
    assert "Zeilenumbruch" in response.get_data(as_text=True)
    with tenant_context(world.dortmund.id):
        assert db.session.scalars(select(Issue)).all() == []
    assert outbox.messages() == []


def test_office_name_with_line_break_is_refused_by_the_profile_form(client, world):
    """Can an office admin save an office name (the From display name) or address (Reply-To) with CR/LF?"""
    client.login(world.dortmund_admin)
    for field, value in (("name", "Dortmund\r\nBcc: x@evil.example"), ("email", "a@b.test\nBcc: x@evil.example")):
        response = client.post_form("/dortmund/intern/verwaltung/profil", {**PROFILE, field: value})
        assert response.status_code == 400 and "Zeilenumbruch" in response.get_data(as_text=True), field
    db.session.expire_all()
    assert "\n" not in db.session.get(Tenant, world.dortmund.id).name


@pytest.mark.parametrize(
    "make",
    [
        lambda w: setattr(w.dortmund, "name", "Dortmund\r\nBcc: x@evil.example"),
        lambda w: setattr(w.dortmund, "email", "a@b.test\rBcc: x@evil.example"),
        lambda w: Issue(tenant_id=w.dortmund.id, subject=INJECTED),
    ],
)
def test_models_refuse_line_breaks_in_header_columns(world, make):
    """Is the rule kept by the models too, for writes that bypass a form (CLI, imports, scripts)?"""
    with pytest.raises(ValueError):
        make(world)
    db.session.rollback()


def test_cli_newsletter_create_refuses_subject_with_line_break(app, world):
    """Does the operation behind ``lotse newsletter create`` refuse a subject with CR/LF?"""
    with tenant_context(world.dortmund.id), pytest.raises(ValueError):
        issue_ops.create_issue(world.dortmund, INJECTED, "Text")
    db.session.rollback()
