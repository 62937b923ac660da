"""R20: certificates issued once per recognition with unique serials, whatever runs twice; read
back from the PDF, QR code included; long and hostile names; the date line."""

import subprocess
from datetime import date
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse

from core.models import Job
from core.tests.pdf_helpers import needs, page_png, pages, pdf_text
from recognition import services
from recognition.models import Certificate, RecognitionSettings
from recognition.models.settings import validate_serial_format
from recognition.tests.conftest import SITE
from recognition.tests.factories import (
    at,
    authority_for,
    bulk_proposed,
    cast_pair,
    decision_for,
    proposed,
    submitted_dossier,
)

# Certificates print SITE_URL in their QR code and are stored under MEDIA_ROOT.
pytestmark = pytest.mark.usefixtures("_site")


def issue(decision, by, capture):
    with capture(execute=True):
        services.certificates_issue(decision=decision, by=by)


def test_issuing_gives_each_recognition_one_certificate_with_a_serial(
    cast, decision, django_capture_on_commit_callbacks
):
    issue(decision, cast.qcdc_staff, django_capture_on_commit_callbacks)
    certificates = list(Certificate.objects.order_by("number"))
    assert [c.serial for c in certificates] == ["40-2026-000001", "40-2026-000002"]
    assert all(c.file and c.rendered_at for c in certificates)
    # Registering the bright spots queued their own jobs (notices); this is the certificates' one.
    assert Job.objects.get(key__startswith=f"certificates:{decision.pk}:").done_at is not None
    # Asking again issues nothing new: same rows, same serials.
    issue(decision, cast.qcdc_staff, django_capture_on_commit_callbacks)
    services.certificates_run(decision_id=decision.pk, round=decision.batch.round, part=1)
    assert [c.serial for c in Certificate.objects.order_by("number")] == [
        "40-2026-000001",
        "40-2026-000002",
    ]


def test_the_database_refuses_a_second_certificate_for_a_recognition(cast, decision):
    services.certificates_allocate(decision)
    first = Certificate.objects.first()
    with pytest.raises(IntegrityError):
        Certificate.objects.create(
            recognition=first.recognition, province=first.province, year=2026, number=99,
            serial="40-2026-000099",
        )  # fmt: skip


def test_serial_numbers_follow_the_setting(cast, decision):
    RecognitionSettings.objects.create(
        province=cast.province, serial_format="NA.{year}.{number:04d}-{province}"
    )
    services.certificates_allocate(decision)
    assert sorted(Certificate.objects.values_list("serial", flat=True)) == [
        "NA.2026.0001-40",
        "NA.2026.0002-40",
    ]
    assert services.certificates_allocate(decision) == 0


@pytest.mark.parametrize(
    "bad",
    [
        "{year}-{number}",
        "{province}-{year}",
        "{province}-{year}-{number}-{unit}",
        "{province} {year}/{number}",
        "Đ{province}{year}{number}",
        "{province}-{year}-{number:q}",
    ],
)
def test_a_serial_format_must_be_unique_by_construction(bad):
    with pytest.raises(ValidationError):
        validate_serial_format(bad)


def test_certificate_read_back_from_its_pdf(
    cast, decision, django_capture_on_commit_callbacks, client_of
):
    issue(decision, cast.qcdc_staff, django_capture_on_commit_callbacks)
    certificate = Certificate.objects.get(recognition__dossier__unit=cast.unit_a)
    response = client_of(cast.official_a).get(
        reverse("recognition:certificate-pdf", args=[certificate.pk])
    )  # issued in bulk: stored, served at once
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    content = b"".join(response.streaming_content)
    assert len(pages(content)) == 1
    text = pdf_text(content)
    for expected in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Dân chủ - Đồng thuận - Phát triển ở xóm Đồng Sơn",
        "Đơn vị thực hiện: Xã Nghĩa Dũng",
        "Theo Quyết định số 125/QĐ-UBND ngày 05 tháng 11 năm 2026",
        "Nghệ An, ngày 05 tháng 11 năm 2026",
        f"Số hiệu: {certificate.serial}",
    ]:
        assert expected in text, expected


@needs("pdftoppm")
@needs("zbarimg")
def test_the_qr_code_opens_the_verification_page_which_says_valid_then_revoked(
    cast, decision, django_capture_on_commit_callbacks, client_of
):
    issue(decision, cast.qcdc_staff, django_capture_on_commit_callbacks)
    certificate = Certificate.objects.get(recognition__dossier__unit=cast.unit_a)
    with open(certificate.file.path, "rb") as stored:
        image = page_png(stored.read(), "issued-certificate")
    decoded = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert decoded == f"{SITE}/verify/{certificate.serial}/"
    public = client_of(None)
    path = decoded.removeprefix(SITE)
    page = public.get(path)
    assert page.status_code == 200 and 'data-verdict="valid"' in page.text
    assert "Dân chủ - Đồng thuận - Phát triển ở xóm Đồng Sơn" in page.text
    services.decision_annul(decision=decision, reason="Sai thẩm quyền", by=cast.qcdc_staff)
    page = public.get(path)
    assert 'data-verdict="revoked"' in page.text and "Sai thẩm quyền" in page.text


def test_a_job_hands_over_when_its_time_is_up(cast, decision):
    services.certificates_issue(decision=decision, by=cast.qcdc_staff)
    assert (
        services.certificates_run(decision_id=decision.pk, round=1, part=1, budget=-1)
        == "continued"
    )
    assert Certificate.objects.filter(rendered_at=None).count() == 2  # serials given, none rendered
    follow_up = Job.objects.get(key=f"certificates:{decision.pk}:1:2")
    assert follow_up.kwargs == {"decision_id": decision.pk, "round": 1, "part": 2}
    assert services.certificates_run(**follow_up.kwargs) == "finished"
    assert Certificate.objects.filter(rendered_at=None).count() == 0


def test_long_vietnamese_name_and_html_on_the_certificate_and_the_page(cast, client_of):
    authority_for(cast.root)
    long_name = (
        "Đẩy mạnh ứng dụng chuyển đổi số trong giải quyết thủ tục hành chính, lắng nghe và "
        "đối thoại với Nhân dân, nâng cao chất lượng phục vụ của chính quyền " * 3
    )[:300].strip()
    html_name = '<b>Xã "Kim Liên"</b> & <script>alert(1)</script>'
    spots = cast_pair(cast, names=(long_name, html_name))
    dossiers = [
        proposed(submitted_dossier(spots["qcdc"], cast.official_a), cast.qcdc_staff),
    ]
    dvcq = submitted_dossier(spots["dvcq"], cast.official_a)
    with at(2026, 11, 2):
        from recognition.tests.factories import scored

        scored(dvcq, cast.dvcq_staff)
        dvcq.refresh_from_db()
        services.dossier_propose(
            dossier=dvcq, recognize=True, reasons="", version=dvcq.version, by=cast.dvcq_staff
        )
    qcdc = decision_for(cast.qcdc, dossiers, cast.qcdc_staff, number=10)
    dvcq.refresh_from_db()
    other = decision_for(cast.dvcq, [dvcq], cast.dvcq_staff, number=11)
    for decision in (qcdc, other):
        services.certificates_issue(decision=decision, by=decision.recorded_by)
        services.certificates_run(decision_id=decision.pk, round=1, part=1)
    long_pdf = Path(Certificate.objects.get(recognition__decision=qcdc).file.path).read_bytes()
    assert len(pages(long_pdf)) == 1
    assert "".join(long_name.split()) in "".join(pdf_text(long_pdf).split())
    html_certificate = Certificate.objects.get(recognition__decision=other)
    assert html_name in pdf_text(Path(html_certificate.file.path).read_bytes())
    page = client_of(None).get(reverse("recognition:verify", args=[html_certificate.serial])).text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_issuing_many_keeps_serials_distinct(cast, django_capture_on_commit_callbacks):
    authority_for(cast.root)
    dossiers = bulk_proposed(cast.unit_a, cast.qcdc, 12, reviewer=cast.qcdc_staff)
    decision = decision_for(cast.qcdc, dossiers, cast.qcdc_staff)
    services.certificates_allocate(decision)
    serials = list(Certificate.objects.values_list("serial", flat=True))
    assert len(serials) == len(set(serials)) == 12


@pytest.mark.parametrize(
    ("day", "line"),
    [
        (date(2026, 1, 5), "ngày 05 tháng 01 năm 2026"),
        (date(2026, 4, 15), "ngày 15 tháng 4 năm 2026"),
        (date(2025, 11, 30), "ngày 30 tháng 11 năm 2025"),
    ],
)
def test_the_date_line_of_an_issued_certificate(cast, day, line):
    """Decree 30's leading zeros: days 1–9 and months 1–2 only."""
    authority_for(cast.root)
    spots = cast_pair(cast, year=2025)
    dossier = proposed(
        submitted_dossier(spots["qcdc"], cast.official_a, when=(2025, 10, 20)),
        cast.qcdc_staff,
        when=(2025, 11, 3),
    )
    decision = decision_for(cast.qcdc, [dossier], cast.qcdc_staff, number=5, day=day)
    services.certificates_allocate(decision)
    certificate = services.certificate_render(Certificate.objects.get())
    text = pdf_text(Path(certificate.file.path).read_bytes())
    assert f"Nghệ An, {line}" in text
    assert f"Theo Quyết định số 05/QĐ-UBND {line}" in text
