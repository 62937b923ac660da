"""R32 end to end: hostile file names reach neither the disk nor a header, a stored file has no
URL anyone could guess, and a download is always a sandboxed attachment with a safe name."""

import uuid
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, get_resolver, reverse
from django.views.static import serve as static_serve

from core.tests.upload_samples import PDF, PNG, POLYGLOT_PDF
from registry.models import BrightSpot
from registry.tests.factories import make_bright_spot
from registry.tests.test_bright_spot_form import form_data

BOUNDARY = "----diemsang" + uuid.uuid4().hex


@pytest.fixture(autouse=True)
def in_march():
    with time_machine.travel(
        datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")), tick=False
    ):
        yield


def multipart(fields: dict, filename: str, content: bytes) -> bytes:
    """A form body with the file name exactly as a hostile client sends it (the test client
    would strip folders itself)."""
    lines = []
    for name, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            lines += [f"--{BOUNDARY}", f'Content-Disposition: form-data; name="{name}"', "", item]
    head = "\r\n".join(lines).encode() + f"\r\n--{BOUNDARY}\r\n".encode()
    disposition = f'Content-Disposition: form-data; name="plan_file"; filename="{filename}"'
    file_part = (
        disposition.encode() + b"\r\nContent-Type: application/pdf\r\n\r\n" + content + b"\r\n"
    )
    return head + file_part + f"--{BOUNDARY}--\r\n".encode()


def upload(client, cast, filename: str, content: bytes = PDF):
    response = client.generic(
        "POST",
        reverse("registry:bright-spot-create", args=[cast.unit_a.pk]),
        multipart(form_data(), filename, content),
        content_type=f"multipart/form-data; boundary={BOUNDARY}",
    )
    assert response.status_code == 302, response.context["form"].errors
    return BrightSpot.objects.latest("pk")


@pytest.mark.parametrize(
    ("filename", "shown"),
    [
        ("../../../../etc/cron.d/ke-hoach.pdf", "ke-hoach.pdf"),
        ("..\\..\\..\\Windows\\System32\\ke-hoach.pdf", "ke-hoach.pdf"),
        ("/var/www/brightspots/settings.pdf", "settings.pdf"),
        ("kế\x07 hoạch\x1b[31m.pdf", "kế hoạch[31m.pdf"),
        ("ke-hoach\u202etxt.pdf", "ke-hoachtxt.pdf"),
    ],
)
def test_a_hostile_name_reaches_neither_the_disk_nor_the_page(cast, client_of, filename, shown):
    client = client_of(cast.official_a)
    spot = upload(client, cast, filename)
    stored = Path(spot.plan_file.path).resolve()
    media = Path(settings.MEDIA_ROOT).resolve()
    assert media in stored.parents
    assert stored.parent == media / "uploads/registry/brightspot/2026"
    assert len(stored.stem) == 32 and stored.suffix == ".pdf"  # a generated name
    assert spot.plan_file_name == shown
    page = client.get(reverse("registry:bright-spot-detail", args=[spot.pk])).text
    assert shown in page and stored.name not in page


def test_no_url_serves_the_media_folder(cast, client_of):
    """There is no MEDIA_URL route: a stored file is reachable only through a view that checks
    permission, whoever asks and whatever path they guess."""
    patterns = []

    def walk(resolver):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLPattern):
                patterns.append(entry)
            else:
                walk(entry)

    walk(get_resolver())
    assert not [p for p in patterns if p.callback is static_serve]
    assert not [p for p in patterns if "media" in str(p.pattern)]

    owner = client_of(cast.official_a)
    stored = upload(owner, cast, "ke-hoach.pdf").plan_file.name  # uploads/registry/…/<hex>.pdf
    guesses = [
        f"/media/{stored}",
        f"{settings.MEDIA_URL}{stored}",
        f"/{stored}",
        f"/static/{stored}",
        f"/static/../var/media/{stored}",
        f"/var/media/{stored}",
        "/media/",
        settings.MEDIA_URL,
    ]
    for client in (owner, client_of(cast.admin), client_of(None)):
        for guess in guesses:
            assert client.get(guess).status_code == 404, guess


def test_a_polyglot_is_refused_at_the_field_and_nothing_is_saved(cast, client_of):
    """Issue 13: `%PDF-` followed by a web page is no plan document."""
    client = client_of(cast.official_a)
    response = client.generic(
        "POST",
        reverse("registry:bright-spot-create", args=[cast.unit_a.pk]),
        multipart(form_data(), "ke-hoach.pdf", POLYGLOT_PDF),
        content_type=f"multipart/form-data; boundary={BOUNDARY}",
    )
    assert response.status_code == 200
    assert response.context["form"].errors["plan_file"] == [
        "Tệp có chứa mã trang web nên không được chấp nhận. Đề nghị lưu lại thành tệp PDF "
        "thông thường rồi tải lên."
    ]
    assert not BrightSpot.objects.exists()


def test_a_pdf_is_served_as_a_sandboxed_download(cast, client_of):
    client = client_of(cast.official_a)
    spot = upload(client, cast, "ke-hoach.pdf", PDF)
    response = client.get(reverse("registry:bright-spot-plan-file", args=[spot.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert response["Cache-Control"] == "private, no-store"


def download_header(client, spot) -> str:
    return client.get(reverse("registry:bright-spot-plan-file", args=[spot.pk]))[
        "Content-Disposition"
    ]


def test_a_vietnamese_name_keeps_its_letters_and_spaces_in_the_download(cast, client_of):
    client = client_of(cast.official_a)
    spot = upload(client, cast, "Kế hoạch Điểm sáng năm 2026.pdf")
    header = download_header(client, spot)
    assert header.isascii()
    assert header.startswith('attachment; filename="Ke hoach Diem sang nam 2026.pdf"; ')
    assert unquote(header.split("filename*=UTF-8''")[1]) == "Kế hoạch Điểm sáng năm 2026.pdf"


@pytest.mark.parametrize(
    "name",
    ['Kế hoạch "Dân vận khéo"; đợt 1.pdf', "Báo cáo\r\nX-Injected: 1.pdf", 'a\\b".pdf'],
)
def test_quotes_and_line_breaks_cannot_break_out_of_the_header(cast, client_of, name):
    """Names that reach the service by any route (an import, a future API) are made safe too."""
    spot = make_bright_spot(cast.unit_a, plan_file=SimpleUploadedFile(name, PDF))
    header = download_header(client_of(cast.official_a), spot)
    assert header.isascii() and "\r" not in header and "\n" not in header
    fallback = header.split('filename="', 1)[1].split('"; filename*=')[0]
    assert '"' not in fallback and "\\" not in fallback
    assert unquote(header.split("filename*=UTF-8''")[1]) == spot.plan_file_name
    assert header.count(";") == 2  # attachment; filename=…; filename*=…


def test_a_png_is_served_as_an_image_download(cast, client_of):
    client = client_of(cast.official_a)
    spot = upload(client, cast, "so-do.png", PNG)
    response = client.get(reverse("registry:bright-spot-plan-file", args=[spot.pk]))
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == PNG


def test_a_file_missing_from_the_disk_is_a_404_not_an_error(cast, client_of):
    client = client_of(cast.official_a)
    spot = upload(client, cast, "ke-hoach.pdf")
    Path(spot.plan_file.path).unlink()
    response = client.get(reverse("registry:bright-spot-plan-file", args=[spot.pk]))
    assert response.status_code == 404
