"""Issue 13, item 4: part 3 of the dossier, the unit's request for recognition, generated from
the dossier as the unit entered it (number, date, signer, method, effectiveness, evaluator), as
PDF and Word with the same words in the administrative format; for the unit's officials."""

import pytest
from django.urls import reverse

from core.tests.rendition_helpers import rendered
from recognition import documents
from recognition.tests.factories import cast_pair, submitted_dossier
from recognition.tests.test_word_drafts import to_pdf
from registry.tests.test_unit_papers import docx_text, pdf_text, squeezed


@pytest.fixture
def dossier(cast, authority):
    spots = cast_pair(cast, names=("Dân chủ - Đồng thuận - Phát triển ở xóm Đồng Sơn", ""))
    return submitted_dossier(spots["qcdc"], cast.official_a)


EXPECTED = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "XÃ NGHĨA DŨNG",
    "Số: 45/TTr-UBND",
    "Nghệ An, ngày 20 tháng 10 năm 2026",
    "V/v đề nghị công nhận điểm sáng thực hiện Quy chế dân chủ ở cơ sở năm 2026",
    "Kính gửi: Ban Chỉ đạo QCDC tỉnh.",
    "Dân chủ - Đồng thuận - Phát triển ở xóm Đồng Sơn",
    "Xây dựng kế hoạch, giao nhiệm vụ cụ thể.",
    "100% hộ đồng thuận.",
    "Ý kiến đánh giá của Ban Dân vận Đảng ủy xã",
    "Nơi nhận:",
    "TM. XÃ NGHĨA DŨNG",
    "Nguyễn Văn Cường",
]


def test_the_request_as_pdf_and_word(cast, dossier, client_of, django_capture_on_commit_callbacks):
    client = client_of(cast.official_a)
    url = reverse("recognition:dossier-request", args=[dossier.pk])
    capture = django_capture_on_commit_callbacks
    in_pdf = squeezed(pdf_text(rendered(client, f"{url}?format=pdf", capture)))
    in_word = squeezed(docx_text(rendered(client, f"{url}?format=docx", capture)))
    for words in EXPECTED:
        assert squeezed(words) in in_pdf, words
        assert squeezed(words) in in_word, words
    page = client.get(reverse("recognition:dossier-detail", args=[dossier.pk]))
    assert 'data-testid="recognition-request"' in page.text


def test_libreoffice_converts_the_request_with_the_same_text(dossier, tmp_path):
    draft = documents.recognition_request_file(dossier, "docx")
    converted = squeezed(pdf_text(to_pdf(draft, tmp_path)))
    for paragraph in docx_text(draft).splitlines():
        assert squeezed(paragraph) in converted, paragraph


def test_only_the_units_officials_get_the_request(cast, dossier, client_of):
    url = reverse("recognition:dossier-request", args=[dossier.pk])
    assert client_of(cast.qcdc_staff).get(f"{url}?format=pdf").status_code == 403
    assert client_of(cast.official_b).get(f"{url}?format=pdf").status_code == 404
    assert client_of(cast.official_a).get(f"{url}?format=exe").status_code == 404
    page = client_of(cast.qcdc_staff).get(reverse("recognition:dossier-detail", args=[dossier.pk]))
    assert 'data-testid="recognition-request"' not in page.text
