"""R19: a Decision with its number and symbol, date, authority and signer, its annex; unique
numbers per authority and year; annulment with a reason; bad input refused at its field."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from recognition import services
from recognition.models import Decision, Dossier, Recognition
from recognition.services import decisions as decision_services
from recognition.tests.factories import (
    at,
    cast_pair,
    decision_for,
    proposed,
    submitted_dossier,
)
from tests.concurrency import requires_postgresql, run_concurrently, stall_first_call


def test_recording_a_decision_recognizes_its_annex(cast, proposed_pair, authority, client_of):
    client = client_of(cast.qcdc_staff)
    with at(2026, 11, 20, 15):
        response = client.post(
            reverse("recognition:decision-create", args=[cast.qcdc.pk]) + "?year=2026",
            {"authority": authority.pk, "number": "125", "date": "20/11/2026",
             "dossiers": [d.pk for d in proposed_pair]},
        )  # fmt: skip
    assert response.status_code == 302
    decision = Decision.objects.get()
    assert decision.number_and_symbol == "125/QĐ-UBND" and decision.year == 2026
    assert decision.recognition_year == 2026
    assert decision.signing_lines == ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    assert [r.dossier.unit for r in decision.recognitions.order_by("position")] == [
        cast.unit_b,
        cast.unit_a,
    ]
    for dossier in proposed_pair:
        dossier.refresh_from_db()
        assert dossier.status == "recognized" and dossier.decision == decision
    page = client.get(reverse("recognition:decision-detail", args=[decision.pk])).text
    assert "125/QĐ-UBND" in page and proposed_pair[0].bright_spot.name in page


def test_a_recognized_dossier_always_has_a_decision(cast, proposed_pair):
    """Database constraint, whatever the code does."""
    with pytest.raises(IntegrityError):
        Dossier.objects.filter(pk=proposed_pair[0].pk).update(status="recognized")


def test_duplicate_number_refused_at_the_number_field(cast, proposed_pair, authority, client_of):
    decision_for(cast.qcdc, proposed_pair[:1], cast.qcdc_staff, number=125)
    with at(2026, 11, 21, 9):
        response = client_of(cast.qcdc_staff).post(
            reverse("recognition:decision-create", args=[cast.qcdc.pk]),
            {"authority": authority.pk, "number": "125", "date": "21/11/2026",
             "dossiers": [proposed_pair[1].pk]},
        )  # fmt: skip
    assert response.status_code == 200
    assert "đã có Quyết định 125/QĐ-UBND" in response.text
    assert "Ngày 20/11/2026" not in response.text
    assert Decision.objects.count() == 1
    proposed_pair[1].refresh_from_db()
    assert proposed_pair[1].status == "proposed"


def test_numbers_restart_each_year_but_never_repeat_within_one(cast, proposed_pair, authority):
    first = decision_for(cast.qcdc, proposed_pair[:1], cast.qcdc_staff, number=7)
    # The database refuses it, whatever the code does.
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.create(
            province=first.province, committee=first.committee, authority=authority, number=7,
            date=date(2026, 11, 21), recognition_year=2026, authority_name="x", place_name="x",
            symbol="QĐ-UBND", signing_form="x", signer_title="x", signer_name="x",
            recorded_by=cast.qcdc_staff,
        )  # fmt: skip
    # In January the office's register starts again at 1: number 7 is free for 2027.
    again = decision_for(
        cast.qcdc, proposed_pair[1:], cast.qcdc_staff, number=7, day=date(2027, 1, 5)
    )
    assert (again.number, again.year, again.recognition_year) == (7, 2027, 2026)


def test_decision_date_before_a_submission_is_refused(cast, proposed_pair, authority):
    with at(2026, 11, 20), pytest.raises(ValidationError) as refused:
        services.decision_record(
            committee=cast.qcdc, authority=authority, number=1, date=date(2026, 10, 22),
            dossiers=proposed_pair, by=cast.qcdc_staff,
        )  # fmt: skip
    assert "date" in refused.value.message_dict
    assert "25/10/2026" in refused.value.message_dict["date"][0]
    assert not Decision.objects.exists()


def test_a_decision_cannot_be_dated_in_the_future(cast, proposed_pair, authority):
    with at(2026, 11, 20), pytest.raises(ValidationError) as refused:
        services.decision_record(
            committee=cast.qcdc, authority=authority, number=1, date=date(2026, 11, 21),
            dossiers=proposed_pair, by=cast.qcdc_staff,
        )  # fmt: skip
    assert "date" in refused.value.message_dict


def test_only_proposed_dossiers_of_the_committee(cast, proposed_pair, authority):
    decision_for(cast.qcdc, proposed_pair[:1], cast.qcdc_staff, number=1)
    proposed_pair[0].refresh_from_db()
    with at(2026, 11, 21), pytest.raises(ValidationError):  # already recognized
        services.decision_record(
            committee=cast.qcdc, authority=authority, number=2, date=date(2026, 11, 21),
            dossiers=[proposed_pair[0]], by=cast.qcdc_staff,
        )  # fmt: skip
    dvcq_authority = authority
    with at(2026, 11, 21), pytest.raises(ValidationError):  # another committee's dossier
        services.decision_record(
            committee=cast.dvcq, authority=dvcq_authority, number=3, date=date(2026, 11, 21),
            dossiers=[proposed_pair[1]], by=cast.dvcq_staff,
        )  # fmt: skip


def test_annulment_needs_a_reason_and_frees_the_dossiers(cast, proposed_pair, client_of):
    decision = decision_for(cast.qcdc, proposed_pair, cast.qcdc_staff)
    client = client_of(cast.qcdc_staff)
    url = reverse("recognition:decision-annul", args=[decision.pk])
    client.post(url, {"reason": " "})
    decision.refresh_from_db()
    assert not decision.is_annulled
    client.post(url, {"reason": "Sai thẩm quyền ban hành"})
    decision.refresh_from_db()
    assert decision.is_annulled and decision.annulment_reason == "Sai thẩm quyền ban hành"
    assert Recognition.objects.filter(decision=decision).count() == 2  # nothing deleted (R31)
    for dossier in proposed_pair:
        dossier.refresh_from_db()
        assert dossier.status == "proposed" and dossier.decision is None
    again = decision_for(cast.qcdc, proposed_pair, cast.qcdc_staff, number=126)
    assert again.recognitions.count() == 2


def test_an_annulled_decision_is_never_used_again(cast, proposed_pair, authority):
    decision = decision_for(cast.qcdc, proposed_pair, cast.qcdc_staff)
    services.decision_annul(decision=decision, reason="Ban hành nhầm", by=cast.qcdc_staff)
    with pytest.raises(ValidationError):
        services.decision_annul(decision=decision, reason="Lần nữa", by=cast.qcdc_staff)
    with pytest.raises(ValidationError) as refused:
        services.certificates_issue(decision=decision, by=cast.qcdc_staff)
    assert refused.value.code == "annulled"
    with pytest.raises(ValidationError):
        services.certificates_allocate(decision)
    for dossier in proposed_pair:
        dossier.refresh_from_db()
    with at(2026, 11, 22), pytest.raises(ValidationError) as taken:  # its number stays taken
        services.decision_record(
            committee=cast.qcdc, authority=authority, number=decision.number, date=date(2026, 11, 22),
            dossiers=proposed_pair, by=cast.qcdc_staff,
        )  # fmt: skip
    assert "number" in taken.value.message_dict


@requires_postgresql
def test_two_staff_taking_one_number_at_once(transactional_db, cast, authority):
    """Two requests race for number 125: the database lets one win, the other gets the field
    error, and no dossier is left half-recognized."""
    a = cast_pair(cast)
    b = cast_pair(cast, unit=cast.unit_b, official=cast.official_b)
    dossiers = [
        proposed(submitted_dossier(a["qcdc"], cast.official_a), cast.qcdc_staff),
        proposed(submitted_dossier(b["qcdc"], cast.official_b), cast.qcdc_staff),
    ]
    dossiers = [  # as each request loads its dossier
        Dossier.objects.select_related("unit", "bright_spot").get(pk=d.pk) for d in dossiers
    ]

    def record(dossier):
        return lambda: services.decision_record(
            committee=cast.qcdc, authority=authority, number=125, date=date(2026, 11, 20),
            dossiers=[dossier], by=cast.qcdc_staff,
        )  # fmt: skip

    # The winner holds its new Decision, uncommitted, while the other inserts the same number.
    with (
        at(2026, 11, 20, 15),
        stall_first_call(decision_services, "audit_record", seconds=0.5) as stall,
    ):
        first, second = run_concurrently(*[record(d) for d in dossiers])
    winner, loser = sorted([first, second], key=lambda o: o.error is not None)
    assert winner.ok, winner.error
    assert isinstance(winner.value, Decision)
    assert isinstance(loser.error, ValidationError), loser.error
    assert "number" in loser.error.message_dict
    assert loser.elapsed >= stall.seconds  # it waited for the winner's lock on the number
    assert Decision.objects.count() == 1
    assert Dossier.objects.filter(status="recognized").count() == 1
    assert Dossier.objects.filter(status="proposed").count() == 1
