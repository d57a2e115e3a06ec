"""The MAIL_URL backends deliver for real: file://, smtp:// (with STARTTLS) and smtps://."""

from __future__ import annotations

import email
import email.policy
import ssl
import subprocess

import pytest

from saas.core.mail import PermanentMailError, TemporaryMailError, build_message, deliver
from tests.ports import LoopbackSMTP


class Sink:
    def __init__(self, refuse: str | None = None) -> None:
        self.messages: list[email.message.EmailMessage] = []
        self.refuse = refuse

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse:
            return self.refuse
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 Message accepted"


@pytest.fixture(scope="module")
def tls_files(tmp_path_factory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def _message():  # type: ignore[no-untyped-def]
    return build_message(
        to="person@example.org", subject="Grüße aus Lotse", text="Hallo – schön, dass Sie da sind.", html="<p>Hallo</p>"
    )


def test_file_backend_writes_one_eml_per_message(app, tmp_path):
    """Does file:// write a complete multipart .eml file?"""
    with app.app_context():
        deliver(_message(), f"file://{tmp_path}")
    files = list(tmp_path.glob("*.eml"))
    assert len(files) == 1
    msg = email.message_from_bytes(files[0].read_bytes(), policy=email.policy.default)
    assert msg["Subject"] == "Grüße aus Lotse"
    assert msg.get_body(("plain",)).get_content().strip() == "Hallo – schön, dass Sie da sind."


def test_smtp_backend_sends_with_starttls(app, tls_files):
    """Does smtp://…?starttls=1 deliver through a real SMTP server after a verified STARTTLS?"""
    cert, key = tls_files
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_ctx.load_cert_chain(cert, key)
    sink = Sink()
    controller = LoopbackSMTP(sink, tls_context=server_ctx, require_starttls=True)
    controller.start()
    port = controller.port
    try:
        with app.app_context():
            deliver(_message(), f"smtp://localhost:{port}?starttls=1&cafile={cert}")
    finally:
        controller.stop()
    assert len(sink.messages) == 1 and sink.messages[0]["To"] == "person@example.org"


def test_smtps_backend_sends_over_tls(app, tls_files):
    """Does smtps:// deliver over implicit TLS with the certificate verified?"""
    cert, key = tls_files
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_ctx.load_cert_chain(cert, key)
    sink = Sink()
    controller = LoopbackSMTP(sink, ssl_context=server_ctx)
    controller.start()
    port = controller.port
    try:
        with app.app_context():
            deliver(_message(), f"smtps://localhost:{port}?cafile={cert}")
            with pytest.raises(TemporaryMailError):  # an unverified certificate is refused
                deliver(_message(), f"smtps://localhost:{port}")
    finally:
        controller.stop()
    assert len(sink.messages) == 1


@pytest.mark.parametrize(
    ("answer", "error"), [("550 No such user", PermanentMailError), ("451 Try again later", TemporaryMailError)]
)
def test_smtp_errors_are_classified(app, answer, error):
    """Is a 5xx answer permanent and a 4xx answer temporary?"""
    sink = Sink(refuse=answer)
    controller = LoopbackSMTP(sink)
    controller.start()
    port = controller.port
    try:
        with app.app_context(), pytest.raises(error):
            deliver(_message(), f"smtp://127.0.0.1:{port}")
    finally:
        controller.stop()
    assert sink.messages == []


def test_smtp_errors_never_carry_the_recipients_address(app):
    """An SMTP refusal quoting the address becomes an error text without it (logs, delivery rows)."""
    from saas.core.mail import redact_addresses

    sink = Sink(refuse="550 5.1.1 <erika.muster@example.org>: Recipient address rejected")
    controller = LoopbackSMTP(sink)
    controller.start()
    port = controller.port
    try:
        with app.app_context(), pytest.raises(PermanentMailError) as caught:
            deliver(_message(), f"smtp://127.0.0.1:{port}")
    finally:
        controller.stop()
    assert "erika.muster" not in str(caught.value) and "<Adresse>" in str(caught.value)
    assert redact_addresses("to a.b+c@mail.example.org now") == "to <Adresse> now"
