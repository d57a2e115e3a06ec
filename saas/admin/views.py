"""Office administration pages (role admin only): people, profile, sites and office hours.

Load → check access → act → commit. Staff and read-only members get 403; other offices 404.
"""

from __future__ import annotations

from flask import Response, abort, flash, g, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from saas.admin import operations as ops
from saas.admin.access import invite_or_404, membership_or_404, site_or_404
from saas.admin.forms import (
    EMPTY_ROWS,
    MAX_ROWS,
    ROLE_CHOICES,
    AddMemberForm,
    ConfirmForm,
    HoursForm,
    LogoForm,
    ProfileForm,
    RoleForm,
    SiteForm,
)
from saas.auth.models import Membership, Role
from saas.auth.operations import invite_expired
from saas.contacts.models import relatives_apart
from saas.core.access import office_required
from saas.core.errors import perform, perform_or_fail
from saas.extensions import db
from tenants.models import OfficeLogo, Site

admin_only = office_required(min_role=Role.admin)


@admin_only
def index(slug: str) -> ResponseReturnValue:
    sites = db.session.scalars(select(Site).order_by(Site.position, Site.id)).all()
    return render_template(
        "admin/index.html", office=g.tenant, people=len(ops.office_memberships()), admins=ops.admin_count(), sites=sites
    )


# --- people -----------------------------------------------------------------------------------------


@admin_only
def people(slug: str) -> ResponseReturnValue:
    form = AddMemberForm()
    if form.validate_on_submit():
        done = perform(
            lambda: ops.add_person(g.tenant, form.email.data, Role(form.role.data), name=form.name.data or ""),
            field=form.email,
        )
        if done.value is not None:
            invite, _created = done.value
            # The same words whether or not the address already had an account elsewhere (no enumeration).
            flash(_("%(email)s wurde eingeladen. Die Einladung ist unterwegs.", email=invite.user.email), "success")
            return redirect(url_for("admin.people"))
    status = 400 if form.errors else 200
    invites = ops.office_invites()
    return (
        render_template(
            "admin/people.html",
            form=form,
            memberships=ops.office_memberships(),
            invites=invites,
            expired={i.id for i in invites if invite_expired(i)},
            roles=ROLE_CHOICES,
            token_form=ConfirmForm(),
        ),
        status,
    )


@admin_only
def change_role(slug: str, membership_id: int) -> ResponseReturnValue:
    membership = membership_or_404(membership_id)
    form = RoleForm()
    if not form.validate_on_submit():
        abort(400)
    if not perform(lambda: ops.change_role(membership, Role(form.role.data))):
        return redirect(url_for("admin.people"))
    flash(
        _("Die Rolle von %(who)s ist jetzt: %(role)s.", who=_who(membership), role=_(membership.role.label)), "success"
    )
    if membership.user_id == current_user.id and membership.role != Role.admin:
        return redirect(url_for("core.dashboard"))  # no longer an admin here
    return redirect(url_for("admin.people"))


@admin_only
def remove_person(slug: str, membership_id: int) -> ResponseReturnValue:
    membership = membership_or_404(membership_id)
    form = ConfirmForm()
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400)
        myself = membership.user_id == current_user.id
        who = _who(membership)
        if not perform(
            lambda: ops.remove_person(membership),
            success=_("%(who)s hat keinen Zugang mehr zur Kontaktstelle.", who=who),
        ):
            return redirect(url_for("admin.people"))
        return redirect(url_for("auth.account") if myself else url_for("admin.people"))
    return render_template("admin/remove_person.html", membership=membership, form=form)


@admin_only
def resend_invite(slug: str, invite_id: int) -> ResponseReturnValue:
    invite = invite_or_404(invite_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    email = invite.user.email
    perform(
        lambda: ops.resend_invite(g.tenant, invite),
        success=_("Ein neuer Link ist an %(email)s unterwegs; der vorige gilt nicht mehr.", email=email),
    )
    return redirect(url_for("admin.people"))


@admin_only
def cancel_invite(slug: str, invite_id: int) -> ResponseReturnValue:
    invite = invite_or_404(invite_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    email = invite.user.email
    perform(
        lambda: ops.cancel_invite(invite),
        success=_("Die Einladung an %(email)s ist zurückgezogen; ihr Link gilt nicht mehr.", email=email),
    )
    return redirect(url_for("admin.people"))


def _who(membership: Membership) -> str:
    return membership.user.name or membership.user.email


# --- profile ----------------------------------------------------------------------------------------


@admin_only
def profile(slug: str) -> ResponseReturnValue:
    form = ProfileForm(obj=g.tenant, relatives_apart=relatives_apart(g.tenant.settings))
    if form.validate_on_submit():
        perform_or_fail(
            lambda: ops.update_profile(g.tenant, form.data), success=_("Das Profil der Kontaktstelle ist gespeichert.")
        )
        return redirect(url_for("admin.profile"))
    return render_template("admin/profile.html", form=form), 400 if form.errors else 200


# --- logo (the annual report's cover) ----------------------------------------------------------------


@admin_only
def logo(slug: str) -> ResponseReturnValue:
    form = LogoForm()
    remove = ConfirmForm(prefix="remove")
    if request.method == "POST" and request.form.get("action") == "remove":
        if not remove.validate_on_submit():
            abort(400)
        perform(ops.remove_logo, success=_("Das Logo ist entfernt."))
        return redirect(url_for("admin.logo"))
    if form.validate_on_submit():
        upload = form.logo.data.read(ops.LOGO_MAX_BYTES + 1)
        done = perform(
            lambda: ops.set_logo(g.tenant.id, upload),
            success=_("Das Logo ist gespeichert; es erscheint auf dem Deckblatt des Jahresberichts."),
            field=form.logo,
        )
        if done:
            return redirect(url_for("admin.logo"))
    current = db.session.scalar(select(OfficeLogo))
    status = 400 if form.errors else 200
    return render_template("admin/logo.html", form=form, remove=remove, current=current), status


@admin_only
def logo_image(slug: str) -> ResponseReturnValue:
    current = db.session.scalar(select(OfficeLogo))
    if current is None:
        abort(404)
    return Response(current.data, mimetype="image/png", headers={"Cache-Control": "private, no-store"})


# --- sites and office hours -------------------------------------------------------------------------


@admin_only
def sites(slug: str) -> ResponseReturnValue:
    rows = db.session.scalars(select(Site).order_by(Site.position, Site.id)).all()
    return render_template("admin/sites.html", sites=rows)


@admin_only
def new_site(slug: str) -> ResponseReturnValue:
    form = SiteForm()
    if form.validate_on_submit():
        done = perform(lambda: ops.create_site(g.tenant, form.data), field=form.name)
        if done.value is not None:
            site = done.value
            flash(
                _("Der Standort %(name)s ist angelegt. Tragen Sie jetzt die Sprechzeiten ein.", name=site.name),
                "success",
            )
            return redirect(url_for("admin.site_hours", site_id=site.id))
    return render_template("admin/site_form.html", form=form, site=None), 400 if form.errors else 200


@admin_only
def edit_site(slug: str, site_id: int) -> ResponseReturnValue:
    site = site_or_404(site_id)
    form = SiteForm(obj=site)
    if form.validate_on_submit() and perform(lambda: ops.update_site(site, form.data), field=form.name):
        flash(_("Der Standort %(name)s ist gespeichert.", name=site.name), "success")
        return redirect(url_for("admin.sites"))
    return render_template("admin/site_form.html", form=form, site=site), 400 if form.errors else 200


@admin_only
def delete_site(slug: str, site_id: int) -> ResponseReturnValue:
    site = site_or_404(site_id)
    form = ConfirmForm()
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400)
        name = site.name
        perform(
            lambda: ops.delete_site(site),
            success=_("Der Standort %(name)s ist gelöscht.", name=name),
            # Another feature's rows (contacts, groups, rooms) still point at this site.
            refuse={
                IntegrityError: _(
                    "Der Standort %(name)s wird noch verwendet und kann nicht gelöscht werden.", name=name
                )
            },
        )
        return redirect(url_for("admin.sites"))
    return render_template("admin/delete_site.html", site=site, form=form)


@admin_only
def site_hours(slug: str, site_id: int) -> ResponseReturnValue:
    site = site_or_404(site_id)
    if request.method == "POST":
        form = HoursForm()
        if "add_rows" in request.form:  # "more rows" without JavaScript: redisplay, nothing stored
            for _i in range(min(EMPTY_ROWS, MAX_ROWS - len(form.slots))):
                form.slots.append_entry()
            return render_template("admin/site_hours.html", form=form, site=site, row_errors=[])
        if form.validate_on_submit():
            perform_or_fail(
                lambda: ops.set_site_hours(site, form.slot_values()),
                success=_("Die Sprechzeiten von %(name)s sind gespeichert.", name=site.name),
            )
            return redirect(url_for("admin.sites"))
        errors = getattr(form, "row_errors", None) or [
            ("", msg) for msgs in form.errors.values() for msg in _flat(msgs)
        ]
        return render_template("admin/site_hours.html", form=form, site=site, row_errors=errors), 400
    form = HoursForm(
        data={"slots": [{"weekday": str(s.weekday), "opens": s.opens, "closes": s.closes} for s in site.hours]}
    )
    for _i in range(EMPTY_ROWS):
        form.slots.append_entry()
    return render_template("admin/site_hours.html", form=form, site=site, row_errors=[])


def _flat(messages: str | dict | list) -> list[str]:
    if isinstance(messages, str):
        return [messages]
    if isinstance(messages, dict):
        return [m for v in messages.values() for m in _flat(v)]
    return [m for v in messages for m in _flat(v)]
