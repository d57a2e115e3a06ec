"""Rate-limit keys without personal data: a keyed hash (HMAC with the app's secret) of what they count.

Flask-Limiter stores its keys in Redis (and logs them when a limit is hit); ``login:<e-mail>`` or a client's
address in clear text would put personal data there. A plain SHA-256 of an e-mail address is no better:
anyone with a list of addresses can recompute it. The secret key makes the hash useless outside the app.
"""

from __future__ import annotations

import hashlib
import hmac

from flask import current_app, request


def keyed(prefix: str, *parts: str) -> str:
    secret = current_app.config["SECRET_KEY"].encode()
    digest = hmac.new(secret, "\x1f".join(parts).encode(), hashlib.sha256).hexdigest()[:32]
    return f"{prefix}:{digest}"


def client_address() -> str:
    return request.remote_addr or ""


def client_key() -> str:
    """The default key: the client's address, hashed."""
    return keyed("ip", client_address())
