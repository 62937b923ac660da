import pytest


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
