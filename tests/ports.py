"""Loopback servers for tests without a port race.

Choosing a free port (bind to 0, read it, close) and binding it again later leaves a gap in which another
process of a parallel run can take the port. Here the server itself binds port 0 and reports its port
(:class:`LoopbackSMTP`, :func:`listening_socket` handed to a child process), or the port stays held for as
long as it is needed (:func:`refused_port`).
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from aiosmtpd.controller import Controller


class LoopbackSMTP(Controller):
    """An aiosmtpd server on 127.0.0.1 that binds port 0 itself; ``port`` is its port once started."""

    def __init__(self, handler: Any, **kwargs: Any) -> None:
        super().__init__(handler, hostname="127.0.0.1", port=0, **kwargs)

    async def _bind(self) -> asyncio.AbstractServer:
        server = await self.loop.create_server(self._factory_invoker, host=self.hostname, port=0, ssl=self.ssl_context)
        self.port = server.sockets[0].getsockname()[1]  # read before start() connects to it
        return server

    def _create_server(self) -> Any:
        return self._bind()


def listening_socket() -> socket.socket:
    """A socket listening on a port of 127.0.0.1 the kernel chose: hand it to a server process (its fd) and
    read the port from it; nobody else can take the port in between."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    return sock


@contextmanager
def refused_port() -> Iterator[int]:
    """A port of 127.0.0.1 where connections are refused: bound but not listening, and held (so no other
    process takes it and answers) until the block ends."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]
