"""Forms for events: the staff's event form, the public registration, staff corrections, settings."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
    TimeField,
    URLField,
)
from wtforms.validators import URL, DataRequired, Email, Length, NumberRange, Optional

from saas.core.headers import SingleLine
from saas.events.models import Audience, CancelReason, EventKind, PlaceKind
from saas.events.operations import MAX_PERSONS


def _label_choices(enum_cls: type) -> list[tuple[str, str]]:
    return [(member.value, _l(member.label)) for member in enum_cls]  # type: ignore[attr-defined]


class EventForm(FlaskForm):
    kind = SelectField(_l("Art"), choices=_label_choices(EventKind), validators=[DataRequired()])
    title = StringField(_l("Titel"), validators=[SingleLine(), DataRequired(), Length(max=200)])
    description = TextAreaField(_l("Beschreibung"), validators=[Optional(), Length(max=10000)])
    speakers = StringField(_l("Referent*innen"), validators=[Optional(), Length(max=300)])
    start_date = DateField(_l("Datum"), validators=[DataRequired()])
    start_time = TimeField(_l("Beginn"), validators=[DataRequired()])
    end_time = TimeField(_l("Ende"), validators=[Optional()])
    place_kind = RadioField(_l("Veranstaltungsort"), choices=_label_choices(PlaceKind), default=PlaceKind.room.value)
    room_id = SelectField(_l("Raum"), coerce=int, validators=[Optional()])
    address = StringField(_l("Adresse (bei anderem Ort)"), validators=[Optional(), Length(max=300)])
    online_url = URLField(
        _l("Zugangslink (bei Online-Veranstaltung)"), validators=[Optional(), URL(require_tld=False), Length(max=500)]
    )
    capacity = IntegerField(_l("Plätze"), validators=[Optional(), NumberRange(min=1, max=10000)])
    min_participants = IntegerField(_l("Mindestzahl an Teilnehmenden"), validators=[Optional(), NumberRange(min=1)])
    decision_date = DateField(_l("Entscheidungstag (Mindestzahl erreicht?)"), validators=[Optional()])
    registration_deadline = DateField(_l("Anmeldeschluss"), validators=[Optional()])
    registration_required = BooleanField(_l("Anmeldung erforderlich"), default=True)
    audience = SelectField(_l("Zielgruppe"), choices=_label_choices(Audience), default=Audience.members.value)
    cost_note = StringField(_l("Kosten"), validators=[Optional(), Length(max=300)])

    def data_for_operations(self) -> dict:
        place = PlaceKind(self.place_kind.data)
        return {
            "kind": EventKind(self.kind.data),
            "title": self.title.data.strip(),
            "description": (self.description.data or "").strip(),
            "speakers": (self.speakers.data or "").strip(),
            "start_date": self.start_date.data,
            "start_time": self.start_time.data,
            "end_time": self.end_time.data,
            "place_kind": place,
            "room_id": (self.room_id.data or None) if place == PlaceKind.room else None,
            "address": (self.address.data or "").strip() if place == PlaceKind.address else "",
            "online_url": (self.online_url.data or "").strip() if place == PlaceKind.online else "",
            "capacity": self.capacity.data,
            "min_participants": self.min_participants.data,
            "decision_date": self.decision_date.data,
            "registration_deadline": self.registration_deadline.data,
            "registration_required": bool(self.registration_required.data),
            "audience": Audience(self.audience.data),
            "cost_note": (self.cost_note.data or "").strip(),
        }


def _persons_field() -> IntegerField:
    return IntegerField(
        _l("Anzahl der Personen"),
        default=1,
        validators=[DataRequired(), NumberRange(min=1, max=MAX_PERSONS, message=_l("Bitte 1 bis 10 Personen."))],
    )


class RegistrationForm(FlaskForm):
    name = StringField(_l("Name"), validators=[SingleLine(), DataRequired(), Length(max=200)])
    email = EmailField(_l("E-Mail-Adresse"), validators=[SingleLine(), DataRequired(), Email(), Length(max=254)])
    group_id = SelectField(_l("Selbsthilfegruppe (freiwillig)"), coerce=int, validators=[Optional()])
    persons = _persons_field()
    accessibility_needs = TextAreaField(
        _l("Brauchen Sie Unterstützung, z. B. Rollstuhlplatz, Gebärdensprache, Begleitung? (freiwillig)"),
        validators=[Optional(), Length(max=2000)],
    )
    consent = BooleanField(
        _l(
            "Ich bin einverstanden, dass die Kontaktstelle meine Angaben für diese Veranstaltung speichert. "
            "Sie werden 30 Tage nach der Veranstaltung gelöscht."
        ),
        validators=[DataRequired(message=_l("Ohne Ihr Einverständnis können wir Sie nicht anmelden."))],
    )
    website = StringField(_l("Bitte leer lassen"), validators=[Optional(), Length(max=200)])  # honeypot


class StaffRegistrationForm(FlaskForm):
    name = StringField(_l("Name"), validators=[SingleLine(), DataRequired(), Length(max=200)])
    email = EmailField(_l("E-Mail-Adresse"), validators=[SingleLine(), Optional(), Email(), Length(max=254)])
    group_id = SelectField(_l("Selbsthilfegruppe"), coerce=int, validators=[Optional()])
    persons = _persons_field()
    accessibility_needs = TextAreaField(_l("Unterstützungsbedarf"), validators=[Optional(), Length(max=2000)])


class CancelEventForm(FlaskForm):
    reason = SelectField(_l("Grund"), choices=_label_choices(CancelReason), default=CancelReason.staff.value)
    note = TextAreaField(_l("Nachricht an die Angemeldeten (freiwillig)"), validators=[Optional(), Length(max=500)])


class SettingsForm(FlaskForm):
    auto_cancel = RadioField(
        _l("Wenn die Mindestzahl am Entscheidungstag nicht erreicht ist"),
        choices=[
            ("auto", _l("automatisch absagen und alle Angemeldeten informieren")),
            ("ask", _l("das Team entscheiden lassen (Absagen oder Stattfinden mit einem Klick)")),
        ],
        default="auto",
    )


class ActionForm(FlaskForm):
    """A button-only form (publish, keep, cancel a registration …): only the CSRF token."""
