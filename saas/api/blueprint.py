"""The public, read-only JSON API (CONTRACTS.md *Public directory API*): CORS-friendly GET only."""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, g, jsonify, request

from saas.api import openapi, schemas
from saas.core.paging import page_number
from saas.directory import finder, queries
from saas.directory.models import TOPIC_AREAS
from saas.directory.search import search_ids
from saas.extensions import csrf

bp = Blueprint("api", __name__)
PER_PAGE = 20


@bp.after_request
def _cors(response: Response) -> Response:
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Allow-Methods"] = "GET, OPTIONS"
    response.headers["Access-Control-Allow-Headers"] = "Accept, Content-Type"
    response.headers["Access-Control-Max-Age"] = "86400"
    response.headers.setdefault("Cache-Control", "public, max-age=60")
    return response


def groups(slug: str) -> Response:
    if request.method == "OPTIONS":
        return Response(status=204)
    q = request.args.get("q", "")
    if len(q) > 200:
        abort(400)
    area = request.args.get("topic_area", "")
    if area and area not in TOPIC_AREAS:
        abort(400)
    page = page_number(strict=True)
    try:
        filters = finder.parse(request.args, strict=True)
    except finder.FilterError:
        abort(400)
    result = search_ids(
        q,
        tenant_id=g.tenant.id,
        topic_area=area or None,
        filters=finder.conditions(filters),
        offset=(page - 1) * PER_PAGE,
        limit=PER_PAGE,
    )
    found = queries.public_groups_by_ids(result.ids)
    step_free = finder.step_free_ids([group.id for group in found])
    items = [schemas.public_group(group, slug, step_free=group.id in step_free) for group in found]
    return jsonify({"items": items, "total": result.total, "page": page, "per_page": PER_PAGE})


def group(slug: str, group_id: int) -> Response:
    if request.method == "OPTIONS":
        return Response(status=204)
    found = queries.public_group(group_id)
    if found is None:
        abort(404)
    return jsonify(schemas.public_group(found, slug, step_free=bool(finder.step_free_ids([found.id]))))


def openapi_json() -> Response:
    return jsonify(openapi.document(current_app.config["BASE_URL"]))


bp.add_url_rule("/api/v1/tenants/<slug>/groups", "groups", groups, methods=["GET", "OPTIONS"])
bp.add_url_rule("/api/v1/tenants/<slug>/groups/<int:group_id>", "group", group, methods=["GET", "OPTIONS"])
bp.add_url_rule("/api/v1/openapi.json", "openapi", openapi_json)
csrf.exempt(bp)
