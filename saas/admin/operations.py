"""Writes of the office administration. Flush, never commit (the views commit).

People: offer a person a role by e-mail (creating the account when there is none); the person confirms
by a mailed link before any access (pending offers can be resent or withdrawn); change a role, remove from
the office — never leaving the office without an admin.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from flask import render_template
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from saas.audit import operations as audit
from saas.auth import operations as auth_ops
from saas.auth.models import Membership, MembershipInvite, Role, User
from saas.core.errors import DomainError
from saas.core.mail import office_message, queue_message
from saas.extensions import db
from tenants import operations as tenant_ops
from tenants.models import OfficeLogo, Site, Tenant


class AdminError(DomainError):
    """A change the office administration refuses, with a message for the admin."""


def office_memberships() -> list[Membership]:
    """The bound office's people, by name and e-mail."""
    return list(
        db.session.scalars(
            select(Membership)
            .join(Membership.user)
            .options(joinedload(Membership.user))
            .order_by(User.name, User.email)
        )
    )


def admin_count() -> int:
    return db.session.scalar(select(func.count(Membership.id)).where(Membership.role == Role.admin)) or 0


def office_invites() -> list[MembershipInvite]:
    """The bound office's offers still waiting for the person's confirmation, oldest first."""
    return list(
        db.session.scalars(
            select(MembershipInvite)
            .join(MembershipInvite.user)
            .options(joinedload(MembershipInvite.user))
            .order_by(MembershipInvite.created_at, MembershipInvite.id)
        )
    )


def add_person(tenant: Tenant, email: str, role: Role, *, name: str = "") -> tuple[MembershipInvite, bool]:
    """Offer a person a role in the office. Returns the pending offer and whether an account was created.

    Nobody gets access by an admin's word alone (issue 17, point 7): the person confirms with a signed link
    that expires and works once. A new account gets an unusable random password and sets its own with the
    same link. Until then the admin sees the offer as pending, and may resend or withdraw it. The admin's
    answer is the same whether or not the address had an account (no enumeration).
    """
    email = auth_ops.normalise_email(email)
    user = auth_ops.find_user(email)
    created = user is None
    if user is None:
        user = auth_ops.create_user(email, secrets.token_urlsafe(32), name=name.strip())
    elif db.session.scalar(select(Membership).where(Membership.user_id == user.id)) is not None:
        raise AdminError(_("%(email)s gehört bereits zu dieser Kontaktstelle.", email=email))
    invite = auth_ops.offer_membership(user, tenant, role)
    _record_and_mail_offer(tenant, invite, "user.invite")
    return invite, created


def resend_invite(tenant: Tenant, invite: MembershipInvite) -> None:
    """Mail a fresh link (the one sent before stops working) with a new term."""
    auth_ops.renew_invite(invite)
    _record_and_mail_offer(tenant, invite, "user.invite_resend")


def _record_and_mail_offer(tenant: Tenant, invite: MembershipInvite, action: str) -> None:
    """One shape for a first offer and a resent one: the audit entry (with the offered role), then the mail
    with the link (after commit)."""
    audit.record(action, "membership_invite", invite.id, f"Rolle {invite.role.value}")
    _send_invitation(invite, tenant)


def cancel_invite(invite: MembershipInvite) -> None:
    """Withdraw an offer: its link stops working; the account (if any) and its other offices stay."""
    audit.record("user.invite_cancel", "membership_invite", invite.id, f"Benutzer #{invite.user_id}")
    db.session.delete(invite)
    db.session.flush()


def _send_invitation(invite: MembershipInvite, tenant: Tenant) -> None:
    user = invite.user
    new_account = auth_ops.needs_password(user)
    context: dict[str, Any] = {
        "user": user,
        "tenant": tenant,
        "role": invite.role,
        "new_account": new_account,
        "link": auth_ops.invite_link(invite),
        "days": max(1, auth_ops.invitation_max_age() // 86400),
    }
    subject = (
        _("Einladung zu Lotse: %(office)s", office=tenant.name)
        if new_account
        else _("Lotse: Zugang zu %(office)s bestätigen", office=tenant.name)
    )
    queue_message(
        office_message(
            tenant,
            to=user.email,
            subject=subject,
            text=render_template("admin/mail_welcome.txt", **context),
            html=render_template("admin/mail_welcome.html", **context),
        )
    )


def _keeps_an_admin(membership: Membership, new_role: Role | None) -> None:
    if membership.role == Role.admin and new_role != Role.admin and admin_count() <= 1:
        raise AdminError(
            _("Die Kontaktstelle braucht mindestens eine Leitung (Admin). Ernennen Sie zuerst eine weitere Person.")
        )


def change_role(membership: Membership, role: Role) -> None:
    _keeps_an_admin(membership, role)
    old = membership.role
    membership.role = role
    db.session.flush()
    audit.record("user.role", "membership", membership.id, f"{Role(old).value} → {role.value}")


def remove_person(membership: Membership) -> None:
    """End a person's access to this office (the account and its other offices stay)."""
    _keeps_an_admin(membership, None)
    audit.record("user.remove", "membership", membership.id, f"Benutzer #{membership.user_id}")
    db.session.delete(membership)
    db.session.flush()


PROFILE_FIELDS = (
    "name",
    "legal_body",
    "street",
    "postcode",
    "city",
    "phone",
    "email",
    "website",
    "about",
    "population",
    "staff_fte",
)
SITE_FIELDS = ("name", "street", "postcode", "city", "phone", "email")


def _clean(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def update_profile(tenant: Tenant, data: dict[str, Any]) -> None:
    for key in PROFILE_FIELDS:
        value = _clean(data.get(key))
        if key in ("population", "staff_fte"):
            setattr(tenant, key, value)
        else:
            setattr(tenant, key, value or "")
    if "relatives_apart" in data:
        tenant_ops.update_settings(tenant, "contacts", relatives_apart=bool(data["relatives_apart"]))
    db.session.flush()
    audit.record("office.update", "tenant", tenant.id, "Profil")


def _name_taken(name: str, except_id: int | None = None) -> bool:
    query = select(Site.id).where(func.lower(Site.name) == name.strip().lower())
    if except_id is not None:
        query = query.where(Site.id != except_id)
    return db.session.scalar(query) is not None


def create_site(tenant: Tenant, data: dict[str, Any]) -> Site:
    name = _clean(data["name"])
    if _name_taken(name):
        raise AdminError(_("Einen Standort mit diesem Namen gibt es schon."))
    fields = {key: _clean(data.get(key)) or "" for key in SITE_FIELDS if key != "name"}
    return tenant_ops.add_site(tenant, name, **fields)


def update_site(site: Site, data: dict[str, Any]) -> None:
    if _name_taken(_clean(data["name"]), except_id=site.id):
        raise AdminError(_("Einen Standort mit diesem Namen gibt es schon."))
    for key in SITE_FIELDS:
        setattr(site, key, _clean(data.get(key)) or "")
    db.session.flush()


def delete_site(site: Site) -> None:
    db.session.delete(site)  # its office hours go with it (cascade)
    db.session.flush()


def set_site_hours(site: Site, slots: list[tuple[int, dt.time, dt.time]]) -> None:
    tenant_ops.set_hours(site, slots)


# --- logo ------------------------------------------------------------------------------------------------

LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_MAX_PX = 800


class LogoError(DomainError):
    """The upload is not a usable image (the message is shown to the admin)."""


def set_logo(tenant_id: int, upload: bytes) -> OfficeLogo:
    """Check the upload is a PNG or JPEG (Pillow decodes it), shrink it to at most 800 px and store it
    re-encoded as PNG: what is stored and drawn is always a clean image, never the uploaded bytes."""
    import io

    from PIL import Image, UnidentifiedImageError

    if len(upload) > LOGO_MAX_BYTES:
        raise LogoError(_("Die Datei ist größer als 2 MB."))
    try:
        with Image.open(io.BytesIO(upload)) as image:
            if image.format not in ("PNG", "JPEG"):
                raise LogoError(_("Bitte ein Bild im Format PNG oder JPEG hochladen."))
            if image.width * image.height > 40_000_000:
                raise LogoError(_("Das Bild ist zu groß."))
            image.load()
            clean = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
            clean.thumbnail((LOGO_MAX_PX, LOGO_MAX_PX))
            out = io.BytesIO()
            clean.save(out, format="PNG", optimize=True)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise LogoError(_("Bitte ein Bild im Format PNG oder JPEG hochladen.")) from exc
    logo = db.session.scalar(select(OfficeLogo)) or OfficeLogo(tenant_id=tenant_id)
    logo.data, logo.width, logo.height = out.getvalue(), clean.width, clean.height
    db.session.add(logo)
    db.session.flush()
    return logo


def remove_logo() -> bool:
    logo = db.session.scalar(select(OfficeLogo))
    if logo is None:
        return False
    db.session.delete(logo)
    db.session.flush()
    return True
