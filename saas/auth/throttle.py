"""Keys of the login limits (all keyed hashes: no e-mail or address in the rate-limit store) and the
"known client" cookie that lets a person's own browser past the per-account slow-down."""

from __future__ import annotations

from flask import current_app, request
from werkzeug.wrappers import Response as BaseResponse

from saas.auth.operations import normalise_email
from saas.core.limitkeys import client_address, keyed

KNOWN_COOKIE = "lotse_known"
_MAX_ACCOUNTS = 5  # a shared office computer: a few people's accounts


def _email() -> str:
    return normalise_email(request.form.get("email", ""))[:254]


def address_key() -> str:
    return keyed("login-ip", client_address())


def pair_key() -> str:
    return keyed("login-pair", _email(), client_address())


def account_key() -> str:
    return keyed("login-account", _email())


def _mark(email: str) -> str:
    return keyed("known", normalise_email(email)).partition(":")[2][:20]


def known_client() -> bool:
    """Has this browser logged in to the account before? (Then the per-account slow-down does not apply.)"""
    if request.method != "POST":
        return False
    return _mark(_email()) in (request.cookies.get(KNOWN_COOKIE) or "").split(".")


def remember_client(response: BaseResponse, email: str) -> BaseResponse:
    marks = [m for m in (request.cookies.get(KNOWN_COOKIE) or "").split(".") if m and m != _mark(email)]
    marks = [_mark(email), *marks][:_MAX_ACCOUNTS]
    response.set_cookie(
        KNOWN_COOKIE,
        ".".join(marks),
        max_age=365 * 24 * 3600,
        secure=current_app.config.get("SESSION_COOKIE_SECURE", False),
        httponly=True,
        samesite="Lax",
    )
    return response
