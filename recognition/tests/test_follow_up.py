"""The yearly follow-up of a recognized bright spot (R40, seed 000 §V): still effective, needs
improvement, or no longer a model with a reason; a bright spot no longer a model leaves the
public library and its verification page says so, without erasing its history."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from organisation.models import AuditEntry
from recognition import services
from recognition.models import Certificate, FollowUp
from recognition.tests.factories import (
    at,
    authority_for,
    cast_pair,
    decision_for,
    proposed,
    submitted_dossier,
)


@pytest.fixture
def recognized(cast):
    """Unit A's QCDC bright spot of 2026, recognized by Decision 125 on 20/11/2026."""
    authority_for(cast.root)
    spots = cast_pair(cast, names=("Tổ hòa giải ở cơ sở tiêu biểu", ""))
    dossier = proposed(submitted_dossier(spots["qcdc"], cast.official_a), cast.qcdc_staff)
    decision = decision_for(cast.qcdc, [dossier], cast.qcdc_staff)
    services.certificates_allocate(decision)
    dossier.refresh_from_db()
    return dossier


def record(dossier, by, *, year=2027, outcome="effective", reason=""):
    with at(2027, 12, 1):
        return services.follow_up_record(
            dossier=dossier, year=year, outcome=outcome, reason=reason, by=by
        )


def test_each_year_after_recognition_is_reviewed_once(cast, recognized):
    record(recognized, cast.qcdc_staff)
    with pytest.raises(ValidationError) as refused:
        record(recognized, cast.qcdc_staff, outcome="needs_improvement", reason="Giảm sút")
    assert "year" in refused.value.message_dict
    for year in (2026, 2028):  # the year recognized itself, and a year still to come
        with pytest.raises(ValidationError) as refused:
            record(recognized, cast.qcdc_staff, year=year)
        assert "year" in refused.value.message_dict


@pytest.mark.parametrize("outcome", ["needs_improvement", "no_longer_model"])
def test_anything_but_still_effective_needs_a_reason(cast, recognized, outcome):
    with pytest.raises(ValidationError) as refused:
        record(recognized, cast.qcdc_staff, outcome=outcome, reason="   ")
    assert "reason" in refused.value.message_dict
    assert not FollowUp.objects.exists()


def test_no_longer_a_model_leaves_the_library_but_keeps_its_history(
    cast, recognized, client, client_of
):
    library = reverse("recognition:library-detail", args=[recognized.bright_spot_id])
    assert client.get(library).status_code == 200
    record(
        recognized, cast.qcdc_staff, outcome="no_longer_model",
        reason="Mô hình không còn duy trì sinh hoạt định kỳ.",
    )  # fmt: skip
    assert client.get(library).status_code == 404
    assert "Tổ hòa giải ở cơ sở tiêu biểu" not in client.get(reverse("recognition:library")).text
    open_data = client.get(reverse("recognition:open-data-csv"))
    assert "Tổ hòa giải" not in b"".join(open_data.streaming_content).decode("utf-8-sig")

    certificate = Certificate.objects.get(recognition__dossier=recognized)
    page = client.get(reverse("recognition:verify", args=[certificate.serial])).text
    assert 'data-testid="lapsed"' in page and "không còn duy trì sinh hoạt định kỳ" in page
    assert 'data-verdict="valid"' in page  # the Decision still stands: history is not erased

    recognized.refresh_from_db()
    assert recognized.status == "recognized" and recognized.decision_id
    dossier_page = client_of(cast.official_a).get(
        reverse("recognition:dossier-detail", args=[recognized.pk])
    )
    assert 'data-outcome="no_longer_model"' in dossier_page.text
    assert AuditEntry.objects.filter(action="dossier.followed_up").count() == 1
    with pytest.raises(ValidationError):
        record(recognized, cast.qcdc_staff, year=2027)


def test_needs_improvement_stays_in_the_library(cast, recognized, client):
    record(recognized, cast.qcdc_staff, outcome="needs_improvement", reason="Cần cập nhật")
    url = reverse("recognition:library-detail", args=[recognized.bright_spot_id])
    assert client.get(url).status_code == 200


def test_the_page_records_for_the_committee_only(cast, recognized, client_of):
    url = reverse("recognition:dossier-follow-up", args=[recognized.pk])
    data = {"year": 2027, "outcome": "no_longer_model", "reason": ""}
    with at(2027, 12, 1):
        assert client_of(cast.official_a).get(url).status_code == 403
        assert client_of(cast.provincial).post(url, data).status_code == 403
        assert client_of(cast.dvcq_staff).get(url).status_code == 404
        page = client_of(cast.qcdc_staff).post(url, data)
        assert page.status_code == 200 and "Nêu lý do" in page.text  # at the field (R34)
        data["reason"] = "Không còn hiệu quả"
        response = client_of(cast.qcdc_staff).post(url, data)
    assert response.status_code == 302
    assert FollowUp.objects.get().outcome == "no_longer_model"


def test_a_dossier_not_recognized_is_not_followed_up(cast):
    spots = cast_pair(cast)
    dossier = proposed(submitted_dossier(spots["qcdc"], cast.official_a), cast.qcdc_staff)
    with pytest.raises(ValidationError):
        record(dossier, cast.qcdc_staff)
