"""The committee inbox (R8, R33): filters, diacritic-free search, Vietnamese order, paging, CSV,
and a constant number of queries however many rows."""

import csv
import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from organisation.tests.factories import UnitFactory
from registry.tests.factories import bulk_submitted


@pytest.fixture(autouse=True)
def in_march():
    """While the 2026 list is open: the inbox opens on 2026 (R37)."""
    with time_machine.travel(datetime(2026, 3, 20, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))):
        yield


def inbox(client, committee, **params):
    return client.get(reverse("registry:committee-inbox", args=[committee.pk]), params)


def test_keyword_ignores_diacritics_and_case(cast, client_of):
    bulk_submitted(cast.unit_a, cast.qcdc, 1, names=["Mô hình “Dân vận khéo” xã Nghĩa Dũng"])
    bulk_submitted(cast.unit_b, cast.qcdc, 1, names=["Chợ văn minh Đông Vĩnh"])
    client = client_of(cast.qcdc_staff)
    for query in ["nghia dung", "NGHĨA DŨNG", "Nghia Dũng", "dan van kheo"]:
        text = inbox(client, cast.qcdc, q=query).text
        assert "xã Nghĩa Dũng" in text and "Đông Vĩnh" not in text, query
    assert "Đông Vĩnh" in inbox(client, cast.qcdc, q="dong vinh").text


def test_names_sort_in_vietnamese_order(cast, client_of):
    names = ["Đoàn kết", "Dân chủ", "Ân tình", "An toàn", "Zalo tổ dân phố", "Bản làng"]
    bulk_submitted(cast.unit_a, cast.qcdc, len(names), names=names)
    text = inbox(client_of(cast.qcdc_staff), cast.qcdc).text
    positions = [
        text.index(f">{name}<")
        for name in ["An toàn", "Ân tình", "Bản làng", "Dân chủ", "Đoàn kết", "Zalo tổ dân phố"]
    ]
    assert positions == sorted(positions)


def test_filters_by_field_status_and_unit_subtree(cast, client_of):
    hamlet = UnitFactory(
        province=cast.province,
        parent=cast.unit_a,
        name="Trường Tiểu học Nghĩa Dũng",
        kind="affiliated",
    )
    from organisation.tests.factories import UserFactory, assign

    assign(UserFactory(username="school"), "unit_official", unit=hamlet)
    bulk_submitted(hamlet, cast.qcdc, 1, names=["Trường học thân thiện"])
    bulk_submitted(cast.unit_b, cast.qcdc, 1, names=["Phố văn minh"])
    client = client_of(cast.qcdc_staff)
    text = inbox(client, cast.qcdc, unit=cast.unit_a.pk).text
    assert "Trường học thân thiện" in text and "Phố văn minh" not in text
    assert "Phố văn minh" not in inbox(client, cast.qcdc, status="accepted").text
    assert "Phố văn minh" in inbox(client, cast.qcdc, status="submitted", reviewed="false").text


def test_a_unit_outside_the_scope_filters_to_nothing(cast, client_of):
    bulk_submitted(cast.unit_a, cast.qcdc, 1)
    text = inbox(client_of(cast.qcdc_staff), cast.qcdc, unit=cast.other_unit.pk).text
    assert 'data-testid="count">0' in text


@pytest.mark.parametrize("rows", [10, 500])
def test_query_count_does_not_grow_with_rows(cast, client_of, django_assert_max_num_queries, rows):
    bulk_submitted(cast.unit_a, cast.qcdc, rows)
    client = client_of(cast.qcdc_staff)
    with django_assert_max_num_queries(10):
        response = inbox(client, cast.qcdc, q="mo hinh", field="qcdc", page=2 if rows > 25 else 1)
    assert response.status_code == 200


def test_csv_holds_exactly_the_filtered_rows_with_a_bom(cast, client_of):
    bulk_submitted(cast.unit_a, cast.qcdc, 30, names=[f"Nghĩa Dũng {i:02d}" for i in range(30)])
    bulk_submitted(
        cast.unit_b, cast.qcdc, 5, names=[f'=HYPERLINK("x") Đông Vĩnh {i}' for i in range(5)]
    )
    client = client_of(cast.qcdc_staff)
    response = client.get(
        reverse("registry:committee-inbox-csv", args=[cast.qcdc.pk]), {"q": "nghia dung"}
    )
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert len(rows) == 31 and all("Nghĩa Dũng" in row[0] for row in rows[1:])
    everything = b"".join(
        client.get(reverse("registry:committee-inbox-csv", args=[cast.qcdc.pk])).streaming_content
    ).decode()
    assert "'=HYPERLINK" in everything  # a formula is neutralised


def test_pages_of_25(cast, client_of):
    bulk_submitted(cast.unit_a, cast.qcdc, 30)
    client = client_of(cast.qcdc_staff)
    assert inbox(client, cast.qcdc).text.count("/bright-spots/") == 25
    assert inbox(client, cast.qcdc, page=2).text.count("/bright-spots/") == 5


def test_other_committees_and_officials_cannot_open_the_inbox(cast, client_of):
    assert inbox(client_of(cast.official_a), cast.qcdc).status_code == 404
    assert inbox(client_of(cast.other_province_staff), cast.qcdc).status_code == 404
    assert inbox(client_of(cast.dvcq_staff), cast.qcdc).status_code == 404


def test_unit_search_answers_units_in_scope_only(cast, client_of):
    response = client_of(cast.qcdc_staff).get(reverse("organisation:unit-search"), {"q": "nghia"})
    assert [r["name"] for r in response.json()["results"]] == ["Xã Nghĩa Dũng"]
    other = client_of(cast.official_b).get(reverse("organisation:unit-search"), {"q": "nghia"})
    assert other.json()["results"] == []


def test_level_and_status_labels_speak_the_readers_language(cast, client_of):
    bulk_submitted(cast.unit_a, cast.qcdc, 2)
    client = client_of(cast.qcdc_staff)
    text = inbox(client, cast.qcdc).text
    assert text.count("Cấp tỉnh · 2026") == 2 and text.count(">Đã gửi</span>") == 2
    client.post(reverse("language-set"), {"language": "en", "next": "/"})
    text = inbox(client, cast.qcdc).text
    assert text.count("Province level · 2026") == 2 and "Cấp tỉnh" not in text
    assert text.count(">Submitted</span>") == 2
