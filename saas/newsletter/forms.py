"""Form validation for the public sign-up and the staff pages."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    EmailField,
    FloatField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Email, InputRequired, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from saas.core.headers import SingleLine


class SubscribeForm(FlaskForm):
    email = EmailField(_l("E-Mail-Adresse"), validators=[SingleLine(), DataRequired(), Email(), Length(max=254)])
    name = StringField(_l("Name (freiwillig)"), validators=[SingleLine(), Optional(), Length(max=200)])
    consent = BooleanField(
        _l("Ja, ich willige ein (Text oben)."),
        validators=[DataRequired(message=_l("Bitte bestätigen Sie die Einwilligung."))],
    )


class ActionForm(FlaskForm):
    """A button that changes something (CSRF only)."""


class MultiCheckbox(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class IssueForm(FlaskForm):
    subject = StringField(_l("Betreff"), validators=[SingleLine(), DataRequired(), Length(max=200)])
    body_md = TextAreaField(_l("Text (Markdown)"), validators=[Optional(), Length(max=100_000)])
    blocks = MultiCheckbox(_l("Automatische Abschnitte aus Ihren Daten"), choices=[], validate_choice=True)


class ScheduleForm(FlaskForm):
    at = DateTimeLocalField(_l("Versenden am"), format="%Y-%m-%dT%H:%M", validators=[InputRequired()])


class ImportForm(FlaskForm):
    file = FileField(_l("CSV-Datei (UTF-8)"), validators=[FileRequired()])


class ErasureForm(FlaskForm):
    email = EmailField(_l("E-Mail-Adresse der Person"), validators=[SingleLine(), DataRequired(), Length(max=254)])
    from_suppression = BooleanField(
        _l("Auch aus der Sperrliste löschen (die Adresse darf dann wieder angeschrieben werden)")
    )


class SettingsForm(FlaskForm):
    consent_text = TextAreaField(
        _l("Einwilligungstext im Anmeldeformular"), validators=[DataRequired(), Length(max=5000)]
    )
    welcome_subject = StringField(
        _l("Betreff der Willkommens-E-Mail"), validators=[SingleLine(), DataRequired(), Length(max=200)]
    )
    welcome_body = TextAreaField(
        _l("Text der Willkommens-E-Mail (Markdown)"), validators=[DataRequired(), Length(max=20000)]
    )
    rate_per_second = FloatField(
        _l("Höchstens E-Mails pro Sekunde (0 = unbegrenzt)"),
        validators=[InputRequired(), NumberRange(min=0, max=10000)],
    )
