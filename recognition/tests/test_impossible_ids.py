"""R34: lists where staff tick dossiers or bright spots send back ids; an id larger than any the
database holds (found by tests/test_bad_input.py) is answered as a wrong choice, never a server
error, and nothing is saved."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from recognition import services
from recognition.models import CommendationEntry, Decision, Review
from recognition.tests.factories import at, cast_pair, submitted_dossier

BEYOND_ANY_ID = str(2**63)


def test_assigning_a_dossier_no_database_holds(cast, client_of):
    dossier = submitted_dossier(cast_pair(cast)["qcdc"], cast.official_a)
    response = client_of(cast.qcdc_staff).post(
        reverse("recognition:assign-reviewers", args=[cast.qcdc.pk]),
        {"dossiers": [str(dossier.pk), BEYOND_ANY_ID], "reviewers": [str(cast.qcdc_staff.pk)]},
        follow=True,
    )
    assert response.status_code == 200
    assert BEYOND_ANY_ID in response.text  # named in the message: not one of the choices
    assert not Review.objects.exists()


def test_a_decision_recognizing_a_dossier_no_database_holds(
    cast, authority, proposed_pair, client_of
):
    with at(2026, 11, 24):
        response = client_of(cast.qcdc_staff).post(
            reverse("recognition:decision-create", args=[cast.qcdc.pk]),
            {"authority": authority.pk, "number": "125", "date": "20/11/2026",
             "dossiers": [str(proposed_pair[0].pk), BEYOND_ANY_ID]},
        )  # fmt: skip
    assert response.status_code == 200
    assert response.context["form"].has_error("dossiers", "invalid_choice")
    assert not Decision.objects.exists()


def test_proposing_a_recognition_no_database_holds(cast, decision, client_of):
    """`decision` recognized two bright spots in 2026: the proposal has candidates."""
    with at(2026, 11, 24):
        proposal = services.commendation_proposal_create(
            committee=cast.qcdc, period_start=2026, council="Hội đồng Thi đua - Khen thưởng tỉnh",
            by=cast.qcdc_staff,
        )  # fmt: skip
    response = client_of(cast.qcdc_staff).post(
        reverse("recognition:proposal-select", args=[proposal.pk]),
        {"recognitions": [BEYOND_ANY_ID]},
        follow=True,
    )
    assert response.status_code == 200
    with translation.override("vi"):
        refused = gettext("Only bright spots recognized during the period can be proposed.")
    assert refused in [message.message for message in response.context["messages"]]
    assert not CommendationEntry.objects.exists()
