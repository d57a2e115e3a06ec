"""The public, read-only JSON API (CONTRACTS.md *Public directory API*): CORS-friendly GET only."""

from __future__ import annotations

from flask import Blueprint, Response

from saas.api import public
from saas.extensions import csrf

bp = Blueprint("api", __name__)


@bp.after_request
def _cors(response: Response) -> Response:
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Allow-Methods"] = "GET, OPTIONS"
    response.headers["Access-Control-Allow-Headers"] = "Accept, Content-Type"
    response.headers["Access-Control-Max-Age"] = "86400"
    response.headers.setdefault("Cache-Control", "public, max-age=60")
    return response


bp.add_url_rule("/api/v1/tenants/<slug>/groups", "groups", public.groups, methods=["GET", "OPTIONS"])
bp.add_url_rule("/api/v1/tenants/<slug>/groups/<int:group_id>", "group", public.group, methods=["GET", "OPTIONS"])
bp.add_url_rule("/api/v1/openapi.json", "openapi", public.openapi_json)
csrf.exempt(bp)
