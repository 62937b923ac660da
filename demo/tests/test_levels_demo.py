"""The demo's levels below the province (R40): two communes with a combined committee (and the
old communes they took over), one department with affiliated units; each with bright spots
across the years and, for past years, Decisions of its own authority whose certificates verify."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from demo import names as demo_org
from organisation.models import Committee, Unit
from recognition.models import Certificate, Decision
from registry.models import BrightSpot


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=StringIO())


def _years_decided(level_units) -> set:
    return set(
        Decision.objects.filter(authority__level_unit__in=level_units).values_list(
            "recognition_year", flat=True
        )
    )


def test_communes_and_a_department_run_their_own_programme(demo, client):
    for commune in demo_org.LOCAL_COMMUNES:
        new = Unit.objects.get(name=commune["unit"], valid_to=None)
        old = Unit.objects.get(name=commune["before"], successor=new)
        committee = Committee.objects.get(level_unit=new, kind="steering")
        assert committee.handles_qcdc and committee.handles_dvcq  # one combined committee
        assert set(new.children.values_list("kind", flat=True)) == {
            "village",
            "school",
            "health_station",
        }
        this_year = BrightSpot.objects.filter(recipient=committee, level="commune")
        assert this_year.exists() and not this_year.exclude(unit__parent=new).exists()
        assert len(_years_decided([old])) >= 2, commune["unit"]
        assert set(
            BrightSpot.objects.filter(recipient__level_unit=old).values_list("year", flat=True)
        ) >= {2022, 2023, 2024}

    department = Unit.objects.get(name=demo_org.LOCAL_DEPARTMENT["unit"], valid_to=None)
    assert department.children.filter(kind="affiliated").count() >= 2
    assert _years_decided([department]) >= {2023, 2024, 2025}
    assert set(
        Decision.objects.filter(authority__level_unit=department).values_list("symbol", flat=True)
    ) == {"QĐ-STP"}

    certificate = (
        Certificate.objects.filter(
            recognition__decision__authority__level_unit__parent__isnull=False
        )
        .exclude(recognition__decision__authority__level_unit__kind="district")
        .select_related("recognition__decision")
        .first()
    )
    page = client.get(reverse("recognition:verify", args=[certificate.serial]))
    assert 'data-verdict="valid"' in page.text
    assert certificate.recognition.decision.authority_name in page.text


def test_a_communes_committee_staff_log_in_to_their_inbox(demo, client):
    client.post(reverse("login"), {"username": "bcd.thanhvinh", "password": demo_org.PASSWORD})
    committee = Committee.objects.get(name=demo_org.COMBINED_COMMITTEE)
    # The demo's lists of this calendar year, whichever year is open today (R37).
    page = client.get(
        reverse("registry:committee-inbox", args=[committee.pk]),
        {"year": timezone.localdate().year},
    )
    assert page.status_code == 200 and "Trường Tiểu học Lê Mao" in page.text
