"""Which ``X-Forwarded-*`` headers to believe: none, unless ``TRUSTED_PROXIES`` says who sets them.

Any client can send ``X-Forwarded-For``; believing it by default lets a client pick a new "address" per
request and walk past every per-IP limit (login, reset, sign-up, inquiry, registration). So:

- unset (the default): the forwarded headers are ignored; the peer's address is the client's;
- a count, ``TRUSTED_PROXIES=1``: exactly that many proxies stand in front (Werkzeug's ``ProxyFix``
  takes that many values from the right end of each header);
- networks, ``TRUSTED_PROXIES=10.0.0.0/8,172.16.0.0/12``: the headers count only when the peer is in one
  of them, and the client is the right-most address in ``X-Forwarded-For`` that is not.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from typing import Any

from werkzeug.middleware.proxy_fix import ProxyFix

from saas.config import ConfigError

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse(value: str | None) -> int | list[Network]:
    """``TRUSTED_PROXIES`` as a count (0 = none) or a list of networks; a clear error for anything else."""
    value = (value or "").strip()
    if not value:
        return 0
    if value.isdigit():
        return int(value)
    try:
        return [ipaddress.ip_network(part.strip(), strict=False) for part in value.split(",") if part.strip()]
    except ValueError as exc:
        raise ConfigError(
            f"TRUSTED_PROXIES: erwartet eine Anzahl oder Netze wie 10.0.0.0/8 (a count or networks): {exc}"
        ) from exc


def _address(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


class TrustedNetworks:
    """Take the forwarded headers only from a peer inside ``networks``."""

    def __init__(self, app: Any, networks: Iterable[Network]) -> None:
        self.app = app
        self.networks = list(networks)

    def _trusted(self, value: str) -> bool:
        address = _address(value)
        return address is not None and any(address in net for net in self.networks)

    def __call__(self, environ: dict, start_response: Any) -> Any:
        peer = environ.get("REMOTE_ADDR", "")
        if self._trusted(peer):
            hops = [h.strip() for h in environ.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
            client = peer
            for hop in reversed(hops):  # the right-most hop was written by our own proxy
                client = hop
                if not self._trusted(hop):
                    break
            if _address(client) is not None:
                environ["werkzeug.proxy_fix.orig_remote_addr"] = peer
                environ["REMOTE_ADDR"] = client
            proto = environ.get("HTTP_X_FORWARDED_PROTO", "").split(",")[-1].strip().lower()
            if proto in ("http", "https"):
                environ["wsgi.url_scheme"] = proto
            host = environ.get("HTTP_X_FORWARDED_HOST", "").split(",")[-1].strip()
            if host:
                environ["HTTP_HOST"] = host
        return self.app(environ, start_response)


def wrap(wsgi_app: Any, setting: str | None) -> Any:
    trusted = parse(setting)
    if isinstance(trusted, int):
        return ProxyFix(wsgi_app, x_for=trusted, x_proto=trusted, x_host=trusted) if trusted else wsgi_app
    return TrustedNetworks(wsgi_app, trusted)
