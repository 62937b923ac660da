"""Every event told to the person it concerns (R36): one teller per recorded action.

Each teller listens to an action of the audit log (organisation.events), finds who the event
concerns and claims one notification per person (reminders.services.notice_claim), in that
person's language, with a link to the page that acts on it. The claim is a row whose unique key
holds the audit entry: however often a teller runs for an entry, each person is told once.
"""

from collections import defaultdict
from datetime import date

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from organisation.events import listen
from organisation.models import Committee, RoleAssignment, Unit, User
from recognition.models import Certificate, Decision, Dossier
from registry.models import BrightSpot, Extension, Registration
from reminders.kinds import Event
from reminders.services import notice_claim

Role = RoleAssignment.Role


def _people(**assignment) -> list:
    """Active people holding a role; without an e-mail address they are told in the app."""
    ids = RoleAssignment.objects.filter(**assignment).values("user_id")
    return list(User.objects.filter(pk__in=ids, is_active=True).order_by("username"))


def officials(unit_id: int) -> list:
    return _people(role=Role.UNIT_OFFICIAL, unit_id=unit_id)


def staff(committee_id: int) -> list:
    return _people(role=Role.COMMITTEE_STAFF, committee_id=committee_id)


def _day(value) -> str:
    return date_format(value, "SHORT_DATE_FORMAT")


def _tell(entry, kind, people, *, province, year, link, words, **extra):
    for person in people:
        notice_claim(entry=entry, kind=kind, recipient=person, province=province, year=year,
                     link=link, words=words, **extra)  # fmt: skip


# --- registration -------------------------------------------------------------------------------
@listen("bright_spot.returned", "bright_spot.accepted")
def bright_spot_reviewed(entry):
    spot = BrightSpot.objects.select_related("unit", "recipient").get(pk=entry.target_id)
    returned = entry.action == "bright_spot.returned"
    values = {"name": spot.name, "unit": spot.unit.name, "year": spot.year,
              "committee": spot.recipient.name if spot.recipient else "", "comment": entry.comment}  # fmt: skip

    def words():
        if returned:
            return (
                _("Bright spot “%(name)s” returned for revision") % values,
                _(
                    "%(committee)s returned the bright spot “%(name)s” of %(unit)s for "
                    "revision. Their comment: %(comment)s\nRevise it and submit it again."
                )
                % values,
            )
        return (
            _("Bright spot “%(name)s” accepted") % values,
            _("%(committee)s accepted the bright spot “%(name)s” of %(unit)s for %(year)s.")
            % values,
        )

    kind = Event.BRIGHT_SPOT_RETURNED if returned else Event.BRIGHT_SPOT_ACCEPTED
    link = reverse("registry:bright-spot-detail", args=[spot.pk])
    _tell(entry, kind, officials(spot.unit_id), province=spot.province, year=spot.year,
          link=link, words=words, unit=spot.unit)  # fmt: skip


@listen("bright_spot.resubmitted")
def bright_spot_resubmitted(entry):
    spot = BrightSpot.objects.select_related("unit", "recipient").get(pk=entry.target_id)
    if spot.recipient_id is None:
        return
    values = {"name": spot.name, "unit": spot.unit.name, "committee": spot.recipient.name}

    def words():
        return (
            _("“%(name)s” resubmitted after revision") % values,
            _(
                "%(unit)s revised the bright spot “%(name)s” and submitted it again to "
                "%(committee)s. Review it in the inbox."
            )
            % values,
        )

    link = reverse("registry:bright-spot-detail", args=[spot.pk])
    _tell(entry, Event.BRIGHT_SPOT_RESUBMITTED, staff(spot.recipient_id), province=spot.province,
          year=spot.year, link=link, words=words, committee=spot.recipient)  # fmt: skip


@listen("registration.submitted", "registration.resubmitted")
def list_sent(entry):
    """The staff of each receiving committee hear what arrived in their inbox (R8)."""
    registration = Registration.objects.select_related("unit").get(pk=entry.target_id)
    sent = entry.data.get("sent") or {}
    ids = [pk for pks in sent.values() for pk in pks]
    spots = {b.pk: b for b in BrightSpot.objects.filter(pk__in=ids).order_by("name_sort")}
    committees = Committee.objects.in_bulk([int(pk) for pk in sent])
    first = entry.action == "registration.submitted"
    kind = Event.LIST_SUBMITTED if first else Event.LIST_RESUBMITTED
    unit, year = registration.unit, registration.year
    for committee_id, pks in sorted(sent.items()):
        committee = committees.get(int(committee_id))
        if committee is None:
            continue
        mine = sorted((spots[pk] for pk in pks if pk in spots), key=lambda b: b.name_sort)
        values = {"unit": unit.name, "year": year, "committee": committee.name}

        def words(mine=mine, values=values):
            lines = "\n".join(f"- {b.name} ({b.get_field_display()})" for b in mine)
            subject = (
                _("%(unit)s submitted its bright spots for %(year)s")
                if first
                else _("%(unit)s sent more bright spots for %(year)s")
            )
            body = _(
                "%(unit)s submitted its list of bright spots for %(year)s. These arrived in "
                "the inbox of %(committee)s:"
            )
            return subject % values, f"{body % values}\n{lines}"

        link = reverse("registry:committee-inbox", args=[committee.pk]) + f"?year={year}"
        _tell(entry, kind, staff(committee.pk), province=registration.province, year=year,
              link=link, words=words, committee=committee, unit=unit,
              about=f"event:{entry.pk}:{committee.pk}")  # fmt: skip


@listen("extension.granted", "extension.refused")
def extension_answered(entry):
    data = entry.data
    unit = Unit.objects.get(pk=data["unit"])
    granted = entry.action == "extension.granted"
    what = dict(Extension.Kind.choices).get(data["kind"], data["kind"])
    values = {"unit": unit.name, "year": data["year"], "reason": entry.comment,
              "until": _day_iso(entry.to_state) if granted else ""}  # fmt: skip

    def words():
        values["what"] = str(what)
        if granted:
            return (
                _("Extension for %(unit)s: %(what)s %(year)s until %(until)s") % values,
                _(
                    "%(unit)s has more time for %(what)s %(year)s: until %(until)s, inclusive. "
                    "Reason: %(reason)s"
                )
                % values,
            )
        return (
            _("Extension refused for %(unit)s: %(what)s %(year)s") % values,
            _("The request of %(unit)s for more time for %(what)s %(year)s was refused: %(reason)s")
            % values,
        )

    link = _extension_link(unit.pk, data["kind"], data["year"])
    kind = Event.EXTENSION_GRANTED if granted else Event.EXTENSION_REFUSED
    _tell(entry, kind, officials(unit.pk), province=unit.province, year=data["year"],
          link=link, words=words, unit=unit)  # fmt: skip


def _day_iso(value: str) -> str:
    return _day(date.fromisoformat(value)) if value else ""


def _extension_link(unit_id: int, kind: str, year: int) -> str:
    if kind == Extension.Kind.RECOGNITION:
        return reverse("recognition:unit-dossiers", args=[unit_id]) + f"?year={year}"
    if kind == Extension.Kind.ANNUAL_REPORT:
        return reverse("registry:annual-report", args=[unit_id]) + f"?year={year}"
    return reverse("registry:unit-year", args=[unit_id]) + f"?year={year}"


# --- recognition --------------------------------------------------------------------------------
def _dossier(entry) -> Dossier:
    return Dossier.objects.select_related("unit", "bright_spot", "committee", "province").get(
        pk=entry.target_id
    )


def _dossier_values(dossier, entry) -> dict:
    return {"name": dossier.bright_spot.name, "unit": dossier.unit.name, "year": dossier.year,
            "committee": dossier.committee.name, "comment": entry.comment}  # fmt: skip


def _dossier_link(dossier) -> str:
    return reverse("recognition:dossier-detail", args=[dossier.pk])


@listen("dossier.submitted", "dossier.resubmitted")
def dossier_submitted(entry):
    dossier = _dossier(entry)
    values = _dossier_values(dossier, entry)
    first = entry.action == "dossier.submitted"

    def words():
        if first:
            return (
                _("Dossier “%(name)s” submitted for recognition") % values,
                _(
                    "%(unit)s submitted the recognition dossier of “%(name)s” for %(year)s to "
                    "%(committee)s. Assign reviewers to it."
                )
                % values,
            )
        return (
            _("Dossier “%(name)s” resubmitted with its supplement") % values,
            _(
                "%(unit)s supplemented the recognition dossier of “%(name)s” and submitted it "
                "again to %(committee)s."
            )
            % values,
        )

    kind = Event.DOSSIER_SUBMITTED if first else Event.DOSSIER_RESUBMITTED
    _tell(entry, kind, staff(dossier.committee_id), province=dossier.province, year=dossier.year,
          link=_dossier_link(dossier), words=words, committee=dossier.committee)  # fmt: skip


@listen("dossier.supplement_requested")
def supplement_requested(entry):
    dossier = _dossier(entry)
    values = _dossier_values(dossier, entry)
    due = entry.data.get("due")

    def words():
        values["due"] = _day_iso(due)
        return (
            _("Supplement to the dossier “%(name)s” requested, due by %(due)s") % values,
            _(
                "%(committee)s asks %(unit)s to supplement the recognition dossier of "
                "“%(name)s”. What to supplement: %(comment)s\nSubmit it again by %(due)s, "
                "inclusive."
            )
            % values,
        )

    _tell(entry, Event.SUPPLEMENT_REQUESTED, officials(dossier.unit_id), province=dossier.province,
          year=dossier.year, link=_dossier_link(dossier), words=words, unit=dossier.unit)  # fmt: skip


@listen("dossier.reviewers_assigned")
def reviewers_assigned(entry):
    dossier = _dossier(entry)
    values = _dossier_values(dossier, entry)
    reviewers = list(
        User.objects.filter(pk__in=entry.data.get("reviewers", []), is_active=True).order_by("pk")
    )

    def words():
        return (
            _("You review the dossier “%(name)s”") % values,
            _(
                "%(committee)s assigned you to review the recognition dossier of “%(name)s” "
                "(%(unit)s, %(year)s). Score every criterion of it."
            )
            % values,
        )

    link = reverse("recognition:dossier-score", args=[dossier.pk])
    _tell(entry, Event.REVIEWER_ASSIGNED, reviewers, province=dossier.province, year=dossier.year,
          link=link, words=words, committee=dossier.committee)  # fmt: skip


@listen("dossier.not_recognized")
def not_recognized(entry):
    dossier = _dossier(entry)
    values = _dossier_values(dossier, entry)

    def words():
        return (
            _("Dossier “%(name)s”: proposed not to recognize") % values,
            _(
                "%(committee)s proposes not to recognize “%(name)s” of %(unit)s for %(year)s. "
                "The reasons: %(comment)s"
            )
            % values,
        )

    _tell(entry, Event.NOT_RECOGNIZED, officials(dossier.unit_id), province=dossier.province,
          year=dossier.year, link=_dossier_link(dossier), words=words, unit=dossier.unit)  # fmt: skip


@listen("dossier.recognized", "dossier.recognition_annulled")
def recognition_changed(entry):
    """A Decision recognized the unit's bright spot, or the Decision was annulled (R19)."""
    dossier = _dossier(entry)
    values = _dossier_values(dossier, entry)
    recognized = entry.action == "dossier.recognized"

    def words():
        if recognized:
            return (
                _("“%(name)s” recognized: %(comment)s") % values,
                _(
                    "The bright spot “%(name)s” of %(unit)s is recognized as a bright spot of "
                    "%(year)s by %(comment)s. Its certificate follows."
                )
                % values,
            )
        return (
            _("The recognition of “%(name)s” was annulled") % values,
            _("The Decision that recognized “%(name)s” of %(unit)s was annulled: %(comment)s")
            % values,
        )

    kind = Event.DECISION_RECORDED if recognized else Event.DECISION_ANNULLED
    _tell(entry, kind, officials(dossier.unit_id), province=dossier.province, year=dossier.year,
          link=_dossier_link(dossier), words=words, unit=dossier.unit)  # fmt: skip


@listen("decision.certificates_issued")
def certificates_issued(entry):
    """Each unit is told where to download its certificates; whoever asked, that the zip is
    ready. Told once per round of issuing (a rebuild is a new round)."""
    decision = Decision.objects.select_related("province").get(pk=entry.target_id)
    certificates = (
        Certificate.objects.filter(recognition__decision=decision)
        .select_related("recognition__dossier__bright_spot", "recognition__dossier__unit")
        .order_by("recognition__position")
    )
    by_unit = defaultdict(list)
    for certificate in certificates:
        by_unit[certificate.recognition.dossier.unit].append(certificate)
    reference = decision.reference
    for unit, mine in by_unit.items():
        values = {"decision": reference, "unit": unit.name}

        def words(mine=mine, values=values):
            lines = "\n".join(
                f"- {c.recognition.dossier.bright_spot.name} ({c.serial})" for c in mine
            )
            return (
                _("Certificates of %(unit)s issued: %(decision)s") % values,
                _("The certificates of %(unit)s under %(decision)s are ready to download:") % values
                + f"\n{lines}",
            )

        link = reverse("recognition:certificate-pdf", args=[mine[0].pk])
        if len(mine) > 1:
            link = reverse("recognition:unit-dossiers", args=[unit.pk]) + (
                f"?year={decision.recognition_year}"
            )
        _tell(entry, Event.CERTIFICATES_ISSUED, officials(unit.pk), province=decision.province,
              year=decision.recognition_year, link=link, words=words, unit=unit,
              about=f"event:{entry.pk}:{unit.pk}")  # fmt: skip
    requester = User.objects.filter(pk=entry.data.get("by"), is_active=True).first()
    if requester is not None:
        count = len(certificates)
        values = {"decision": reference, "count": count}

        def words():
            return (
                _("Certificates issued: %(decision)s") % values,
                ngettext(
                    "The %(count)s certificate of %(decision)s is issued; the zip is ready.",
                    "The %(count)s certificates of %(decision)s are issued; the zip is ready.",
                    count,
                )
                % values,
            )

        _tell(entry, Event.CERTIFICATES_ISSUED, [requester], province=decision.province,
              year=decision.recognition_year,
              link=reverse("recognition:decision-detail", args=[decision.pk]), words=words,
              committee=decision.committee, about=f"event:{entry.pk}:by")  # fmt: skip
