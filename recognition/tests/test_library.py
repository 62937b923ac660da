"""R24: the public library of recognized bright spots, its search, each model's spread, and the
open data that holds exactly what is public."""

import csv
import io
import json

import pytest
from django.urls import reverse

from recognition import services
from recognition.selectors import PUBLIC_FIELDS, public_bright_spots, public_record, with_spread
from recognition.tests.factories import (
    at,
    authority_for,
    bulk_proposed,
    cast_pair,
    decision_for,
    proposed,
    submitted_dossier,
)
from registry.models import BrightSpot
from registry.tests.factories import make_bright_spot


@pytest.fixture
def library(cast):
    """Unit A: a recognized QCDC model and a DVCQ dossier only proposed; unit B: a bright spot
    replicating the model, and a draft replicating it too."""
    authority_for(cast.root)
    a = cast_pair(cast, names=("Hội nghị đối thoại định kỳ với Nhân dân", "Ngày thứ Bảy cùng dân"))
    recognized = proposed(submitted_dossier(a["qcdc"], cast.official_a), cast.qcdc_staff)
    pending = submitted_dossier(a["dvcq"], cast.official_a)
    decision = decision_for(cast.qcdc, [recognized], cast.qcdc_staff)
    model = a["qcdc"]
    b = cast_pair(cast, unit=cast.unit_b, official=cast.official_b, year=2026)
    BrightSpot.objects.filter(pk=b["qcdc"].pk).update(replicates=model)
    with at(2026, 3, 12):
        draft = make_bright_spot(
            cast.unit_b, field="qcdc", name="Bản nháp bí mật của phường", replicates=model
        )
    return {
        "model": model,
        "pending": pending,
        "decision": decision,
        "replication": b["qcdc"],
        "draft": draft,
    }


def test_the_public_sees_only_recognized_bright_spots(cast, library, client_of):
    page = client_of(None).get(reverse("recognition:library"))
    assert page.status_code == 200
    assert "Hội nghị đối thoại định kỳ với Nhân dân" in page.text
    assert "Ngày thứ Bảy cùng dân" not in page.text  # submitted, not recognized
    assert "Bản nháp bí mật" not in page.text
    assert (
        client_of(None)
        .get(reverse("recognition:library-detail", args=[library["pending"].bright_spot.pk]))
        .status_code
        == 404
    )
    assert (
        client_of(None)
        .get(reverse("recognition:library-detail", args=[library["draft"].pk]))
        .status_code
        == 404
    )


def test_an_annulled_decision_takes_the_bright_spot_out(cast, library, client_of):
    services.decision_annul(decision=library["decision"], reason="Sai sót", by=cast.qcdc_staff)
    assert (
        "Hội nghị đối thoại định kỳ" not in client_of(None).get(reverse("recognition:library")).text
    )


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ({"q": "doi thoai dinh ky"}, True),  # without diacritics (R33)
        ({"q": "ĐỐI THOẠI"}, True),
        ({"q": "khong co"}, False),
        ({"field": "qcdc"}, True),
        ({"field": "dvcq"}, False),
        ({"year": "2026"}, True),
        ({"year": "2025"}, False),
        ({"locality": "nghia dung"}, True),
        ({"locality": "Đông Vĩnh"}, False),
        ({"province": "40"}, True),
        ({"year": "abc"}, True),  # a bad value is ignored, never an error (R34)
    ],
)
def test_search_by_keyword_field_year_locality(cast, library, client_of, query, found):
    page = client_of(None).get(reverse("recognition:library"), query)
    assert page.status_code == 200
    assert ("Hội nghị đối thoại định kỳ với Nhân dân" in page.text) is found


def test_a_model_page_shows_its_spread(cast, library, client_of):
    page = (
        client_of(None).get(reverse("recognition:library-detail", args=[library["model"].pk])).text
    )
    spread = page[page.index('data-testid="spread"') :]
    assert spread.split(">", 1)[1].startswith(
        "1<"
    )  # one unit replicates it; the draft does not count
    replications = page[page.index('data-testid="replications"') :]
    assert "Phường Đông Vĩnh (2026)" in replications
    assert library["replication"].name not in page  # not recognized itself: its name stays private
    assert "Bản nháp bí mật" not in page
    assert "Xây dựng kế hoạch, giao nhiệm vụ cụ thể." in page  # the dossier's method is public
    assert "0912345678" not in page and "Nguyễn Văn Cường" not in page  # staff in charge: private


def test_the_registry_form_offers_recognized_models_to_replicate(cast, library, client_of):
    with at(2026, 3, 20):
        form = client_of(cast.official_b).get(
            reverse("registry:bright-spot-create", args=[cast.unit_b.pk]), {"year": 2026}
        )
    options = form.text[form.text.index('name="replicates"') :].split("</select>")[0]
    assert "Hội nghị đối thoại định kỳ với Nhân dân" in options
    assert "Ngày thứ Bảy cùng dân" not in options


def test_open_data_csv_holds_exactly_the_public_fields(cast, library, client_of):
    response = client_of(None).get(reverse("recognition:open-data-csv"))
    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(content.lstrip("\ufeff"))))
    assert rows[0] == PUBLIC_FIELDS
    assert len(rows) == 2
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["name"] == "Hội nghị đối thoại định kỳ với Nhân dân"
    assert record["decision"] == "125/QĐ-UBND" and record["spread_units"] == "1"
    assert "Ngày thứ Bảy" not in content and "Bản nháp" not in content
    for private in (
        "0912345678",
        "Nguyễn Văn Cường",
        "Biên bản hội nghị",
        "danh-gia",
        "to-trinh",
        "Ban Dân vận Đảng ủy xã",
    ):
        assert private not in content, private


def test_open_data_json_matches_the_csv(cast, library, client_of):
    response = client_of(None).get(reverse("recognition:open-data-json"), {"q": "doi thoai"})
    data = json.loads(b"".join(response.streaming_content))
    assert data["fields"] == PUBLIC_FIELDS
    [record] = data["bright_spots"]
    assert list(record) == PUBLIC_FIELDS
    assert record["name"] == "Hội nghị đối thoại định kỳ với Nhân dân"
    assert record["url"].endswith(f"/library/{library['model'].pk}/")
    assert (
        json.loads(
            b"".join(
                client_of(None)
                .get(reverse("recognition:open-data-json"), {"q": "xyz"})
                .streaming_content
            )
        )["bright_spots"]
        == []
    )


def test_public_record_fields_are_the_published_list(cast, library):
    [model] = with_spread(public_bright_spots().filter(pk=library["model"].pk))
    assert list(public_record(model)) == PUBLIC_FIELDS


def test_library_pages_count_their_queries(cast, django_assert_max_num_queries, client_of):
    authority_for(cast.root)
    dossiers = bulk_proposed(cast.unit_a, cast.qcdc, 45, reviewer=cast.qcdc_staff)
    decision_for(cast.qcdc, dossiers, cast.qcdc_staff)
    client = client_of(None)
    with django_assert_max_num_queries(8):
        page = client.get(reverse("recognition:library"), {"q": "dan van kheo"})
    assert "45 điểm sáng đã được công nhận" in page.text
    with django_assert_max_num_queries(6):
        response = client.get(reverse("recognition:open-data-json"))
        data = json.loads(b"".join(response.streaming_content))
    assert len(data["bright_spots"]) == 45
