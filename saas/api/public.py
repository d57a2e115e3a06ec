"""The public, read-only JSON API (CONTRACTS.md *Public directory API*): the handlers."""

from __future__ import annotations

from flask import Response, abort, current_app, g, jsonify, request
from flask.typing import ResponseReturnValue

from saas.api import openapi, schemas
from saas.core.paging import page_number
from saas.directory import finder, queries
from saas.directory.models import TOPIC_AREAS
from saas.directory.search import public_results

PER_PAGE = 20


def groups(slug: str) -> ResponseReturnValue:
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
    result = public_results(
        q, tenant_id=g.tenant.id, filters=filters, topic_area=area or None, offset=(page - 1) * PER_PAGE, limit=PER_PAGE
    )
    items = [schemas.public_group(group, slug, step_free=group.id in result.step_free) for group in result.groups]
    return jsonify({"items": items, "total": result.total, "page": page, "per_page": PER_PAGE})


def group(slug: str, group_id: int) -> ResponseReturnValue:
    if request.method == "OPTIONS":
        return Response(status=204)
    found = queries.public_group(group_id)
    if found is None:
        abort(404)
    return jsonify(schemas.public_group(found, slug, step_free=bool(finder.step_free_ids([found.id]))))


def openapi_json() -> ResponseReturnValue:
    return jsonify(openapi.document(current_app.config["BASE_URL"]))
