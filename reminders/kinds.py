"""The kinds of reminder (R25): whom each one goes to, when, and its standard text.

The standard texts are msgids of the catalogue, so the shipped wording exists in Vietnamese and
English; administrators may replace them per province (ReminderSetting). A text names its values
in braces, `{unit}`, `{deadline}`…, and only the placeholders its kind offers are accepted.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext


class Kind(models.TextChoices):
    REGISTRATION = "registration", _("Registration deadline")
    REGISTRATION_DIGEST = "registration_digest", _("Units without a complete list")
    ANNUAL_REPORT = "annual_report", _("Annual report deadline")
    RECOGNITION_OPENING = "recognition_opening", _("Recognition window opens")
    DOSSIER_DRAFT = "dossier_draft", _("Recognition dossiers still in draft")
    SUPPLEMENT_DUE = "supplement_due", _("Supplement to a dossier due")
    REVIEW_DUE = "review_due", _("Dossiers still to score before the window closes")


class Event(models.TextChoices):
    """The kinds of event told to the people they concern (R36, reminders.events)."""

    BRIGHT_SPOT_RETURNED = "bright_spot_returned", _("A bright spot returned for revision")
    BRIGHT_SPOT_ACCEPTED = "bright_spot_accepted", _("A bright spot accepted")
    BRIGHT_SPOT_RESUBMITTED = "bright_spot_resubmitted", _("A bright spot resubmitted")
    LIST_SUBMITTED = "list_submitted", _("A unit's list submitted")
    LIST_RESUBMITTED = "list_resubmitted", _("More bright spots of a unit's list sent")
    DOSSIER_SUBMITTED = "dossier_submitted", _("A dossier submitted")
    DOSSIER_RESUBMITTED = "dossier_resubmitted", _("A dossier resubmitted after a supplement")
    SUPPLEMENT_REQUESTED = "supplement_requested", _("A supplement to a dossier requested")
    REVIEWER_ASSIGNED = "reviewer_assigned", _("A dossier assigned to you for review")
    NOT_RECOGNIZED = "not_recognized", _("A proposal not to recognize")
    DECISION_RECORDED = "decision_recorded", _("A Decision of recognition recorded")
    CERTIFICATES_ISSUED = "certificates_issued", _("Certificates issued")
    DECISION_ANNULLED = "decision_annulled", _("A Decision annulled")
    EXTENSION_GRANTED = "extension_granted", _("An extension granted")
    EXTENSION_REFUSED = "extension_refused", _("An extension refused")


# Every kind of message a person can receive, for the choices page and the notification rows.
MESSAGE_KINDS = [*Kind.choices, *Event.choices]


def message_label(kind: str) -> str:
    return str(dict(MESSAGE_KINDS).get(kind, kind))


class Audience(models.TextChoices):
    UNIT = "unit", _("Officials of the unit")
    COMMITTEE = "committee", _("Staff of the steering committee")
    REVIEWER = "reviewer", _("Reviewers of the committee")


@dataclass(frozen=True)
class KindSpec:
    kind: str
    audience: str
    # Days before the anchor date; `after` turns them into days after it (the digests).
    milestones: tuple[int, ...]
    after: bool
    anchor: object  # what the days count from, for the settings page
    placeholders: tuple[str, ...]
    subject: object
    body: object


PLACEHOLDER_HELP = {
    "unit": _("the unit's name"),
    "committee": _("the committee's name"),
    "year": _("the year"),
    "deadline": _("the deadline, dd/mm/yyyy"),
    "opens": _("the opening day, dd/mm/yyyy"),
    "days": _("the days left, e.g. “7 days”"),
    "missing": _("what the unit's list lacks"),
    "units": _("the number of units, e.g. “12 units”"),
    "bright_spots": _("the number of accepted bright spots"),
    "dossiers": _("the number of dossiers in draft, e.g. “2 dossiers”"),
    "dossier": _("the name of the bright spot the dossier is for"),
    "request": _("what the committee asked to supplement"),
}

SPECS = {
    Kind.REGISTRATION: KindSpec(
        kind=Kind.REGISTRATION,
        audience=Audience.UNIT,
        milestones=(30, 14, 7, 3, 1),
        after=False,
        anchor=_("before the registration deadline (30 March, or the unit's extension)"),
        placeholders=("unit", "year", "deadline", "days", "missing"),
        subject=_("Bright spots {year}: register by {deadline} ({days} left)"),
        body=_(
            "{unit} has not yet submitted a complete list of bright spots for {year}: {missing}. "
            "The list must hold at least one QCDC and one DVCQ bright spot and be submitted by "
            "{deadline}, inclusive."
        ),
    ),
    Kind.REGISTRATION_DIGEST: KindSpec(
        kind=Kind.REGISTRATION_DIGEST,
        audience=Audience.COMMITTEE,
        milestones=(1,),
        after=True,
        anchor=_("after the registration deadline"),
        placeholders=("committee", "year", "deadline", "units"),
        subject=_("Bright spots {year}: {units} without a complete list"),
        body=_(
            "The registration deadline for {year} was {deadline}. These units in the scope of "
            "{committee} have not submitted a list with at least one QCDC and one DVCQ bright spot:"
        ),
    ),
    Kind.ANNUAL_REPORT: KindSpec(
        kind=Kind.ANNUAL_REPORT,
        audience=Audience.UNIT,
        milestones=(14, 7, 1),
        after=False,
        anchor=_("before the annual report deadline (30 November, or the unit's extension)"),
        placeholders=("unit", "year", "deadline", "days"),
        subject=_("Annual report {year}: due by {deadline} ({days} left)"),
        body=_(
            "{unit} has not yet submitted its annual summary report on its bright spots for "
            "{year}: the results of this year and the plan for next year. It is due by "
            "{deadline}, inclusive."
        ),
    ),
    Kind.RECOGNITION_OPENING: KindSpec(
        kind=Kind.RECOGNITION_OPENING,
        audience=Audience.UNIT,
        milestones=(0,),
        after=False,
        anchor=_("before the recognition window opens (15 October; 0 is the opening day)"),
        placeholders=("unit", "year", "opens", "deadline", "bright_spots"),
        subject=_("Recognition of bright spots {year}: dossiers from {opens} to {deadline}"),
        body=_(
            "The recognition window for {year} opens on {opens}. {unit} has {bright_spots} "
            "accepted this year: assemble a recognition dossier for each one that has shown "
            "results and submit it by {deadline}, inclusive."
        ),
    ),
    Kind.DOSSIER_DRAFT: KindSpec(
        kind=Kind.DOSSIER_DRAFT,
        audience=Audience.UNIT,
        milestones=(7, 1),
        after=False,
        anchor=_("before the recognition window closes (30 November, or the unit's extension)"),
        placeholders=("unit", "year", "deadline", "days", "dossiers"),
        subject=_("Recognition {year}: {dossiers} still in draft, due by {deadline} ({days} left)"),
        body=_(
            "{unit} has {dossiers} for recognition still in draft. Complete the three parts of "
            "each one (the achievement report, the evaluation and the official dispatch) and "
            "submit it by {deadline}, inclusive."
        ),
    ),
    Kind.SUPPLEMENT_DUE: KindSpec(
        kind=Kind.SUPPLEMENT_DUE,
        audience=Audience.UNIT,
        milestones=(2,),
        after=False,
        anchor=_("before the due date the committee gave for the supplement"),
        placeholders=("unit", "year", "deadline", "days", "dossier", "request"),
        subject=_("Supplement to the dossier “{dossier}”: due by {deadline} ({days} left)"),
        body=_(
            "The committee asked {unit} to supplement the recognition dossier of “{dossier}” and "
            "submit it again by {deadline}, inclusive. What to supplement: {request}"
        ),
    ),
    Kind.REVIEW_DUE: KindSpec(
        kind=Kind.REVIEW_DUE,
        audience=Audience.REVIEWER,
        milestones=(7, 1),
        after=False,
        anchor=_("before the recognition window closes (30 November)"),
        placeholders=("committee", "year", "deadline", "days", "dossiers"),
        subject=_("Recognition {year}: {dossiers} to score by {deadline} ({days} left)"),
        body=_(
            "You are a reviewer for {committee} of {dossiers} that you have not scored yet. "
            "Score every criterion of each one before the recognition window closes on "
            "{deadline}, so that the committee can propose in time."
        ),
    ),
}


def spec_for(kind: str) -> KindSpec:
    return SPECS[Kind(kind)]


def milestone_label(days: int) -> str:
    """How a milestone reads: `days` before the anchor date, negative for days after it."""
    if days == 0:
        return pgettext("reminder milestone", "on the day")
    if days < 0:
        return ngettext("%(days)s day after", "%(days)s days after", -days) % {"days": -days}
    return ngettext("%(days)s day before", "%(days)s days before", days) % {"days": days}
