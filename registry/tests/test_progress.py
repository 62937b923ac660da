"""R11: milestones roll up to the bright spot, the unit and the province; progress entries with
evidence; the annual report by 30 November, visible to committees and provincial staff."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.tests.upload_samples import PNG
from organisation.models import AuditEntry
from organisation.tests.factories import UnitFactory
from registry import selectors, services
from registry.models import AnnualReport, BrightSpot
from registry.tests.factories import make_bright_spot

ICT = ZoneInfo("Asia/Ho_Chi_Minh")


def at(*args):
    return time_machine.travel(datetime(*args, tzinfo=ICT), tick=False)


@pytest.fixture
def spots(cast):
    with at(2026, 3, 1, 9, 0):
        qcdc = make_bright_spot(cast.unit_a, field="qcdc", name="Hòm thư góp ý điện tử")
        dvcq = make_bright_spot(cast.unit_a, field="dvcq", name="Cán bộ đến từng nhà")
        services.bright_spot_update(
            bright_spot=qcdc,
            values={
                f: getattr(qcdc, f)
                for f in [
                    "field",
                    "level",
                    "name",
                    "address",
                    "objectives",
                    "plan",
                    "continues",
                    "replicates",
                ]
            },
            staff=[{"name": "A", "position": "B", "phone": "", "email": ""}],
            milestones=[
                {"title": "Lắp đặt", "due": date(2026, 5, 1)},
                {"title": "Vận hành", "due": date(2026, 9, 1)},
            ],
            version=qcdc.version,
            by=cast.official_a,
        )
        services.registration_submit(unit=cast.unit_a, year=2026, by=cast.official_a)
    return BrightSpot.objects.get(pk=qcdc.pk), BrightSpot.objects.get(pk=dvcq.pk)


def test_milestones_roll_up_to_bright_spot_unit_and_province(cast, spots):
    qcdc, dvcq = spots
    first, second = qcdc.milestones.all()
    with at(2026, 5, 2, 9, 0):
        services.milestone_update(milestone=first, status="done", percent=40, by=cast.official_a)
        services.milestone_update(
            milestone=second, status="in_progress", percent=50, by=cast.official_a
        )
    qcdc.refresh_from_db()
    assert first.percent == 100 and qcdc.progress == 75  # done means 100%
    assert selectors.unit_year(cast.unit_a, 2026).progress == round((75 + 0) / 2)
    assert (
        selectors.progress_rollup(BrightSpot.objects.filter(province=cast.province, year=2026))
        == 38
    )
    entry = AuditEntry.objects.filter(action="milestone.updated", target_id=first.pk).get()
    assert (entry.from_state, entry.to_state) == ("not_started 0%", "done 100%")  # codes


def test_progress_entry_with_evidence_is_shown_and_served_with_permission(cast, spots, client_of):
    qcdc, _ = spots
    client = client_of(cast.official_a)
    with at(2026, 6, 10, 9, 0):
        response = client.post(
            reverse("registry:progress-add", args=[qcdc.pk]),
            {
                "day": "09/06/2026",
                "text": "Đã nhận 37 ý kiến qua hòm thư",
                "milestone": qcdc.milestones.first().pk,
                "evidence": SimpleUploadedFile("anh.png", PNG),
            },
        )
    assert response.status_code == 302
    entry = qcdc.progress_entries.get()
    page = client.get(reverse("registry:bright-spot-detail", args=[qcdc.pk])).text
    assert "Đã nhận 37 ý kiến qua hòm thư" in page and "anh.png" in page
    evidence = reverse("registry:progress-evidence", args=[entry.pk])
    assert client.get(evidence)["Content-Type"] == "image/png"
    assert client_of(cast.official_b).get(evidence).status_code == 404


def test_a_future_date_is_refused_at_the_field(cast, spots, client_of):
    qcdc, _ = spots
    with at(2026, 6, 10, 9, 0):
        response = client_of(cast.official_a).post(
            reverse("registry:progress-add", args=[qcdc.pk]),
            {"day": "01/01/2027", "text": "Sẽ làm"},
        )
    assert "Ngày không được ở tương lai" in response.text and not qcdc.progress_entries.exists()


def write_report(cast, spots):
    qcdc, dvcq = spots
    services.annual_report_save(
        unit=cast.unit_a,
        year=2026,
        summary="Hoàn thành kế hoạch",
        next_year_plan="Nhân rộng",
        results={qcdc.pk: ("Nhận 120 ý kiến", "Mở rộng"), dvcq.pk: ("Thăm 300 hộ", "")},
        by=cast.official_a,
    )


def test_annual_report_on_time_on_30_november(cast, spots, client_of):
    with at(2026, 11, 30, 23, 59, 59):
        write_report(cast, spots)
        report = services.annual_report_submit(unit=cast.unit_a, year=2026, by=cast.official_a)
    assert report.timeliness == "on_time"
    listing = (
        client_of(cast.provincial).get(reverse("registry:annual-reports"), {"year": 2026}).text
    )
    assert cast.unit_a.name in listing
    detail = (
        client_of(cast.qcdc_staff)
        .get(reverse("registry:annual-report-detail", args=[report.pk]))
        .text
    )
    assert "Nhận 120 ý kiến" in detail
    assert (
        client_of(cast.official_b)
        .get(reverse("registry:annual-report-detail", args=[report.pk]))
        .status_code
        == 404
    )


def test_annual_report_refused_on_1_december(cast, spots):
    with at(2026, 12, 1, 0, 0, 0):
        write_report(cast, spots)
        with pytest.raises(ValidationError):
            services.annual_report_submit(unit=cast.unit_a, year=2026, by=cast.official_a)
    assert AnnualReport.objects.get().status == "draft"


def test_annual_report_needs_every_bright_spots_results(cast, spots):
    qcdc, _ = spots
    with at(2026, 11, 1, 9, 0):
        services.annual_report_save(
            unit=cast.unit_a,
            year=2026,
            summary="Tốt",
            next_year_plan="",
            results={qcdc.pk: ("Có", "")},
            by=cast.official_a,
        )
        with pytest.raises(ValidationError) as refused:
            services.annual_report_submit(unit=cast.unit_a, year=2026, by=cast.official_a)
    assert "Cán bộ đến từng nhà" in refused.value.messages[0]


def test_drafts_of_reports_stay_with_the_unit(cast, spots, client_of):
    with at(2026, 11, 1, 9, 0):
        write_report(cast, spots)
    report = AnnualReport.objects.get()
    assert (
        client_of(cast.provincial)
        .get(reverse("registry:annual-report-detail", args=[report.pk]))
        .status_code
        == 404
    )
    assert (
        cast.unit_a.name
        not in client_of(cast.provincial)
        .get(reverse("registry:annual-reports"), {"year": 2026})
        .text
    )


@pytest.mark.parametrize("reports", [5, 120])
def test_annual_reports_query_count_does_not_grow_with_rows(
    cast, client_of, django_assert_max_num_queries, reports
):
    """Every report received is listed, for the queries of a few: nothing is fetched per row."""
    units = [
        UnitFactory(province=cast.province, parent=cast.root, name=f"Xã Thử {i:03d}")
        for i in range(reports)
    ]
    received = datetime(2026, 11, 20, 9, 0, tzinfo=ICT)
    AnnualReport.objects.bulk_create(
        AnnualReport(
            province=cast.province, unit=unit, year=2026, summary="Hoàn thành kế hoạch",
            status="submitted", submitted_at=received, submitted_by=cast.official_a,
            timeliness="on_time",
        )
        for unit in units
    )  # fmt: skip
    client = client_of(cast.provincial)
    with django_assert_max_num_queries(7):  # 5 measured, with 5 or 120 reports
        response = client.get(reverse("registry:annual-reports"), {"year": 2026})
    assert response.status_code == 200
    assert response.text.count("<tr><td><a href=") == reports
    assert all(unit.name in response.text for unit in units)
