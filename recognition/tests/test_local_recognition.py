"""Recognition below the province (R10, R16–R21, R40): a ward's combined committee and a
department's committee review and assess their units' dossiers and record Decisions of their own
People's Committee or head of agency — own letterhead, signer and numbering — whose certificates
and verification name that authority; a level may keep its own window within the province's."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from organisation.models import Level
from organisation.tests.levels import build_levels
from recognition import services
from recognition.models import Certificate, RecognitionPeriod
from recognition.services.certificates import certificate_data
from recognition.tests.factories import (
    accepted_pair,
    at,
    authority_for,
    decision_for,
    proposed,
    submitted_dossier,
)

WARD_AUTHORITY = {
    "name": "ỦY BAN NHÂN DÂN PHƯỜNG THÀNH VINH",
    "parent_name": "",
    "place_name": "Thành Vinh",
    "decision_symbol": "QĐ-UBND",
    "signing_form": "TM. ỦY BAN NHÂN DÂN",
    "signer_title": "CHỦ TỊCH",
    "signer_name": "Lê Thị Minh Hằng",
}
DEPARTMENT_AUTHORITY = {
    "name": "SỞ TƯ PHÁP",
    "parent_name": "UBND TỈNH NGHỆ AN",
    "decision_symbol": "QĐ-STP",
    "signing_form": "",
    "signer_title": "GIÁM ĐỐC",
    "signer_name": "Trần Văn Hùng",
}


@pytest.fixture
def levels(cast):
    found = build_levels(cast)
    found.province_authority = authority_for(cast.root)
    found.ward_authority = authority_for(found.ward, **WARD_AUTHORITY)
    found.department_authority = authority_for(found.department, **DEPARTMENT_AUTHORITY)
    return found


def _local_pair(unit, staff, *, level):
    """The unit's QCDC and DVCQ bright spots at `level`, accepted by `staff` (one person, or a
    dict field → person)."""
    official = unit.role_assignments.first().user
    reviewers = staff if isinstance(staff, dict) else {"qcdc": staff, "dvcq": staff}
    return accepted_pair(unit, official, reviewers, level=level), official


@pytest.fixture
def school_dossier(levels):
    spots, official = _local_pair(levels.school, levels.combined_staff, level=Level.COMMUNE)
    dossier = submitted_dossier(spots["qcdc"], official)
    return proposed(dossier, levels.combined_staff)


def test_the_wards_committee_reviews_and_its_peoples_committee_decides(levels, school_dossier):
    assert school_dossier.committee == levels.combined
    decision = decision_for(
        levels.combined, [school_dossier], levels.combined_staff, number=12,
        day=date(2026, 11, 20), authority=levels.ward_authority,
    )  # fmt: skip
    assert decision.number_and_symbol == "12/QĐ-UBND"
    assert decision.authority_name == "ỦY BAN NHÂN DÂN PHƯỜNG THÀNH VINH"
    assert decision.signer_name == "Lê Thị Minh Hằng"
    school_dossier.refresh_from_db()
    assert school_dossier.status == "recognized"


def test_a_committee_cannot_sign_with_another_levels_authority(levels, school_dossier):
    with pytest.raises(ValidationError) as refused, at(2026, 11, 20, 15):
        services.decision_record(
            committee=levels.combined, authority=levels.province_authority, number=12,
            date=date(2026, 11, 20), dossiers=[school_dossier], by=levels.combined_staff,
        )  # fmt: skip
    assert "authority" in refused.value.message_dict


def test_numbers_are_each_authoritys_own(cast, levels, school_dossier):
    """12/QĐ-UBND of the ward and 12/QĐ-STP of the department live side by side."""
    spots, official = _local_pair(levels.affiliated, levels.department_staff, level=Level.AGENCY)
    agency = proposed(submitted_dossier(spots["dvcq"], official), levels.department_staff)
    assert agency.committee == levels.department_committee
    ward = decision_for(
        levels.combined, [school_dossier], levels.combined_staff, number=12,
        authority=levels.ward_authority,
    )  # fmt: skip
    department = decision_for(
        levels.department_committee, [agency], levels.department_staff, number=12,
        authority=levels.department_authority,
    )  # fmt: skip
    assert (ward.number_and_symbol, department.number_and_symbol) == ("12/QĐ-UBND", "12/QĐ-STP")
    assert department.parent_name == "UBND TỈNH NGHỆ AN"


def test_certificate_and_verification_name_the_wards_peoples_committee(
    levels, school_dossier, client, settings
):
    settings.SITE_URL = "https://diemsang.nghean.gov.vn"
    decision = decision_for(
        levels.combined, [school_dossier], levels.combined_staff, number=12,
        authority=levels.ward_authority,
    )  # fmt: skip
    services.certificates_allocate(decision)
    certificate = Certificate.objects.get(recognition__decision=decision)
    data = certificate_data(certificate)
    assert data.authority == "ỦY BAN NHÂN DÂN PHƯỜNG THÀNH VINH"
    assert data.place == "Thành Vinh" and data.signer_name == "Lê Thị Minh Hằng"
    page = client.get(reverse("recognition:verify", args=[certificate.serial]))
    assert 'data-verdict="valid"' in page.text
    assert "ỦY BAN NHÂN DÂN PHƯỜNG THÀNH VINH" in page.text and "12/QĐ-UBND" in page.text
    assert "Trường Tiểu học Thành Vinh" in page.text


def test_another_communes_committee_cannot_open_the_wards_decision(
    levels, school_dossier, client_of
):
    decision = decision_for(
        levels.combined, [school_dossier], levels.combined_staff, number=12,
        authority=levels.ward_authority,
    )  # fmt: skip
    url = reverse("recognition:decision-detail", args=[decision.pk])
    assert client_of(levels.combined_staff).get(url).status_code == 200
    assert client_of(levels.commune_qcdc_staff).get(url).status_code == 404
    dossier_url = reverse("recognition:dossier-detail", args=[school_dossier.pk])
    assert client_of(levels.commune_qcdc_staff).get(dossier_url).status_code == 404


# --- a level's own window, within the province's (R16, R40) -----------------------------------


def _ward_window(cast, levels, opens, closes):
    period = RecognitionPeriod(
        province=cast.province, level_unit=levels.ward, year=2026, opens=opens, closes=closes
    )
    period.full_clean()
    period.save()
    return period


def test_a_levels_window_must_lie_within_the_provinces(cast, levels):
    with pytest.raises(ValidationError) as refused:
        _ward_window(cast, levels, date(2026, 10, 1), date(2026, 11, 10))
    assert "15/10/2026" in str(refused.value) and "30/11/2026" in str(refused.value)
    RecognitionPeriod.objects.create(
        province=cast.province, year=2026, opens=date(2026, 10, 1), closes=date(2026, 12, 5)
    )
    _ward_window(cast, levels, date(2026, 10, 1), date(2026, 11, 10))  # the province moved it


def test_without_its_own_window_a_level_follows_the_provinces(cast, levels):
    from recognition.deadlines import recognition_period_for

    period = recognition_period_for(cast.province, 2026, levels.ward)
    assert (period.opens, period.closes) == (date(2026, 10, 15), date(2026, 11, 30))
    _ward_window(cast, levels, date(2026, 10, 20), date(2026, 11, 10))
    period = recognition_period_for(cast.province, 2026, levels.school)
    assert (period.opens, period.closes) == (date(2026, 10, 20), date(2026, 11, 10))
    assert recognition_period_for(cast.province, 2026, levels.commune).closes == date(2026, 11, 30)


def test_the_wards_window_governs_its_dossiers_only(cast, levels):
    _ward_window(cast, levels, date(2026, 10, 20), date(2026, 11, 10))
    spots, official = _local_pair(levels.school, levels.combined_staff, level=Level.COMMUNE)
    with at(2026, 11, 15), pytest.raises(ValidationError) as refused:
        services.dossier_start(bright_spot=spots["qcdc"], by=official)  # opened late: refused
    assert "20/10/2026" in refused.value.messages[0] and "10/11/2026" in refused.value.messages[0]
    with at(2026, 11, 1):
        dossier = services.dossier_start(bright_spot=spots["qcdc"], by=official)
    from recognition.tests.factories import fill

    with at(2026, 11, 1):
        fill(dossier, official)
    with at(2026, 11, 15), pytest.raises(ValidationError) as refused:
        services.dossier_submit(dossier=dossier, version=dossier.version, by=official)
    assert "20/10/2026" in refused.value.messages[0] and "10/11/2026" in refused.value.messages[0]

    # The same day, a province-level dossier is still inside the province's window.
    provincial, ward_official = _local_pair(
        levels.ward, {"qcdc": cast.qcdc_staff, "dvcq": cast.dvcq_staff}, level=Level.PROVINCE
    )
    ward_dossier = submitted_dossier(provincial["qcdc"], ward_official, when=(2026, 11, 15))
    assert ward_dossier.status == "submitted"
