"""Test servers bind their own port (no gap between choosing a free port and binding it, in which a parallel
run could take it): the SMTP sink reports the port it bound, a refused port stays held, and no test chooses a
port by binding and closing a socket any more."""

from __future__ import annotations

import re
import smtplib
import socket
from pathlib import Path

import pytest

from tests.ports import LoopbackSMTP, listening_socket, refused_port


class _Sink:
    def __init__(self) -> None:
        self.count = 0

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        self.count += 1
        return "250 OK"


def test_smtp_servers_each_bind_their_own_port_and_report_it():
    sinks = [_Sink() for _ in range(3)]
    controllers = [LoopbackSMTP(sink) for sink in sinks]
    for controller in controllers:
        controller.start()
    try:
        ports = [c.port for c in controllers]
        assert len(set(ports)) == 3 and all(p > 0 for p in ports)
        with smtplib.SMTP("127.0.0.1", ports[1], timeout=5) as client:
            client.sendmail("a@example.org", ["b@example.org"], "Subject: x\r\n\r\nhallo")
        assert [s.count for s in sinks] == [0, 1, 0]
        with socket.socket() as other, pytest.raises(OSError):  # the port is taken while the server runs
            other.bind(("127.0.0.1", ports[0]))
    finally:
        for controller in controllers:
            controller.stop()


def test_a_refused_port_is_held_until_the_block_ends():
    with refused_port() as port:
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", port), timeout=2)
        with socket.socket() as other, pytest.raises(OSError):
            other.bind(("127.0.0.1", port))
    with listening_socket() as sock, socket.create_connection(sock.getsockname(), timeout=2):
        pass


def test_no_test_chooses_a_port_by_binding_and_closing_a_socket():
    """The racy pattern (bind to port 0, read the port, close, let a server bind it later) is gone."""
    root = Path(__file__).parent
    racy = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if path.name != "test_ports.py" and re.search(r"def _?free_port\(", path.read_text(encoding="utf-8"))
    ]
    assert racy == []
