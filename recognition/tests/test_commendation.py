"""R22: the 5-year proposal to the Emulation and Reward Council (select, PDF and Excel, outcomes)
and units' yearly commendations."""

import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from core.tests.pdf_helpers import pdf_text
from core.tests.rendition_helpers import rendered
from recognition import services
from recognition.models import CommendationProposal, Recognition, UnitCommendation, cycle_of
from recognition.tests.factories import (
    at,
    authority_for,
    cast_pair,
    decision_for,
    proposed,
    submitted_dossier,
)


@pytest.mark.parametrize(
    ("year", "cycle"),
    [
        (2021, (2021, 2025)),
        (2025, (2021, 2025)),
        (2026, (2026, 2030)),
        (2030, (2026, 2030)),
        (2031, (2031, 2035)),
    ],
)
def test_five_year_cycles(year, cycle):
    assert cycle_of(year) == cycle


@pytest.fixture
def recognized(cast):
    """QCDC bright spots recognized in 2025 (unit A, unit B) and in 2026 (unit A)."""
    authority_for(cast.root)
    a = cast_pair(cast, year=2025, names=("Dân chủ - Đồng thuận - Phát triển", ""))
    b = cast_pair(
        cast,
        unit=cast.unit_b,
        official=cast.official_b,
        year=2025,
        names=("Tổ hòa giải tiêu biểu", ""),
    )
    dossiers = [proposed(submitted_dossier(s["qcdc"], o, when=(2025, 10, 20)), cast.qcdc_staff)
                for s, o in ((a, cast.official_a), (b, cast.official_b))]  # fmt: skip
    decision_for(cast.qcdc, dossiers, cast.qcdc_staff, number=3120, day=date(2025, 12, 5))
    late = cast_pair(cast, year=2026, names=("Mô hình năm 2026", ""))
    decision_for(cast.qcdc, [proposed(submitted_dossier(late["qcdc"], cast.official_a), cast.qcdc_staff)],
                 cast.qcdc_staff, number=15)  # fmt: skip
    return Recognition.objects.select_related("dossier__unit", "dossier__bright_spot").order_by(
        "dossier__year", "pk"
    )


@pytest.fixture
def proposal(cast, recognized):
    with at(2026, 11, 24):
        return services.commendation_proposal_create(
            committee=cast.qcdc, period_start=2021, council="Hội đồng Thi đua - Khen thưởng tỉnh Nghệ An",
            by=cast.qcdc_staff,
        )  # fmt: skip


def test_a_proposal_per_committee_and_period(cast, proposal):
    assert (proposal.period_start, proposal.period_end) == (2021, 2025)
    with at(2026, 11, 24):
        with pytest.raises(ValidationError):  # twice
            services.commendation_proposal_create(
                committee=cast.qcdc, period_start=2021, council="X", by=cast.qcdc_staff
            )
        with pytest.raises(ValidationError):  # not the start of a period
            services.commendation_proposal_create(
                committee=cast.qcdc, period_start=2023, council="X", by=cast.qcdc_staff
            )
        with pytest.raises(ValidationError):  # not begun
            services.commendation_proposal_create(
                committee=cast.qcdc, period_start=2031, council="X", by=cast.qcdc_staff
            )


def test_only_the_periods_recognized_bright_spots_can_be_selected(
    cast, proposal, recognized, client_of
):
    in_period = [r for r in recognized if r.dossier.year == 2025]
    outside = [r for r in recognized if r.dossier.year == 2026]
    with pytest.raises(ValidationError):
        services.commendation_select(proposal=proposal, recognitions=outside, by=cast.qcdc_staff)
    page = (
        client_of(cast.qcdc_staff)
        .get(reverse("recognition:proposal-detail", args=[proposal.pk]))
        .text
    )
    assert "Dân chủ - Đồng thuận - Phát triển" in page and "Mô hình năm 2026" not in page
    client_of(cast.qcdc_staff).post(
        reverse("recognition:proposal-select", args=[proposal.pk]),
        {"recognitions": [r.pk for r in in_period]},
    )
    assert proposal.entries.count() == 2
    assert [e.position for e in proposal.entries.order_by("position")] == [1, 2]


def test_send_then_record_outcomes(cast, proposal, recognized):
    services.commendation_select(
        proposal=proposal,
        recognitions=[r for r in recognized if r.dossier.year == 2025],
        by=cast.qcdc_staff,
    )
    entry = proposal.entries.order_by("position").first()
    with pytest.raises(ValidationError):  # not sent yet
        services.commendation_outcome_record(
            entry=entry, outcome="merit", reference="", by=cast.qcdc_staff
        )
    services.commendation_send(proposal=proposal, by=cast.qcdc_staff)
    with pytest.raises(ValidationError):  # the list is fixed once sent
        services.commendation_select(proposal=proposal, recognitions=[], by=cast.qcdc_staff)
    entry.refresh_from_db()
    services.commendation_outcome_record(
        entry=entry,
        outcome="merit",
        reference="Quyết định số 3500/QĐ-UBND ngày 20/12/2025",
        by=cast.qcdc_staff,
    )
    entry.refresh_from_db()
    assert entry.outcome == "merit" and entry.outcome_recorded_by == cast.qcdc_staff


def test_the_proposal_list_as_pdf_and_excel(
    cast, proposal, recognized, client_of, django_capture_on_commit_callbacks
):
    services.commendation_select(
        proposal=proposal,
        recognitions=[r for r in recognized if r.dossier.year == 2025],
        by=cast.qcdc_staff,
    )
    client = client_of(cast.provincial)
    url = reverse("recognition:proposal-pdf", args=[proposal.pk])
    text = pdf_text(rendered(client, url, django_capture_on_commit_callbacks))
    for expected in ["DANH SÁCH ĐIỂM SÁNG ĐỀ NGHỊ KHEN THƯỞNG GIAI ĐOẠN 2021 - 2025",
                     "Kính gửi: Hội đồng Thi đua - Khen thưởng tỉnh Nghệ An",
                     "Dân chủ - Đồng thuận - Phát triển", "Tổ hòa giải tiêu biểu", "Tổng số: 2 điểm sáng"]:  # fmt: skip
        assert expected in text, expected
    url = reverse("recognition:proposal-xlsx", args=[proposal.pk])
    xlsx = rendered(client, url, django_capture_on_commit_callbacks)
    sheet = load_workbook(io.BytesIO(xlsx)).active
    rows = [row for row in sheet.iter_rows(min_row=5, values_only=True) if row[0]]
    assert sorted(row[1] for row in rows) == [
        "Dân chủ - Đồng thuận - Phát triển",
        "Tổ hòa giải tiêu biểu",
    ]
    assert {row[4] for row in rows} == {2025}
    assert all("3120/QĐ-UBND" in row[5] for row in rows)


def test_who_reads_and_who_proposes(cast, proposal, client_of):
    url = reverse("recognition:proposal-detail", args=[proposal.pk])
    assert client_of(cast.qcdc_staff).get(url).status_code == 200
    assert client_of(cast.provincial).get(url).status_code == 200
    assert client_of(cast.dvcq_staff).get(url).status_code == 404
    assert client_of(cast.official_a).get(url).status_code == 404
    assert (
        client_of(cast.provincial)
        .post(reverse("recognition:proposal-send", args=[proposal.pk]))
        .status_code
        == 403
    )
    start = reverse("recognition:committee-commendation", args=[cast.qcdc.pk])
    assert (
        client_of(cast.provincial).post(start, {"period_start": 2026, "council": "X"}).status_code
        == 403
    )
    assert CommendationProposal.objects.count() == 1


def test_a_unit_records_its_yearly_commendations(cast, client_of):
    spots = cast_pair(cast)
    url = reverse("recognition:unit-commendations", args=[cast.unit_a.pk])
    client = client_of(cast.official_a)
    response = client.post(url, {"bright_spot": spots["qcdc"].pk, "form": "Giấy khen của Chủ tịch UBND xã",
                                 "reference": "Quyết định số 45/QĐ-UBND ngày 20/12/2026"})  # fmt: skip
    assert response.status_code == 302
    again = client.post(url, {"bright_spot": spots["qcdc"].pk, "form": "Giấy khen"})
    assert "đã được ghi nhận" in again.text
    assert UnitCommendation.objects.get().form == "Giấy khen của Chủ tịch UBND xã"
    other = cast_pair(cast, unit=cast.unit_b, official=cast.official_b)
    refused = client.post(url, {"bright_spot": other["qcdc"].pk, "form": "Giấy khen"})
    assert refused.status_code == 200 and UnitCommendation.objects.count() == 1
    assert (
        client_of(cast.official_b)
        .post(url, {"bright_spot": spots["dvcq"].pk, "form": "X"})
        .status_code
        == 404
    )
    assert (
        client_of(cast.qcdc_staff)
        .post(url, {"bright_spot": spots["dvcq"].pk, "form": "X"})
        .status_code
        == 403
    )
