"""HTTP hardening: security headers on every response.

- Content-Security-Policy without inline scripts (scripts only from our own static files). Inline
  *styles* stay allowed: server-rendered SVG charts carry presentation styles, and style injection is
  not a script-execution risk under this policy.
- ``frame-ancestors 'none'`` everywhere, except views marked with :func:`allow_framing` (the
  embeddable Wegweiser widget that offices paste into their own websites).
- HSTS in production; nosniff; a strict Referrer-Policy; no caching of pages of logged-in users.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from flask import Flask, Response, abort, current_app, request
from flask_login import current_user

from saas.core import inputs

F = TypeVar("F", bound=Callable[..., Any])

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors {frame_ancestors}"
)


def allow_framing(view: F) -> F:
    """Mark a view as embeddable in other sites' frames (public, read-only content only)."""
    view.allow_framing = True  # type: ignore[attr-defined]  # a marker on the view function, read with getattr
    return view


def _framing_allowed() -> bool:
    endpoint = request.endpoint
    if not endpoint:
        return False
    view = current_app.view_functions.get(endpoint)
    return bool(getattr(view, "allow_framing", False))


NUL_MESSAGE = "Die Eingabe enthält ein unzulässiges Steuerzeichen (NUL). Bitte prüfen Sie Ihre Eingabe."


def _has_nul() -> bool:
    return any("\x00" in v for v in request.args.values()) or (
        request.method in ("POST", "PUT", "PATCH")
        and request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data")
        and any("\x00" in k or "\x00" in v for k, v in request.form.items(multi=True))
    )


def init_app(app: Flask) -> None:
    @app.before_request
    def _reject_nul_bytes() -> None:
        # No text column anywhere can store NUL (PostgreSQL refuses it): refuse it at the door with a
        # clear message instead of failing deep inside a write.
        if _has_nul():
            abort(400, description=NUL_MESSAGE)
        refused = inputs.out_of_range_description()  # NUL in the path, dates and years beyond the calendar
        if refused:
            abort(400, description=refused)

    @app.after_request
    def _security_headers(response: Response) -> Response:
        framable = _framing_allowed()
        ancestors = "*" if framable else "'none'"
        response.headers.setdefault("Content-Security-Policy", CSP.format(frame_ancestors=ancestors))
        if not framable:
            response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if app.config.get("LOTSE_ENV") == "production":
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        if current_user and current_user.is_authenticated:
            response.headers.setdefault("Cache-Control", "no-store")
        return response
