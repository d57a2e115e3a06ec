"""The one way to fetch a directory row by id: filtered by the bound office, 404 otherwise.

A foreign id answers exactly like a missing one (the tenancy guard filters the query; the explicit
``tenant_id`` condition keeps that true even if the guard were bypassed).
"""

from __future__ import annotations

from saas.core.access import office_row_or_404
from saas.directory.models import Group, GroupInquiry, Topic


def group_or_404(group_id: int) -> Group:
    return office_row_or_404(Group, group_id)


def topic_or_404(topic_id: int) -> Topic:
    return office_row_or_404(Topic, topic_id)


def inquiry_or_404(inquiry_id: int) -> GroupInquiry:
    return office_row_or_404(GroupInquiry, inquiry_id)
