"""R20, R30: who downloads a certificate and the zip; the progress page and its JSON; a lost
file rendered again; a failure shown and retried."""

import io
import zipfile

import pytest
from django.urls import reverse

from core.tests.pdf_helpers import pdf_text
from core.tests.rendition_helpers import rendered
from recognition import services
from recognition.models import Certificate

# Certificates print SITE_URL in their QR code and are stored under MEDIA_ROOT.
pytestmark = pytest.mark.usefixtures("_site")


def issue(decision, by, capture):
    with capture(execute=True):
        services.certificates_issue(decision=decision, by=by)


def test_a_unit_downloads_only_its_own_certificate(
    cast, decision, django_capture_on_commit_callbacks, client_of
):
    issue(decision, cast.qcdc_staff, django_capture_on_commit_callbacks)
    own = Certificate.objects.get(recognition__dossier__unit=cast.unit_a)
    url = reverse("recognition:certificate-pdf", args=[own.pk])
    assert client_of(cast.official_a).get(url).status_code == 200  # issued: stored, served at once
    assert client_of(cast.official_b).get(url).status_code == 404
    assert client_of(cast.qcdc_staff).get(url).status_code == 200
    assert client_of(cast.provincial).get(url).status_code == 200
    assert client_of(cast.dvcq_staff).get(url).status_code == 404
    assert client_of(cast.other_province_staff).get(url).status_code == 404
    assert client_of(None).get(url).status_code == 302
    unit_page = client_of(cast.official_b).get(
        reverse("recognition:unit-dossiers", args=[cast.unit_b.pk])
    )
    assert own.serial not in unit_page.text


def test_the_zip_holds_every_certificate_of_the_decision(
    cast, decision, django_capture_on_commit_callbacks, client_of
):

    issue(decision, cast.qcdc_staff, django_capture_on_commit_callbacks)
    url = reverse("recognition:certificates-zip", args=[decision.pk])
    response = client_of(cast.qcdc_staff).get(url)
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as archive:
        assert sorted(archive.namelist()) == ["40-2026-000001.pdf", "40-2026-000002.pdf"]
        assert archive.read("40-2026-000001.pdf").startswith(b"%PDF-")
    assert client_of(cast.official_a).get(url).status_code == 403  # others' certificates
    assert client_of(cast.official_b).get(url).status_code == 403
    assert client_of(cast.dvcq_staff).get(url).status_code == 404


def test_progress_page_and_its_json(cast, decision, client_of, django_capture_on_commit_callbacks):
    client = client_of(cast.qcdc_staff)
    json_url = reverse("recognition:certificates-progress-json", args=[decision.pk])
    assert client.get(json_url).json() == {
        "total": 2, "issued": 0, "done": 0, "percent": 0, "finished": False, "requested": False,
        "has_zip": False, "retrying": False,
    }  # fmt: skip
    response = client.post(reverse("recognition:certificates-issue", args=[decision.pk]))
    assert response.status_code == 302 and response["Location"].endswith("/certificates/progress/")
    services.certificates_run(decision_id=decision.pk, round=1, part=1)
    state = client.get(json_url).json()
    assert state["done"] == 2 and state["percent"] == 100 and state["finished"] and state["has_zip"]
    page = client.get(response["Location"]).text
    assert 'data-url="' + json_url in page and "certificates.zip" in page
    assert client_of(cast.dvcq_staff).get(json_url).status_code == 404
    assert (
        client_of(cast.provincial)
        .post(reverse("recognition:certificates-issue", args=[decision.pk]))
        .status_code
        == 403
    )


def test_a_lost_file_is_rendered_again_on_download(
    cast, decision, client_of, django_capture_on_commit_callbacks
):
    services.certificates_issue(decision=decision, by=cast.qcdc_staff)
    services.certificates_run(decision_id=decision.pk, round=1, part=1)
    certificate = Certificate.objects.get(recognition__dossier__unit=cast.unit_a)
    serial = certificate.serial
    certificate.file.storage.delete(certificate.file.name)
    url = reverse("recognition:certificate-pdf", args=[certificate.pk])
    content = rendered(client_of(cast.official_a), url, django_capture_on_commit_callbacks)
    assert f"Số hiệu: {serial}" in pdf_text(content)
    assert Certificate.objects.get(pk=certificate.pk).serial == serial


def test_a_failing_render_is_shown_and_retried(cast, decision, client_of, monkeypatch):
    from recognition.services import certificates as module

    def broken(data):
        raise OSError("disk full")

    services.certificates_issue(decision=decision, by=cast.qcdc_staff)
    monkeypatch.setattr(module, "render_certificate", broken)
    with pytest.raises(OSError):
        services.certificates_run(decision_id=decision.pk, round=1, part=1)
    client = client_of(cast.qcdc_staff)
    state = client.get(reverse("recognition:certificates-progress-json", args=[decision.pk])).json()
    assert state["retrying"] and not state["finished"] and state["issued"] == 2
    page = client.get(reverse("recognition:certificates-progress", args=[decision.pk])).text
    assert "tự động thử lại" in page
    monkeypatch.undo()
    assert services.certificates_run(decision_id=decision.pk, round=1, part=1) == "finished"
    state = client.get(reverse("recognition:certificates-progress-json", args=[decision.pk])).json()
    assert state["finished"] and not state["retrying"]
