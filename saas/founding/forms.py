"""Forms of founding support and effort cases."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, SelectField, StringField, SubmitField, TextAreaField, TimeField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange

from saas.founding.models import CASE_KINDS, INTEREST_SOURCES, MILESTONES, SESSION_MINUTES_MAX, SIMPLE_MILESTONES
from saas.founding.operations import THRESHOLD_RANGE, TOPIC_MAX

DEFAULT_CONSENT = (
    "Ich bin einverstanden, dass die Kontaktstelle meinen Namen und meine Erreichbarkeit speichert, um mich zur "
    "Gründung dieser Selbsthilfegruppe einzuladen. Die Angaben werden nach Abschluss der Gründung gelöscht."
)


def _choices(codes: dict[str, str]) -> list[tuple[str, str]]:
    return [(code, _l(label)) for code, label in codes.items()]


def minute_choices(limit: int = 480) -> list[tuple[int, str]]:
    """Durations in 5-minute steps, written as people say them (1 Std. 15 Min.)."""
    out = []
    for m in range(5, limit + 1, 5):
        h, rest = divmod(m, 60)
        out.append((m, f"{h} Std. {rest} Min." if h and rest else (f"{h} Std." if h else f"{rest} Min.")))
    return out


class ProcessForm(FlaskForm):
    topic_name = StringField(_l("Thema der geplanten Gruppe"), validators=[DataRequired(), Length(max=TOPIC_MAX)])
    site = SelectField(_l("Standort"), coerce=int, default=0)
    started_on = DateField(_l("Beginn"), validators=[InputRequired()])
    submit = SubmitField(_l("Gründungsprozess anlegen"))


class FromInterestForm(FlaskForm):
    """Start a process for a topic people asked for in the Wegweiser (one of its interests names it)."""

    interest = IntegerField(validators=[InputRequired(), NumberRange(min=1, max=2**31 - 1)])
    submit = SubmitField(_l("Gründungsprozess starten"))


class InterestForm(FlaskForm):
    name = StringField(_l("Name oder Pseudonym"), validators=[DataRequired(), Length(max=200)])
    reach = StringField(_l("Erreichbar über (Telefon oder E-Mail)"), validators=[DataRequired(), Length(max=300)])
    source = SelectField(_l("Woher"), choices=_choices(INTEREST_SOURCES), default="contact")
    consent_text = TextAreaField(
        _l("Einwilligung (so, wie die Person zugestimmt hat)"),
        default=DEFAULT_CONSENT,
        validators=[DataRequired(), Length(max=2000)],
        render_kw={"rows": 3},
    )
    submit = SubmitField(_l("Auf die Liste setzen"))


class InquiryInterestForm(FlaskForm):
    inquiry = SelectField(_l("Anfrage"), coerce=int)
    submit = SubmitField(_l("Aus der Anfrage übernehmen"))


class MilestoneForm(FlaskForm):
    kind = SelectField(_l("Schritt"), choices=[(k, _l(MILESTONES[k])) for k in SIMPLE_MILESTONES])
    step_on = DateField(_l("Datum des Schritts"), validators=[InputRequired()])
    note = StringField(_l("Vermerk (ohne Personendaten)"), validators=[Length(max=300)])
    submit = SubmitField(_l("Schritt eintragen"))


class FirstMeetingForm(FlaskForm):
    room = SelectField(_l("Raum"), coerce=int)
    day = DateField(_l("Tag des ersten Treffens"), validators=[InputRequired()])
    start = TimeField(_l("Beginn"), validators=[InputRequired()])
    end = TimeField(_l("Ende"), validators=[InputRequired()])
    submit = SubmitField(_l("Raum buchen"))


class InvitationsForm(FlaskForm):
    submit = SubmitField(_l("Einladungen verschicken"))


class FoundedForm(FlaskForm):
    founded_on = DateField(_l("Gegründet am"), validators=[InputRequired()])
    submit = SubmitField(_l("Gruppe ist gegründet"))


class AbandonForm(FlaskForm):
    reason = StringField(_l("Grund"), validators=[DataRequired(), Length(max=300)])
    abandoned_on = DateField(_l("Abgebrochen am"), validators=[InputRequired()])
    submit = SubmitField(_l("Aufbau abbrechen"))


class WithdrawForm(FlaskForm):
    submit = SubmitField(_l("Zurückgezogen"))


class ThresholdForm(FlaskForm):
    threshold = IntegerField(
        _l("Hinweis ab so vielen Interessierten je Thema und Standort"),
        validators=[InputRequired(), NumberRange(min=THRESHOLD_RANGE[0], max=THRESHOLD_RANGE[1])],
    )
    submit = SubmitField(_l("Schwelle speichern"))


class CaseForm(FlaskForm):
    group = SelectField(_l("Gruppe"), coerce=int)
    kind = SelectField(_l("Art"), choices=_choices(CASE_KINDS), default="conflict")
    opened_on = DateField(_l("Beginn"), validators=[InputRequired()])
    submit = SubmitField(_l("Begleitung anlegen"))


class SessionForm(FlaskForm):
    day = DateField(_l("Datum"), validators=[InputRequired()])
    minutes = SelectField(_l("Dauer (mit Vor- und Nachbereitung)"), coerce=int, choices=minute_choices())
    submit = SubmitField(_l("Termin eintragen"))


class CloseCaseForm(FlaskForm):
    submit = SubmitField(_l("Begleitung abschließen"))


assert SESSION_MINUTES_MAX >= 480
