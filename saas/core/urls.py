"""Absolute links for mails, also from a worker (no request there): ``external_url_for(endpoint, **values)``."""

from __future__ import annotations

from typing import Any

from flask import current_app, has_request_context, url_for


def external_url_for(endpoint: str, **values: Any) -> str:
    """``BASE_URL`` + the route's path. Outside a request, name the office (``slug=``) explicitly."""
    if has_request_context():
        path = url_for(endpoint, **values)
    else:  # no request context pushed: its teardown would unbind the worker's office and session
        path = current_app.url_map.bind("localhost").build(endpoint, values)
    return current_app.config["BASE_URL"].rstrip("/") + path
