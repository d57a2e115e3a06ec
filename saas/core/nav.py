"""Navigation registry: each feature adds its staff and public menu entries in its blueprint module."""

from __future__ import annotations

from dataclasses import dataclass

from saas.auth.models import Role


@dataclass(frozen=True)
class NavItem:
    endpoint: str
    label: str  # German; translated in the template with _()
    min_role: Role = Role.readonly
    order: int = 100


STAFF_NAV: list[NavItem] = []
PUBLIC_NAV: list[NavItem] = []


def add_staff_nav(endpoint: str, label: str, min_role: Role = Role.readonly, order: int = 100) -> None:
    if all(item.endpoint != endpoint for item in STAFF_NAV):
        STAFF_NAV.append(NavItem(endpoint, label, min_role, order))
        STAFF_NAV.sort(key=lambda item: item.order)


def add_public_nav(endpoint: str, label: str, order: int = 100) -> None:
    if all(item.endpoint != endpoint for item in PUBLIC_NAV):
        PUBLIC_NAV.append(NavItem(endpoint, label, Role.readonly, order))
        PUBLIC_NAV.sort(key=lambda item: item.order)
