"""The bounce mailbox reader against a real IMAP server (Dovecot on loopback): bounce reports and unsubscribe
mails of several offices, routed to the right office, acted on once, deleted; other mail left for a person."""

from __future__ import annotations

import hashlib
import hmac
import imaplib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from saas.core.periodic import schedule
from saas.extensions import db
from saas.newsletter import mailbox
from saas.newsletter import operations as ops
from saas.newsletter.models import Bounce, Issue, SubscriberStatus
from tenants.scoping import tenant_context
from tests.newsletter.helpers import add_subscribers

USER, PASSWORD = "bounces@lotse.test", "mailbox-secret-2026"

CONFIG = """protocols = imap
listen = 127.0.0.1
login_greeting = {greeting}
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:~/Maildir
first_valid_uid = 1
{users}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/home/%u
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
"""


@pytest.fixture
def imap_url() -> Iterator[str]:
    """A real Dovecot IMAP server on a loopback port with one mailbox; its URL (``BOUNCE_MAILBOX_URL``)."""
    from tests.conftest import require_tool

    binary = require_tool(shutil.which("dovecot") or "/usr/sbin/dovecot", "Dovecot", "dovecot-imapd")
    # Not under pytest's tmp_path: its folders are private (0700), and Dovecot's own processes run as
    # other users that must reach the password file and the mailbox.
    root = Path(tempfile.mkdtemp(prefix="lotse-imap-"))
    root.chmod(0o755)
    for sub in ("run", "state", "home"):
        (root / sub).mkdir()
    if os.geteuid() == 0:  # mail is never accessed as root: the mailbox belongs to nobody
        uid, gid, users = 65534, 65534, ""
        os.chown(root / "home", uid, gid)
    else:
        import pwd

        uid, gid = os.getuid(), os.getgid()
        me = pwd.getpwuid(uid).pw_name
        users = f"default_internal_user = {me}\ndefault_login_user = {me}\ndefault_internal_group = {me}"
    (root / "passwd").write_text(f"{USER}:{{PLAIN}}{PASSWORD}\n")
    # Dovecot cannot report a port it chose itself: a port is chosen, and the server counts as ours only when
    # it answers with this run's own greeting; if another process took the port in between, Dovecot fails to
    # bind (or someone else answers) and the next port is tried.
    greeting = f"lotse-test-{os.getpid()}-{time.monotonic_ns()}"
    conf = root / "dovecot.conf"
    for _attempt in range(5):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        conf.write_text(CONFIG.format(root=root, uid=uid, gid=gid, port=port, users=users, greeting=greeting))
        process = subprocess.Popen([binary, "-F", "-c", str(conf)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if _ours(process, port, greeting, time.monotonic() + 15):
            break
        process.kill()
        process.wait(timeout=10)
    else:
        log = (root / "dovecot.log").read_text() if (root / "dovecot.log").exists() else ""
        raise RuntimeError(f"Dovecot did not start: {process.stdout.read() if process.stdout else b''!r} {log}")
    try:
        yield f"imap://{USER.replace('@', '%40')}:{PASSWORD}@127.0.0.1:{port}/INBOX"
    finally:
        subprocess.run([binary, "-c", str(conf), "stop"], capture_output=True, timeout=15)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(root, ignore_errors=True)


def _ours(process: subprocess.Popen, port: int, greeting: str, deadline: float) -> bool:
    """Does the Dovecot just started answer on ``port`` with ``greeting`` (and not another server)?"""
    while process.poll() is None and time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=2) as conn:
                return greeting.encode() in conn.recv(1024)
        except OSError:
            time.sleep(0.1)
    return False


def _imap(url: str) -> imaplib.IMAP4:
    address = mailbox.MailboxAddress.parse(url)
    client = imaplib.IMAP4(address.host, address.port, timeout=10)
    client.login(address.user, address.password)
    client.select("INBOX")
    return client


def deliver(url: str, *mails: bytes) -> None:
    client = _imap(url)
    for raw in mails:
        assert client.append("INBOX", None, None, raw)[0] == "OK"
    client.logout()


def mailbox_state(url: str) -> list[tuple[bytes, bool]]:
    """(Subject line, seen) of every mail still in the mailbox."""
    client = _imap(url)
    out = []
    _, data = client.uid("SEARCH", "ALL")
    for uid in (data[0] or b"").split():
        _, parts = client.uid("FETCH", uid, "(FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
        meta, header = parts[0]
        out.append((header.strip(), b"\\Seen" in meta))
    client.logout()
    return out


def _message_id(app, tenant_id: int, issue_id: int, subscriber_id: int) -> str:
    ident = f"nl.{tenant_id}.{issue_id}.{subscriber_id}"
    digest = hmac.new(app.config["SECRET_KEY"].encode(), ident.encode(), hashlib.sha256).hexdigest()[:16]
    return f"<{ident}.{digest}@lotse.local>"


def dsn(rcpt: str, status: str, diag: str, message_id: str = "<irgendwas@example.net>", stamp: str = "1") -> bytes:
    return (
        "From: MAILER-DAEMON@mx.example.net\r\n"
        "To: bounces@lotse.test\r\n"
        f"Subject: Undelivered Mail Returned to Sender {stamp}\r\n"
        f"Message-ID: <dsn-{stamp}@mx.example.net>\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r\n\r\n'
        "--B\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n\r\n"
        "--B\r\nContent-Type: message/delivery-status\r\n\r\n"
        "Reporting-MTA: dns; mx.example.net\r\n\r\n"
        f"Final-Recipient: rfc822; {rcpt}\r\nAction: failed\r\nStatus: {status}\r\n"
        f"Diagnostic-Code: smtp; {diag}\r\n\r\n"
        "--B\r\nContent-Type: text/rfc822-headers\r\n\r\n"
        f"Message-ID: {message_id}\r\nSubject: Newsletter\r\n\r\n"
        "--B--\r\n"
    ).encode()


def plain(subject: str, body: str = "Hallo") -> bytes:
    return f"From: leser@example.org\r\nTo: bounces@lotse.test\r\nSubject: {subject}\r\n\r\n{body}\r\n".encode()


def _issue(tenant_id: int) -> int:
    with tenant_context(tenant_id):
        issue = Issue(tenant_id=tenant_id, subject="Rundbrief")
        db.session.add(issue)
        db.session.commit()
        return issue.id


def _bounces(tenant_id: int) -> int:
    with tenant_context(tenant_id):
        return db.session.scalar(select(func.count(Bounce.id)))


def test_mailbox_reader_routes_acts_once_and_leaves_other_mail(app, world, imap_url):
    """A hard bounce (Dortmund, by Message-ID), a soft bounce without the original headers (Hamm, by address),
    an unsubscribe mail (Hamm, by token) and an out-of-office reply: each office gets its own, once."""
    dortmund = add_subscribers(world.dortmund, 2)
    hamm = add_subscribers(world.hamm, 2, prefix="hamm")
    issue_id = _issue(world.dortmund.id)
    with tenant_context(world.dortmund.id):
        gone = ops.find_subscriber(dortmund[0])
        message_id = _message_id(app, world.dortmund.id, issue_id, gone.id)
    with tenant_context(world.hamm.id):
        token = ops.find_subscriber(hamm[1]).token
    deliver(
        imap_url,
        dsn(dortmund[0], "5.1.1", "550 5.1.1 User unknown", message_id, stamp="hard"),
        dsn(hamm[0], "4.2.2", "452 4.2.2 Mailbox full", stamp="soft"),
        plain(f"abmelden {token}"),
        plain("Abwesenheitsnotiz: Re: Rundbrief"),
        dsn("geloescht@example.org", "5.1.1", "550 5.1.1 User unknown", stamp="erased"),  # nobody: just deleted
    )

    result = app.test_cli_runner().invoke(args=["newsletter", "poll-mailbox", "--url", imap_url])
    assert result.exit_code == 0, result.output
    assert "processed 4" in result.output and "disabled 1" in result.output and "unsubscribed 1" in result.output

    db.session.rollback()
    with tenant_context(world.dortmund.id):
        subscriber = ops.find_subscriber(dortmund[0])
        assert subscriber.status == SubscriberStatus.disabled and "5.1.1" in subscriber.disabled_reason
        assert db.session.scalar(select(Bounce.issue_id)) == issue_id
        assert ops.find_subscriber(dortmund[1]).status == SubscriberStatus.confirmed
    with tenant_context(world.hamm.id):
        assert db.session.scalar(select(Bounce.kind)).value == "soft"
        assert ops.find_subscriber(hamm[0]).status == SubscriberStatus.confirmed  # one soft bounce: not yet
        assert ops.find_subscriber(hamm[1]) is None and ops.is_suppressed(hamm[1])
    # Only the out-of-office reply is left, read, for a person to look at.
    assert mailbox_state(imap_url) == [(b"Subject: Abwesenheitsnotiz: Re: Rundbrief", True)]

    again = app.test_cli_runner().invoke(args=["newsletter", "poll-mailbox", "--url", imap_url])
    assert again.exit_code == 0 and "fetched 0" in again.output
    assert (_bounces(world.dortmund.id), _bounces(world.hamm.id)) == (1, 1)


def test_a_crash_between_commit_and_deletion_counts_nothing_twice(app, world, imap_url):
    """The mail's effects were committed but it was not deleted (the worker died): the next poll deletes it
    without a second soft bounce."""
    hamm = add_subscribers(world.hamm, 1, prefix="hamm")
    raw = dsn(hamm[0], "4.2.2", "452 4.2.2 Mailbox full", stamp="crash")
    deliver(imap_url, raw)
    first = mailbox.PollResult()
    assert mailbox.process(raw, first) is True  # acted on and committed, then the "crash": still in the mailbox
    assert _bounces(world.hamm.id) == 1 and len(mailbox_state(imap_url)) == 1

    result = mailbox.poll(imap_url)
    assert (result.fetched, result.processed, result.duplicates) == (1, 0, 1)
    assert _bounces(world.hamm.id) == 1
    assert mailbox_state(imap_url) == []


def test_wrong_password_or_address_is_a_clear_error_and_changes_nothing(app, world, imap_url):
    hamm = add_subscribers(world.hamm, 1, prefix="hamm")
    deliver(imap_url, dsn(hamm[0], "5.1.1", "550 5.1.1 User unknown"))
    wrong = imap_url.replace(PASSWORD, "falsch")
    result = app.test_cli_runner().invoke(args=["newsletter", "poll-mailbox", "--url", wrong])
    assert result.exit_code != 0 and "mailbox 127.0.0.1" in result.output
    result = app.test_cli_runner().invoke(args=["newsletter", "poll-mailbox", "--url", "https://example.org/x"])
    assert result.exit_code != 0 and "BOUNCE_MAILBOX_URL must look like" in result.output
    assert _bounces(world.hamm.id) == 0
    assert mailbox_state(imap_url) == [(b"Subject: Undelivered Mail Returned to Sender 1", False)]


def test_the_beat_reads_the_configured_mailbox(app, world, imap_url, monkeypatch):
    """Every five minutes the worker reads BOUNCE_MAILBOX_URL; without one it does nothing."""
    from workers.newsletter import poll_mailbox

    assert schedule()["newsletter-mailbox"]["task"] == "lotse.newsletter.poll_mailbox"
    hamm = add_subscribers(world.hamm, 1, prefix="hamm")
    deliver(imap_url, dsn(hamm[0], "5.1.1", "550 5.1.1 User unknown"))
    monkeypatch.setitem(app.config, "BOUNCE_MAILBOX_URL", None)
    assert poll_mailbox.run() == 0 and len(mailbox_state(imap_url)) == 1
    monkeypatch.setitem(app.config, "BOUNCE_MAILBOX_URL", imap_url)
    assert poll_mailbox.run() == 1
    db.session.rollback()
    with tenant_context(world.hamm.id):
        assert ops.find_subscriber(hamm[0]).status == SubscriberStatus.disabled
    assert mailbox_state(imap_url) == []
