"""Staff pages: subscribers, import/export, erasure, compose/preview/test/send/progress, settings, bounces, CLI;
and the wall between offices (foreign ids answer 404 exactly like missing ones)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from sqlalchemy import select

from saas.extensions import db
from saas.newsletter import issue_operations as issue_ops
from saas.newsletter import operations as ops
from saas.newsletter.models import Issue, IssueStatus, Subscriber, SubscriberStatus
from tenants.scoping import tenant_context
from tests.factories import Outbox
from tests.newsletter.helpers import add_subscribers, suppressed

CSV_OK = (
    "email,name,consented_at,consent_text\n"
    "mit@example.org,Mit Einwilligung,2023-05-01,Ich möchte den Newsletter erhalten.\n"
    "ohne@example.org,Ohne,,\n"
)


def _issue(tenant, subject="Ausgabe") -> int:
    with tenant_context(tenant.id):
        issue = issue_ops.create_issue(tenant, subject, "## Hallo\n\nText.")
        db.session.commit()
        return issue.id


def test_subscriber_list_search_status_and_consent_proof(client, world):
    """Can staff find people by address and status and see the consent proof?"""
    add_subscribers(world.dortmund, 3)
    add_subscribers(world.dortmund, 1, SubscriberStatus.pending, prefix="wartet")
    client.login(world.dortmund_readonly)
    page = client.get("/dortmund/intern/newsletter/abonnenten?q=leser00001").get_data(as_text=True)
    assert "leser00001@example.org" in page and "leser00002@example.org" not in page
    page = client.get("/dortmund/intern/newsletter/abonnenten?status=pending").get_data(as_text=True)
    assert "wartet00000@example.org" in page and "leser00000" not in page
    with tenant_context(world.dortmund.id):
        sid = ops.find_subscriber("leser00000@example.org").id
    detail = client.get(f"/dortmund/intern/newsletter/abonnenten/{sid}").get_data(as_text=True)
    assert "Testeinwilligung" in detail and "Import" in detail
    assert "Person löschen" not in detail  # read-only staff cannot erase


def test_import_csv_subscribes_with_consent_and_invites_without(client, world, outbox):
    """Does the import subscribe rows with consent proof and send only the confirmation mail to the others?"""
    client.login(world.dortmund_staff)
    response = client.post_form(
        "/dortmund/intern/newsletter/abonnenten/import",
        {"file": (io.BytesIO(CSV_OK.encode()), "liste.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    with tenant_context(world.dortmund.id):
        mit, ohne = ops.find_subscriber("mit@example.org"), ops.find_subscriber("ohne@example.org")
        assert mit.status == SubscriberStatus.confirmed and mit.consent_text.body.startswith("Ich möchte")
        assert ohne.status == SubscriberStatus.pending
    [mail] = outbox.wait_for(1)
    assert mail["To"] == "ohne@example.org" and "bestätigen" in mail["Subject"]
    # The issue goes only to the one with consent.
    _issue_id = _issue(world.dortmund)
    client.post_form(f"/dortmund/intern/newsletter/ausgaben/{_issue_id}/senden")
    assert [str(m["To"]) for m in outbox.messages() if "Ausgabe" in str(m["Subject"])] == ["mit@example.org"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("email,name\nkaputt,Name\n", "line 2: invalid e-mail address"),
        ("email,consented_at,consent_text\na@example.org,2023-01-01,\n", "consent_text is required"),
        ("email,consented_at,consent_text\na@example.org,gestern,Text\n", "line 2: consented_at must be"),
        ("email\na@example.org\nA@example.org\n", "appears twice"),
        ("mail,name\nx@example.org,y\n", "missing column"),
        ("email\n\xe4@example.org\n".encode("latin-1"), "not UTF-8"),
    ],
)
def test_bad_import_stores_nothing_and_names_the_line(client, world, outbox, content, expected):
    """Is a malformed file refused as a whole with a line-numbered reason?"""
    client.login(world.dortmund_staff)
    data = content if isinstance(content, bytes) else content.encode()
    response = client.post_form(
        "/dortmund/intern/newsletter/abonnenten/import",
        {"file": (io.BytesIO(data), "x.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400 and expected in response.get_data(as_text=True)
    with tenant_context(world.dortmund.id):
        assert db.session.scalar(select(Subscriber.id)) is None
    assert outbox.messages() == []


def test_export_contains_consent_proof_and_only_own_office(client, world):
    """Does the CSV export list the office's people with consent proof, and nobody from Hamm?"""
    add_subscribers(world.dortmund, 2)
    add_subscribers(world.hamm, 1, prefix="hamm")
    client.login(world.dortmund_staff)
    response = client.get("/dortmund/intern/newsletter/abonnenten/export.csv")
    body = response.get_data(as_text=True)
    assert response.mimetype == "text/csv"
    assert body.splitlines()[0] == "email,name,consented_at,consent_text,status,confirmed_at,source"
    assert "leser00001@example.org" in body and "Testeinwilligung" in body and "hamm" not in body


def test_erasure_removes_person_and_on_request_the_suppression(client, world):
    """Does Art. 17 erasure remove the data (address kept blocked as hash), and lift the block when asked?"""
    add_subscribers(world.dortmund, 1, prefix="weg")
    client.login(world.dortmund_staff)
    client.post_form("/dortmund/intern/newsletter/loeschen", {"email": "weg00000@example.org"})
    with tenant_context(world.dortmund.id):
        assert ops.find_subscriber("weg00000@example.org") is None
        row = db.session.scalar(select(Subscriber))
        assert row.status == SubscriberStatus.erased and row.email is None
    assert suppressed(world.dortmund, "weg00000@example.org")
    page = client.post_form(
        "/dortmund/intern/newsletter/loeschen",
        {"email": "weg00000@example.org", "from_suppression": "y"},
        follow_redirects=True,
    )
    assert "Eintrag in der Sperrliste wurde gelöscht" in page.get_data(as_text=True)
    assert not suppressed(world.dortmund, "weg00000@example.org")


def test_compose_preview_test_and_send_with_progress_and_report(client, world, outbox):
    """Can staff write an issue, preview it as HTML and text, send a test to themselves, send it, and see
    progress and the final report?"""
    add_subscribers(world.dortmund, 3)
    client.login(world.dortmund_staff)
    response = client.post_form(
        "/dortmund/intern/newsletter/ausgaben/neu",
        {"subject": "Sommer-Ausgabe", "body_md": "## Sommerfest\n\n**Alle** sind eingeladen."},
    )
    assert response.status_code == 302
    url = response.headers["Location"]
    preview = client.get(f"{url}/vorschau").get_data(as_text=True)
    assert "<h2>Sommerfest</h2>" in preview and "SOMMERFEST" not in preview and "Sommerfest\n=====" in preview
    mail_doc = client.get(f"{url}/vorschau.html")
    assert "sandbox" in mail_doc.headers["Content-Security-Policy"] and "Impressum" in mail_doc.get_data(as_text=True)
    client.post_form(f"{url}/test")
    [test_mail] = outbox.wait_for(1)
    assert test_mail["To"] == "staff@dortmund.test" and test_mail["Subject"] == "[Test] Sommer-Ausgabe"
    client.post_form(f"{url}/senden")
    progress = client.get(f"{url}/fortschritt.json").get_json()
    assert progress == {
        "status": "sent",
        "total": 3,
        "sent": 3,
        "failed": 0,
        "skipped": 0,
        "remaining": 0,
        "percent": 100,
        "finished": True,
    }
    report = client.get(url).get_data(as_text=True)
    assert "Versandbericht" in report and "<progress" in report and 'value="3"' in report
    assert len(outbox.messages()) == 4
    # A second "send" does nothing.
    client.post_form(f"{url}/senden")
    assert len(outbox.messages()) == 4


def test_progress_page_refreshes_itself_while_sending(client, world):
    """While sending, does the page refresh without JavaScript (noscript meta refresh) and load the poller?"""
    issue_id = _issue(world.dortmund)
    with tenant_context(world.dortmund.id):
        db.session.get(Issue, issue_id).status = IssueStatus.sending
        db.session.commit()
    client.login(world.dortmund_readonly)
    page = client.get(f"/dortmund/intern/newsletter/ausgaben/{issue_id}").get_data(as_text=True)
    assert '<noscript><meta http-equiv="refresh" content="5"></noscript>' in page
    assert "js/newsletter.js" in page and "data-progress-url" in page and "Seite aktualisieren" in page


def test_schedule_and_cancel(client, world):
    """Can staff schedule an issue for a time and take it back to draft?"""
    issue_id = _issue(world.dortmund)
    client.login(world.dortmund_staff)
    url = f"/dortmund/intern/newsletter/ausgaben/{issue_id}"
    client.post_form(f"{url}/planen", {"at": "2099-05-01T09:30"})
    with tenant_context(world.dortmund.id):
        issue = db.session.get(Issue, issue_id)
        assert issue.status == IssueStatus.scheduled and issue.scheduled_at.hour in (7, 8)  # 09:30 Berlin in UTC
    db.session.rollback()
    page = client.post_form(f"{url}/planen", {"at": "2000-01-01T09:30"}, follow_redirects=True)
    assert "muss in der Zukunft liegen" in page.get_data(as_text=True)
    client.post_form(f"{url}/planung-aufheben")
    with tenant_context(world.dortmund.id):
        assert db.session.get(Issue, issue_id).status == IssueStatus.draft


def test_roles_readonly_cannot_write_admin_only_settings(client, world):
    """Is a read-only user refused (403) on writing pages, and staff on the admin-only settings?"""
    issue_id = _issue(world.dortmund)
    client.login(world.dortmund_readonly)
    assert client.get("/dortmund/intern/newsletter/ausgaben/neu").status_code == 403
    assert client.post_form(f"/dortmund/intern/newsletter/ausgaben/{issue_id}/senden").status_code == 403
    assert client.get("/dortmund/intern/newsletter/abonnenten/export.csv").status_code == 403
    client.logout()
    client.login(world.dortmund_staff)
    assert client.get("/dortmund/intern/newsletter/einstellungen").status_code == 403
    client.logout()
    client.login(world.dortmund_admin)
    page = client.post_form("/dortmund/intern/newsletter/einstellungen/bounce-token").get_data(as_text=True)
    assert "wird nur jetzt angezeigt" in page


def test_every_newsletter_url_answers_404_to_the_other_office(client, world):
    """Does a Hamm admin get 404 for Dortmund's newsletter pages and objects, like for missing ids?"""
    add_subscribers(world.dortmund, 1)
    issue_id = _issue(world.dortmund)
    with tenant_context(world.dortmund.id):
        sid = ops.find_subscriber("leser00000@example.org").id
    client.login(world.hamm_admin)
    base = "/dortmund/intern/newsletter"
    gets = [
        "/",
        "/abonnenten",
        f"/abonnenten/{sid}",
        "/abonnenten/import",
        "/abonnenten/export.csv",
        "/loeschen",
        "/ausgaben/neu",
        f"/ausgaben/{issue_id}",
        f"/ausgaben/{issue_id}/bearbeiten",
        f"/ausgaben/{issue_id}/vorschau",
        f"/ausgaben/{issue_id}/vorschau.html",
        f"/ausgaben/{issue_id}/fortschritt.json",
        "/einstellungen",
    ]
    for path in gets:
        assert client.get(base + path).status_code == 404, path
    for path in ["/test", "/senden", "/planen", "/planung-aufheben"]:
        assert client.post_form(f"{base}/ausgaben/{issue_id}{path}").status_code == 404, path
    # Dortmund's ids under Hamm's own prefix: the same 404 as a missing id.
    foreign = client.get(f"/hamm/intern/newsletter/ausgaben/{issue_id}")
    missing = client.get("/hamm/intern/newsletter/ausgaben/999999")
    assert foreign.status_code == missing.status_code == 404
    assert client.get(f"/hamm/intern/newsletter/abonnenten/{sid}").status_code == 404
    assert client.post_form(f"/hamm/intern/newsletter/ausgaben/{issue_id}/senden").status_code == 404
    with tenant_context(world.dortmund.id):
        assert db.session.get(Issue, issue_id).status == IssueStatus.draft


DSN = """From: MAILER-DAEMON@mx.example.net
To: bounces@lotse.local
Subject: Undelivered Mail Returned to Sender
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B"

--B
Content-Type: text/plain

Your message could not be delivered.

--B
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.net

Final-Recipient: rfc822; {rcpt}
Action: failed
Status: {status}
Diagnostic-Code: smtp; {diag}

--B
Content-Type: text/rfc822-headers

Message-ID: <irgendwas@example.net>
Subject: Newsletter

--B--
"""


def _bounce(client, token, rcpt, status="5.1.1", diag="550 5.1.1 User unknown", slug="dortmund"):
    return client.post(
        f"/{slug}/newsletter/eingang",
        data=DSN.format(rcpt=rcpt, status=status, diag=diag).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "message/rfc822"},
    )


def _token(tenant) -> str:
    with tenant_context(tenant.id):
        token = ops.set_bounce_token(ops.get_settings(tenant))
        db.session.commit()
        return token


def test_hard_bounce_disables_at_once_soft_after_three(client, world):
    """Does a hard bounce disable at once, and soft bounces only on the third within 30 days — shown with why?"""
    add_subscribers(world.dortmund, 2)
    token = _token(world.dortmund)
    result = _bounce(client, token, "leser00000@example.org").get_json()
    assert result["kind"] == "dsn" and result["hard"] == 1 and result["disabled"] == 1
    for n in range(3):
        result = _bounce(client, token, "leser00001@example.org", "4.2.2", "452 4.2.2 Mailbox full").get_json()
        assert result["soft"] == 1 and result["disabled"] == (1 if n == 2 else 0)
    db.session.rollback()
    with tenant_context(world.dortmund.id):
        hard, soft = ops.find_subscriber("leser00000@example.org"), ops.find_subscriber("leser00001@example.org")
        assert hard.status == soft.status == SubscriberStatus.disabled
        assert "5.1.1" in hard.disabled_reason and "3 vorübergehende" in soft.disabled_reason
        sid = hard.id
    client.login(world.dortmund_staff)
    detail = client.get(f"/dortmund/intern/newsletter/abonnenten/{sid}").get_data(as_text=True)
    assert "User unknown" in detail and "Gesperrt" in detail


def test_inbound_endpoint_refuses_wrong_token_and_other_office(client, world):
    """Is the bounce endpoint closed without the office's own token (404), storing nothing?"""
    add_subscribers(world.dortmund, 1)
    token = _token(world.dortmund)
    _token(world.hamm)
    assert _bounce(client, "falsch", "leser00000@example.org").status_code == 404
    assert _bounce(client, token, "leser00000@example.org", slug="hamm").status_code == 404
    assert client.post("/dortmund/newsletter/eingang", data=b"x").status_code == 404
    big = client.post(
        "/dortmund/newsletter/eingang", data=b"x" * (3 * 1024 * 1024), headers={"Authorization": f"Bearer {token}"}
    )
    assert big.status_code == 413
    with tenant_context(world.dortmund.id):
        assert ops.find_subscriber("leser00000@example.org").status == SubscriberStatus.confirmed


def test_mailto_unsubscribe_through_inbound(client, world):
    """Does a mail to the List-Unsubscribe mailto (subject 'abmelden TOKEN') unsubscribe?"""
    add_subscribers(world.dortmund, 1)
    token = _token(world.dortmund)
    with tenant_context(world.dortmund.id):
        sub_token = ops.find_subscriber("leser00000@example.org").token
    raw = f"From: leser00000@example.org\nTo: noreply@lotse.local\nSubject: abmelden {sub_token}\n\nbitte\n".encode()
    result = client.post("/dortmund/newsletter/eingang", data=raw, headers={"Authorization": f"Bearer {token}"})
    assert result.get_json()["unsubscribed"] is True
    assert suppressed(world.dortmund, "leser00000@example.org")


@pytest.mark.parametrize("token", ["-" + "a" * 30 + "-", "_" + "B" * 30 + "-", "x" * 31 + "-"])
def test_mailto_unsubscribe_token_ending_in_dash(client, world, token):
    """A URL-safe token may begin or end with "-" (1 in 64 does): the whole token must be read, not the part
    before the final "-" (the old word-boundary pattern failed about one CI run in 64)."""
    add_subscribers(world.dortmund, 1)
    with tenant_context(world.dortmund.id):
        ops.find_subscriber("leser00000@example.org").token = token
        db.session.commit()
    raw = f"From: leser00000@example.org\nTo: noreply@lotse.local\nSubject: abmelden {token}\n\nbitte\n".encode()
    result = client.post(
        "/dortmund/newsletter/eingang", data=raw, headers={"Authorization": f"Bearer {_token(world.dortmund)}"}
    )
    assert result.get_json()["unsubscribed"] is True
    assert suppressed(world.dortmund, "leser00000@example.org")


def test_cli_import_create_send_wait(app, world, outbox, tmp_path):
    """Do the CONTRACTS.md commands import, create (printing the id) and send --wait (printing counts)?"""
    runner = app.test_cli_runner()
    csv_file = tmp_path / "abos.csv"
    csv_file.write_text(CSV_OK, encoding="utf-8")
    result = runner.invoke(args=["newsletter", "subscribers", "import", "--tenant", "dortmund", str(csv_file)])
    assert result.exit_code == 0, result.output
    assert "1 subscribed with consent, 1 confirmation mails queued" in result.output
    body = tmp_path / "ausgabe.md"
    body.write_text("## Hallo Dortmund\n\nNeuigkeiten.", encoding="utf-8")
    result = runner.invoke(
        args=["newsletter", "create", "--tenant", "dortmund", "--subject", "CLI-Ausgabe", "--body-file", str(body)]
    )
    assert result.exit_code == 0, result.output
    issue_id = int(result.output.strip())
    result = runner.invoke(args=["newsletter", "send", "--tenant", "dortmund", str(issue_id), "--wait"])
    assert result.exit_code == 0, result.output
    assert "sent: 1, failed: 0" in result.output
    sent = [m for m in outbox.messages() if m["Subject"] == "CLI-Ausgabe"]
    assert [str(m["To"]) for m in sent] == ["mit@example.org"] and "Hallo Dortmund" in Outbox.text(sent[0])
    bad = runner.invoke(args=["newsletter", "send", "--tenant", "dortmund", "999999"])
    assert bad.exit_code != 0 and "unknown issue" in bad.output
    bad = tmp_path / "bad.csv"
    bad.write_text("email\nkaputt\n", encoding="utf-8")
    result = runner.invoke(args=["newsletter", "subscribers", "import", "--tenant", "dortmund", str(bad)])
    assert result.exit_code != 0 and "line 2" in result.output


def test_demo_seed_is_idempotent(app, db, make_tenant):
    """Does the demo seeder give Dortmund 389 subscribers at the end of 2023 (from the consent and
    unsubscribe history), six issues a year, and change nothing the second time?"""
    from saas.core.demo import seeding_on
    from saas.core.reports import annual_section
    from saas.newsletter.demo import seed_newsletter

    dortmund = make_tenant("dortmund")
    with seeding_on(dt.date(2026, 11, 30)):
        assert seed_newsletter({"dortmund": dortmund}) is True
        db.session.commit()
        assert seed_newsletter({"dortmund": dortmund}) is False
    db.session.commit()
    with tenant_context(dortmund.id):
        assert annual_section("newsletter", dortmund.id, 2023) == {"subscribers_at_year_end": 389, "issues_sent": 6}
        statuses = set(db.session.scalars(select(Issue.status)))
    assert {IssueStatus.sent, IssueStatus.scheduled, IssueStatus.draft} <= statuses
