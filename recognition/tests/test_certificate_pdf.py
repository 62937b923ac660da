"""The certificate of recognition (R20, R21, R33), read back from its PDF as a reader would."""

import dataclasses
import shutil
import subprocess
import unicodedata

import pytest

from core.tests.pdf_helpers import embedded_fonts, needs, page_png, pages, pdf_text
from recognition.certificate import (
    render_certificate,
    sample_certificate_data,
    verification_url,
)

SITE = "https://diemsang.nghean.gov.vn"
LOWER = (
    "à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ è é ẻ ẽ ẹ ê ề ế ể ễ ệ ì í ỉ ĩ ị "
    "ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ ù ú ủ ũ ụ ư ừ ứ ử ữ ự ỳ ý ỷ ỹ ỵ đ"
)
UPPER = LOWER.upper()
LONG_NAME = (
    "Đẩy mạnh ứng dụng chuyển đổi số trong giải quyết thủ tục hành chính, lắng nghe "
    "và đối thoại với Nhân dân, nâng cao chất lượng phục vụ của chính quyền "
)


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def certificate(**changes):
    return dataclasses.replace(sample_certificate_data(), sample=False, **changes)


def test_certificate_prints_header_name_decision_and_serial():
    document = render_certificate(certificate())
    text = pdf_text(document)
    for expected in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN",
        "GIẤY CHỨNG NHẬN",
        "Công nhận điểm sáng năm 2025",
        "Phát huy vai trò của Nhân dân trong xây dựng nông thôn mới kiểu mẫu",
        "Đơn vị thực hiện: Ủy ban nhân dân xã Nghĩa Đồng",
        "Lĩnh vực: Thực hiện Quy chế dân chủ ở cơ sở",
        "Theo Quyết định số 125/QĐ-UBND ngày 05 tháng 01 năm 2026",
        "Nghệ An, ngày 05 tháng 01 năm 2026",
        "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH",
        "Nguyễn Văn Mẫu",
        "Số hiệu: 40-2025-000125",
        f"{SITE}/verify/40-2025-000125/",
    ]:
        assert expected in text
    assert "MẪU" not in "".join(text.split())  # only a preview carries the sample mark
    [page] = pages(document)
    assert (round(page.mediabox.width), round(page.mediabox.height)) == (842, 595)  # A4 landscape


def test_parent_authority_and_own_date_line():
    text = pdf_text(
        render_certificate(
            certificate(
                parent_authority="UBND tỉnh Nghệ An",
                authority="Sở Nội vụ",
                signing_form=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
                issued_on=certificate().decision_date.replace(month=4, day=15),
            )
        )
    )
    assert "UBND TỈNH NGHỆ AN SỞ NỘI VỤ" in text
    assert "Nghệ An, ngày 15 tháng 4 năm 2026" in text
    assert "Theo Quyết định số 125/QĐ-UBND ngày 05 tháng 01 năm 2026" in text


@pytest.mark.parametrize(
    "changes",
    [
        {"bright_spot_name": (LONG_NAME * 3)[:300]},
        {"bright_spot_name": "Đ" * 300},  # no space to wrap at
        {  # everything long at once
            "bright_spot_name": (LONG_NAME * 3)[:300],
            "unit_name": ("Trung tâm Phục vụ hành chính công phường Trường Vinh " * 4)[:200],
            "parent_authority": "Ban Chỉ đạo phong trào thi đua “Dân vận khéo” tỉnh Nghệ An",
            "authority": "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Nghệ An",
            "signing_form": ("TM. BAN CHỈ ĐẠO", "KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "THƯỜNG TRỰC"),
        },
    ],
    ids=["300-characters", "300-without-spaces", "everything-long"],
)
def test_long_names_wrap_and_stay_on_one_page(changes, request):
    data = certificate(**changes)
    assert len(data.bright_spot_name) == 300
    document = render_certificate(data)
    assert len(pages(document)) == 1
    text = pdf_text(document)
    assert "".join(data.bright_spot_name.split()) in "".join(text.split())
    assert "Nguyễn Văn Mẫu" in text  # the signer did not fall off the page
    if shutil.which("pdftoppm"):
        page_png(document, f"certificate-{request.node.callspec.id}")


def test_html_in_names_is_printed_literally():
    name = '<b>Xã "Kim Liên"</b> & <script>alert(1)</script>'
    text = pdf_text(render_certificate(certificate(bright_spot_name=name, unit_name="<i>A</i>")))
    assert name in text
    assert "Đơn vị thực hiện: <i>A</i>" in text


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_all_134_accented_letters_come_out_composed(form):
    assert len(LOWER.split()) == len(UPPER.split()) == 67
    text = pdf_text(
        render_certificate(
            certificate(
                bright_spot_name=unicodedata.normalize(form, LOWER),
                unit_name=unicodedata.normalize(form, UPPER),
            )
        )
    )
    assert LOWER in text
    assert UPPER in text


@needs("pdffonts")
def test_only_the_bundled_font_is_embedded(tmp_path):
    fonts = embedded_fonts(render_certificate(certificate()), tmp_path)
    assert fonts, "pdffonts lists no font: nothing below would be checked"
    assert {name for name, _ in fonts} <= {"Noto-Serif", "Noto-Serif-Bold", "Noto-Serif-Italic"}
    assert all(embedded == "yes" for _, embedded in fonts)


@needs("pdftoppm")
@needs("zbarimg")
def test_qr_code_opens_the_verification_page():
    image = page_png(render_certificate(certificate()), "certificate")
    decoded = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True, check=True
    )
    assert decoded.stdout.strip() == f"{SITE}/verify/40-2025-000125/"


def test_preview_is_marked_as_a_sample():
    document = render_certificate(sample_certificate_data())
    assert "MẪU" in "".join(pdf_text(document).split())  # letter-spaced across the page
    if shutil.which("pdftoppm"):
        page_png(document, "certificate-sample")


def test_verification_url_escapes_the_serial():
    assert verification_url("40-2025-000125") == f"{SITE}/verify/40-2025-000125/"
    assert verification_url("A B/1") == f"{SITE}/verify/A%20B%2F1/"
