"""Forms of the office administration. German labels are the msgids (translated with Flask-Babel)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlsplit

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from flask_wtf.i18n import translations as wtforms_translations
from wtforms import (
    BooleanField,
    EmailField,
    FieldList,
    Form,
    FormField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms.fields.numeric import DecimalField
from wtforms.validators import DataRequired, Email, Length, NumberRange, Optional, ValidationError
from wtforms.widgets import TextInput

from saas.core.headers import SingleLine

ROLE_CHOICES = [
    ("admin", _l("Leitung (Admin)")),
    ("staff", _l("Fachkraft")),
    ("readonly", _l("Nur lesen")),
]
WEEKDAY_NAMES = [
    _l("Montag"),
    _l("Dienstag"),
    _l("Mittwoch"),
    _l("Donnerstag"),
    _l("Freitag"),
    _l("Samstag"),
    _l("Sonntag"),
]


class AddMemberForm(FlaskForm):
    email = EmailField(_l("E-Mail-Adresse"), validators=[SingleLine(), DataRequired(), Email(), Length(max=254)])
    name = StringField(_l("Name"), validators=[SingleLine(), Optional(), Length(max=200)])
    role = SelectField(_l("Rolle"), choices=ROLE_CHOICES, default="staff")


class RoleForm(FlaskForm):
    role = SelectField(_l("Rolle"), choices=ROLE_CHOICES)


class ConfirmForm(FlaskForm):
    """A form with only the CSRF token: confirms a deletion."""


def _web_address(form: FlaskForm, field: StringField) -> None:
    # Shown as a link on the public home page: only http(s), never javascript: or data: URLs.
    value = (field.data or "").strip()
    if not value:
        return
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValidationError(_l("Bitte geben Sie eine Internetadresse mit https:// an."))


class GermanDecimalField(DecimalField):
    """A decimal number written the German way (``2,5``); also accepts ``2.5``.

    A text input (inputmode decimal), not ``type=number``: browsers disagree on a comma in number inputs.
    """

    widget = TextInput()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("render_kw", {"inputmode": "decimal"})
        super().__init__(*args, **kwargs)

    def process_formdata(self, valuelist: list[Any]) -> None:
        if not valuelist or not str(valuelist[0]).strip():
            self.data = None
            return
        try:
            self.data = Decimal(str(valuelist[0]).strip().replace(",", "."))
        except (InvalidOperation, ValueError):
            self.data = None
            raise ValueError(_l("Bitte geben Sie eine Zahl ein, z. B. 2,5."))

    def _value(self) -> str:
        if self.raw_data:
            return str(self.raw_data[0])
        if self.data is None:
            return ""
        text = format(Decimal(self.data).normalize(), "f")
        return text.replace(".", ",")


class ProfileForm(FlaskForm):
    name = StringField(_l("Name der Kontaktstelle"), validators=[SingleLine(), DataRequired(), Length(max=200)])
    legal_body = StringField(_l("Träger"), validators=[Optional(), Length(max=200)])
    street = StringField(_l("Straße und Hausnummer"), validators=[Optional(), Length(max=200)])
    postcode = StringField(_l("Postleitzahl"), validators=[Optional(), Length(max=10)])
    city = StringField(_l("Ort"), validators=[Optional(), Length(max=100)])
    phone = StringField(_l("Telefon"), validators=[Optional(), Length(max=50)])
    email = EmailField(_l("E-Mail-Adresse"), validators=[SingleLine(), Optional(), Email(), Length(max=254)])
    website = StringField(_l("Internetseite"), validators=[Optional(), Length(max=300), _web_address])
    about = TextAreaField(_l("Über uns"), validators=[Optional(), Length(max=5000)])
    population = IntegerField(
        _l("Einwohnerzahl im Einzugsgebiet"),
        validators=[Optional(), NumberRange(min=0, max=100_000_000)],
    )
    staff_fte = GermanDecimalField(
        _l("Personalstellen (Vollzeitstellen)"), validators=[Optional(), NumberRange(min=0, max=999)]
    )
    relatives_apart = BooleanField(_l("Angehörige getrennt zählen"))


class SiteForm(FlaskForm):
    name = StringField(_l("Name des Standorts"), validators=[SingleLine(), DataRequired(), Length(max=100)])
    street = StringField(_l("Straße und Hausnummer"), validators=[Optional(), Length(max=200)])
    postcode = StringField(_l("Postleitzahl"), validators=[Optional(), Length(max=10)])
    city = StringField(_l("Ort"), validators=[Optional(), Length(max=100)])
    phone = StringField(_l("Telefon"), validators=[Optional(), Length(max=50)])
    email = EmailField(_l("E-Mail-Adresse"), validators=[SingleLine(), Optional(), Email(), Length(max=254)])


_BAD_TIME = _l("Bitte geben Sie eine gültige Zeitangabe wie 09:00 ein.")


class SlotForm(Form):
    """One row: weekday, from, to. An all-empty row is ignored (that is how a slot is removed)."""

    class Meta:
        def get_translations(self, form: Form) -> Any:
            return wtforms_translations  # WTForms' own messages in the page's language

    weekday = SelectField(
        _l("Wochentag"),
        choices=[("", "–")] + [(str(i), name) for i, name in enumerate(WEEKDAY_NAMES)],
        validators=[Optional()],
    )
    opens = TimeField(_l("von"), format=["%H:%M", "%H.%M"], validators=[Optional()], invalid_value_message=_BAD_TIME)
    closes = TimeField(_l("bis"), format=["%H:%M", "%H.%M"], validators=[Optional()], invalid_value_message=_BAD_TIME)


EMPTY_ROWS = 2
MAX_ROWS = 50


class HoursForm(FlaskForm):
    slots = FieldList(FormField(SlotForm), min_entries=1, max_entries=MAX_ROWS)

    def validate(self, extra_validators: Any = None) -> bool:
        """Besides the fields: every used row complete, ends after it starts, no overlap on one day."""
        self.row_errors: list[tuple[str, str]] = []
        ok = super().validate(extra_validators)
        for entry in self.slots:
            for sub in entry.form:
                self.row_errors.extend((sub.id, message) for message in sub.errors)
        if not ok:
            return False
        seen: list[tuple[int, dt.time, dt.time, int]] = []
        for number, entry in enumerate(self.slots, start=1):
            row = entry.form
            values = (row.weekday.data, row.opens.data, row.closes.data)
            if not any(values):
                continue
            missing = next(
                (f for f, v in zip((row.weekday, row.opens, row.closes), values, strict=True) if not v), None
            )
            if missing is not None:
                self._row_error(missing, _l("Zeile %(n)s: bitte Wochentag, Beginn und Ende angeben.", n=number))
                continue
            if row.closes.data <= row.opens.data:
                self._row_error(row.closes, _l("Zeile %(n)s: das Ende muss nach dem Beginn liegen.", n=number))
                continue
            weekday = int(row.weekday.data)
            for day, opens, closes, other in seen:
                if day == weekday and row.opens.data < closes and opens < row.closes.data:
                    self._row_error(row.opens, _l("Zeile %(n)s überschneidet sich mit Zeile %(m)s.", n=number, m=other))
                    break
            seen.append((weekday, row.opens.data, row.closes.data, number))
        return not self.row_errors

    def _row_error(self, field: Any, message: Any) -> None:
        field.errors = [*field.errors, str(message)]
        self.row_errors.append((field.id, str(message)))

    def slot_values(self) -> list[tuple[int, dt.time, dt.time]]:
        return sorted(
            (int(e.form.weekday.data), e.form.opens.data, e.form.closes.data)
            for e in self.slots
            if e.form.weekday.data and e.form.opens.data and e.form.closes.data
        )


class LogoForm(FlaskForm):
    logo = FileField(
        _l("Logo (PNG oder JPEG, höchstens 2 MB)"), validators=[FileRequired(_l("Bitte eine Datei auswählen."))]
    )
