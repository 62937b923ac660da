"""Imports (R39), issue 15: each template downloaded, filled and imported; bad rows refused with
their row and column and nothing saved; the same file twice changes nothing."""

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from core.tests.rendition_helpers import rendered_now
from organisation.models import (
    AuditEntry,
    Committee,
    ImportRun,
    RoleAssignment,
    RoutingRule,
    Unit,
    User,
)


def template(client, kind):
    """The kind's template, asked for on the page and produced by its background job."""
    content = rendered_now(client, reverse("organisation:import-template", args=[kind]))
    workbook = load_workbook(io.BytesIO(content))
    assert workbook.sheetnames == ["Dữ liệu", "Giá trị hợp lệ", "Ví dụ"]
    return workbook


def filled(workbook, rows) -> bytes:
    sheet = workbook["Dữ liệu"]
    for number, row in enumerate(rows, start=2):
        for position, value in enumerate(row, start=1):
            sheet.cell(row=number, column=position, value=value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(client, province, kind, content, name="du-lieu.xlsx"):
    response = client.post(
        reverse("organisation:import-list"),
        {"province": province.pk, "kind": kind, "file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    return ImportRun.objects.latest("pk")


def confirm(client, run):
    response = client.post(reverse("organisation:import-confirm", args=[run.pk]))
    assert response.status_code == 302
    run.refresh_from_db()
    return run


UNITS = [
    ["17020", "Xã Nghĩa Đàn", "Xã", "40", "01/07/2025", None, None],
    ["17021", "Xã Nghĩa Hội (cũ)", "Xã", "40", "01/01/2020", "30/06/2025", "17020"],
    [None, "Trung tâm Trợ giúp pháp lý", "Đơn vị trực thuộc", "Sở Tư pháp", None, None, None],
]


@pytest.fixture
def admin(cast, client_of):
    return client_of(cast.admin)


def test_units_template_filled_and_imported_then_a_second_time_changes_nothing(cast, admin):
    content = filled(template(admin, "units"), UNITS)
    run = upload(admin, cast.province, "units", content)
    assert run.status == "previewed", run.refusals
    assert (run.preview["created"], run.preview["changed"]) == (3, 0)
    assert not Unit.objects.filter(code="17020").exists()  # nothing before confirming
    page = admin.get(reverse("organisation:import-detail", args=[run.pk])).content.decode()
    assert "Xã Nghĩa Đàn" in page
    run = confirm(admin, run)
    assert run.status == "applied"
    old, new = Unit.objects.get(code="17021"), Unit.objects.get(code="17020")
    assert old.successor == new and str(old.valid_to) == "2025-06-30"
    assert new.parent == cast.root
    centre = Unit.objects.get(name="Trung tâm Trợ giúp pháp lý")
    assert centre.parent == cast.department and centre.kind == Unit.Kind.AFFILIATED
    entry = AuditEntry.objects.get(action="import.applied")
    assert entry.data["created"] == 3 and entry.data["file"] == run.file.name
    assert run.file.storage.exists(run.file.name)

    again = upload(admin, cast.province, "units", content)
    assert again.preview["created"] == again.preview["changed"] == 0
    assert again.preview["unchanged"] == 3
    count = Unit.objects.count()
    confirm(admin, again)
    assert Unit.objects.count() == count


BAD_UNITS = [
    (["1702", "Xã Sai Mã", "Xã", "40", None, None, None], "Mã đơn vị", "5 chữ số"),
    (["41", "Tỉnh Khác", "Tỉnh, thành phố", None, None, None, None], "Mã đơn vị", "40"),
    (["17030", "Xã Mồ Côi", "Xã", "99999", None, None, None], "Đơn vị cấp trên", "99999"),
    (["17031", "Xã Ngày Sai", "Xã", "40", "2025-07-01", None, None], "Hiệu lực từ", "dd/mm/yyyy"),
    (["17032", "Xã Loại Lạ", "Làng", "40", None, None, None], "Loại đơn vị", "Làng"),
    (["17011", "Xã Nghĩa Dũng", "Xã", "40", None, None, None], "Mã đơn vị", "Trùng với hàng 2"),
]


@pytest.mark.parametrize(("row", "column", "reason"), BAD_UNITS)
def test_a_bad_row_is_refused_with_its_row_and_column_and_nothing_is_saved(
    cast, admin, row, column, reason
):
    rows = [["17011", "Xã Nghĩa Dũng", "Xã", "40", None, None, None], row]
    before = Unit.objects.count()
    run = upload(admin, cast.province, "units", filled(template(admin, "units"), rows))
    assert run.status == "refused"
    assert [(r["row"], r["column"]) for r in run.refusals] == [(3, column)]
    assert reason in run.refusals[0]["message"]
    page = admin.get(reverse("organisation:import-detail", args=[run.pk])).content.decode()
    assert run.refusals[0]["message"] in page and "import-confirm" not in page
    response = admin.post(reverse("organisation:import-confirm", args=[run.pk]))
    assert response.status_code == 302
    assert Unit.objects.count() == before


def test_committees_and_routing_templates_imported(cast, admin):
    committees = [
        ["Ban Chỉ đạo QCDC xã Nghĩa Dũng", "17011", "Ban chỉ đạo", "Có", "Không", "Có"],
        ["Ban Chỉ đạo DVCQ xã Nghĩa Dũng", "Xã Nghĩa Dũng", None, "Không", "Có", None],
    ]
    run = confirm(admin, upload(admin, cast.province, "committees",
                                filled(template(admin, "committees"), committees)))  # fmt: skip
    assert run.status == "applied", run.refusals
    assert Committee.objects.filter(level_unit=cast.unit_a).count() == 2
    routing = [
        ["17011", "QCDC", "Ban Chỉ đạo QCDC xã Nghĩa Dũng", None, None],
        ["17011", "DVCQ", "Ban Chỉ đạo DVCQ xã Nghĩa Dũng", None, "Ban Dân vận Tỉnh ủy"],
    ]
    content = filled(template(admin, "routing"), routing)
    run = confirm(admin, upload(admin, cast.province, "routing", content))
    assert run.status == "applied", run.refusals
    rule = RoutingRule.objects.get(level_unit=cast.unit_a, field="dvcq")
    assert rule.copy_to == cast.party
    assert upload(admin, cast.province, "routing", content).preview["unchanged"] == 2

    bad = [["17011", "QCDC", "Ban Chỉ đạo DVCQ xã Nghĩa Dũng", None, None]]
    run = upload(admin, cast.province, "routing", filled(template(admin, "routing"), bad))
    assert [(r["row"], r["column"]) for r in run.refusals] == [(2, "Ban chỉ đạo nhận")]


def test_people_imported_are_invited_to_choose_a_password(
    cast, admin, django_capture_on_commit_callbacks
):
    people = [
        ["lethianh", "Lê Thị Ánh", "anh@example.vn", "Công chức", None, "Cán bộ đơn vị", "17011"],
        ["lethianh", "Lê Thị Ánh", "anh@example.vn", None, None, "Cán bộ ban chỉ đạo",
         "Ban Chỉ đạo QCDC tỉnh"],
        ["official_b", "Trần Thị Bình", "official_b@example.vn", None, None, "Cán bộ cấp tỉnh", None],
    ]  # fmt: skip
    content = filled(template(admin, "people"), people)
    run = upload(admin, cast.province, "people", content)
    assert run.status == "previewed", run.refusals
    with django_capture_on_commit_callbacks(execute=True):
        run = confirm(admin, run)
    assert run.status == "applied"
    person = User.objects.get(username="lethianh")
    assert not person.has_usable_password()
    assert set(person.role_assignments.values_list("role", flat=True)) == {
        "unit_official", "committee_staff"
    }  # fmt: skip
    assert RoleAssignment.objects.filter(user=cast.official_b, role="provincial_staff").exists()
    assert [m.to for m in mail.outbox] == [["anh@example.vn"]]
    assert "/accounts/reset/" in mail.outbox[0].body
    listed = admin.get(reverse("organisation:import-list")).content.decode()
    assert "lethianh" in listed
    again = upload(admin, cast.province, "people", content)
    assert again.preview["unchanged"] == 3

    outside = [["x1", "Người Ngoài", None, None, None, "Cán bộ đơn vị", "Xã Thạch Hà"]]
    run = upload(admin, cast.province, "people", filled(template(admin, "people"), outside))
    assert [(r["row"], r["column"]) for r in run.refusals] == [(2, "Phạm vi (đơn vị hoặc ban)")]
    assert not User.objects.filter(username="x1").exists()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_csv_in_each_encoding_excel_writes(cast, admin, encoding):
    separator = "\t" if encoding == "utf-16" else ","
    lines = ["Mã đơn vị,Tên đơn vị,Loại đơn vị,Đơn vị cấp trên,Hiệu lực từ",
             "17040,Phường Trường Vinh,Phường,40,01/07/2025"]  # fmt: skip
    content = "\r\n".join(line.replace(",", separator) for line in lines).encode(encoding)
    run = upload(admin, cast.province, "units", content, name="don-vi.csv")
    assert run.status == "previewed", run.refusals
    confirm(admin, run)
    assert Unit.objects.get(code="17040").name == "Phường Trường Vinh"


def test_only_administrators_import(cast, client_of):
    for user in (cast.official_a, cast.provincial, cast.qcdc_staff):
        response = client_of(user).get(reverse("organisation:import-list"))
        assert response.status_code == 403


def test_a_file_that_is_not_a_table_is_refused_at_the_field(cast, admin):
    response = admin.post(
        reverse("organisation:import-list"),
        {"province": cast.province.pk, "kind": "units",
         "file": SimpleUploadedFile("x.csv", b"%PDF-1.4 not a table")},
    )  # fmt: skip
    assert response.status_code == 200
    assert "Tệp này không phải là tệp văn bản CSV." in response.content.decode()
    assert not ImportRun.objects.exists()


def test_the_command_imports_and_a_dry_run_saves_nothing(cast, tmp_path, capsys):
    from django.core.management import call_command

    path = tmp_path / "units.csv"
    path.write_text("Mã đơn vị,Tên đơn vị,Loại đơn vị,Đơn vị cấp trên\n17050,Xã Mới,Xã,40\n",
                    encoding="utf-8-sig")  # fmt: skip
    call_command("import_data", "units", str(path), province="40", dry_run=True)
    assert "1 would be created" in capsys.readouterr().out
    assert not Unit.objects.filter(code="17050").exists()
    call_command("import_data", "units", str(path), province="40")
    assert Unit.objects.filter(code="17050").exists()
    call_command("import_data", "units", str(path), province="40")
    assert "0 created, 0 changed, 1 unchanged" in capsys.readouterr().out


def test_a_large_file_goes_through_the_background_jobs_with_a_progress_page(
    cast, admin, settings, django_capture_on_commit_callbacks
):
    settings.IMPORT_INLINE_BYTES, settings.IMPORT_INLINE_ROWS = 100, 1
    rows = [[f"{17100 + n}", f"Xã Số {n}", "Xã", "40", None, None, None] for n in range(30)]
    content = filled(template(admin, "units"), rows)
    with django_capture_on_commit_callbacks() as callbacks:
        run = upload(admin, cast.province, "units", content)
    assert run.status == "previewing"
    page = admin.get(reverse("organisation:import-detail", args=[run.pk])).content.decode()
    assert 'data-testid="import-progress"' in page and 'http-equiv="refresh"' in page
    for callback in callbacks:
        callback()  # the worker runs the preview job
    status = admin.get(reverse("organisation:import-status", args=[run.pk])).json()
    assert status["status"] == "previewed" and not status["working"]
    with django_capture_on_commit_callbacks() as callbacks:
        run = confirm(admin, run)
    assert run.status == "applying" and not Unit.objects.filter(code="17100").exists()
    for callback in callbacks:
        callback()
    run.refresh_from_db()
    assert run.status == "applied" and Unit.objects.filter(code__startswith="171").count() == 30


def test_a_changed_row_is_previewed_as_a_change_and_applied(cast, admin):
    rows = [["17011", "Xã Nghĩa Dũng (mới)", "Xã", "40", None, "30/06/2025", "17014"]]
    run = upload(admin, cast.province, "units", filled(template(admin, "units"), rows))
    assert (run.preview["changed"], run.preview["created"]) == (1, 0)
    changes = run.preview["actions"][0]["changes"]
    assert changes["name"] == ["Xã Nghĩa Dũng", "Xã Nghĩa Dũng (mới)"]
    assert changes["valid_to"] == ["—", "30/06/2025"]
    confirm(admin, run)
    cast.unit_a.refresh_from_db()
    assert cast.unit_a.name == "Xã Nghĩa Dũng (mới)" and cast.unit_a.successor == cast.unit_b


SPLIT = [
    ["17020", "Xã Nghĩa Đàn", "Xã", "40", "01/07/2025", None, None],
    ["17022", "Xã Nghĩa Hưng (cũ)", "Xã", "40", "01/01/2020", "30/06/2025",
     "17020:40; 17014:60"],
]  # fmt: skip


def test_a_commune_split_among_several_successors_with_their_shares(cast, admin):
    """R2: one old commune divided between a new commune of the file (40%) and an existing
    ward (60%): the larger share is `Unit.successor`, both shares are kept; twice is once."""
    from organisation.models import UnitSuccession

    content = filled(template(admin, "units"), SPLIT)
    run = confirm(admin, upload(admin, cast.province, "units", content))
    assert run.status == "applied", run.refusals
    old = Unit.objects.get(code="17022")
    assert old.successor == cast.unit_b
    assert sorted(
        UnitSuccession.objects.filter(predecessor=old).values_list(
            "successor__code", "share_percent"
        )
    ) == [("17014", 60), ("17020", 40)]
    again = upload(admin, cast.province, "units", content)
    assert again.preview["changed"] == 0 and again.preview["unchanged"] == 2
    confirm(admin, again)
    assert UnitSuccession.objects.filter(predecessor=old).count() == 2


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("17020:60; 17014:30", "tổng 90%"),
        ("17020:60; 17014", "mã:tỷ lệ"),
        ("17020:0; 17014:100", "mã:tỷ lệ"),
        ("17020:50; 17020:50", "hai lần"),
        ("17020:50; 99999:50", "99999"),
    ],
)
def test_shares_not_summing_to_100_are_refused_at_the_row_and_column(cast, admin, cell, reason):
    rows = [SPLIT[0], [*SPLIT[1][:6], cell]]
    run = upload(admin, cast.province, "units", filled(template(admin, "units"), rows))
    assert run.status == "refused"
    assert [(r["row"], r["column"]) for r in run.refusals] == [(3, "Đơn vị kế thừa")]
    assert reason in run.refusals[0]["message"], run.refusals[0]["message"]
    assert not Unit.objects.filter(code="17020").exists()


def test_the_progress_page_follows_the_apply_step_every_1000_rows(cast, admin, monkeypatch):
    """2,600 new communes applied in one transaction: while it runs, the import's page and its
    status answer 38% then 76% (from the cache, as the row is not committed yet), then 100%."""
    from django.core.files.base import ContentFile

    from organisation.imports import progress
    from organisation.services import imports as service

    rows = [[f"{20000 + n}", f"Xã Thử {n}", "Xã", "40", None, None, None] for n in range(2600)]
    content = filled(template(admin, "units"), rows)
    run = service.import_upload(
        province=cast.province, kind="units", file=ContentFile(content, name="x.xlsx"),
        file_name="don-vi.xlsx", by=cast.admin, background=False,
    )  # fmt: skip
    assert run.status == "previewed" and run.rows == 2600
    status_url = reverse("organisation:import-status", args=[run.pk])
    detail_url = reverse("organisation:import-detail", args=[run.pk])
    seen, original = [], progress.Progress.advance

    def advance(self, rows=1):
        original(self, rows)
        if self.done % 1000 == 0:
            percent = admin.get(status_url).json()["progress"]
            page = admin.get(detail_url).content.decode()
            seen.append((percent, f'value="{percent}"' in page))

    monkeypatch.setattr(progress.Progress, "advance", advance)
    run = service.import_confirm(run=run, by=cast.admin, background=False)
    assert run.status == "applied"
    assert seen == [(38, True), (76, True)]
    assert admin.get(status_url).json()["progress"] == 100
    assert Unit.objects.filter(name__startswith="Xã Thử").count() == 2600
