"""R19, R30: the Decision's page and its PDF in the administrative format; who reads, who acts;
a long annex in a fixed number of queries."""

from datetime import date

from django.urls import reverse

from core.tests.pdf_helpers import pdf_text
from core.tests.rendition_helpers import rendered
from recognition import services
from recognition.tests.factories import decision_for


def test_decision_pdf_in_the_administrative_format(
    cast, proposed_pair, client_of, django_capture_on_commit_callbacks
):
    decision = decision_for(cast.qcdc, proposed_pair, cast.qcdc_staff, day=date(2026, 11, 5))
    client = client_of(cast.qcdc_staff)
    url = reverse("recognition:decision-pdf", args=[decision.pk])
    content = rendered(client, url, django_capture_on_commit_callbacks)
    # Once rendered in the background, the stored file is served at once.
    assert b"".join(client.get(url).streaming_content) == content
    text = pdf_text(content)
    for expected in [
        "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 125/QĐ-UBND",
        "Nghệ An, ngày 05 tháng 11 năm 2026",
        "QUYẾT ĐỊNH",
        "Công nhận 2 điểm sáng",
        "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH",
        "Hoàng Minh Châu",
        "DANH SÁCH ĐIỂM SÁNG ĐƯỢC CÔNG NHẬN",
        "Kèm theo Quyết định số 125/QĐ-UBND ngày 05 tháng 11 năm 2026",
        proposed_pair[0].bright_spot.name,
    ]:
        assert expected in text, expected


def test_decisions_are_read_by_their_committee_the_province_and_recognized_units(
    cast, proposed_pair, client_of
):
    decision = decision_for(cast.qcdc, proposed_pair[:1], cast.qcdc_staff)
    url = reverse("recognition:decision-detail", args=[decision.pk])
    assert client_of(cast.qcdc_staff).get(url).status_code == 200
    assert client_of(cast.provincial).get(url).status_code == 200
    assert client_of(cast.official_a).get(url).status_code == 200  # its bright spot is in it
    assert client_of(cast.official_b).get(url).status_code == 404
    assert client_of(cast.dvcq_staff).get(url).status_code == 404
    assert client_of(cast.other_province_staff).get(url).status_code == 404
    annul = reverse("recognition:decision-annul", args=[decision.pk])
    assert client_of(cast.provincial).post(annul, {"reason": "x"}).status_code == 403
    assert client_of(cast.official_a).post(annul, {"reason": "x"}).status_code == 403
    assert client_of(cast.qcdc_staff).get(annul).status_code == 405
    create = reverse("recognition:decision-create", args=[cast.qcdc.pk])
    assert client_of(cast.provincial).get(create).status_code == 403
    assert client_of(cast.dvcq_staff).get(create).status_code == 404


def test_a_long_annex_counts_its_queries(cast, authority, client_of, django_assert_max_num_queries):
    from recognition.tests.factories import bulk_proposed

    dossiers = bulk_proposed(cast.unit_a, cast.qcdc, 60, reviewer=cast.qcdc_staff)
    decision = decision_for(cast.qcdc, dossiers, cast.qcdc_staff)
    services.certificates_allocate(decision)
    client = client_of(cast.qcdc_staff)
    with django_assert_max_num_queries(14):
        page = client.get(reverse("recognition:decision-detail", args=[decision.pk]))
    assert page.text.count("40-2026-0000") == 60
    with django_assert_max_num_queries(10):
        client.get(reverse("recognition:committee-decisions", args=[cast.qcdc.pk]))
