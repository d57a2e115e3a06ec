"""Forms for rooms, bookings, cancelled dates and closures."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from saas.core.recurrence import Pattern
from tenants.operations import TenantError, parse_hours


def _hours(form: FlaskForm, field: StringField) -> None:
    if field.data and field.data.strip():
        try:
            parse_hours(field.data)
        except TenantError as exc:
            raise ValidationError(
                _l("Öffnungszeiten nicht lesbar, bitte z. B. „Mo – Sa 09.00 – 22.00“ schreiben.")
            ) from exc


class RoomForm(FlaskForm):
    site_id = SelectField(_l("Standort"), coerce=int, validators=[DataRequired()])
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=100)])
    capacity = IntegerField(_l("Plätze"), default=0, validators=[Optional(), NumberRange(min=0, max=1000)])
    wheelchair_accessible = BooleanField(_l("rollstuhlgerecht erreichbar"))
    accessibility_note = StringField(_l("Hinweise zur Barrierefreiheit"), validators=[Optional(), Length(max=300)])
    equipment = StringField(_l("Ausstattung"), validators=[Optional(), Length(max=500)])
    opening = StringField(_l("Öffnungszeiten"), validators=[Optional(), Length(max=300), _hours])
    active = BooleanField(_l("Raum wird vergeben"), default=True)


PATTERN_CHOICES = [(p.value, _l(p.label)) for p in Pattern]
NTH_CHOICES = [
    (0, _l("wie der erste Termin")),
    (1, _l("1.")),
    (2, _l("2.")),
    (3, _l("3.")),
    (4, _l("4.")),
    (-1, _l("letzter")),
]


class BookingForm(FlaskForm):
    room_id = SelectField(_l("Raum"), coerce=int, validators=[DataRequired()])
    kind = RadioField(
        _l("Für wen"),
        choices=[("group", _l("eine Selbsthilfegruppe")), ("other", _l("etwas anderes"))],
        default="group",
    )
    group_id = SelectField(_l("Gruppe"), coerce=int, validators=[Optional()])
    title = StringField(_l("Bezeichnung (wenn nicht für eine Gruppe)"), validators=[Optional(), Length(max=200)])
    pattern = SelectField(_l("Rhythmus"), choices=PATTERN_CHOICES, default=Pattern.weekly.value)
    nth = SelectField(_l("Welcher Wochentag im Monat (bei „monatlich“)"), coerce=int, choices=NTH_CHOICES, default=0)
    start_date = DateField(_l("Erster Termin"), validators=[DataRequired()])
    until_date = DateField(_l("Bis (letzter möglicher Termin)"), validators=[Optional()])
    start_time = TimeField(_l("Von"), validators=[DataRequired()])
    end_time = TimeField(_l("Bis"), validators=[DataRequired()])
    note = TextAreaField(_l("Notiz"), validators=[Optional(), Length(max=2000)])


class CancelDateForm(FlaskForm):
    day = DateField(_l("Datum, das ausfällt"), validators=[DataRequired()])
    note = StringField(_l("Grund (freiwillig)"), validators=[Optional(), Length(max=200)])


class ClosureForm(FlaskForm):
    site_id = SelectField(_l("Standort"), coerce=int)
    first_day = DateField(_l("Von"), validators=[DataRequired()])
    last_day = DateField(_l("Bis"), validators=[DataRequired()])
    label = StringField(_l("Anlass"), validators=[DataRequired(), Length(max=200)])


class ActionForm(FlaskForm):
    """A button-only form: the CSRF token."""
