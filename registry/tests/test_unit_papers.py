"""Issue 13, item 4: the unit's own papers, generated from what it entered: the registration
dispatch and the annual report, as PDF and Word in the administrative format (national motto,
number, place and date, addressee, "Nơi nhận", signer block), rendered in the background for the
unit's officials; the signed PDF uploaded back and filed on the registration or the report."""

import io
import re
import unicodedata
from datetime import datetime
from zoneinfo import ZoneInfo

import docx
import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from core.tests.rendition_helpers import rendered
from core.tests.upload_samples import PDF, POLYGLOT_PDF, STUB_PDF
from core.tests.upload_samples import docx as docx_sample
from organisation.models import AuditEntry
from recognition.tests.test_word_drafts import to_pdf
from registry import documents, services
from registry.models import AnnualReport, Registration
from registry.tests.factories import make_bright_spot

MOMENT = datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
QCDC_NAME = "Dân chủ - Đồng thuận - Phát triển ở xóm Đồng Sơn"
DVCQ_NAME = "Dân vận khéo trong giải phóng mặt bằng"


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def pdf_text(data: bytes) -> str:
    return "".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def spots(cast):
    with time_machine.travel(MOMENT, tick=False):
        qcdc = make_bright_spot(cast.unit_a, name=QCDC_NAME, field="qcdc")
        dvcq = make_bright_spot(cast.unit_a, name=DVCQ_NAME, field="dvcq")
        make_bright_spot(cast.unit_b, name="Của đơn vị khác", field="qcdc")
    return qcdc, dvcq


@pytest.fixture
def report(cast, spots):
    qcdc, dvcq = spots
    with time_machine.travel(MOMENT, tick=False):
        services.registration_submit(unit=cast.unit_a, year=2026, by=cast.official_a)
        return services.annual_report_save(
            unit=cast.unit_a, year=2026,
            summary="Hoàn thành 100% kế hoạch năm.\nTổ chức 12 hội nghị đối thoại.",
            next_year_plan="Nhân rộng mô hình ra 5 xóm.",
            results={qcdc.pk: ("Tiếp nhận 120 ý kiến của nhân dân", "Mở rộng ra toàn xã"),
                     dvcq.pk: ("Thăm 300 hộ dân", "")},
            by=cast.official_a,
        )  # fmt: skip


def fetch(client, url, capture) -> bytes:
    with time_machine.travel(MOMENT, tick=False):
        return rendered(client, url, capture)


FORMAT = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "XÃ NGHĨA DŨNG",
    "Nghệ An, ngày 10 tháng 3 năm 2026",
    "Nơi nhận:",
    "TM. XÃ NGHĨA DŨNG",
]


def test_the_dispatch_as_pdf_and_word_carry_the_same_words(cast, spots, client_of,
                                                            django_capture_on_commit_callbacks):  # fmt: skip
    client = client_of(cast.official_a)
    url = reverse("registry:registration-dispatch", args=[cast.unit_a.pk, 2026])
    capture = django_capture_on_commit_callbacks
    pdf = fetch(client, f"{url}?format=pdf", capture)
    word = fetch(client, f"{url}?format=docx", capture)
    assert pdf.startswith(b"%PDF-") and len(PdfReader(io.BytesIO(pdf)).pages) >= 1
    in_pdf, in_word = squeezed(pdf_text(pdf)), squeezed(docx_text(word))
    expected = [*FORMAT, "Số: /CV", "V/v đăng ký điểm sáng", "Kính gửi: Ban Chỉ đạo",
                "đăng ký 2 điểm sáng", QCDC_NAME, DVCQ_NAME, "Dân vận chính quyền"]  # fmt: skip
    for words in expected:
        assert squeezed(words) in in_pdf, words
        assert squeezed(words) in in_word, words
    assert "Củađơnvịkhác" not in in_pdf and "Củađơnvịkhác" not in in_word
    with time_machine.travel(MOMENT, tick=False):
        paper = documents.registration_dispatch(cast.unit_a, 2026)
    for line in paper.texts():  # every line of the paper, in both
        assert squeezed(line) in in_pdf and squeezed(line) in in_word, line


def test_the_annual_report_from_what_the_unit_wrote(cast, report, client_of,
                                                    django_capture_on_commit_callbacks):  # fmt: skip
    client = client_of(cast.official_a)
    url = reverse("registry:annual-report-paper", args=[cast.unit_a.pk, 2026])
    capture = django_capture_on_commit_callbacks
    in_pdf = squeezed(pdf_text(fetch(client, f"{url}?format=pdf", capture)))
    in_word = squeezed(docx_text(fetch(client, f"{url}?format=docx", capture)))
    expected = [*FORMAT, "BÁO CÁO", "Số: /BC", "I. KẾT QUẢ CHUNG", "Hoàn thành 100% kế hoạch năm.",
                "Tổ chức 12 hội nghị đối thoại.", "Tiếp nhận 120 ý kiến của nhân dân",
                "Mở rộng ra toàn xã", "Thăm 300 hộ dân", "III. KẾ HOẠCH NĂM 2027",
                "Nhân rộng mô hình ra 5 xóm.", QCDC_NAME, DVCQ_NAME]  # fmt: skip
    for words in expected:
        assert squeezed(words) in in_pdf, words
        assert squeezed(words) in in_word, words


def test_libreoffice_turns_the_word_papers_into_pdfs_with_the_same_text(cast, report, tmp_path):
    with time_machine.travel(MOMENT, tick=False):
        papers = [documents.registration_dispatch(cast.unit_a, 2026),
                  documents.annual_report(report)]  # fmt: skip
    for index, paper in enumerate(papers):
        draft = documents.rendered(paper, "docx")
        folder = tmp_path / str(index)
        folder.mkdir()
        converted = squeezed(pdf_text(to_pdf(draft, folder)))
        for paragraph in docx_text(draft).splitlines():
            assert squeezed(paragraph) in converted, paragraph


def test_only_the_units_officials_get_the_papers(cast, report, client_of):
    for name in ("registry:registration-dispatch", "registry:annual-report-paper"):
        url = reverse(name, args=[cast.unit_a.pk, 2026])
        assert client_of(cast.official_b).get(f"{url}?format=pdf").status_code == 404
        assert client_of(cast.qcdc_staff).get(f"{url}?format=pdf").status_code == 403
        assert client_of(cast.official_a).get(f"{url}?format=odt").status_code == 404


def test_no_report_written_no_paper(cast, spots, client_of):
    url = reverse("registry:annual-report-paper", args=[cast.unit_a.pk, 2026])
    assert client_of(cast.official_a).get(f"{url}?format=pdf").status_code == 404


def upload(client, url, data: bytes, name="cong-van-da-ky.pdf"):
    return client.post(url, {"file": SimpleUploadedFile(name, data)})


def test_the_signed_dispatch_is_filed_on_the_registration(cast, spots, client_of):
    client = client_of(cast.official_a)
    url = reverse("registry:registration-dispatch-upload", args=[cast.unit_a.pk, 2026])
    response = upload(client, url, PDF, name="Công văn đăng ký đã ký.pdf")
    assert response.status_code == 302
    registration = Registration.objects.get(unit=cast.unit_a, year=2026)
    assert registration.dispatch_file_name == "Công văn đăng ký đã ký.pdf"
    assert AuditEntry.objects.filter(action="registration.dispatch_filed").count() == 1
    page = client.get(f"{reverse('registry:unit-year', args=[cast.unit_a.pk])}?year=2026")
    assert "Công văn đăng ký đã ký.pdf" in page.text
    file_url = reverse("registry:registration-dispatch-file", args=[cast.unit_a.pk, 2026])
    download = client.get(file_url)
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    # the province's staff read the unit, and its filed dispatch; another unit does not
    assert client_of(cast.provincial).get(file_url).status_code == 200
    assert client_of(cast.official_b).get(file_url).status_code == 404


@pytest.mark.parametrize(
    ("data", "name", "says"),
    [
        (POLYGLOT_PDF, "cong-van.pdf", "mã trang web"),
        (STUB_PDF, "cong-van.pdf", "không mở được"),
        (docx_sample(), "cong-van.docx", "tệp PDF"),
    ],
)
def test_a_paper_that_is_not_a_real_pdf_is_refused_at_the_field(cast, spots, client_of, data,
                                                                name, says):  # fmt: skip
    url = reverse("registry:registration-dispatch-upload", args=[cast.unit_a.pk, 2026])
    response = upload(client_of(cast.official_a), url, data, name=name)
    assert response.status_code == 200
    assert says in response.text and 'class="invalid-feedback' in response.text
    assert (
        not Registration.objects.filter(unit=cast.unit_a, year=2026)
        .exclude(dispatch_file="")
        .exists()
    )


def test_the_signed_report_is_filed_on_the_report(cast, report, client_of):
    client = client_of(cast.official_a)
    url = reverse("registry:annual-report-upload", args=[cast.unit_a.pk, 2026])
    assert upload(client_of(cast.qcdc_staff), url, PDF).status_code == 403
    assert upload(client, url, PDF, name="bao-cao-da-ky.pdf").status_code == 302
    report = AnnualReport.objects.get(pk=report.pk)
    assert report.signed_file_name == "bao-cao-da-ky.pdf"
    form = client.get(f"{reverse('registry:annual-report', args=[cast.unit_a.pk])}?year=2026")
    assert 'data-testid="report-filed"' in form.text
    download = client.get(reverse("registry:annual-report-file", args=[report.pk]))
    assert b"".join(download.streaming_content) == PDF
