"""R41: with a timestamp authority configured, every signature carries an RFC 3161 timestamp from
it; pyHanko's validator accepts the timestamp against the trust root, and /verify/ shows the time
the TSA vouches for and who it is."""

import datetime
from datetime import date
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from core import signing
from core.tests.tsa import TSA_NAME, local_tsa
from recognition import services
from recognition.models import Certificate
from recognition.tests.factories import decision_for
from recognition.tests.test_signed_documents import validate

# The TSA's clock, set apart from the signer's so the page shows which time it gives.
TSA_TIME = (timezone.now() - datetime.timedelta(hours=2)).replace(microsecond=0)


@pytest.fixture
def tsa(signing_keys, authority, settings):
    ca = signing_keys(authority)
    with local_tsa(ca.parent, fixed=TSA_TIME) as served:
        settings.SIGNING_TSA_URL = served.url
        served.ca = ca
        yield served


@pytest.fixture
def certificate(cast, proposed_pair, tsa):
    decision = decision_for(cast.qcdc, proposed_pair, cast.qcdc_staff, day=date(2026, 11, 5))
    services.certificates_allocate(decision)
    return services.certificate_render(Certificate.objects.order_by("number").first())


def test_a_signed_certificate_carries_the_tsas_timestamp(certificate, tsa):
    pdf = Path(certificate.file.path).read_bytes()
    status = validate(pdf, tsa.ca)
    assert status.bottom_line
    assert tsa.requests >= 1  # the TSA was asked (pyHanko also asks once to size the token)
    stamp = status.timestamp_validity
    assert stamp is not None and stamp.intact and stamp.valid and stamp.trusted
    assert stamp.timestamp == TSA_TIME
    assert stamp.signing_cert.subject.native["common_name"] == TSA_NAME
    report = signing.signature_report(pdf)
    assert report.valid and report.timestamped and report.timestamp_trusted
    assert report.timestamp_at == TSA_TIME and report.timestamp_by == TSA_NAME


def test_verify_shows_the_timestamp_time(certificate, client):
    pdf = Path(certificate.file.path).read_bytes()
    page = client.post(
        reverse("recognition:verify-file"),
        {"file": SimpleUploadedFile("giay-chung-nhan.pdf", pdf)},
    )
    assert 'data-verdict="valid"' in page.text
    shown = timezone.localtime(TSA_TIME).strftime("%d/%m/%Y %H:%M:%S")  # to the second
    timestamp = page.text.split('data-testid="timestamp">')[1].split("</dd>")[0]
    assert shown in timestamp and TSA_NAME in timestamp
    assert "tổ chức cấp dấu thời gian" in timestamp


def test_a_decision_is_timestamped_too(cast, proposed_pair, tsa):
    decision = decision_for(cast.qcdc, proposed_pair, cast.qcdc_staff, day=date(2026, 11, 5))
    pdf = Path(services.decision_render(decision).file.path).read_bytes()
    status = validate(pdf, tsa.ca)
    assert status.bottom_line and status.timestamp_validity.timestamp == TSA_TIME


def test_without_a_tsa_the_signature_has_no_timestamp(cast, proposed_pair, signing_keys, authority):
    signing_keys(authority)
    decision = decision_for(cast.qcdc, proposed_pair, cast.qcdc_staff, day=date(2026, 11, 5))
    pdf = Path(services.decision_render(decision).file.path).read_bytes()
    report = signing.signature_report(pdf)
    assert report.valid and not report.timestamped and report.timestamp_at is None
