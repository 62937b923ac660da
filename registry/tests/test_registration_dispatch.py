"""Issue 13: the unit's registration dispatch (công văn đăng ký), generated from the bright spots
it entered, as a Word draft in the administrative format; for the unit's officials only."""

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import docx
import time_machine
from django.urls import reverse

from core.tests.rendition_helpers import rendered
from registry.tests.factories import make_bright_spot


def text_of(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@time_machine.travel(datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")), tick=False)
def test_the_dispatch_lists_the_units_bright_spots(cast, client_of, django_capture_on_commit_callbacks):  # fmt: skip
    make_bright_spot(cast.unit_a, name="Dân chủ - Đồng thuận - Phát triển", field="qcdc")
    make_bright_spot(cast.unit_a, name="Dân vận khéo trong giải phóng mặt bằng", field="dvcq")
    make_bright_spot(cast.unit_b, name="Của đơn vị khác", field="qcdc")
    url = reverse("registry:registration-dispatch", args=[cast.unit_a.pk, 2026])
    text = text_of(rendered(client_of(cast.official_a), url, django_capture_on_commit_callbacks))
    for expected in [
        cast.unit_a.name.upper(), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "ngày 10 tháng 3 năm 2026", "đăng ký 2 điểm sáng", "Dân chủ - Đồng thuận - Phát triển",
        "Dân vận khéo trong giải phóng mặt bằng", "Dân vận chính quyền",
    ]:  # fmt: skip
        assert expected in text, expected
    assert "Của đơn vị khác" not in text


def test_only_the_units_officials_get_it(cast, client_of):
    url = reverse("registry:registration-dispatch", args=[cast.unit_a.pk, 2026])
    assert client_of(cast.official_b).get(url).status_code == 404
    assert client_of(cast.qcdc_staff).get(url).status_code == 403
