"""R16, R17: the unit starts a dossier for an accepted bright spot, completes three parts, submits
inside the window; the checklist shows what is missing."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from recognition import services
from recognition.models import Dossier
from recognition.tests.factories import at, cast_pair, fill, pdf_upload
from registry.tests.factories import make_bright_spot


@pytest.fixture
def pair(cast):
    return cast_pair(cast)


@pytest.fixture
def dossier(cast, pair):
    with at(2026, 10, 15):
        return services.dossier_start(bright_spot=pair["qcdc"], by=cast.official_a)


def test_only_an_accepted_bright_spot_gets_a_dossier(cast):
    with at(2026, 3, 10):
        draft = make_bright_spot(cast.unit_a, field="qcdc")
    with pytest.raises(ValidationError, match="đã được Ban Chỉ đạo tiếp nhận"):
        services.dossier_start(bright_spot=draft, by=cast.official_a)


def test_dossier_keeps_the_criteria_in_force_and_assesses_each(cast, dossier):
    assert dossier.criteria_set.field == "qcdc"
    codes = [
        a.criterion.code for a in dossier.assessments.select_related("criterion__criteria_set")
    ]
    assert codes == [f"C{n}" for n in range(1, 7)] + [f"QCDC{n}" for n in range(1, 8)]  # 6 + 7
    assert services.dossier_start(bright_spot=dossier.bright_spot, by=cast.official_a) == dossier


def test_the_checklist_names_what_is_missing_and_submission_is_refused(cast, dossier, client_of):
    page = client_of(cast.official_a).get(reverse("recognition:dossier-detail", args=[dossier.pk]))
    assert "Còn thiếu" in page.text and "C1, C2" in page.text
    with at(2026, 10, 20), pytest.raises(ValidationError) as refused:
        services.dossier_submit(dossier=dossier, version=dossier.version, by=cast.official_a)
    message = " ".join(refused.value.messages)
    assert "Hồ sơ chưa đủ" in message
    for part in ("Báo cáo thành tích", "Đánh giá của Ban Dân vận", "Tờ trình đề nghị công nhận"):
        assert part in message
    dossier.refresh_from_db()
    assert dossier.status == "draft"


def test_one_missing_file_is_enough_to_refuse(cast, dossier):
    with at(2026, 10, 20):
        fill(dossier, cast.official_a)
        Dossier.objects.filter(pk=dossier.pk).update(dispatch_file="")
        dossier.refresh_from_db()
        with pytest.raises(ValidationError, match="Tờ trình đã ký"):
            services.dossier_submit(dossier=dossier, version=dossier.version, by=cast.official_a)


@pytest.mark.parametrize(
    ("moment", "accepted"),
    [
        ((2026, 10, 14, 23, 59, 59), False),
        ((2026, 10, 15, 0, 0, 0), True),
        ((2026, 11, 30, 23, 59, 59), True),
        ((2026, 12, 1, 0, 0, 0), False),
    ],
    ids=["14-oct-23:59:59", "15-oct-00:00", "30-nov-23:59:59", "1-dec-00:00"],
)
def test_the_window_at_its_boundaries(cast, dossier, moment, accepted):
    with at(2026, 10, 15):
        fill(dossier, cast.official_a)
    with at(*moment):
        if accepted:
            services.dossier_submit(dossier=dossier, version=dossier.version, by=cast.official_a)
            dossier.refresh_from_db()
            assert dossier.status == "submitted" and dossier.timeliness == "on_time"
        else:
            with pytest.raises(ValidationError) as refused:
                services.dossier_submit(
                    dossier=dossier, version=dossier.version, by=cast.official_a
                )
            assert refused.value.code == "window_closed"
            assert "15/10/2026" in refused.value.messages[0]
            assert "30/11/2026" in refused.value.messages[0]


def test_an_extension_admits_a_late_dossier(cast, dossier):
    from registry import services as registry_services

    with at(2026, 10, 15):
        fill(dossier, cast.official_a)
    with at(2026, 12, 1, 8):
        registry_services.extension_grant(
            committee=cast.qcdc,
            unit=cast.unit_a, year=2026, kind="recognition", until=date(2026, 12, 5),
            reason="Bổ sung tờ trình sau sáp nhập", by=cast.qcdc_staff,
        )  # fmt: skip
    with at(2026, 12, 5, 23, 59, 59):
        services.dossier_submit(dossier=dossier, version=dossier.version, by=cast.official_a)
    dossier.refresh_from_db()
    assert dossier.status == "submitted" and dossier.timeliness == "extended"


def test_an_administrator_moves_the_window(cast, dossier):
    from recognition.models import RecognitionPeriod

    RecognitionPeriod.objects.create(
        province=cast.province, year=2026, opens=date(2026, 10, 1), closes=date(2026, 12, 10)
    )
    with at(2026, 10, 1, 0, 0):
        fill(dossier, cast.official_a)
        services.dossier_submit(dossier=dossier, version=dossier.version, by=cast.official_a)
    dossier.refresh_from_db()
    assert dossier.status == "submitted"


def test_the_unit_completes_parts_through_the_pages_and_submits(cast, dossier, client_of):
    client = client_of(cast.official_a)
    with at(2026, 10, 20):
        data = {"version": dossier.version, "method": "Phương pháp", "experience": "Kinh nghiệm",
                "effectiveness": "Hiệu quả", "spread": "Lan tỏa"}  # fmt: skip
        for a in dossier.assessments.all():
            data |= {f"level_{a.criterion_id}": "achieved", f"text_{a.criterion_id}": "Đạt"}
        response = client.post(
            reverse("recognition:dossier-part", args=[dossier.pk, "report"]), data
        )
        assert response.status_code == 302
        dossier.refresh_from_db()
        client.post(
            reverse("recognition:dossier-part", args=[dossier.pk, "evaluation"]),
            {"version": dossier.version, "evaluation_by": "Ban Dân vận", "evaluation_summary": "Tốt",
             "evaluation_file": pdf_upload()},
        )  # fmt: skip
        dossier.refresh_from_db()
        response = client.post(
            reverse("recognition:dossier-part", args=[dossier.pk, "dispatch"]),
            {"version": dossier.version, "dispatch_number": "12/TTr-UBND", "dispatch_date": "32/10/2026",
             "dispatch_signer": "Trần Văn B", "dispatch_file": pdf_upload()},
        )  # fmt: skip
        assert response.status_code == 200 and "Nhập ngày có thật" in response.text  # R34
        response = client.post(
            reverse("recognition:dossier-part", args=[dossier.pk, "dispatch"]),
            {"version": dossier.version, "dispatch_number": "12/TTr-UBND", "dispatch_date": "16/10/2026",
             "dispatch_signer": "Trần Văn B", "dispatch_file": pdf_upload()},
        )  # fmt: skip
        assert response.status_code == 302
        dossier.refresh_from_db()
        response = client.post(
            reverse("recognition:dossier-submit", args=[dossier.pk]),
            {"version": dossier.version},
            follow=True,
        )
    assert "Đã gửi hồ sơ" in response.text
    dossier.refresh_from_db()
    assert dossier.status == "submitted" and dossier.submitted_by == cast.official_a


def test_a_file_that_is_not_a_document_is_refused_at_its_field(cast, dossier, client_of):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client_of(cast.official_a).post(
        reverse("recognition:dossier-part", args=[dossier.pk, "evaluation"]),
        {"version": dossier.version, "evaluation_by": "Ban Dân vận", "evaluation_summary": "Tốt",
         "evaluation_file": SimpleUploadedFile("danh-gia.pdf", b"MZ\x90\x00 not a pdf")},
    )  # fmt: skip
    assert response.status_code == 200
    assert "Ban Dân vận" in response.text  # what was typed is kept (R34)
    dossier.refresh_from_db()
    assert dossier.evaluation_by == "" and not dossier.evaluation_file


def test_a_stale_page_does_not_overwrite(cast, dossier):
    stale = dossier.version
    with at(2026, 10, 20):
        services.dossier_save_evaluation(
            dossier=dossier,
            evaluation_by="A",
            evaluation_summary="B",
            version=stale,
            by=cast.official_a,
        )
    with at(2026, 10, 20), pytest.raises(ValidationError) as refused:
        services.dossier_save_evaluation(
            dossier=dossier,
            evaluation_by="C",
            evaluation_summary="D",
            version=stale,
            by=cast.official_a,
        )
    assert refused.value.code == "changed_meanwhile"


def test_the_bright_spot_page_leads_to_its_dossier(cast, pair, client_of):
    url = reverse("registry:bright-spot-detail", args=[pair["qcdc"].pk])
    assert "Lập hồ sơ" in client_of(cast.official_a).get(url).text
    assert "Lập hồ sơ" not in client_of(cast.qcdc_staff).get(url).text
    with at(2026, 10, 15):
        dossier = services.dossier_start(bright_spot=pair["qcdc"], by=cast.official_a)
    link = reverse("recognition:dossier-detail", args=[dossier.pk])
    assert link in client_of(cast.official_a).get(url).text
    assert link not in client_of(cast.qcdc_staff).get(url).text  # a draft stays with the unit


def test_a_draft_dossier_is_the_units_own_until_it_is_submitted(cast, dossier, client_of):
    url = reverse("recognition:unit-dossiers", args=[cast.unit_a.pk]) + "?year=2026"
    detail = reverse("recognition:dossier-detail", args=[dossier.pk])
    own = client_of(cast.official_a).get(url).text
    assert "Đang chuẩn bị" in own and detail in own
    for reader in (cast.qcdc_staff, cast.provincial):
        page = client_of(reader).get(url).text
        assert dossier.bright_spot.name in page and "Chưa lập" in page
        assert "Đang chuẩn bị" not in page and detail not in page
