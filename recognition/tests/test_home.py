"""The header's entries and the home page's panels of recognition: what each role must do now."""

from django.urls import reverse

from recognition import services
from recognition.tests.factories import at, cast_pair, submitted_dossier


def home(client):
    with at(2026, 11, 24, 9):
        return client.get(reverse("home")).text


def test_officials_see_dossiers_to_complete(cast, client_of):
    spots = cast_pair(cast)
    text = home(client_of(cast.official_a))
    assert "Hồ sơ công nhận cần hoàn thiện" in text
    assert "2 điểm sáng đã tiếp nhận chưa lập hồ sơ" in text
    assert reverse("recognition:unit-dossiers", args=[cast.unit_a.pk]) in text
    with at(2026, 10, 20):
        services.dossier_start(bright_spot=spots["qcdc"], by=cast.official_a)
    text = home(client_of(cast.official_a))
    assert "1 điểm sáng đã tiếp nhận chưa lập hồ sơ" in text and "1 hồ sơ đang chuẩn bị" in text


def test_committee_staff_see_dossiers_to_review(cast, client_of):
    spots = cast_pair(cast)
    dossier = submitted_dossier(spots["qcdc"], cast.official_a)
    services.reviewers_assign(
        committee=cast.qcdc, dossiers=[dossier], reviewers=[cast.qcdc_staff], by=cast.qcdc_staff
    )
    text = home(client_of(cast.qcdc_staff))
    assert "Hồ sơ cần thẩm định" in text
    panel = text[text.index('data-testid="dossiers-submitted"') :]
    assert panel.split(">", 1)[1].startswith("1<")
    mine = text[text.index('data-testid="dossiers-mine"') :]
    assert mine.split(">", 1)[1].startswith("1<")


def test_the_menu_offers_what_the_role_may_use(cast, client_of):
    official = home(client_of(cast.official_a))
    assert reverse("recognition:unit-dossiers", args=[cast.unit_a.pk]) in official
    assert reverse("recognition:committee-dossiers", args=[cast.qcdc.pk]) not in official
    staff = home(client_of(cast.qcdc_staff))
    assert reverse("recognition:committee-dossiers", args=[cast.qcdc.pk]) in staff
    assert reverse("recognition:committee-decisions", args=[cast.qcdc.pk]) in staff  # its panel
    assert reverse("recognition:library") in staff
