"""R19: a Decision with its number and symbol, date, authority and signer, its annex; unique
numbers per authority and year; annulment with a reason; bad input refused at its field."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection
from django.urls import reverse

from brightspots.tests.pdf_helpers import pdf_text
from recognition import services
from recognition.models import Decision, Dossier, Recognition
from recognition.tests.factories import (
    at,
    authority_for,
    cast_pair,
    decision_for,
    proposed,
    submitted_dossier,
)


@pytest.fixture
def authority(cast):
    return authority_for(cast.root)


@pytest.fixture
def proposed_pair(cast, authority):
    a = cast_pair(cast)
    b = cast_pair(cast, unit=cast.unit_b, official=cast.official_b)
    return [
        proposed(submitted_dossier(a["qcdc"], cast.official_a), cast.qcdc_staff),
        proposed(
            submitted_dossier(b["qcdc"], cast.official_b, when=(2026, 10, 25)), cast.qcdc_staff
        ),
    ]


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


def test_numbers_restart_each_year_but_the_database_refuses_a_repeat(
    cast, proposed_pair, authority
):
    first = decision_for(cast.qcdc, proposed_pair[:1], cast.qcdc_staff, number=7)
    with pytest.raises(IntegrityError):
        Decision.objects.create(
            **{f.name: getattr(first, f.name) for f in Decision._meta.concrete_fields if f.name not in ("id",)}
            | {"province": first.province, "committee": first.committee, "authority": authority,
               "recorded_by": cast.qcdc_staff, "annulled_by": None}
        )  # fmt: skip


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


def test_decision_pdf_in_the_administrative_format(cast, proposed_pair, client_of):
    decision = decision_for(cast.qcdc, proposed_pair, cast.qcdc_staff, day=date(2026, 11, 5))
    response = client_of(cast.qcdc_staff).get(
        reverse("recognition:decision-pdf", args=[decision.pk])
    )
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    for expected in [
        "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 125/QĐ-UBND",
        "Nghệ An, ngày 05 tháng 11 năm 2026",
        "QUYẾT ĐỊNH",
        "Công nhận 2 điểm sáng",
        "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH",
        "Hoàng Minh Châu",
        "DANH SÁCH ĐIỂM SÁNG ĐƯỢC CÔNG NHẬN",
        "Kèm theo Quyết định số 125/QĐ-UBND ngày 05 tháng 11 năm 2026",
        proposed_pair[0].bright_spot.name,
    ]:
        assert expected in text, expected


def test_decisions_are_read_by_their_committee_the_province_and_recognized_units(
    cast, proposed_pair, client_of
):
    decision = decision_for(cast.qcdc, proposed_pair[:1], cast.qcdc_staff)
    url = reverse("recognition:decision-detail", args=[decision.pk])
    assert client_of(cast.qcdc_staff).get(url).status_code == 200
    assert client_of(cast.provincial).get(url).status_code == 200
    assert client_of(cast.official_a).get(url).status_code == 200  # its bright spot is in it
    assert client_of(cast.official_b).get(url).status_code == 404
    assert client_of(cast.dvcq_staff).get(url).status_code == 404
    assert client_of(cast.other_province_staff).get(url).status_code == 404
    annul = reverse("recognition:decision-annul", args=[decision.pk])
    assert client_of(cast.provincial).post(annul, {"reason": "x"}).status_code == 403
    assert client_of(cast.official_a).post(annul, {"reason": "x"}).status_code == 403
    assert client_of(cast.qcdc_staff).get(annul).status_code == 405
    create = reverse("recognition:decision-create", args=[cast.qcdc.pk])
    assert client_of(cast.provincial).get(create).status_code == 403
    assert client_of(cast.dvcq_staff).get(create).status_code == 404


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs two real connections")
@pytest.mark.django_db(transaction=True)
def test_two_staff_taking_one_number_at_once(cast, authority):
    """Two requests race for number 125: the database lets one win, the other gets the field
    error, and no dossier is left half-recognized."""
    import threading

    from django.db import connections

    a = cast_pair(cast)
    b = cast_pair(cast, unit=cast.unit_b, official=cast.official_b)
    dossiers = [
        proposed(submitted_dossier(a["qcdc"], cast.official_a), cast.qcdc_staff),
        proposed(submitted_dossier(b["qcdc"], cast.official_b), cast.qcdc_staff),
    ]
    barrier, outcomes = threading.Barrier(2), []

    def record(dossier):
        try:
            dossier = Dossier.objects.select_related("unit", "bright_spot").get(pk=dossier.pk)
            barrier.wait()
            services.decision_record(
                committee=cast.qcdc, authority=authority, number=125, date=date(2026, 11, 20),
                dossiers=[dossier], by=cast.qcdc_staff,
            )  # fmt: skip
            outcomes.append("recorded")
        except ValidationError as error:
            outcomes.append("number" if "number" in error.message_dict else "other")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=record, args=(d,)) for d in dossiers]
    with at(2026, 11, 20, 15):
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert sorted(outcomes) == ["number", "recorded"]
    assert Decision.objects.count() == 1
    assert Dossier.objects.filter(status="recognized").count() == 1
    assert Dossier.objects.filter(status="proposed").count() == 1


def test_a_long_annex_counts_its_queries(cast, authority, client_of, django_assert_max_num_queries):
    from recognition.tests.factories import bulk_proposed

    dossiers = bulk_proposed(cast.unit_a, cast.qcdc, 60, reviewer=cast.qcdc_staff)
    decision = decision_for(cast.qcdc, dossiers, cast.qcdc_staff)
    services.certificates_allocate(decision)
    client = client_of(cast.qcdc_staff)
    with django_assert_max_num_queries(14):
        page = client.get(reverse("recognition:decision-detail", args=[decision.pk]))
    assert page.text.count("40-2026-0000") == 60
    with django_assert_max_num_queries(10):
        client.get(reverse("recognition:committee-decisions", args=[cast.qcdc.pk]))
