"""Registering a bright spot in the browser's form (R5) and bad input at the field (R34)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.tests.upload_samples import PDF, pdf
from registry.models import BrightSpot


@pytest.fixture(autouse=True)
def in_march():
    with time_machine.travel(
        datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")), tick=False
    ):
        yield


def form_data(**changes):
    data = {
        "field": "qcdc",
        "level": "province",
        "name": "Đối thoại trực tiếp với Nhân dân hằng quý",
        "address": "Nhà văn hóa xóm 3, xã Nghĩa Dũng",
        "objectives": "Lắng nghe, giải quyết kiến nghị",
        "plan": "Quý I: chuẩn bị; quý II–IV: tổ chức đối thoại",
        "targeted": ["general-1", "qcdc-7"],
        "staff-TOTAL_FORMS": "2",
        "staff-INITIAL_FORMS": "0",
        "staff-0-name": "Nguyễn Văn Cường",
        "staff-0-position": "Phó Chủ tịch UBND xã",
        "staff-0-phone": "0912 345 678",
        "staff-0-email": "cuong@nghiadung.gov.vn",
        "milestones-TOTAL_FORMS": "3",
        "milestones-INITIAL_FORMS": "0",
        "milestones-0-title": "Xây dựng kế hoạch",
        "milestones-0-due": "31/03/2026",
        "milestones-1-title": "Đối thoại lần 1",
        "milestones-1-due": "30/06/2026",
    }
    data.update(changes)
    return data


def post(client, cast, data):
    return client.post(reverse("registry:bright-spot-create", args=[cast.unit_a.pk]), data)


def test_a_complete_form_makes_a_draft_with_everything(cast, client_of):
    data = form_data(plan_file=SimpleUploadedFile("ke-hoach.pdf", PDF, "application/pdf"))
    response = post(client_of(cast.official_a), cast, data)
    assert response.status_code == 302
    spot = BrightSpot.objects.get()
    assert spot.status == "draft" and spot.plan_file_name == "ke-hoach.pdf"
    assert "ke-hoach" not in spot.plan_file.name  # stored under a generated name
    assert [m.title for m in spot.milestones.all()] == ["Xây dựng kế hoạch", "Đối thoại lần 1"]
    assert spot.staff.get().phone == "0912 345 678"
    assert sorted(c.code for c in spot.criteria.all()) == ["C1", "QCDC7"]


def errors_of(response):
    return (
        response.context["form"].errors,
        response.context["staff"],
        response.context["milestones"],
    )


@pytest.mark.parametrize(
    ("changes", "where", "message"),
    [
        ({"name": ""}, "name", "Trường này là bắt buộc"),
        ({"name": "Đ" * 10_000}, "name", "tối đa 300 kí tự"),
        ({"targeted": ["dvcq-2"]}, "targeted", "tiêu chí cụ thể của lĩnh vực"),
        ({"level": "district"}, "level", "lựa chọn hợp lệ"),
    ],
)
def test_bad_input_is_answered_at_the_field_and_nothing_is_lost(
    cast, client_of, changes, where, message
):
    response = post(client_of(cast.official_a), cast, form_data(**changes))
    assert response.status_code == 200
    form = response.context["form"]
    assert message in " ".join(form.errors[where])
    assert 'value="Nhà văn hóa xóm 3, xã Nghĩa Dũng"' in response.text  # typed text kept
    assert "Quý I: chuẩn bị" in response.text
    assert not BrightSpot.objects.exists()


def test_an_impossible_date_is_answered_at_its_field(cast, client_of):
    response = post(
        client_of(cast.official_a), cast, form_data(**{"milestones-1-due": "31/02/2026"})
    )
    milestone_errors = response.context["milestones"].forms[1].errors["due"]
    assert "Nhập ngày có thật theo dạng dd/mm/yyyy" in milestone_errors[0]
    assert 'value="31/02/2026"' in response.text and not BrightSpot.objects.exists()


def test_no_milestone_and_no_staff_are_refused(cast, client_of):
    data = form_data(
        **{
            "milestones-0-title": "",
            "milestones-0-due": "",
            "milestones-1-title": "",
            "milestones-1-due": "",
            "staff-0-name": "",
            "staff-0-position": "",
            "staff-0-phone": "",
            "staff-0-email": "",
        }
    )
    response = post(client_of(cast.official_a), cast, data)
    assert "ít nhất một mốc" in response.text and "ít nhất một người phụ trách" in response.text


def test_html_and_script_are_shown_escaped(cast, client_of):
    script = '<script>alert("x")</script><b>đậm</b>'
    data = form_data(
        name=f"Tên {script}",
        address=script,
        objectives=script,
        plan=script,
        **{"staff-0-name": script, "staff-0-position": script, "milestones-0-title": script},
    )
    client = client_of(cast.official_a)
    assert post(client, cast, data).status_code == 302
    page = client.get(
        reverse("registry:bright-spot-detail", args=[BrightSpot.objects.get().pk])
    ).text
    assert (
        "<script>alert" not in page and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    )
    assert "<b>đậm</b>" not in page


def test_an_exe_renamed_pdf_is_refused_at_the_file_field(cast, client_of):
    fake = SimpleUploadedFile("ke-hoach.pdf", b"MZ\x90\x00\x03" + b"\x00" * 100, "application/pdf")
    response = post(client_of(cast.official_a), cast, form_data(plan_file=fake))
    assert (
        "Chỉ nhận tệp PDF, Word (DOCX), Excel (XLSX), JPEG và PNG"
        in response.context["form"].errors["plan_file"][0]
    )
    assert 'value="Đối thoại trực tiếp với Nhân dân hằng quý"' in response.text
    assert not BrightSpot.objects.exists()


def test_a_25_mb_file_is_refused_at_the_file_field(cast, client_of):
    big = SimpleUploadedFile("ke-hoach.pdf", pdf(padding=25 * 1024 * 1024), "application/pdf")
    response = post(client_of(cast.official_a), cast, form_data(plan_file=big))
    assert "giới hạn là 20,0\xa0MB" in response.context["form"].errors["plan_file"][0]
    assert not BrightSpot.objects.exists()


def test_only_the_units_officials_may_register(cast, client_of):
    assert post(client_of(cast.official_b), cast, form_data()).status_code == 404
    assert post(client_of(cast.qcdc_staff), cast, form_data()).status_code == 403
    assert not BrightSpot.objects.exists()
