from datetime import date

import pytest

from recognition.tests.factories import (
    authority_for,
    cast_pair,
    decision_for,
    proposed,
    submitted_dossier,
)

SITE = "https://diemsang.nghean.gov.vn"


@pytest.fixture(autouse=True)
def _shipped_criteria(request):
    """A transactional test empties the database when it ends, data migrations included: the
    next one installs the shipped criteria again (the install is idempotent)."""
    marker = request.node.get_closest_marker("django_db")
    if "transactional_db" in request.fixturenames or (marker and marker.kwargs.get("transaction")):
        request.getfixturevalue("transactional_db")
        from recognition import criteria_data
        from recognition.models import CriteriaSet, Criterion

        criteria_data.install(CriteriaSet, Criterion)


@pytest.fixture
def _site(settings, tmp_path):
    settings.SITE_URL = SITE
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def decision(cast, _site):
    """Decision 125 of 5 Nov 2026 recognizing a QCDC bright spot of unit A and one of unit B."""
    authority_for(cast.root)
    spots = cast_pair(cast, names=("Dân chủ - Đồng thuận - Phát triển ở xóm Đồng Sơn", ""))
    b = cast_pair(cast, unit=cast.unit_b, official=cast.official_b)
    dossiers = [
        proposed(submitted_dossier(spots["qcdc"], cast.official_a), cast.qcdc_staff),
        proposed(submitted_dossier(b["qcdc"], cast.official_b), cast.qcdc_staff),
    ]
    return decision_for(cast.qcdc, dossiers, cast.qcdc_staff, day=date(2026, 11, 5))


@pytest.fixture
def authority(cast):
    return authority_for(cast.root)


@pytest.fixture
def proposed_pair(cast, authority):
    """Unit A's and unit B's QCDC dossiers, proposed for recognition by the QCDC committee."""
    a = cast_pair(cast)
    b = cast_pair(cast, unit=cast.unit_b, official=cast.official_b)
    return [
        proposed(submitted_dossier(a["qcdc"], cast.official_a), cast.qcdc_staff),
        proposed(
            submitted_dossier(b["qcdc"], cast.official_b, when=(2026, 10, 25)), cast.qcdc_staff
        ),
    ]
