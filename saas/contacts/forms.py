"""Forms of the contact log. The contact form has no free-text field at all: codes, a date, numbers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    DateField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, ValidationError

from saas.contacts.models import CHANNELS, CONCERNS, DURATION_STEP, KINDS, MEDIA, PLACEMENTS, REFERRALS_MAX, TOPIC_AREAS
from saas.core import timeutil


def _choices(codes: dict[str, str]) -> list[tuple[str, str]]:
    return [(code, _l(label)) for code, label in codes.items()]


class ContactForm(FlaskForm):
    """Quick entry and correction of one contact. Choices for topic, site and groups are set by the view."""

    kind = RadioField(_l("Wer meldet sich?"), choices=_choices(KINDS), validators=[InputRequired()])
    channel = RadioField(_l("Weg"), choices=_choices(CHANNELS), validators=[InputRequired()])
    medium = RadioField(_l("Schriftlich per"), choices=[("", _l("– keine Angabe –")), *_choices(MEDIA)], default="")
    topic = SelectField(_l("Thema"), coerce=int, default=0)
    # Optional when the chosen topic has an area (checked in validate_topic_area).
    topic_area = RadioField(_l("Themenbereich"), choices=_choices(TOPIC_AREAS), validate_choice=False)
    # no preset: a preselected "Sonstiges" would skew the statistics; staff choose every time
    concern = RadioField(
        _l("Anliegen"),
        choices=_choices(CONCERNS),
        validators=[InputRequired(_l("Bitte das Anliegen wählen."))],
    )
    site = SelectField(_l("Standort"), coerce=int, default=0)
    day = DateField(_l("Datum"), validators=[InputRequired()])
    groups = SelectMultipleField(_l("Vermittelt an Gruppe(n)"), coerce=int, default=[])
    referrals_to_professionals = IntegerField(
        _l("Vermittlungen an professionelle Beratung"),
        default=0,
        validators=[InputRequired(), NumberRange(min=0, max=REFERRALS_MAX)],
    )
    duration = SelectField(_l("Dauer"), coerce=int, default=-1)
    founding_process = SelectField(_l("Gehört zum Gründungsprozess"), coerce=int, default=0)
    supported_group = SelectField(_l("Gehört zur Begleitung der Gruppe"), coerce=int, default=0)
    save_next = SubmitField(_l("Speichern und nächster Kontakt"))
    save = SubmitField(_l("Speichern"))

    def __init__(self, *args: Any, topic_areas: dict[int, str | None] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._topic_areas = topic_areas or {}

    def validate_topic_area(self, field: RadioField) -> None:
        if field.data in (None, "", "None"):
            field.data = self._topic_areas.get(self.topic.data or 0) or None
            if not field.data:
                raise ValidationError(_l("Bitte einen Themenbereich wählen (oder ein Thema mit Themenbereich)."))
        elif field.data not in TOPIC_AREAS:
            raise ValidationError(_l("Kein gültiger Themenbereich."))

    def validate_day(self, field: DateField) -> None:
        if field.data and field.data > timeutil.today() + dt.timedelta(days=1):
            raise ValidationError(_l("Das Datum liegt in der Zukunft."))


def duration_choices(limit: int = 240) -> list[tuple[int, str]]:
    """ "no duration" and 5-minute steps (the quick entry is a select: one keystroke, no typing errors)."""
    choices: list[tuple[int, str]] = [(-1, str(_l("– ohne Dauer –")))]
    for minutes in range(DURATION_STEP, limit + 1, DURATION_STEP):
        hours, rest = divmod(minutes, 60)
        text = f"{hours} Std. {rest} Min." if hours and rest else (f"{hours} Std." if hours else f"{rest} Min.")
        choices.append((minutes, text))
    return choices


class DeleteForm(FlaskForm):
    submit = SubmitField(_l("Löschen"))


class ImportForm(FlaskForm):
    file = FileField(_l("CSV-Datei (UTF-8)"), validators=[FileRequired(_l("Bitte eine Datei auswählen."))])
    force = BooleanField(_l("Auch importieren, wenn diese Datei schon einmal importiert wurde"))
    submit = SubmitField(_l("Importieren"))


class ChapterForm(FlaskForm):
    title = StringField(_l("Überschrift"), validators=[DataRequired(), Length(max=200)])
    placement = SelectField(_l("Stellung im Bericht"), choices=_choices(PLACEMENTS), default="intro")
    position = IntegerField(_l("Reihenfolge"), default=10, validators=[InputRequired(), NumberRange(min=0, max=999)])
    body = TextAreaField(_l("Text"), validators=[Length(max=30000)], render_kw={"rows": 14})
    submit = SubmitField(_l("Kapitel speichern"))


class RenderForm(FlaskForm):
    submit = SubmitField(_l("PDF erstellen"))


class CopyChaptersForm(FlaskForm):
    submit = SubmitField(_l("Kapitel anlegen"))


PERIODS = {"year": "Jahr", "quarter": "Quartal", "month": "Monat", "range": "Zeitraum"}


def _year_or_none(value: object) -> int | None:
    if value in (None, ""):
        return None
    year = int(str(value))  # ValueError: WTForms reports "not a valid choice"
    if not 1980 <= year <= 2100:
        raise ValueError(year)
    return year


class StatisticsForm(FlaskForm):
    """The statistics filter (a GET form: bookmarkable, no CSRF token needed for reading)."""

    class Meta:
        csrf = False

    period = SelectField(_l("Zeitraum"), choices=_choices(PERIODS), default="year")
    # the years with data (set by the view); an other year in range is still accepted (bookmarks)
    year = SelectField(_l("Jahr"), coerce=_year_or_none, validate_choice=False, validators=[Optional()])
    quarter = SelectField(_l("Quartal"), coerce=int, choices=[(q, f"{q}.") for q in range(1, 5)], default=1)
    month = SelectField(_l("Monat"), coerce=int, default=1)
    start = DateField(_l("Von"), validators=[Optional()])
    end = DateField(_l("Bis"), validators=[Optional()])
    site = SelectField(_l("Standort"), coerce=int, default=0)
    submit = SubmitField(_l("Anzeigen"))
