"""Forms of the group area and of the staff decisions. Every form carries a CSRF token."""

from __future__ import annotations

import re
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    DecimalField,
    EmailField,
    SelectField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import DataRequired, Email, Length, NumberRange, Optional, ValidationError
from wtforms.widgets import TextInput

from saas.directory.forms import _choices
from saas.directory.models import MEETING_MODES, RHYTHMS
from saas.grouparea.models import FUNDING_STATUSES, FUNDING_STREAMS
from tenants.models import WEEKDAYS_LONG


class EuroField(DecimalField):
    """An amount as Germans write it: "1.250,50", "1.200" or "950"; a point before exactly three digits
    groups thousands, any other point ("950.50") is read as the decimal point.

    A text box with the decimal keypad, not ``type=number``: a number box refuses "1.250,50" in the browser."""

    widget = TextInput()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("render_kw", {"inputmode": "decimal", "autocomplete": "off"})
        super().__init__(*args, **kwargs)

    def process_formdata(self, valuelist: list) -> None:
        if valuelist and isinstance(valuelist[0], str):
            text = valuelist[0].strip().removesuffix("€").strip()
            if "," in text or _THOUSANDS.fullmatch(text):
                text = text.replace(".", "").replace(",", ".")
            valuelist = [text]
        super().process_formdata(valuelist)


_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


class SignInForm(FlaskForm):
    email = EmailField(_l("E-Mail-Adresse Ihrer Gruppe"), validators=[DataRequired(), Email(), Length(max=254)])


class EntryChangeForm(FlaskForm):
    """The parts of its entry a group keeps itself: when, where, how, and whether newcomers are welcome."""

    rhythm = SelectField(_l("Rhythmus"), choices=_choices(RHYTHMS, "—"), validators=[Optional()])
    weekday = SelectField(_l("Wochentag"), choices=[("", "—"), *[(str(i), _l(d)) for i, d in enumerate(WEEKDAYS_LONG)]])
    nth_weekday = SelectField(
        _l("Woche im Monat (bei monatlich)"),
        choices=[("", "—"), ("1", _l("1.")), ("2", _l("2.")), ("3", _l("3.")), ("4", _l("4.")), ("5", _l("letzte"))],
    )
    time_start = TimeField(_l("Beginn"), validators=[Optional()])
    time_end = TimeField(_l("Ende"), validators=[Optional()])
    place = StringField(_l("Treffpunkt oder Raum"), validators=[Optional(), Length(max=200)])
    meeting_mode = SelectField(_l("Form der Treffen"), choices=_choices(MEETING_MODES))
    welcomes_new_members = BooleanField(_l("Neue Mitglieder willkommen"))
    description = TextAreaField(_l("Beschreibung"), validators=[Optional(), Length(max=5000)])

    def validate_time_end(self, field: TimeField) -> None:
        if field.data and self.time_start.data and field.data <= self.time_start.data:
            raise ValidationError(_l("Das Ende muss nach dem Beginn liegen."))

    def validate_nth_weekday(self, field: SelectField) -> None:
        if self.rhythm.data == "monthly" and field.data and not self.weekday.data:
            raise ValidationError(_l("Bitte auch den Wochentag angeben."))


class DecisionForm(FlaskForm):
    note = StringField(_l("Begründung (optional, geht an die Gruppe)"), validators=[Optional(), Length(max=500)])


class EventSubmissionForm(FlaskForm):
    title = StringField(_l("Titel"), validators=[DataRequired(), Length(max=200)])
    start_date = DateField(_l("Datum"), validators=[DataRequired()])
    start_time = TimeField(_l("Beginn"), validators=[DataRequired()])
    end_time = TimeField(_l("Ende"), validators=[Optional()])
    address = StringField(_l("Veranstaltungsort"), validators=[DataRequired(), Length(max=300)])
    description = TextAreaField(_l("Beschreibung"), validators=[Optional(), Length(max=5000)])

    def validate_end_time(self, field: TimeField) -> None:
        if field.data and self.start_time.data and field.data <= self.start_time.data:
            raise ValidationError(_l("Das Ende muss nach dem Beginn liegen."))


class NewsItemForm(FlaskForm):
    title = StringField(_l("Überschrift"), validators=[DataRequired(), Length(max=200)])
    body = TextAreaField(_l("Text"), validators=[DataRequired(), Length(max=3000)])


ROOM_PATTERNS = {"once": "einmalig", "weekly": "jede Woche", "biweekly": "jede 2. Woche"}


class RoomRequestForm(FlaskForm):
    room_id = SelectField(_l("Raum"), coerce=int, choices=[])
    pattern = SelectField(_l("Wie oft"), choices=_choices(ROOM_PATTERNS))
    start_date = DateField(_l("Erster Termin"), validators=[DataRequired()])
    until_date = DateField(
        _l("Letzter Termin (bei regelmäßiger Nutzung; ohne Angabe ein Jahr)"), validators=[Optional()]
    )
    start_time = TimeField(_l("Beginn"), validators=[DataRequired()])
    end_time = TimeField(_l("Ende"), validators=[DataRequired()])
    note = StringField(_l("Hinweis an die Kontaktstelle"), validators=[Optional(), Length(max=500)])
    accept_terms = BooleanField(
        _l("Ich habe die Nutzungsbedingungen für die Räume gelesen und erkenne sie für unsere Gruppe an."),
        validators=[DataRequired(_l("Bitte stimmen Sie den Nutzungsbedingungen zu."))],
    )

    def validate_end_time(self, field: TimeField) -> None:
        if field.data and self.start_time.data and field.data <= self.start_time.data:
            raise ValidationError(_l("Das Ende muss nach dem Beginn liegen."))

    def validate_until_date(self, field: DateField) -> None:
        if field.data and self.start_date.data and field.data < self.start_date.data:
            raise ValidationError(_l("Der letzte Termin darf nicht vor dem ersten liegen."))


class FundingForm(FlaskForm):
    year = SelectField(_l("Jahr"), coerce=int, choices=[])
    stream = SelectField(_l("Förderart"), choices=_choices(FUNDING_STREAMS))
    status = SelectField(_l("Stand"), choices=_choices(FUNDING_STATUSES))
    amount_applied = EuroField(
        _l("Beantragter Betrag (Euro)"), places=2, validators=[Optional(), NumberRange(min=0, max=10_000_000)]
    )
    amount_granted = EuroField(
        _l("Bewilligter Betrag (Euro)"), places=2, validators=[Optional(), NumberRange(min=0, max=10_000_000)]
    )
    amount_paid = EuroField(
        _l("Ausgezahlter Betrag (Euro)"), places=2, validators=[Optional(), NumberRange(min=0, max=10_000_000)]
    )
    proof_submitted = BooleanField(_l("Verwendungsnachweis eingereicht"))


class DeadlineForm(FlaskForm):
    stream = SelectField(_l("Förderart"), choices=_choices(FUNDING_STREAMS))
    kind = SelectField(_l("Frist für"), choices=[("application", _l("Antrag")), ("proof", _l("Verwendungsnachweis"))])
    due_on = DateField(_l("Fällig am"), validators=[DataRequired()])


class LanguageForm(FlaskForm):
    locale = SelectField(_l("Sprache unserer E-Mails"), choices=[("de", "Deutsch"), ("en", "English")])


class _StaffEdit:
    """Staff's edit of a group's submission, sent with "Freigeben": the note to the group comes along."""

    note = StringField(_l("Begründung (optional, geht an die Gruppe)"), validators=[Optional(), Length(max=500)])


class StaffEntryForm(_StaffEdit, EntryChangeForm):
    """The entry as staff will publish it: prefilled with the group's proposal over the current entry."""


class StaffEventForm(_StaffEdit, EventSubmissionForm):
    """The group's event as staff will publish it."""


class StaffNewsForm(_StaffEdit, NewsItemForm):
    """The group's newsletter item as staff will print it."""
