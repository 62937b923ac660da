"""Past years' recognitions from the import (R39): a bright spot imported with the number and
date of the Decision that recognized it gets that Decision (of the issuing authority of the
level of the committee it was routed to; one Decision per number, however many rows name it),
a recognized dossier and its certificate. Registered with `registry.past`."""

from datetime import datetime, time

from django.utils import timezone
from django.utils.translation import gettext_noop

from organisation.imports.base import vi
from organisation.services.audit import audit_record
from recognition.models import Certificate, Decision, Dossier, Recognition
from recognition.selectors.criteria import criteria_set_for
from recognition.selectors.decisions import authorities_for
from recognition.services.certificates import certificates_allocate
from registry.past import PastDecision, register_recognizer


def _moment(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(9, 0)))


class Recognizer:
    def check(self, *, committee, year, field, decision: PastDecision) -> str | None:
        authority = authorities_for(committee).first()
        if authority is None:
            return vi(gettext_noop("%(level)s has no issuing authority to record its Decision "
                                   "(administration, Issuing authorities)."),
                      level=committee.level_unit.name)  # fmt: skip
        if criteria_set_for(committee.province, field, year) is None:
            return vi(gettext_noop("No criteria are in force for %(year)s."), year=year)
        known = Decision.objects.filter(
            authority=authority, year=decision.date.year, number=decision.number
        ).first()
        if known is not None and (known.date, known.symbol) != (decision.date, decision.symbol):
            return vi(gettext_noop("Decision %(number)s of %(year)s is already recorded with "
                                   "another date or symbol."),
                      number=decision.number, year=decision.date.year)  # fmt: skip
        return None

    def record(self, *, bright_spot, decision: PastDecision, by) -> None:
        committee = bright_spot.recipient
        authority = authorities_for(committee).first()
        found = Decision.objects.filter(
            authority=authority, year=decision.date.year, number=decision.number
        ).first()
        if found is None:
            found = Decision.objects.create(
                province=bright_spot.province, committee=committee, authority=authority,
                number=decision.number, date=decision.date, recognition_year=bright_spot.year,
                authority_name=authority.name, parent_name=authority.parent_name,
                place_name=authority.place_name, symbol=decision.symbol,
                signing_form=authority.signing_form, signer_title=authority.signer_title,
                signer_name=authority.signer_name, legal_bases=authority.legal_bases,
                recorded_at=_moment(decision.date), recorded_by=by,
            )  # fmt: skip
        submitted = bright_spot.submitted_at or _moment(decision.date)
        dossier = Dossier.objects.create(
            province=bright_spot.province, unit=bright_spot.unit, bright_spot=bright_spot,
            year=bright_spot.year, field=bright_spot.field, committee=committee,
            criteria_set=criteria_set_for(bright_spot.province, bright_spot.field, bright_spot.year),
            status=Dossier.Status.RECOGNIZED, decision=found, first_submitted_at=submitted,
            submitted_at=submitted, submitted_by=by, proposed_at=submitted, proposed_by=by,
            created_by=by,
        )  # fmt: skip
        position = Recognition.objects.filter(decision=found).count() + 1
        Recognition.objects.create(decision=found, dossier=dossier, position=position)
        certificates_allocate(found)
        Certificate.objects.filter(recognition__dossier=dossier).update(
            issued_at=_moment(decision.date)
        )
        audit_record(
            actor=by, action="dossier.recognized", target=dossier, province=bright_spot.province,
            bright_spot=bright_spot, data={"decision": found.pk, "imported": True},
        )  # fmt: skip


register_recognizer(Recognizer())
