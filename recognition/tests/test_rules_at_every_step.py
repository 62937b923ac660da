"""Issue 14, item 4: the rules of a dossier hold at every step, not only at its submission. A
dossier whose checklist is incomplete (here: part 3 lost after submission, as data brought in
from elsewhere can be) is not scored, proposed or recognized; no dossier is opened or changed
outside the recognition window unless an extension covers it. Through the services and the
pages, and the pages say why."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from recognition import services
from recognition.models import Decision, Dossier, Review
from recognition.tests.factories import (
    at,
    authority_for,
    cast_pair,
    fill,
    proposed,
    scored,
    submitted_dossier,
)
from registry import services as registry_services


def lose_part_3(dossier) -> Dossier:
    Dossier.objects.filter(pk=dossier.pk).update(dispatch_file="", dispatch_signer="")
    dossier.refresh_from_db()
    return dossier


@pytest.fixture
def submitted(cast):
    return submitted_dossier(cast_pair(cast)["qcdc"], cast.official_a)


def test_an_incomplete_dossier_is_not_scored(cast, submitted, client_of):
    services.reviewers_assign(
        committee=cast.qcdc, dossiers=[submitted], reviewers=[cast.qcdc_staff], by=cast.qcdc_staff
    )
    review = Review.objects.get(dossier=submitted)
    dossier = lose_part_3(submitted)
    verdicts = {c.pk: ("met", "") for c in dossier.criteria_set.criteria.all()}
    with at(2026, 10, 25), pytest.raises(ValidationError) as refused:
        services.review_save(review=review, scores=verdicts, by=cast.qcdc_staff)
    assert refused.value.code == "incomplete"
    assert "Tờ trình đã ký" in refused.value.messages[0] and "Người ký" in refused.value.messages[0]

    client = client_of(cast.qcdc_staff)
    page = client.get(reverse("recognition:dossier-detail", args=[dossier.pk])).text
    assert 'data-testid="incomplete"' in page and "Hồ sơ chưa đầy đủ" in page
    data = {f"verdict_{pk}": "met" for pk in verdicts} | {"comment": "Đạt"}
    with at(2026, 10, 25):
        response = client.post(reverse("recognition:dossier-score", args=[dossier.pk]), data)
    assert response.status_code == 200 and "Chưa thể chấm điểm" in response.text
    assert "Tờ trình đã ký" in response.text
    review.refresh_from_db()
    assert review.completed_at is None and not review.scores.exists()


def test_an_incomplete_dossier_is_not_proposed(cast, submitted, client_of):
    with at(2026, 10, 25):
        scored(submitted, cast.qcdc_staff)
    dossier = lose_part_3(submitted)
    with pytest.raises(ValidationError) as refused:
        services.dossier_propose(
            dossier=dossier, recognize=True, reasons="", version=dossier.version, by=cast.qcdc_staff
        )
    assert refused.value.code == "incomplete"
    response = client_of(cast.qcdc_staff).post(
        reverse("recognition:dossier-propose", args=[dossier.pk]),
        {"proposal": "recognize", "reasons": "", "version": dossier.version},
        follow=True,
    )
    assert "Chưa thể đề xuất" in response.text and "Tờ trình đã ký" in response.text
    dossier.refresh_from_db()
    assert dossier.status == "submitted"


def test_an_incomplete_dossier_is_not_recognized(cast, submitted, client_of):
    authority = authority_for(cast.root)
    dossier = lose_part_3(proposed(submitted, cast.qcdc_staff))
    with at(2026, 11, 20), pytest.raises(ValidationError) as refused:
        services.decision_record(
            committee=cast.qcdc, authority=authority, number=125, date=date(2026, 11, 20),
            dossiers=[dossier], by=cast.qcdc_staff,
        )  # fmt: skip
    assert "Chưa thể công nhận" in " ".join(refused.value.messages)
    url = reverse("recognition:decision-create", args=[cast.qcdc.pk]) + "?year=2026"
    with at(2026, 11, 20):
        response = client_of(cast.qcdc_staff).post(
            url,
            {"authority": authority.pk, "number": 125, "date": "20/11/2026",
             "dossiers": [dossier.pk], "legal_bases": ""},
        )  # fmt: skip
    assert response.status_code == 200
    assert "Chưa thể công nhận" in response.text and dossier.bright_spot.name in response.text
    assert not Decision.objects.exists()
    dossier.refresh_from_db()
    assert dossier.status == "proposed"


@pytest.mark.parametrize(
    "moment", [(2026, 10, 14, 23, 59), (2026, 12, 1, 0, 0)], ids=["before-15-oct", "after-30-nov"]
)
def test_no_dossier_is_opened_outside_the_window(cast, client_of, moment):
    spot = cast_pair(cast)["qcdc"]
    with at(*moment), pytest.raises(ValidationError) as refused:
        services.dossier_start(bright_spot=spot, by=cast.official_a)
    assert refused.value.code == "window_closed" and "15/10/2026" in refused.value.messages[0]
    with at(*moment):
        response = client_of(cast.official_a).post(
            reverse("recognition:dossier-start", args=[spot.pk]), follow=True
        )
        unit_page = client_of(cast.official_a).get(
            reverse("recognition:unit-dossiers", args=[cast.unit_a.pk]), {"year": 2026}
        )
    assert "30/11/2026" in response.text and not Dossier.objects.exists()
    assert "Ngoài thời hạn" in unit_page.text
    assert reverse("recognition:dossier-start", args=[spot.pk]) not in unit_page.text


def test_a_draft_is_not_changed_after_the_window_and_its_page_says_so(cast, client_of):
    spot = cast_pair(cast)["qcdc"]
    with at(2026, 11, 20):
        dossier = services.dossier_start(bright_spot=spot, by=cast.official_a)
    client = client_of(cast.official_a)
    with at(2026, 12, 1, 8):
        with pytest.raises(ValidationError) as refused:
            services.dossier_save_evaluation(
                dossier=dossier, evaluation_by="Ban Dân vận", evaluation_summary="Tốt",
                version=dossier.version, by=cast.official_a,
            )  # fmt: skip
        assert refused.value.code == "window_closed"
        page = client.get(reverse("recognition:dossier-detail", args=[dossier.pk])).text
        response = client.post(
            reverse("recognition:dossier-part", args=[dossier.pk, "evaluation"]),
            {"version": dossier.version, "evaluation_by": "Ban Dân vận",
             "evaluation_summary": "Tốt"},
        )  # fmt: skip
    assert 'data-testid="window-closed"' in page
    assert page.index('data-testid="window-closed"') < page.index('data-testid="checklist"')
    assert response.status_code == 200 and "30/11/2026" in response.text
    assert "Ban Dân vận" in response.text  # what was typed is kept (R34)
    dossier.refresh_from_db()
    assert dossier.evaluation_by == ""


def test_an_extension_lets_a_unit_open_complete_and_submit_late(cast, client_of):
    spot = cast_pair(cast)["qcdc"]
    with at(2026, 12, 1, 8):
        registry_services.extension_grant(
            committee=cast.qcdc, unit=cast.unit_a, year=2026, kind="recognition",
            until=date(2026, 12, 5), reason="Sáp nhập đơn vị", by=cast.qcdc_staff,
        )  # fmt: skip
    with at(2026, 12, 3):
        dossier = services.dossier_start(bright_spot=spot, by=cast.official_a)
        page = client_of(cast.official_a).get(
            reverse("recognition:dossier-detail", args=[dossier.pk])
        )
        fill(dossier, cast.official_a)
        services.dossier_submit(dossier=dossier, version=dossier.version, by=cast.official_a)
    assert 'data-testid="window-closed"' not in page.text
    dossier.refresh_from_db()
    assert dossier.status == "submitted" and dossier.timeliness == "extended"
    with at(2026, 12, 6), pytest.raises(ValidationError):  # the extension is over
        services.dossier_start(
            bright_spot=cast_pair(cast, unit=cast.unit_b, official=cast.official_b)["qcdc"],
            by=cast.official_b,
        )


def test_a_supplement_is_not_changed_after_its_due_date(cast, submitted):
    with at(2026, 10, 25):
        services.supplement_request(
            dossier=submitted, note="Bổ sung biên bản", due=date(2026, 10, 30),
            version=submitted.version, by=cast.qcdc_staff,
        )  # fmt: skip
    submitted.refresh_from_db()
    with at(2026, 10, 30, 23, 59):
        services.dossier_save_evaluation(
            dossier=submitted, evaluation_by="Ban Dân vận xã", evaluation_summary="Đã bổ sung",
            version=submitted.version, by=cast.official_a,
        )  # fmt: skip
    submitted.refresh_from_db()
    with at(2026, 10, 31, 0, 1), pytest.raises(ValidationError) as refused:
        services.dossier_save_evaluation(
            dossier=submitted, evaluation_by="Muộn", evaluation_summary="Muộn",
            version=submitted.version, by=cast.official_a,
        )  # fmt: skip
    assert refused.value.code == "supplement_late" and "30/10/2026" in refused.value.messages[0]
