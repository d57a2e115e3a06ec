"""The one way to fetch a directory row by id: filtered by the bound office, 404 otherwise.

A foreign id answers exactly like a missing one (the tenancy guard filters the query; the explicit
``tenant_id`` condition keeps that true even if the guard were bypassed).
"""

from __future__ import annotations

from flask import abort
from sqlalchemy import select

from saas.directory.models import Group, GroupInquiry, Topic
from saas.extensions import db
from tenants.scoping import current_tenant_id


def _get(model: type, object_id: int):  # type: ignore[no-untyped-def]
    tenant_id = current_tenant_id()
    if tenant_id is None:
        abort(404)
    obj = db.session.scalar(select(model).where(model.id == object_id, model.tenant_id == tenant_id))
    if obj is None:
        abort(404)
    return obj


def access_group(group_id: int) -> Group:
    return _get(Group, group_id)


def access_topic(topic_id: int) -> Topic:
    return _get(Topic, topic_id)


def access_inquiry(inquiry_id: int) -> GroupInquiry:
    return _get(GroupInquiry, inquiry_id)
