"""R18: assign reviewers to several dossiers, score every criterion, scores side by side, ask
for a supplement, propose recognition or not (with reasons the unit sees)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from organisation.models import RoleAssignment
from organisation.tests.factories import UserFactory, assign
from recognition import services
from recognition.models import Review
from recognition.tests.factories import at, cast_pair, fill, scored, submitted_dossier


@pytest.fixture
def second_reviewer(cast):
    user = UserFactory(username="qcdc_staff_2", full_name="Võ Thị Lan")
    assign(user, RoleAssignment.Role.COMMITTEE_STAFF, committee=cast.qcdc)
    return user


@pytest.fixture
def dossiers(cast):
    """A QCDC and a DVCQ dossier of unit A, and a QCDC dossier of unit B: all submitted."""
    a = cast_pair(cast)
    b = cast_pair(cast, unit=cast.unit_b, official=cast.official_b)
    return {
        "qcdc_a": submitted_dossier(a["qcdc"], cast.official_a),
        "dvcq_a": submitted_dossier(a["dvcq"], cast.official_a),
        "qcdc_b": submitted_dossier(b["qcdc"], cast.official_b),
    }


def test_assigning_reviewers_to_several_dossiers_at_once(
    cast, dossiers, second_reviewer, client_of
):
    client = client_of(cast.qcdc_staff)
    response = client.post(
        reverse("recognition:assign-reviewers", args=[cast.qcdc.pk]),
        {"dossiers": [dossiers["qcdc_a"].pk, dossiers["qcdc_b"].pk],
         "reviewers": [cast.qcdc_staff.pk, second_reviewer.pk]},
        follow=True,
    )  # fmt: skip
    assert response.status_code == 200
    assert Review.objects.filter(dossier=dossiers["qcdc_a"]).count() == 2
    assert Review.objects.filter(dossier=dossiers["qcdc_b"]).count() == 2


def test_a_dossier_of_the_other_committee_cannot_be_assigned(cast, dossiers, client_of):
    client_of(cast.qcdc_staff).post(
        reverse("recognition:assign-reviewers", args=[cast.qcdc.pk]),
        {"dossiers": [dossiers["dvcq_a"].pk], "reviewers": [cast.qcdc_staff.pk]},
    )
    assert not Review.objects.exists()
    with pytest.raises(ValidationError):
        services.reviewers_assign(
            committee=cast.qcdc, dossiers=[dossiers["dvcq_a"]], reviewers=[cast.qcdc_staff],
            by=cast.qcdc_staff,
        )  # fmt: skip
    with pytest.raises(ValidationError):  # a reviewer who is not the committee's staff
        services.reviewers_assign(
            committee=cast.qcdc, dossiers=[dossiers["qcdc_a"]], reviewers=[cast.dvcq_staff],
            by=cast.qcdc_staff,
        )  # fmt: skip


def test_a_qcdc_reviewer_cannot_score_a_dvcq_dossier(cast, dossiers, client_of):
    client = client_of(cast.qcdc_staff)
    dvcq = dossiers["dvcq_a"]
    assert client.get(reverse("recognition:dossier-score", args=[dvcq.pk])).status_code == 404
    assert client.get(reverse("recognition:dossier-detail", args=[dvcq.pk])).status_code == 404
    response = client.post(
        reverse("recognition:dossier-propose", args=[dvcq.pk]),
        {"proposal": "recognize", "reasons": "", "version": dvcq.version},
    )
    assert response.status_code == 404


def test_only_assigned_reviewers_score(cast, dossiers, second_reviewer, client_of):
    dossier = dossiers["qcdc_a"]
    url = reverse("recognition:dossier-score", args=[dossier.pk])
    assert client_of(cast.qcdc_staff).get(url).status_code == 403  # not assigned yet
    assert client_of(cast.provincial).get(url).status_code == 403  # reads, does not review
    assert client_of(cast.official_a).get(url).status_code == 403
    assert client_of(cast.official_b).get(url).status_code == 404


def test_every_criterion_must_be_scored(cast, dossiers, client_of):
    dossier = dossiers["qcdc_a"]
    services.reviewers_assign(
        committee=cast.qcdc, dossiers=[dossier], reviewers=[cast.qcdc_staff], by=cast.qcdc_staff
    )
    criteria = list(dossier.criteria_set.criteria.all())
    data = {f"verdict_{c.pk}": "met" for c in criteria[:-1]}
    response = client_of(cast.qcdc_staff).post(
        reverse("recognition:dossier-score", args=[dossier.pk]), data
    )
    assert response.status_code == 200 and "Chọn mức đánh giá cho tiêu chí này" in response.text
    assert Review.objects.get(dossier=dossier).completed_at is None


def test_two_reviewers_scores_side_by_side(cast, dossiers, second_reviewer, client_of):
    dossier = dossiers["qcdc_a"]
    scored(dossier, cast.qcdc_staff, "met")
    review = scored(dossier, second_reviewer, "partly", assigned_by=cast.qcdc_staff)
    first = dossier.criteria_set.criteria.order_by("group", "number").first()
    services.review_save(
        review=review,
        scores={c.pk: ("not_met" if c == first else "partly", "Thiếu minh chứng" if c == first else "")
                for c in dossier.criteria_set.criteria.all()},
        comment="", by=second_reviewer,
    )  # fmt: skip
    page = (
        client_of(cast.qcdc_staff)
        .get(reverse("recognition:dossier-detail", args=[dossier.pk]))
        .text
    )
    table = page[page.index('data-testid="scores"') :]
    assert "Phan Văn Hải" in table and "Võ Thị Lan" in table
    assert "Thiếu minh chứng" in table
    assert table.count("Đạt</span>") >= 13 and "Chưa đạt" in table and "Đạt một phần" in table


def test_the_dossier_list_filters_reviewed_not_reviewed_and_mine(
    cast, dossiers, second_reviewer, client_of
):
    services.reviewers_assign(
        committee=cast.qcdc,
        dossiers=[dossiers["qcdc_b"]],
        reviewers=[second_reviewer],
        by=cast.qcdc_staff,
    )
    scored(dossiers["qcdc_a"], cast.qcdc_staff)
    client = client_of(second_reviewer)
    url = reverse("recognition:committee-dossiers", args=[cast.qcdc.pk])
    # The dossiers' bright spots are named after their units: tell them apart by unit name.
    assert "Xã Nghĩa Dũng" in client.get(url, {"reviewed": "yes", "year": 2026}).text
    assert "Phường Đông Vĩnh" not in client.get(url, {"reviewed": "yes", "year": 2026}).text
    assert "Phường Đông Vĩnh" in client.get(url, {"reviewed": "no", "year": 2026}).text
    assert "Xã Nghĩa Dũng" not in client.get(url, {"reviewed": "no", "year": 2026}).text
    mine = client.get(url, {"reviewed": "mine", "year": 2026}).text
    assert "Phường Đông Vĩnh" in mine and "Xã Nghĩa Dũng" not in mine
    assert dossiers["dvcq_a"].bright_spot.name not in client.get(url).text  # another committee's


def test_supplement_goes_back_to_the_unit_and_returns(cast, dossiers, client_of):
    dossier = dossiers["qcdc_a"]
    with at(2026, 11, 3):
        response = client_of(cast.qcdc_staff).post(
            reverse("recognition:dossier-supplement", args=[dossier.pk]),
            {
                "note": "Bổ sung biên bản hội nghị đối thoại",
                "due": "10/11/2026",
                "version": dossier.version,
            },
        )
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.status == "supplement" and dossier.supplement_due == date(2026, 11, 10)
    page = (
        client_of(cast.official_a)
        .get(reverse("recognition:dossier-detail", args=[dossier.pk]))
        .text
    )
    assert "Bổ sung biên bản hội nghị đối thoại" in page and "10/11/2026" in page
    with at(2026, 11, 10, 23, 59, 59):
        fill(dossier, cast.official_a)
        services.dossier_submit(dossier=dossier, version=dossier.version, by=cast.official_a)
    dossier.refresh_from_db()
    assert dossier.status == "submitted"


def test_a_supplement_after_its_due_date_is_refused(cast, dossiers):
    dossier = dossiers["qcdc_a"]
    with at(2026, 11, 3):
        services.supplement_request(
            dossier=dossier,
            note="Bổ sung",
            due=date(2026, 11, 10),
            version=dossier.version,
            by=cast.qcdc_staff,
        )
    with at(2026, 11, 11, 0, 0), pytest.raises(ValidationError) as refused:
        services.dossier_submit(dossier=dossier, version=dossier.version, by=cast.official_a)
    assert refused.value.code == "supplement_late"
    # The committee gives a later date; the unit submits by it.
    with at(2026, 11, 12):
        services.supplement_request(
            dossier=dossier,
            note="Bổ sung",
            due=date(2026, 11, 16),
            version=dossier.version,
            by=cast.qcdc_staff,
        )
    with at(2026, 11, 16, 20):
        services.dossier_submit(dossier=dossier, version=dossier.version, by=cast.official_a)
    dossier.refresh_from_db()
    assert dossier.status == "submitted"


def test_not_recognizing_needs_reasons_which_the_unit_reads(cast, dossiers, client_of):
    dossier = dossiers["qcdc_a"]
    scored(dossier, cast.qcdc_staff, "partly")
    dossier.refresh_from_db()
    client = client_of(cast.qcdc_staff)
    url = reverse("recognition:dossier-propose", args=[dossier.pk])
    client.post(url, {"proposal": "not_recognize", "reasons": "  ", "version": dossier.version})
    dossier.refresh_from_db()
    assert dossier.status == "submitted"
    client.post(
        url,
        {
            "proposal": "not_recognize",
            "reasons": "Chưa có sức lan tỏa rộng",
            "version": dossier.version,
        },
    )
    dossier.refresh_from_db()
    assert dossier.status == "not_recognized"
    page = (
        client_of(cast.official_a)
        .get(reverse("recognition:dossier-detail", args=[dossier.pk]))
        .text
    )
    assert "Chưa có sức lan tỏa rộng" in page


def test_proposing_needs_a_scored_review(cast, dossiers):
    dossier = dossiers["qcdc_a"]
    with pytest.raises(ValidationError):
        services.dossier_propose(
            dossier=dossier, recognize=True, reasons="", version=dossier.version, by=cast.qcdc_staff
        )
    scored(dossier, cast.qcdc_staff)
    dossier.refresh_from_db()
    services.dossier_propose(
        dossier=dossier, recognize=True, reasons="", version=dossier.version, by=cast.qcdc_staff
    )
    dossier.refresh_from_db()
    assert dossier.status == "proposed"


def test_the_committee_list_is_for_its_readers(cast, dossiers, client_of):
    url = reverse("recognition:committee-dossiers", args=[cast.qcdc.pk])
    assert client_of(cast.qcdc_staff).get(url).status_code == 200
    assert client_of(cast.provincial).get(url).status_code == 200
    assert client_of(cast.other_province_staff).get(url).status_code == 404
    assert client_of(None).get(url).status_code == 302
    assign_url = reverse("recognition:assign-reviewers", args=[cast.qcdc.pk])
    assert client_of(cast.qcdc_staff).get(assign_url).status_code == 405
    assert client_of(cast.provincial).post(assign_url, {}).status_code == 403


def test_the_list_counts_its_queries(cast, django_assert_max_num_queries, client_of):
    from recognition.tests.factories import bulk_proposed

    bulk_proposed(cast.unit_a, cast.qcdc, 60, reviewer=cast.qcdc_staff)
    client = client_of(cast.qcdc_staff)
    url = reverse("recognition:committee-dossiers", args=[cast.qcdc.pk])
    with django_assert_max_num_queries(16):
        response = client.get(url, {"year": 2026})
    assert response.status_code == 200 and "60 hồ sơ" in response.text
