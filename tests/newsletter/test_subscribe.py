"""Double opt-in, proof of consent, one-click unsubscribe, suppression and clean-up of unconfirmed sign-ups."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select, update

from saas.extensions import db
from saas.newsletter import operations as ops
from saas.newsletter.models import Subscriber, SubscriberStatus
from tenants.scoping import tenant_context
from tests.factories import Outbox
from tests.newsletter.helpers import add_subscribers, link_in, path_of, suppressed

CONSENT = "Ja, ich willige ein (Text oben)."


def _subscribe(client, email: str, name: str = "", slug: str = "dortmund"):
    client.get(f"/{slug}/newsletter")
    return client.post_form(f"/{slug}/newsletter", {"email": email, "name": name, "consent": "y"})


def _subscriber(tenant, email):
    db.session.rollback()  # a fresh look: the requests committed in their own sessions
    with tenant_context(tenant.id):
        s = db.session.scalar(select(Subscriber).where(Subscriber.email == email))
        if s is not None:
            _ = s.consent_text
        return s


def test_subscribe_then_confirm_records_proof_of_consent(client, world, outbox):
    """Does the form lead to 'please confirm' (never 'subscribed'), and does only the link's click subscribe,
    keeping when, which text, confirmation time and source as proof?"""
    page = client.get("/dortmund/newsletter").get_data(as_text=True)
    assert "Ich möchte den Newsletter der Selbsthilfe-Kontaktstelle Dortmund" in page
    response = _subscribe(client, "Ruth.Leserin@Example.org", "Ruth")
    assert response.status_code == 302
    pending = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Bitte bestätigen" in pending and "abonniert" not in pending.lower().replace("abonnieren", "")
    s = _subscriber(world.dortmund, "ruth.leserin@example.org")
    assert s.status == SubscriberStatus.pending and s.source.value == "form"
    assert "Ich möchte den Newsletter" in s.consent_text.body and s.consented_at is not None
    assert s.confirmed_at is None

    [mail] = outbox.wait_for(1)
    assert mail["To"] == "ruth.leserin@example.org" and "bestätigen" in mail["Subject"]
    confirm = path_of(link_in(Outbox.text(mail), "/bestaetigen/"))
    page = client.get(confirm)
    assert page.status_code == 200 and "Anmeldung bestätigen" in page.get_data(as_text=True)
    assert _subscriber(world.dortmund, "ruth.leserin@example.org").status == SubscriberStatus.pending  # GET alone: no
    done = client.post_form(confirm)
    assert "bestätigt" in done.get_data(as_text=True)
    s = _subscriber(world.dortmund, "ruth.leserin@example.org")
    assert s.status == SubscriberStatus.confirmed and s.confirmed_at is not None
    welcome = outbox.wait_for(2)[-1]
    assert "Willkommen" in welcome["Subject"]


def test_every_subscriber_mail_is_multipart_german_with_imprint_and_one_click_headers(client, world, outbox):
    """Do the confirmation and welcome mails carry text+HTML, the office's imprint and RFC 8058 headers?"""
    _subscribe(client, "anna@example.org")
    confirm = path_of(link_in(Outbox.text(outbox.wait_for(1)[0]), "/bestaetigen/"))
    client.post_form(confirm)
    for mail in outbox.wait_for(2):
        assert mail.get_content_type() == "multipart/alternative"
        assert mail.get_body(("plain",)) is not None and mail.get_body(("html",)) is not None
        assert mail["Content-Language"] == "de"
        text_part = Outbox.text(mail)
        assert "Impressum" in text_part and "Selbsthilfe-Kontaktstelle Dortmund" in text_part
        assert "Ostenhellweg 42-48" in text_part
        assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        unsub = mail["List-Unsubscribe"]
        assert "<http://lotse.test/dortmund/newsletter/abmelden/" in unsub and "<mailto:" in unsub
        assert "Selbsthilfe-Kontaktstelle Dortmund" in str(mail["From"])


def test_resubscribing_gives_no_enumeration_signal(client, world, make_client, outbox):
    """Is the answer for an already subscribed address the same as for a new one?"""
    add_subscribers(world.dortmund, 1, prefix="bekannt")
    known = _subscribe(client, "bekannt00000@example.org")
    fresh = _subscribe(make_client(), "neu@example.org")
    assert known.status_code == fresh.status_code == 302
    assert known.headers["Location"] == fresh.headers["Location"]
    strip = lambda r: re.sub(r'value="[^"]{40,}"', "", r.get_data(as_text=True))  # noqa: E731 - CSRF tokens differ
    assert strip(client.get(known.headers["Location"])) == strip(make_client().get(fresh.headers["Location"]))
    # No second subscriber row for the known address; it stays confirmed.
    assert _subscriber(world.dortmund, "bekannt00000@example.org").status == SubscriberStatus.confirmed


def test_form_without_consent_or_csrf_stores_nothing(client, world):
    """Is a sign-up without the consent tick, or without CSRF token, refused with nothing stored?"""
    client.get("/dortmund/newsletter")
    no_consent = client.post_form("/dortmund/newsletter", {"email": "x@example.org"})
    assert no_consent.status_code == 200 and "Bitte bestätigen Sie die Einwilligung" in no_consent.get_data(
        as_text=True
    )
    forged = client.post("/dortmund/newsletter", data={"email": "y@example.org", "consent": "y"})
    assert forged.status_code == 400
    bad = client.post_form("/dortmund/newsletter", {"email": "kein-at-zeichen", "consent": "y"})
    assert bad.status_code == 200
    with tenant_context(world.dortmund.id):
        assert db.session.scalar(select(Subscriber.id)) is None


def test_confirmation_link_is_bound_to_its_office(client, world, outbox):
    """Does a Dortmund confirmation link, opened under Hamm or tampered with, answer 'invalid' (404)?"""
    _subscribe(client, "anna@example.org")
    confirm = path_of(link_in(Outbox.text(outbox.wait_for(1)[0]), "/bestaetigen/"))
    assert client.get(confirm.replace("/dortmund/", "/hamm/")).status_code == 404
    assert client.get(confirm[:-3] + "xyz").status_code == 404


def test_one_click_unsubscribe_keeps_only_a_hash(client, world, make_client, outbox, app):
    """Does a bare POST (no login, no CSRF, as mail providers send it) unsubscribe, leaving only a hash?"""
    add_subscribers(world.dortmund, 1, prefix="gehe")
    s = _subscriber(world.dortmund, "gehe00000@example.org")
    url = f"/dortmund/newsletter/abmelden/{s.token}"
    page = make_client().get(url).get_data(as_text=True)
    assert "Newsletter abbestellen" in page and '<form method="post"' in page
    response = app.test_client().post(url, data={"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200 and "abgemeldet" in response.get_data(as_text=True)
    assert _subscriber(world.dortmund, "gehe00000@example.org") is None
    assert suppressed(world.dortmund, "gehe00000@example.org")
    with tenant_context(world.dortmund.id):
        row = db.session.get(Subscriber, s.id)
        assert row.status == SubscriberStatus.unsubscribed and row.email is None and row.name == ""
        assert row.consent_text_id is None and row.ended_at is not None
    # Nowhere in the database does the address survive.
    with db.engine.connect() as conn:
        for table in db.metadata.sorted_tables:
            if table.name.startswith("newsletter_"):
                for r in conn.execute(table.select()):
                    assert "gehe00000" not in str(r)
    # A second POST is harmless; the address may subscribe anew, and the confirmation lifts the suppression.
    assert app.test_client().post(url).status_code == 200
    _subscribe(client, "gehe00000@example.org")
    confirm = path_of(link_in(Outbox.text(outbox.wait_for(1)[-1]), "/bestaetigen/"))
    client.post_form(confirm)
    assert _subscriber(world.dortmund, "gehe00000@example.org").status == SubscriberStatus.confirmed
    assert not suppressed(world.dortmund, "gehe00000@example.org")


def test_unsubscribe_link_of_another_office_does_nothing(app, world):
    """Does a Dortmund token used under /hamm/ unsubscribe nobody?"""
    add_subscribers(world.dortmund, 1)
    s = _subscriber(world.dortmund, "leser00000@example.org")
    app.test_client().post(f"/hamm/newsletter/abmelden/{s.token}")
    assert _subscriber(world.dortmund, "leser00000@example.org").status == SubscriberStatus.confirmed


def test_unconfirmed_signups_are_deleted_after_seven_days(db, world):
    """Does the clean-up task delete sign-ups older than 7 days that were never confirmed, and nothing else?"""
    from workers.newsletter import cleanup_unconfirmed

    add_subscribers(world.dortmund, 2, SubscriberStatus.pending, prefix="alt")
    add_subscribers(world.dortmund, 1, SubscriberStatus.pending, prefix="frisch")
    add_subscribers(world.dortmund, 1, SubscriberStatus.confirmed, prefix="treu")
    add_subscribers(world.hamm, 1, SubscriberStatus.pending, prefix="hammalt")
    old = dt.datetime.now(dt.UTC) - dt.timedelta(days=8)
    for tenant, prefixes in ((world.dortmund, ("alt", "treu")), (world.hamm, ("hammalt",))):
        with tenant_context(tenant.id):
            for prefix in prefixes:
                db.session.execute(update(Subscriber).where(Subscriber.email.like(f"{prefix}%")).values(created_at=old))
            db.session.commit()
    assert cleanup_unconfirmed.delay().get() == 3
    with tenant_context(world.dortmund.id):
        left = sorted(db.session.scalars(select(Subscriber.email)))
    assert left == ["frisch00000@example.org", "treu00000@example.org"]


def test_confirmation_mail_is_not_repeated_within_ten_minutes(client, world, outbox):
    """Does hammering the form for one address send one confirmation mail, not many?"""
    for _ in range(3):
        _subscribe(client, "oft@example.org")
    assert len(outbox.wait_for(1)) == 1
    with tenant_context(world.dortmund.id):
        s = ops.find_subscriber("oft@example.org")
        s.confirmation_sent_at = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=11)
        db.session.commit()
    _subscribe(client, "oft@example.org")
    assert len(outbox.wait_for(2)) == 2
