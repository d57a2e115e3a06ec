"""Forms of the group area and of the staff decisions. Every form carries a CSRF token."""

from __future__ import annotations

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

from saas.directory.forms import _choices
from saas.directory.models import MEETING_MODES, RHYTHMS
from saas.grouparea.models import FUNDING_STATUSES, FUNDING_STREAMS
from tenants.models import WEEKDAYS_LONG


class EuroField(DecimalField):
    """An amount as Germans write it: "1.250,50" or "950" (a point alone is read as the decimal point)."""

    def process_formdata(self, valuelist: list) -> None:
        if valuelist and isinstance(valuelist[0], str) and "," in valuelist[0]:
            valuelist = [valuelist[0].replace(".", "").replace(",", ".").strip()]
        super().process_formdata(valuelist)


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
    proof_submitted = BooleanField(_l("Verwendungsnachweis eingereicht"))


class DeadlineForm(FlaskForm):
    stream = SelectField(_l("Förderart"), choices=_choices(FUNDING_STREAMS))
    kind = SelectField(_l("Frist für"), choices=[("application", _l("Antrag")), ("proof", _l("Verwendungsnachweis"))])
    due_on = DateField(_l("Fällig am"), validators=[DataRequired()])


class LanguageForm(FlaskForm):
    locale = SelectField(_l("Sprache unserer E-Mails"), choices=[("de", "Deutsch"), ("en", "English")])
