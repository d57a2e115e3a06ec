"""The legal pages of an office: Impressum (§ 5 DDG) edited in a form with required fields, the generated
privacy notice with dated versions, the accessibility statement with its feedback form, Leichte Sprache."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from saas.extensions import db
from saas.legal.models import PrivacyNoticeVersion
from tenants.scoping import tenant_context
from tests.legal.helpers import IMPRESSUM, complete_impressum, parse_page

PUBLIC_PAGES = [
    "/dortmund/",
    "/dortmund/gruppen",
    "/dortmund/themen",
    "/dortmund/veranstaltungen",
    "/dortmund/newsletter",
    "/dortmund/newsletter/archiv",
    "/dortmund/impressum",
    "/dortmund/datenschutz",
    "/dortmund/barrierefreiheit",
    "/dortmund/leichte-sprache",
    "/dortmund/gruppen/einbetten",  # the widget in the office's own website
]
LEGAL_LINKS = {
    "Impressum": "/dortmund/impressum",
    "Datenschutz": "/dortmund/datenschutz",
    "Barrierefreiheit": "/dortmund/barrierefreiheit",
    "Leichte Sprache": "/dortmund/leichte-sprache",
}


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_every_public_page_links_the_legal_pages_in_its_footer(client, world, url):
    """Does each public page carry Impressum, Datenschutz, Barrierefreiheit and Leichte Sprache links?"""
    response = client.get(url)
    assert response.status_code == 200
    links = dict(parse_page(response.get_data(as_text=True)).links)
    for label, href in LEGAL_LINKS.items():
        assert links.get(label) == href, (url, label)


@pytest.mark.parametrize("url", [u for u in PUBLIC_PAGES if u != "/dortmund/newsletter"])
def test_public_pages_set_no_cookie_for_visitors(client, world, url):
    """Do the public pages (legal ones included) answer a visitor without a Set-Cookie header?"""
    response = client.get(url)
    assert response.status_code == 200 and "Set-Cookie" not in response.headers, url


def test_admin_fills_in_the_impressum_and_the_office_goes_live(client, world):
    """Until the Impressum is complete: staff see a notice on public pages and the office is not listed;
    a missing required field is refused; once complete, the Impressum shows every § 5 DDG item."""
    assert "Dortmund" not in client.get("/").get_data(as_text=True)
    client.login(world.dortmund_admin)
    assert "Impressum dieser Kontaktstelle ist unvollständig" in client.get("/dortmund/").get_data(as_text=True)

    incomplete = {**IMPRESSUM, "representatives": ""}
    refused = client.post_form("/dortmund/intern/rechtliches/impressum", incomplete)
    assert refused.status_code == 200
    assert "diese Angabe verlangt § 5 DDG" in refused.get_data(as_text=True)

    saved = client.post_form("/dortmund/intern/rechtliches/impressum", IMPRESSUM)
    assert saved.status_code == 302
    assert "unvollständig" not in client.get("/dortmund/").get_data(as_text=True)
    client.logout()
    page = client.get("/dortmund/impressum").get_data(as_text=True)
    for value in ("PariSozial Dortmund gGmbH", "Gunther Niermann", "44135 Dortmund", "HRB 0000", "0231 52 90 97"):
        assert value in page
    index = client.get("/").get_data(as_text=True)
    assert "Selbsthilfe-Kontaktstelle Dortmund" in index and "Selbsthilfe-Kontaktstelle Hamm" not in index


def test_visitors_see_no_staff_notice_and_an_incomplete_impressum_says_so(client, world):
    """Does a visitor see no staff notice, and an unfinished Impressum page say it is being completed?"""
    assert "unvollständig" not in client.get("/dortmund/").get_data(as_text=True)
    assert "wird gerade vervollständigt" in client.get("/dortmund/impressum").get_data(as_text=True)


def test_staff_see_the_notice_and_only_admins_the_link_to_the_form(client, world):
    client.login(world.dortmund_staff)
    page = client.get("/dortmund/gruppen").get_data(as_text=True)
    assert "Impressum dieser Kontaktstelle ist unvollständig" in page
    assert "/dortmund/intern/rechtliches/impressum" not in page
    client.logout()
    client.login(world.dortmund_admin)
    assert "/dortmund/intern/rechtliches/impressum" in client.get("/dortmund/gruppen").get_data(as_text=True)


@pytest.mark.parametrize(("who", "status"), [("dortmund_staff", 403), ("hamm_admin", 404)])
def test_only_the_offices_admins_edit_the_legal_pages(client, world, who, status):
    client.login(getattr(world, who))
    assert client.get("/dortmund/intern/rechtliches/impressum").status_code == status
    assert client.post_form("/dortmund/intern/rechtliches/impressum", IMPRESSUM).status_code == status


def _notice(client) -> str:  # type: ignore[no-untyped-def]
    return client.get("/dortmund/datenschutz").get_data(as_text=True)


def test_changing_a_retention_period_changes_the_notice_and_keeps_the_old_version(client, world):
    """After the admin shortens the retention of event data, does the privacy notice name the new period,
    and is the previous version still there, with its date and its old period?"""
    from tests.events.helpers import make_event

    make_event(world.dortmund, title="Gesamttreffen")
    complete_impressum(world.dortmund)
    assert "30 Tage nach der Veranstaltung" in _notice(client)

    client.login(world.dortmund_admin)
    response = client.post_form(
        "/dortmund/intern/datenschutz/aufbewahrung",
        {
            "newsletter_unconfirmed": "7",
            "inquiries_closed": "90",
            "founding_interests": "90",
            "wegweiser_interests": "730",
            "event_participants": "14",
        },
    )
    assert response.status_code == 302
    client.logout()

    current = _notice(client)
    assert "14 Tage nach der Veranstaltung" in current and "30 Tage nach der Veranstaltung" not in current
    with tenant_context(world.dortmund.id):
        versions = db.session.scalars(select(PrivacyNoticeVersion).order_by(PrivacyNoticeVersion.id)).all()
        assert len(versions) == 2
        old_id = versions[0].id
        assert versions[0].created_at is not None
    old_link = f"/dortmund/datenschutz/fassung/{old_id}"
    assert old_link in current  # listed under "Frühere Fassungen" with its date
    assert re.search(r"Fassung vom \d{2}\.\d{2}\.\d{4}, \d{2}\.\d{2} Uhr", current)
    old = client.get(old_link).get_data(as_text=True)
    assert "30 Tage nach der Veranstaltung" in old and "14 Tage " not in old


def test_notice_names_only_what_the_office_uses_and_the_admins_addition(client, world):
    """Is the newsletter section absent for an office without a newsletter, present once it has one,
    and is the admin's own text added?"""
    assert "Newsletter" not in "".join(re.findall(r"<h2[^>]*>([^<]*)</h2>", _notice(client)))
    from saas.newsletter import operations as nl_ops

    with tenant_context(world.dortmund.id):
        nl_ops.get_settings(db.session.merge(world.dortmund))
        db.session.commit()
    client.login(world.dortmund_admin)
    client.post_form(
        "/dortmund/intern/rechtliches/datenschutz",
        {"dpo_contact": "", "privacy_authority": "LDI NRW", "privacy_extra": "Wir nutzen keine Fotos."},
    )
    client.logout()
    notice = _notice(client)
    assert "<h2" in notice and "Newsletter</h2>" in notice
    assert "Wir nutzen keine Fotos." in notice and "LDI NRW" in notice
    assert "7 Tagen" in notice  # unconfirmed sign-ups, the office's (default) setting


def test_foreign_or_missing_notice_version_answers_404(client, world):
    complete_impressum(world.hamm)
    with tenant_context(world.hamm.id):
        hamm_version = db.session.scalar(select(func.min(PrivacyNoticeVersion.id)))
    assert client.get(f"/hamm/datenschutz/fassung/{hamm_version}").status_code == 200
    assert client.get(f"/dortmund/datenschutz/fassung/{hamm_version}").status_code == 404
    assert client.get("/dortmund/datenschutz/fassung/987654").status_code == 404


def test_accessibility_statement_has_status_gaps_review_date_and_conciliation_body(client, world):
    client.login(world.dortmund_admin)
    client.post_form(
        "/dortmund/intern/rechtliches/barrierefreiheit",
        {
            "a11y_status": "partial",
            "a11y_gaps": "Alte PDF-Berichte sind nicht barrierefrei.",
            "a11y_reviewed_on": "2026-10-15",
        },
    )
    client.logout()
    page = client.get("/dortmund/barrierefreiheit").get_data(as_text=True)
    assert "teilweise vereinbar" in page
    assert "Alte PDF-Berichte sind nicht barrierefrei." in page
    assert "15.10.2026" in page
    assert "Schlichtungsstelle" in page and "/dortmund/barrierefreiheit/rueckmeldung" in page


def test_feedback_reaches_the_office_by_mail_only_with_consent(client, world, outbox):
    """Is feedback without consent refused, and with consent mailed to the office, answerable to the sender?"""
    before = len(outbox.messages())
    url = "/dortmund/barrierefreiheit/rueckmeldung"
    refused = client.post_form(url, {"message": "Der Kontrast ist zu schwach."})
    assert refused.status_code == 200 and "Bitte bestätigen Sie die Einwilligung." in refused.get_data(as_text=True)
    assert len(outbox.messages()) == before
    with tenant_context(world.dortmund.id):
        db.session.merge(world.dortmund).email = "info@dortmund.test"
        db.session.commit()
    sent = client.post_form(
        url, {"message": "Der Kontrast ist zu schwach.", "email": "leser@example.org", "consent": "y"}
    )
    assert sent.status_code == 200 and "angekommen" in sent.get_data(as_text=True)
    mail = outbox.wait_for(before + 1)[-1]
    assert mail["To"].addresses[0].addr_spec == "info@dortmund.test"
    assert mail["Reply-To"].addresses[0].addr_spec == "leser@example.org"
    assert "Der Kontrast ist zu schwach." in outbox.text(mail)


def test_feedback_form_is_throttled(world, app, client):
    """Is the sixth feedback within a minute from one address answered with 429?"""
    from saas import create_app
    from saas.extensions import limiter

    limited = create_app({"TESTING": True, "RATELIMIT_ENABLED": True, "CELERY": {"task_always_eager": True}})
    limited.test_client_class = type(client)
    limiter.reset()
    try:
        c = limited.test_client()
        codes = [
            c.post_form("/dortmund/barrierefreiheit/rueckmeldung", {"message": "x", "consent": "y"}).status_code
            for _ in range(6)
        ]
        assert codes[:5] == [200] * 5 and codes[5] == 429
    finally:
        limiter.reset()
        limiter.enabled = False
        app.extensions["celery"].set_default()
        with limited.app_context():
            db.session.remove()
            db.engine.dispose()


def test_leichte_sprache_has_a_default_text_the_office_can_replace(client, world):
    page = client.get("/dortmund/leichte-sprache").get_data(as_text=True)
    assert "Wir sind die Selbsthilfe-Kontaktstelle Dortmund." in page and "Wegweiser" in page
    client.login(world.dortmund_admin)
    form = client.get("/dortmund/intern/rechtliches/leichte-sprache").get_data(as_text=True)
    assert "Wir helfen Menschen mit Selbsthilfe." in form  # the form starts from the default text
    client.post_form("/dortmund/intern/rechtliches/leichte-sprache", {"easy_language": "Hallo.\nWir sind da."})
    client.logout()
    page = client.get("/dortmund/leichte-sprache").get_data(as_text=True)
    assert "Hallo.<br>Wir sind da." in page and "Wir helfen Menschen" not in page
