"""Helpers for newsletter tests: subscribers in a given state, links from mails."""

from __future__ import annotations

import datetime as dt
import re
import secrets

from saas.extensions import db
from saas.newsletter import operations as ops
from saas.newsletter.models import (
    ConsentSource,
    Subscriber,
    SubscriberStatus,
    Suppression,
    SuppressionReason,
    email_hash,
)
from tenants.models import Tenant
from tenants.scoping import tenant_context


def add_subscribers(
    tenant: Tenant, count: int, status: SubscriberStatus = SubscriberStatus.confirmed, prefix: str = "leser"
) -> list[str]:
    """Create ``count`` subscribers directly (committed); returns their addresses."""
    addresses = [f"{prefix}{n:05d}@example.org" for n in range(count)]
    with tenant_context(tenant.id):
        text = ops.consent_text("Testeinwilligung")
        at = dt.datetime.now(dt.UTC) - dt.timedelta(days=3)
        db.session.add_all(
            [
                Subscriber(
                    tenant_id=tenant.id,
                    email=a,
                    name="",
                    status=status,
                    token=secrets.token_urlsafe(24),
                    source=ConsentSource.import_,
                    consent_text_id=text.id,
                    consented_at=at,
                    confirmed_at=at if status != SubscriberStatus.pending else None,
                    disabled_reason="Unzustellbar" if status == SubscriberStatus.disabled else "",
                )
                for a in addresses
            ]
        )
        db.session.commit()
    return addresses


def add_unsubscribed(tenant: Tenant, count: int, prefix: str = "weg") -> list[str]:
    """People who left: only their suppression hash remains (and an anonymised row)."""
    addresses = add_subscribers(tenant, count, prefix=prefix)
    with tenant_context(tenant.id):
        for address in addresses:
            ops.unsubscribe(ops.find_subscriber(address))
        db.session.commit()
        assert db.session.query(Suppression).count() >= count
    return addresses


def link_in(text: str, part: str) -> str:
    match = re.search(r"(https?://\S*" + re.escape(part) + r"\S*)", text)
    assert match, f"no link containing {part!r} in:\n{text}"
    return match.group(1).rstrip(").")


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def suppressed(tenant: Tenant, address: str) -> bool:
    with tenant_context(tenant.id):
        return db.session.query(Suppression).filter_by(email_hash=email_hash(address)).count() == 1


__all__ = ["SuppressionReason", "add_subscribers", "add_unsubscribed", "link_in", "path_of", "suppressed"]
