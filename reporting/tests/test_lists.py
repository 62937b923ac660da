"""The lists behind the figures: a constant number of queries however many rows, the filters
stated above them, Vietnamese order, and a page in English for English readers (R33)."""

import pytest
from django.urls import reverse

from registry.tests.factories import bulk_submitted
from reporting.tests.pages import count_on


@pytest.mark.parametrize("rows", [10, 400])
def test_lists_query_count_does_not_grow(cast, client_of, django_assert_max_num_queries, rows):
    bulk_submitted(cast.unit_a, cast.qcdc, rows, year=2026, field="qcdc")
    bulk_submitted(cast.unit_b, cast.dvcq, rows // 2, year=2026, field="dvcq")
    client = client_of(cast.provincial)
    for name in ("reporting:bright-spots", "reporting:units", "reporting:summary"):
        # The dashboard reads the open year's windows (R37): two queries, whatever the rows.
        with django_assert_max_num_queries(22 if name == "reporting:summary" else 19):
            response = client.get(reverse(name), {"year": 2026, "page": 2 if rows > 50 else 1})
        assert response.status_code == 200, name


def test_a_list_says_what_it_counts_in_vietnamese_order(cast, client_of):
    names = ["Đoàn kết", "Dân chủ", "Ân tình", "An toàn", "Bản làng"]
    bulk_submitted(cast.unit_a, cast.qcdc, len(names), year=2026, field="qcdc", names=names)
    html = (
        client_of(cast.provincial)
        .get(
            reverse("reporting:bright-spots"),
            {"year": 2026, "field": "qcdc", "status": "submitted"},
        )
        .content.decode()
    )
    assert count_on(html) == 5
    assert "Lĩnh vực: Thực hiện Quy chế dân chủ ở cơ sở (QCDC)" in html
    positions = [
        html.index(f">{n}<") for n in ["An toàn", "Ân tình", "Bản làng", "Dân chủ", "Đoàn kết"]
    ]
    assert positions == sorted(positions)


def test_named_units_without_both_fields(cast, client_of):
    bulk_submitted(cast.unit_a, cast.qcdc, 2, year=2026, field="qcdc")
    bulk_submitted(cast.unit_a, cast.dvcq, 1, year=2026, field="dvcq")
    bulk_submitted(cast.unit_b, cast.qcdc, 1, year=2026, field="qcdc")
    client = client_of(cast.provincial)
    html = client.get(
        reverse("reporting:units"), {"year": 2026, "compliance": "not_both"}
    ).content.decode()
    assert count_on(html) == 2  # Phường Đông Vĩnh (QCDC only) and Sở Tư pháp (nothing)
    assert "Phường Đông Vĩnh" in html and "Sở Tư pháp" in html and "Xã Nghĩa Dũng" not in html


def test_the_dashboard_in_english(cast, client_of):
    bulk_submitted(cast.unit_a, cast.qcdc, 2, year=2026, field="qcdc")
    client = client_of(cast.provincial)
    client.cookies["django_language"] = "en"
    html = client.get(reverse("reporting:summary"), {"year": 2026}).content.decode()
    assert "Bright spots registered" in html and "Units subject to registration" in html
    assert "Điểm sáng đăng ký" not in html


def test_malformed_parameters_fall_back_quietly(cast, client_of):
    client = client_of(cast.provincial)
    for params in ({"year": "abc"}, {"view": "sideways"}, {"year": "1066"}, {"field": "xyz"}):
        assert client.get(reverse("reporting:summary"), params).status_code == 200, params
        assert client.get(reverse("reporting:bright-spots"), params).status_code == 200, params
