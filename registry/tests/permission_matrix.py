"""Permission matrix rows for the registry's URLs (R30).

Format: tests/test_permission_matrix.py. Columns: offA offB qcdc dvcq prov othr admn anon.
Everything is seen from unit A's side: its list is submitted (one QCDC bright spot to the QCDC
committee through the Party's Mass Mobilization Committee, one DVCQ bright spot to the DVCQ
committee through Home Affairs with a copy to the Party's committee), and a new draft was started.
"""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from core.tests.upload_samples import PDF
from organisation.tests.factories import UserFactory, assign
from registry import services
from registry.tests.factories import make_bright_spot
from tests.permission_matrix import Row


def objects(world):
    unit_a, official = world.unit_a, world.official_a
    qcdc = make_bright_spot(
        unit_a,
        field="qcdc",
        name="Đối thoại định kỳ với Nhân dân",
        plan_file=SimpleUploadedFile("Kế hoạch năm 2026.pdf", PDF),
    )
    dvcq = make_bright_spot(unit_a, field="dvcq", name="Một cửa thân thiện")
    services.registration_submit(unit=unit_a, year=world.year, by=official)
    qcdc.refresh_from_db()
    dvcq.refresh_from_db()
    entry = services.progress_add(
        bright_spot=qcdc,
        day=date(2026, 3, 9),
        text="Đã khảo sát 5 thôn",
        by=official,
        evidence=SimpleUploadedFile("biên bản.pdf", PDF),
    )
    services.annual_report_save(
        unit=unit_a,
        year=world.year,
        summary="Hoàn thành kế hoạch",
        next_year_plan="Nhân rộng",
        results={qcdc.pk: ("Đạt", ""), dvcq.pk: ("Đạt", "")},
        by=official,
    )
    report = services.annual_report_submit(unit=unit_a, year=world.year, by=official)
    services.registration_dispatch_file(
        unit=unit_a,
        year=world.year,
        file=SimpleUploadedFile("Công văn đăng ký.pdf", PDF),
        by=official,
    )
    report = services.annual_report_file(
        report=report, file=SimpleUploadedFile("Báo cáo đã ký.pdf", PDF), by=official
    )
    draft = make_bright_spot(unit_a, field="qcdc", name="Bản nháp mô hình mới")
    province_plan = services.level_plan_save(
        committee=world.qcdc, year=world.year, number="45/KH-UBND", date=date(2026, 1, 10),
        target_qcdc=135, target_dvcq=136, by=world.qcdc_staff,
        document=SimpleUploadedFile("Kế hoạch tỉnh.pdf", PDF),
    )  # fmt: skip
    inspector = UserFactory(username="bdv_inspector")
    assign(inspector, "committee_staff", committee=world.party)
    inspection = services.inspection_record(
        committee=world.party, unit=unit_a, date=date(2026, 3, 5), team="Đoàn kiểm tra số 1",
        findings="Triển khai đúng kế hoạch", follow_up_due=date(2026, 3, 20), by=inspector,
    )  # fmt: skip
    return {
        "inspection": inspection,
        "province_plan": province_plan,
        "submitted_qcdc": qcdc,
        "submitted_dvcq": dvcq,
        "draft_a": draft,
        "milestone": qcdc.milestones.first(),
        "progress_entry": entry,
        "annual_report": report,
    }


ROWS = [
    # --- units and their year ------------------------------------------------------------------------
    #                                                          offA  offB  qcdc  dvcq  prov  othr  admn  anon
    Row("organisation:unit-detail", "unit_a",                get="  200   404   200   200   200   404   200   login",
                                                         post=" 200   404   200   200   200   404   200   login",
        note="committees read the units of their level's subtree; a read-only page ignores POST"),
    Row("organisation:unit-detail", "unit_b",                get="  404   200   200   200   200   404   200   login"),
    Row("organisation:unit-detail", "root",                  get="  404   404   200   200   200   404   200   login",
        note="an official reads their unit and below, not the province above"),
    Row("organisation:unit-detail", "other_unit",            get="  404   404   404   404   404   200   404   login"),
    Row("organisation:unit-search", query="q=ngh",           get="  200   200   200   200   200   200   200   login",
                                                         post=" 405   405   405   405   405   405   405   login",
        note="everyone searches, each within their own scope"),
    Row("registry:unit-year", "unit_a", query="year=2026",
                                                         get="  200   404   200   200   200   404   200   login",
                                                         post=" 200   404   200   200   200   404   200   login"),
    Row("registry:unit-year", "other_unit",              get="  404   404   404   404   404   200   404   login"),
    Row("registry:registration-dispatch", "unit_a year", get="  302   404   403   403   403   404   403   login",
                                                         post=" 405   405   405   405   405   405   405   login",
        note="the unit's own dispatch, for its officials: rendered in the background"),
    Row("registry:registration-dispatch", "unit_a year", query="format=pdf",
                                                         get="  302   404   403   403   403   404   403   login"),
    Row("registry:registration-dispatch-upload", "unit_a year",
                                                         get="  405   405   405   405   405   405   405   login",
                                                         post=" 200   404   403   403   403   404   403   login",
        note="the unit files the dispatch it signed (an empty form is shown again)"),
    Row("registry:registration-dispatch-file", "unit_a year",
                                                         get="  200   404   200   200   200   404   200   login",
                                                         post=" 405   405   405   405   405   405   405   login",
        note="the filed dispatch is read by whoever reads the unit"),
    Row("registry:registration-submit", "unit_a year",   get="  200   404   403   403   403   404   403   login",
                                                         post=" 302   404   403   403   403   404   403   login",
        note="only the unit's officials confirm (GET: what goes where) and submit; readers get 403"),
    Row("registry:bright-spot-create", "unit_a", query="year=2026",
                                                         get="  200   404   403   403   403   404   403   login",
                                                         post=" 200   404   403   403   403   404   403   login"),
    Row("registry:annual-report", "unit_a", query="year=2026",
                                                         get="  200   404   403   403   403   404   403   login",
                                                         post=" 200   404   403   403   403   404   403   login"),
    # --- bright spots ------------------------------------------------------------------------------------
    #                                                          offA  offB  qcdc  dvcq  prov  othr  admn  anon
    Row("registry:bright-spot-detail", "submitted_qcdc", get="  200   404   200   404   200   404   200   login",
                                                         post=" 200   404   200   404   200   404   200   login",
        note="a QCDC bright spot goes to the QCDC committee, not the DVCQ one (R8)"),
    Row("registry:bright-spot-detail", "submitted_dvcq", get="  200   404   404   200   200   404   200   login"),
    Row("registry:bright-spot-detail", "draft_a",        get="  200   404   404   404   404   404   404   login",
        note="a draft stays with its unit"),
    Row("registry:bright-spot-edit", "draft_a",          get="  200   404   404   404   404   404   404   login",
                                                         post=" 200   404   404   404   404   404   404   login"),
    Row("registry:bright-spot-edit", "submitted_qcdc",   get="  302   404   403   404   403   404   403   login",
                                                         post=" 302   404   403   404   403   404   403   login",
        note="a submitted bright spot is not editable: its official is sent back with a message"),
    Row("registry:bright-spot-delete", "draft_a",        get="  405   405   405   405   405   405   405   login",
                                                         post=" 302   404   404   404   404   404   404   login"),
    Row("registry:bright-spot-withdraw", "submitted_qcdc",
                                                         get="  405   405   405   405   405   405   405   login",
                                                         post=" 302   404   403   404   403   404   403   login"),
    Row("registry:bright-spot-resubmit", "submitted_qcdc",
                                                         get="  405   405   405   405   405   405   405   login",
                                                         post=" 302   404   403   404   403   404   403   login"),
    Row("registry:bright-spot-review", "submitted_qcdc", get="  405   405   405   405   405   405   405   login",
                                                         post=" 403   404   302   404   403   404   403   login",
        note="only staff of the receiving committee decide (R10)"),
    Row("registry:bright-spot-review", "submitted_dvcq", post=" 403   404   404   302   403   404   403   login"),
    Row("registry:bright-spot-plan-file", "submitted_qcdc",
                                                         get="  200   404   200   404   200   404   200   login",
                                                         post=" 405   405   405   405   405   405   405   login",
        note="an upload is served to exactly those who read its bright spot (R32)"),
    # --- during the year ---------------------------------------------------------------------------------
    #                                                          offA  offB  qcdc  dvcq  prov  othr  admn  anon
    Row("registry:progress-add", "submitted_qcdc",       get="  200   404   403   404   403   404   403   login",
                                                         post=" 200   404   403   404   403   404   403   login"),
    Row("registry:milestone-update", "milestone",        get="  405   405   405   405   405   405   405   login",
                                                         post=" 302   404   403   404   403   404   403   login"),
    Row("registry:progress-evidence", "progress_entry",  get="  200   404   200   404   200   404   200   login",
                                                         post=" 405   405   405   405   405   405   405   login"),
    Row("registry:annual-reports", query="year=2026",    get="  200   200   200   200   200   200   200   login",
                                                         post=" 200   200   200   200   200   200   200   login",
        note="a list of the reports in each user's own scope"),
    Row("registry:annual-report-paper", "unit_a year", query="format=pdf",
                                                         get="  302   404   403   403   403   404   403   login",
                                                         post=" 405   405   405   405   405   405   405   login",
        note="the unit's report as a paper to sign, for its officials: rendered in the background"),
    Row("registry:annual-report-upload", "unit_a year",  get="  405   405   405   405   405   405   405   login",
                                                         post=" 200   404   403   403   403   404   403   login"),
    Row("registry:annual-report-file", "annual_report",  get="  200   404   200   200   200   404   200   login",
                                                         post=" 405   405   405   405   405   405   405   login"),
    Row("registry:annual-report-detail", "annual_report",
                                                         get="  200   404   200   200   200   404   200   login",
                                                         post=" 200   404   200   200   200   404   200   login"),
    # --- committees ----------------------------------------------------------------------------------------
    #                                                          offA  offB  qcdc  dvcq  prov  othr  admn  anon
    Row("organisation:committee-detail", "qcdc",             get="  404   404   200   404   200   404   200   login",
                                                         post=" 404   404   200   404   200   404   200   login"),
    Row("organisation:committee-detail", "party",            get="  404   404   404   404   200   404   200   login"),
    Row("registry:committee-inbox", "qcdc",              get="  404   404   200   404   200   404   200   login",
                                                         post=" 404   404   200   404   200   404   200   login"),
    Row("registry:committee-inbox", "dvcq",              get="  404   404   404   200   200   404   200   login"),
    Row("registry:committee-inbox-csv", "qcdc",          get="  404   404   200   404   200   404   200   login",
                                                         post=" 404   404   200   404   200   404   200   login"),
    Row("registry:committee-non-compliant", "qcdc", query="year=2026",
                                                         get="  404   404   200   404   200   404   200   login",
                                                         post=" 404   404   200   404   200   404   200   login"),
    Row("registry:committee-extensions", "qcdc", query="year=2026",
                                                         get="  404   404   200   404   200   404   200   login",
                                                         post=" 404   404   200   404   403   404   403   login",
        note="provincial staff and administrators read the extensions; only the committee grants"),
    Row("registry:committee-plan", "qcdc", query="year=2026",
                                                         get="  404   404   200   404   200   404   200   login",
                                                         post=" 404   404   200   404   403   404   403   login",
        note="the level's yearly plan (R40): read by who reads the committee, recorded by its staff"),
    Row("registry:plan-document", "province_plan",       get="  404   404   200   200   200   404   200   login",
                                                         post=" 405   405   405   405   405   405   405   login",
        note="the province's plan document: for who reads the province's level"),
    Row("registry:committee-inspections", "qcdc", query="year=2026",
                                                         get="  404   404   200   404   200   404   200   login",
                                                         post=" 404   404   403   404   403   404   403   login",
        note="inspections (R40): a steering committee's own staff read, but do not inspect"),
    Row("registry:committee-inspections", "party", query="year=2026",
                                                         get="  404   404   404   404   200   404   200   login",
                                                         post=" 404   404   404   404   403   404   403   login",
        note="the Mass Mobilization Committee records them (test_inspections); the province reads"),
    Row("registry:inspection-detail", "inspection",      get="  200   404   404   404   200   404   200   login",
                                                         post=" 200   404   404   404   403   404   403   login",
        note="the unit inspected reads and answers; the agency and the province read"),
]  # fmt: skip
