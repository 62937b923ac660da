"""A unit official's own history, year by year (issue 5, item 5), with the years of the communes
merged into theirs in 2025 (R2); drafts are not counted."""

from django.urls import reverse

from organisation.models import RoleAssignment, Unit
from registry.models import BrightSpot
from reporting.tests import reference


def history(client, unit):
    response = client.get(reverse("reporting:unit-history", args=[unit.pk]))
    assert response.status_code == 200
    return response.content.decode()


def year_row(html, year) -> str:
    row = html[html.index(f'<tr data-year="{year}">') :]
    return row[: row.index("</tr>")]


def test_a_new_commune_sees_the_years_of_the_communes_merged_into_it(generated, client_of):
    new = generated.new_commune
    html = history(client_of(generated.official_of_new), new)
    predecessors = list(Unit.objects.filter(successor=new).values_list("pk", flat=True))
    assert generated.merged.name in html
    for year in (2024, 2025, 2026):
        units = [new.pk, *predecessors]
        qcdc = reference.spots(generated.province, year, unit_ids=units, field="qcdc").count()
        dvcq = reference.spots(generated.province, year, unit_ids=units, field="dvcq").count()
        row = year_row(html, year)
        assert f">{qcdc}</a>" in row and f">{dvcq}</a>" in row, year
    older = BrightSpot.objects.filter(unit=generated.merged, year=2024).exclude(status="draft")
    assert older and all(spot.name in html for spot in older)


def test_drafts_are_not_in_the_history(generated, client_of):
    draft = BrightSpot.objects.filter(province=generated.province, status="draft").first()
    official = RoleAssignment.objects.filter(unit=draft.unit.current_successor()).first().user
    html = history(client_of(official), draft.unit.current_successor())
    assert draft.name not in html


def test_the_menu_offers_the_history_to_an_official(generated, client_of):
    html = client_of(generated.official_of_new).get(reverse("home")).content.decode()
    assert reverse("reporting:unit-history", args=[generated.new_commune.pk]) in html
    assert reverse("reporting:summary") not in html


def test_another_official_cannot_read_it(generated, client_of):
    other = (
        RoleAssignment.objects.filter(unit__province=generated.province, role="unit_official")
        .exclude(unit=generated.new_commune)
        .first()
    )
    url = reverse("reporting:unit-history", args=[generated.new_commune.pk])
    assert client_of(other.user).get(url).status_code == 404
