"""The demo province's recognition: past years decided with certificates, the current year in
progress, a commendation proposal; and the benchmark dataset's recognition."""

from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.urls import reverse

from core import signing
from core.tests.rendition_helpers import rendered
from demo import names as demo_org
from recognition import services
from recognition.models import (
    Certificate,
    CommendationProposal,
    Decision,
    Dossier,
    IssuingAuthority,
)
from registry.models import BrightSpot


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.SIGNING_KEYS_FILE = tmp_path / "signing" / "keys.json"
    call_command("load_demo", stdout=StringIO())


def test_past_years_are_decided_at_a_realistic_rate(demo):
    for year in range(2022, 2026):
        accepted = BrightSpot.objects.filter(year=year, status="accepted").count()
        statuses = dict(
            Dossier.objects.filter(year=year).values_list("status").annotate(n=Count("pk"))
        )
        assert set(statuses) <= {"recognized", "not_recognized"}
        assert 0.1 * accepted <= statuses["recognized"] <= 0.5 * accepted, year
    assert Decision.objects.filter(year__lt=2026).count() >= 8
    serials = list(Certificate.objects.values_list("serial", flat=True))
    assert len(serials) == len(set(serials)) == Dossier.objects.filter(status="recognized").count()


def test_this_years_window_is_open_with_dossiers_at_every_stage(demo):
    statuses = set(Dossier.objects.filter(year=2026).values_list("status", flat=True))
    assert {"draft", "submitted", "supplement", "proposed"} <= statuses
    assert not Dossier.objects.filter(year=2026, status="recognized").exists()
    assert CommendationProposal.objects.filter(period_start=2021, status="sent").exists()
    assert BrightSpot.objects.exclude(replicates=None).exists()


def test_no_demo_dossier_is_further_than_its_checklist_allows(demo, client_of):
    """Issue 14: a dossier past its draft has its three parts complete, and its papers open."""
    from pypdf import PdfReader

    from recognition.checklist import first_incomplete

    past_draft = list(Dossier.objects.exclude(status="draft").select_related("bright_spot"))
    assert len(past_draft) > 50 and first_incomplete(past_draft) is None
    dossier = (
        Dossier.objects.exclude(status="draft")
        .filter(unit__role_assignments__role="unit_official")
        .first()
    )
    official = dossier.unit.role_assignments.get(role="unit_official").user
    url = reverse("recognition:dossier-file", args=[dossier.pk, "dispatch"])
    response = client_of(official).get(url)
    assert len(PdfReader(BytesIO(b"".join(response.streaming_content))).pages) == 1


def test_running_again_adds_nothing(demo):
    before = (Dossier.objects.count(), Certificate.objects.count(), Decision.objects.count())
    call_command("load_demo", stdout=StringIO())
    assert (
        Dossier.objects.count(),
        Certificate.objects.count(),
        Decision.objects.count(),
    ) == before


def test_demo_logins_reach_their_recognition_pages(
    demo, client, django_capture_on_commit_callbacks
):
    client.post(reverse("login"), {"username": "bcd.qcdc", "password": demo_org.PASSWORD})
    committee = (
        Dossier.objects.filter(year=2026, field="qcdc").values_list("committee", flat=True).first()
    )
    page = client.get(reverse("recognition:committee-dossiers", args=[committee]))
    assert page.status_code == 200 and "hồ sơ" in page.text
    client.logout()
    certificate = (
        Certificate.objects.filter(
            recognition__dossier__unit__role_assignments__user__username="canbo.sotuphap"
        ).first()
        or Certificate.objects.first()
    )
    client.post(reverse("login"), {"username": "admin", "password": demo_org.PASSWORD})
    url = reverse("recognition:certificate-pdf", args=[certificate.pk])
    assert rendered(client, url, django_capture_on_commit_callbacks).startswith(b"%PDF-")
    assert 'data-verdict="valid"' in client.get(f"/verify/{certificate.serial}/").text


def test_the_dataset_generator_adds_recognition(db):
    call_command(
        "generate_dataset", provinces=2, units_per_province=80, years=2, bright_spots_per_year=60,
        stdout=StringIO(),
    )  # fmt: skip
    assert Dossier.objects.values("province").distinct().count() == 2
    assert Decision.objects.filter(year=2025).count() == 4  # one per committee and province
    assert not Dossier.objects.filter(status="recognized", decision=None).exists()
    serials = list(Certificate.objects.values_list("serial", flat=True))
    assert serials and len(serials) == len(set(serials))


def test_demo_documents_are_signed_out_of_the_box(demo):
    """load_demo makes its own CA and a key per authority (R41): a certificate's file is signed
    and checks out against the demo CA, without any configuration."""
    certificate = services.certificate_file(
        Certificate.objects.select_related(
            "recognition__decision__authority", "recognition__dossier__bright_spot__unit"
        ).first()
    )
    report = signing.signature_report(certificate.file.read())
    assert report.valid and report.signer == "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"
    # Every authority that decides in the demo (the province, wards, a department) has its key.
    assert not IssuingAuthority.objects.filter(signing_key="").exists()
