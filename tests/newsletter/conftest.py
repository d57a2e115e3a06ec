"""A real SMTP server on loopback (aiosmtpd) that records what it accepted, with scripted refusals."""

from __future__ import annotations

import email
import email.policy
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from tests.ports import LoopbackSMTP


@dataclass
class Received:
    rcpt: str
    message_id: str
    raw: bytes


@dataclass
class SinkHandler:
    received: list[Received] = field(default_factory=list)
    refuse: dict[str, str] = field(default_factory=dict)  # address → SMTP reply at RCPT ("550 …" / "451 …")
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        reply = self.refuse.get(address.lower())
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            for rcpt in envelope.rcpt_tos:
                self.received.append(Received(rcpt.lower(), str(msg["Message-ID"]), envelope.content))
        return "250 Message accepted for delivery"

    def snapshot(self) -> list[Received]:
        with self.lock:
            return list(self.received)


@dataclass
class Sink:
    handler: SinkHandler
    port: int

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    @property
    def received(self) -> list[Received]:
        return self.handler.snapshot()


@pytest.fixture
def smtp_sink() -> Iterator[Sink]:
    handler = SinkHandler()
    controller = LoopbackSMTP(handler, data_size_limit=10 * 1024 * 1024)  # binds port 0: no port race
    controller.start()
    try:
        yield Sink(handler, controller.port)
    finally:
        controller.stop()
