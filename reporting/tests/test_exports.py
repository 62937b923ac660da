"""Downloads produced in the background (R23): asked for, recorded, produced once with progress,
offered on a page that polls; a failure is said, not hidden."""

import io
from datetime import timedelta

import openpyxl
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from conftest import wait_for
from core.models import Job
from organisation.models import AuditEntry, RoleAssignment
from reporting import services
from reporting.models import Export
from reporting.tests import reference


def ask(client, **data):
    response = client.post(reverse("reporting:export-create"), data)
    assert response.status_code == 302
    return Export.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))


def test_a_workbook_is_produced_recorded_and_offered(
    generated, client_of, django_capture_on_commit_callbacks
):
    client = client_of(generated.provincial)
    with django_capture_on_commit_callbacks(execute=True):
        export = ask(client, exporter="workbook", year=2025, first_year=2024, view="current")
    export.refresh_from_db()
    assert export.status == "done" and export.progress == 100 and export.filename.endswith(".xlsx")
    assert AuditEntry.objects.filter(action="report.export_requested", target_id=export.pk).exists()
    assert Job.objects.get(key=f"reporting.export:{export.pk}").done_at is not None

    status = client.get(reverse("reporting:export-status", args=[export.pk])).json()
    assert status["finished"] and status["download_url"].endswith("/download/")
    page = client.get(reverse("reporting:export-detail", args=[export.pk])).content.decode()
    assert "data-export-progress" in page and export.filename in page

    response = client.get(status["download_url"])
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert export.filename in response["Content-Disposition"]
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    overview = {row[0]: row[1:] for row in book["Tổng hợp"].iter_rows(values_only=True) if row[0]}
    assert overview["Điểm sáng đăng ký"][:2] == (
        reference.spots(generated.province, 2024).count(),
        reference.spots(generated.province, 2025).count(),
    )


def test_the_synthesis_report_is_produced_as_pdf(
    generated, client_of, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        export = ask(client_of(generated.qcdc_staff), exporter="synthesis", year=2026)
    export.refresh_from_db()
    assert export.status == "done" and export.content_type == "application/pdf"
    assert export.file.read(5) == b"%PDF-"
    assert "QCDC" in export.area_label


def test_it_runs_once_however_often_it_is_delivered(generated, client_of):
    export = ask(client_of(generated.provincial), exporter="workbook", year=2026)
    assert export.status == "pending"  # nothing ran: the commit has not happened
    assert services.export_produce(export_id=export.pk) == "done"
    assert services.export_produce(export_id=export.pk) == "skipped"


def test_a_role_withdrawn_meanwhile_produces_nothing(generated, client_of):
    export = ask(client_of(generated.provincial), exporter="workbook", year=2026)
    RoleAssignment.objects.filter(user=generated.provincial).delete()
    assert services.export_produce(export_id=export.pk) == "failed"
    export.refresh_from_db()
    assert export.status == "failed" and not export.file


def test_a_failure_is_shown_on_the_page(generated, client_of, monkeypatch):
    client = client_of(generated.provincial)
    export = ask(client, exporter="workbook", year=2026)
    monkeypatch.setattr(
        "reporting.exports.workbook.Workbook.render",
        lambda *a, **k: (_ for _ in ()).throw(MemoryError("out of memory")),
    )
    services.export_produce(export_id=export.pk)
    status = client.get(reverse("reporting:export-status", args=[export.pk])).json()
    assert status["status"] == "failed" and status["finished"]
    assert status["error"].startswith("Có lỗi") and "MemoryError" not in status["error"]
    assert client.get(reverse("reporting:export-download", args=[export.pk])).status_code == 404


@pytest.mark.worker
def test_a_real_worker_produces_the_workbook(generated, client_of, celery_worker_process):
    celery_worker_process()
    export = ask(client_of(generated.provincial), exporter="workbook", year=2026)
    wait_for(lambda: Export.objects.get(pk=export.pk).status == "done", timeout=120)
    export.refresh_from_db()
    assert export.file.size > 5000


def test_a_national_reader_gets_one_workbook_of_every_province(
    generated, client_of, django_capture_on_commit_callbacks
):
    from organisation.tests.factories import UserFactory

    national = UserFactory(username="national", is_superuser=True, is_staff=True)
    client = client_of(national)
    assert "Bảng tính các tỉnh" in client.get(reverse("reporting:summary")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        export = ask(client, exporter="workbook", national="on", year=2026, first_year=2024)
    export.refresh_from_db()
    assert export.status == "done" and export.province is None and "2" in export.area_label
    book = openpyxl.load_workbook(export.file.open("rb"))
    overview = {row[0]: row[1:] for row in book["Tổng hợp"].iter_rows(values_only=True) if row[0]}
    both = [generated.province, generated.other]
    assert overview["Điểm sáng đăng ký"][2] == sum(reference.spots(p, 2026).count() for p in both)
    provinces = {row[1] for row in book["Điểm sáng"].iter_rows(min_row=4, values_only=True)}
    assert provinces == {p.name for p in both}


def test_old_downloads_are_removed_and_their_page_says_so(
    generated, client_of, django_capture_on_commit_callbacks
):
    client = client_of(generated.provincial)
    with django_capture_on_commit_callbacks(execute=True):
        old = ask(client, exporter="workbook", year=2026)
        recent = ask(client, exporter="workbook", year=2025)
    old.refresh_from_db()
    storage, name = old.file.storage, old.file.name
    Export.objects.filter(pk=old.pk).update(finished_at=timezone.now() - timedelta(days=8))
    assert storage.exists(name)

    with django_capture_on_commit_callbacks(execute=True):
        assert services.exports_expire() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert services.exports_expire() == 0  # the nightly run again removes nothing twice
    old.refresh_from_db()
    assert old.status == "expired" and not old.file and not storage.exists(name)
    assert Export.objects.get(pk=recent.pk).status == "done"  # a week is kept
    entry = AuditEntry.objects.get(action="report.export_expired", target_id=old.pk)
    assert entry.actor is None and (entry.from_state, entry.to_state) == ("done", "expired")

    page = client.get(reverse("reporting:export-detail", args=[old.pk])).content.decode()
    assert "Tệp này đã được xóa 7 ngày sau khi tạo" in page and "data-export-progress" not in page
    status = client.get(reverse("reporting:export-status", args=[old.pk])).json()
    assert status["finished"] and not status["download_url"]
    assert client.get(reverse("reporting:export-download", args=[old.pk])).status_code == 404
    summary = client.get(reverse("reporting:summary")).content.decode()
    assert "Đã xóa" in summary  # the list of the user's downloads says so too


def test_beat_removes_old_downloads_every_night():
    entry = settings.CELERY_BEAT_SCHEDULE["remove-old-downloads"]
    assert entry["task"] == "reporting.expire_exports"
    assert entry["schedule"].hour == {3} and entry["schedule"].minute == {0}
