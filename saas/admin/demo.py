"""Demo data of the administration: each office has one invitation still waiting for the person's
confirmation, so the people page shows the pending state (and the isolation matrix has such a row to try)."""

from __future__ import annotations

import secrets

from saas.auth import operations as auth_ops
from saas.auth.models import Role
from saas.core.demo import register_seeder
from tenants.models import Tenant


@register_seeder(960)
def seed_pending_invitations(tenants_by_slug: dict[str, Tenant]) -> bool:
    created = False
    for slug, tenant in tenants_by_slug.items():
        email = f"eingeladen.{slug}@demo.lotse.de"
        if auth_ops.find_user(email) is not None:
            continue
        user = auth_ops.create_user(email, secrets.token_urlsafe(32), name=f"Neue Kollegin {slug.title()}")
        auth_ops.offer_membership(user, tenant, Role.staff)  # no mail: the demo address has no mailbox
        created = True
    return created
