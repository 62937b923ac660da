"""The synthesis report as PDF (R23, R33): read back, its Vietnamese is right and its totals are
those counted directly; a picture of its first page is saved for people to look at."""

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import translation

from core.tests.pdf_helpers import embedded_fonts, needs, page_png, pages, pdf_text
from reporting.areas import Area
from reporting.exports import ExportRequest
from reporting.exports.synthesis import SynthesisReport
from reporting.models import Letterhead
from reporting.tests import reference
from reporting.tests.conftest import YEARS

ICT = ZoneInfo("Asia/Ho_Chi_Minh")


def produce(area, years, view="historical", language="en") -> bytes:
    output = io.BytesIO()
    # Rendered from an English session: the report is Vietnamese whatever the interface says.
    with (
        translation.override(language),
        time_machine.travel(datetime(2026, 12, 5, 9, 30, tzinfo=ICT), tick=False),
    ):
        SynthesisReport().render(
            ExportRequest(areas=[area], years=years, view=view), output, lambda f: None
        )
    return output.getvalue()  # fmt: skip


@pytest.fixture
def report(generated):
    area = Area(province=generated.province, root=generated.root)
    return produce(area, YEARS)


def test_reads_back_in_vietnamese_with_the_right_totals(report, generated):
    text = pdf_text(report)
    for words in ("ĐẢNG CỘNG SẢN VIỆT NAM", "BÁO CÁO", "TỈNH ỦY HÀ NỘI", "BAN TUYÊN GIÁO VÀ DÂN VẬN",
                  "Hà Nội, ngày 05 tháng 12 năm 2026", "Quy chế dân chủ ở cơ sở", "dân vận chính quyền",
                  "Nơi nhận:", "T/M BAN TUYÊN GIÁO VÀ DÂN VẬN", "Phụ lục 1"):  # fmt: skip
        assert words in text, words
    expected = reference.figures(generated.province, 2026)
    assert f"“điểm sáng” đăng ký là {expected['registered']}" in text
    assert f"thực hiện Quy chế dân chủ ở cơ sở {expected['qcdc']}" in text
    assert f"dân vận chính quyền {expected['dvcq']}" in text
    assert f"có {expected['unit_total']} đơn vị thuộc diện đăng ký" in text
    assert f"{expected['both']} đơn vị đăng ký đủ hai lĩnh vực" in text
    assert "lúc 09:30 ngày 05/12/2026" in text and "không tính bản nháp" in text
    assert f"đã gửi {expected['dossiers']} hồ sơ đề nghị công nhận" in text
    assert f"{expected['in_review']} hồ sơ đang được xem xét" in text
    assert "Registered" not in text and "Bright spots" not in text  # no English left over


def test_recognition_of_a_decided_year(generated):
    area = Area(province=generated.province, root=generated.root)
    text = pdf_text(produce(area, [2024, 2025]))
    expected = reference.figures(generated.province, 2025)
    assert expected["recognized"] > 0
    assert f"{expected['recognized']} “điểm sáng” đã được công nhận" in text
    assert f"{expected['merit']} “điểm sáng” được tặng Bằng khen" in text


def test_trend_table_holds_each_year(report, generated):
    text = pdf_text(report)
    for year in YEARS:
        expected = reference.figures(generated.province, year)
        assert f"{year} {expected['registered']} {expected['qcdc']} {expected['dvcq']}" in text


@needs("pdffonts")
def test_only_the_bundled_font_is_embedded(report, tmp_path):
    fonts = embedded_fonts(report, tmp_path)
    assert fonts and all(
        name.startswith("Noto-Serif") and embedded == "yes" for name, embedded in fonts
    )


@needs("pdftoppm")
def test_first_page_is_saved_as_a_picture(report):
    png = page_png(report, "synthesis-report-first-page")
    assert png.exists() and png.stat().st_size > 20_000
    assert len(pages(report)) >= 3  # report, annex 1, annex 2


def test_the_province_letterhead_is_used(generated):
    Letterhead.objects.create(
        province=generated.province, parent_authority="Tỉnh ủy Hà Nội", authority="Ban Dân vận",
        authority_in_text="Ban Dân vận Thành ủy", number_symbol="BC/BDVTU",
        addressee="Ban Thường vụ Thành ủy", signing_form="T/M BAN DÂN VẬN\nPHÓ TRƯỞNG BAN",
        signer_name="Nguyễn Thị Hoa", recipients="- Thường trực Thành ủy (b/c);\n- Lưu VP.",
    )  # fmt: skip
    text = pdf_text(produce(Area(province=generated.province, root=generated.root), [2026]))
    for words in ("BAN DÂN VẬN", "-BC/BDVTU", "kính báo cáo Ban Thường vụ Thành ủy", "PHÓ TRƯỞNG BAN",
                  "Nguyễn Thị Hoa", "- Lưu VP."):  # fmt: skip
        assert words in text, words


def test_a_subtree_report_states_its_scope(generated):
    area = Area(province=generated.province, root=generated.new_commune)
    text = pdf_text(produce(area, [2024, 2025, 2026]))
    assert f"(Phạm vi: {generated.new_commune.name}, {generated.province.name})" in text
