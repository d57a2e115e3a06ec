"""The newsletter in public: the archive lists the sent issues, "Im Browser ansehen" in each mail opens the
issue's web copy (which carries no subscriber token), and an Atom feed lists the same issues."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from saas.extensions import db
from saas.newsletter import issue_operations as issue_ops
from saas.newsletter import operations as ops
from saas.newsletter.models import Issue, IssueStatus
from tenants.scoping import tenant_context
from tests.factories import Outbox
from tests.legal.helpers import parse_page
from tests.legal.test_mail_layout import assert_office_layout
from tests.newsletter.helpers import add_subscribers, path_of

ATOM = "{http://www.w3.org/2005/Atom}"


def _send_issue(tenant, subject: str) -> int:  # type: ignore[no-untyped-def]
    with tenant_context(tenant.id):
        issue = issue_ops.create_issue(tenant, subject, "## Neues aus der Selbsthilfe\n\nEine neue Gruppe.", None)
        db.session.commit()
        issue_ops.queue_issue(tenant, db.session.get(Issue, issue.id))
        db.session.commit()
        return issue.id


def test_sent_issue_is_in_archive_and_feed_and_its_mail_links_the_web_copy(client, world, outbox):
    """Does a sent issue appear in the archive and the feed (a draft does not), does its mail link the web
    copy, and does the web copy show the issue without any subscriber's token?"""
    with tenant_context(world.dortmund.id):
        db.session.merge(world.dortmund).email = "info@dortmund.test"
        db.session.commit()
    (reader,) = add_subscribers(world.dortmund, 1)
    issue_id = _send_issue(world.dortmund, "Newsletter März")
    with tenant_context(world.dortmund.id):
        issue_ops.create_issue(world.dortmund, "Entwurf Juni", "noch nicht fertig", None)
        assert db.session.get(Issue, issue_id).status == IssueStatus.sent
        token = ops.find_subscriber(reader).token
        db.session.commit()

    archive = client.get("/dortmund/newsletter/archiv").get_data(as_text=True)
    assert "Newsletter März" in archive and "Entwurf Juni" not in archive

    (mail,) = outbox.to(reader)
    assert_office_layout(mail)
    text = Outbox.text(mail)
    web_copy = f"http://lotse.test/dortmund/newsletter/archiv/{issue_id}"
    assert f"Im Browser ansehen: {web_copy}" in text
    html_links = dict(parse_page(mail.get_body(("html",)).get_content()).links)
    assert html_links["Im Browser ansehen"] == web_copy
    page = client.get(path_of(web_copy))
    body = page.get_data(as_text=True)
    assert page.status_code == 200 and "Neues aus der Selbsthilfe" in body
    assert token not in body and "abmelden/" not in body

    feed = client.get("/dortmund/newsletter.atom")
    assert feed.status_code == 200 and feed.mimetype == "application/atom+xml"
    root = ET.fromstring(feed.data)
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Newsletter März"]
    assert entries[0].find(f"{ATOM}link").get("href") == web_copy
    assert token.encode() not in feed.data


def test_unsent_foreign_or_missing_issue_is_404(client, world):
    _send_issue(world.hamm, "Hamm im Mai")
    with tenant_context(world.dortmund.id):
        draft = issue_ops.create_issue(world.dortmund, "Entwurf", "x", None)
        db.session.commit()
        draft_id = draft.id
    with tenant_context(world.hamm.id):
        hamm_issue = db.session.scalar(db.select(Issue.id))
    assert client.get(f"/hamm/newsletter/archiv/{hamm_issue}").status_code == 200
    assert client.get(f"/dortmund/newsletter/archiv/{hamm_issue}").status_code == 404
    assert client.get(f"/dortmund/newsletter/archiv/{draft_id}").status_code == 404
    assert client.get("/dortmund/newsletter/archiv/987654").status_code == 404


def test_empty_feed_is_valid_atom(client, world):
    root = ET.fromstring(client.get("/dortmund/newsletter.atom").data)
    assert root.tag == f"{ATOM}feed" and root.findall(f"{ATOM}entry") == []
    assert root.findtext(f"{ATOM}title") == "Newsletter – Selbsthilfe-Kontaktstelle Dortmund"
