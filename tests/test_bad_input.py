"""R34, bad input everywhere: hypothesis posts arbitrary text, numbers, dates and files to every
form of the app. Never a server error; and when the answer is an error, nothing was saved —
no row changed, no file written.

Each CASE names a form: who sends it, where, and a valid submission. Every example starts from
the valid submission and replaces some of its fields by hostile values (or leaves them out), so
examples reach past the first validation into the services. Add your app's forms to CASES.

Examples per form: 25 (the "ci" profile, fresh ones each run); `HYPOTHESIS_PROFILE=thorough` runs 150 (about 40 minutes).

A response counts as an error when it is a 4xx, a form shown again (200 to a POST), or a redirect
carrying an error message; anything else is a success, allowed to change the database.
"""

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.apps import apps
from django.conf import settings as django_settings
from django.contrib.messages import constants as message_levels
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as examples
from hypothesis import strategies as st

from core.tests.upload_samples import PDF, PNG, docx
from organisation.tests.factories import UserFactory, assign
from recognition.tests.factories import recognition_history
from registry import services
from registry.tests.factories import make_bright_spot
from registry.tests.test_bright_spot_form import form_data
from reminders.services import unsubscribe_token
from reminders.tests.factories import make_notification

MOMENT = datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
APPS = ["registry", "brightspots", "recognition", "reporting", "reminders"]

# --- hostile values ------------------------------------------------------------------------------
WORDS = st.sampled_from([
    "", " ", "\x00", "\u202e", "\t\r\n", "<script>alert(1)</script>", "' OR 1=1 --", "=HYPERLINK(\"x\")",
    "{{ 7*7 }}", "%s%n", "../../etc/passwd", "Nghĩa Dũng", "Nghi\u0303a Du\u0303ng", "🙂" * 60,
    "đ" * 301, "a" * 10_001, "null", "None", "true", "[]", "{}",
])  # fmt: skip
TEXT = st.one_of(WORDS, st.text(max_size=80), st.text(min_size=290, max_size=320))
NUMBERS = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["1e309", "-0", "0x10", "١٢", "99999999999999999999", "1,5", " 7 ", "07"]),
)
DATES = st.one_of(
    st.dates().map(lambda d: d.strftime("%d/%m/%Y")),
    st.dates().map(str),
    st.sampled_from(["31/02/2026", "29/02/2025", "00/00/0000", "32/13/2026", "1/1/1", "30/03/99999",
                     "2026-03-30T25:61", "30-03-2026", "30/03/2026 ", "tháng 3"]),
)  # fmt: skip
ANY = st.one_of(TEXT, NUMBERS, DATES)
OMIT = object()


def files():
    names = st.one_of(st.sampled_from(["ke-hoach.pdf", "a.png", "x.docx", "y.xlsx", "z.exe"]), TEXT)
    contents = st.one_of(
        st.sampled_from([PDF, PNG, docx(), b"", b"PK\x03\x04"]), st.binary(max_size=300)
    )
    return st.builds(lambda n, c: SimpleUploadedFile(sent_name(n), c), names, contents)


def sent_name(name: str) -> str:
    """The name a browser sends: the file's own name, never a path; a name that is only a path
    ("x/", "..") cannot be sent at all (Django refuses to build such an upload)."""
    base = os.path.basename(name)
    return base if base not in {"", ".", ".."} else "f"


@st.composite
def submissions(draw, valid: dict, file_fields=()):
    """The valid submission with some fields replaced by hostile values, or left out."""
    data = {}
    for name, value in valid.items():
        how = draw(st.integers(0, 4))
        if how <= 1:
            data[name] = value
        elif how == 2:
            data[name] = OMIT
        elif isinstance(value, list):
            data[name] = draw(st.lists(ANY, max_size=4))
        else:
            data[name] = draw(ANY)
    for name in file_fields:
        data[name] = draw(st.one_of(st.just(OMIT), files()))
    return {name: value for name, value in data.items() if value is not OMIT}


# --- the forms ---------------------------------------------------------------------------------
@dataclass
class Case:
    user: str | None  # attribute of the scene, None for an anonymous visitor
    url: object  # scene -> URL
    valid: object  # scene -> a valid submission
    method: str = "post"
    file_fields: tuple = ()
    # (client, scene) -> URL, for a form reached through another page first (a reset link)
    prepare: object = None


def bright_spot_data(scene):
    return form_data()


def reset_link(user) -> str:
    """The link of a password-reset e-mail; opening it leads to the set-password form."""
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    return reverse(
        "password_reset_confirm",
        args=[
            urlsafe_base64_encode(force_bytes(user.pk)),
            default_token_generator.make_token(user),
        ],
    )


def dossier_report_data(scene):
    """Part 1 of unit A's draft dossier: every criterion assessed, and the four texts."""
    dossier = scene.dossier_draft
    data = {
        "version": str(dossier.version), "method": "Giao nhiệm vụ cụ thể cho từng chi bộ",
        "experience": "Người đứng đầu gương mẫu", "effectiveness": "100% hộ đồng thuận",
        "spread": "Nhân rộng ra 5 xóm",
    }  # fmt: skip
    for assessment in dossier.assessments.all():
        key = assessment.criterion_id
        data |= {f"level_{key}": "achieved", f"text_{key}": "Đạt", f"evidence_{key}": "Biên bản"}
    return data


def score_data(scene):
    """The QCDC reviewer's verdict on every criterion of unit A's dossier under review."""
    data = {"comment": "Hồ sơ đầy đủ"}
    for assessment in scene.dossier_review.assessments.all():
        data |= {
            f"verdict_{assessment.criterion_id}": "met",
            f"comment_{assessment.criterion_id}": "",
        }
    return data


def recognition_url(name, *attributes, query=""):
    """scene -> the URL of a recognition page whose arguments are scene attributes."""

    def url(scene):
        args = [getattr(scene, a).pk if hasattr(getattr(scene, a), "pk") else getattr(scene, a)
                for a in attributes]  # fmt: skip
        return reverse(f"recognition:{name}", args=args) + (f"?{query}" if query else "")

    return url


LIBRARY_SEARCH = {"q": "diem sang qcdc", "field": "qcdc", "year": "2025", "province": "40",
                  "locality": "Đông Vĩnh"}  # fmt: skip

CASES = {
    "bright-spot-create": Case(
        "official_a", lambda s: reverse("registry:bright-spot-create", args=[s.unit_a.pk]) + "?year=2026",
        bright_spot_data, file_fields=("plan_file",),
    ),
    "bright-spot-edit": Case(
        "official_a", lambda s: reverse("registry:bright-spot-edit", args=[s.draft.pk]),
        lambda s: form_data(version=str(s.draft.version)), file_fields=("plan_file",),
    ),
    "bright-spot-review": Case(
        "qcdc_staff", lambda s: reverse("registry:bright-spot-review", args=[s.submitted.pk]),
        lambda s: {"decision": "return", "comment": "Bổ sung kế hoạch", "version": str(s.submitted.version)},
    ),
    "bright-spot-withdraw": Case(
        "official_a", lambda s: reverse("registry:bright-spot-withdraw", args=[s.submitted.pk]),
        lambda s: {"reason": "Trùng nội dung", "version": str(s.submitted.version)},
    ),
    "bright-spot-resubmit": Case(
        "official_a", lambda s: reverse("registry:bright-spot-resubmit", args=[s.submitted.pk]),
        lambda s: {"version": str(s.submitted.version)},
    ),
    "bright-spot-delete": Case(
        "official_a", lambda s: reverse("registry:bright-spot-delete", args=[s.draft.pk]),
        lambda s: {"confirm": "yes"},
    ),
    "registration-submit": Case(
        "official_b", lambda s: reverse("registry:registration-submit", args=[s.unit_b.pk, 2026]),
        lambda s: {"year": "2026"},
    ),
    "progress-add": Case(
        "official_a", lambda s: reverse("registry:progress-add", args=[s.submitted.pk]),
        lambda s: {"day": "09/03/2026", "text": "Đã khảo sát", "milestone": str(s.milestone.pk)},
        file_fields=("evidence",),
    ),
    "milestone-update": Case(
        "official_a", lambda s: reverse("registry:milestone-update", args=[s.milestone.pk]),
        lambda s: {"status": "in_progress", "percent": "40"},
    ),
    "annual-report": Case(
        "official_a", lambda s: reverse("registry:annual-report", args=[s.unit_a.pk]) + "?year=2026",
        lambda s: {"summary": "Hoàn thành", "next_year_plan": "Nhân rộng",
                   f"results_{s.submitted.pk}": "Đạt", f"next_{s.submitted.pk}": "Tiếp tục",
                   f"results_{s.dvcq_spot.pk}": "Đạt", "submit": "1"},
    ),
    "committee-plan": Case(
        "qcdc_staff", lambda s: reverse("registry:committee-plan", args=[s.qcdc.pk]) + "?year=2026",
        lambda s: {"number": "45/KH-UBND", "date": "10/01/2026", "target_qcdc": "135",
                   "target_dvcq": "136", "document": SimpleUploadedFile("ke-hoach.pdf", PDF)},
        file_fields=("document",),
    ),
    "inspection-record": Case(
        "party_staff",
        lambda s: reverse("registry:committee-inspections", args=[s.party.pk]) + "?year=2026",
        lambda s: {"unit": str(s.unit_a.pk), "bright_spot": str(s.submitted.pk),
                   "date": "05/03/2026", "team": "Đoàn kiểm tra số 2",
                   "findings": "Triển khai đúng kế hoạch", "requests": "Bổ sung biên bản",
                   "follow_up_due": "20/03/2026"},
    ),
    "inspection-answer": Case(
        "official_a", lambda s: reverse("registry:inspection-detail", args=[s.inspection.pk]),
        lambda s: {"answer": "Đã bổ sung biên bản hội nghị"},
    ),
    "committee-extensions": Case(
        "qcdc_staff", lambda s: reverse("registry:committee-extensions", args=[s.qcdc.pk]) + "?year=2026",
        lambda s: {"unit": str(s.unit_b.pk), "kind": "registration", "until": "15/04/2026",
                   "reason": "Thiên tai"},
    ),
    "committee-extension-refuse": Case(
        "qcdc_staff", lambda s: reverse("registry:committee-extensions", args=[s.qcdc.pk]) + "?year=2026",
        lambda s: {"unit": str(s.unit_b.pk), "kind": "registration", "refuse": "on",
                   "reason": "Không có lý do chính đáng"},
    ),
    "login": Case(
        None, lambda s: reverse("login"),
        lambda s: {"username": "official_a", "password": "correct-horse-battery", "next": "/"},
    ),
    "password-reset": Case(
        None, lambda s: reverse("password_reset"), lambda s: {"email": "official_a@example.vn"}
    ),
    "password-reset-confirm": Case(
        None, None,
        lambda s: {"new_password1": "Dân vận khéo 2026!", "new_password2": "Dân vận khéo 2026!"},
        prepare=lambda client, s: client.get(reset_link(s.official_b))["Location"],
    ),
    "password-change": Case(
        "official_a", lambda s: reverse("password_change"),
        lambda s: {"old_password": "correct-horse-battery", "new_password1": "Dân vận khéo 2026!",
                   "new_password2": "Dân vận khéo 2026!"},
    ),
    "language": Case(
        "official_a", lambda s: reverse("language-set"), lambda s: {"language": "en", "next": "/"}
    ),
    "inbox-filters": Case(
        "qcdc_staff", lambda s: reverse("registry:committee-inbox", args=[s.qcdc.pk]),
        lambda s: {"q": "đối thoại", "year": "2026", "field": "qcdc", "level": "province",
                   "status": "submitted", "timeliness": "on_time", "reviewed": "false",
                   "unit": str(s.unit_a.pk), "ordering": "-submitted_at", "page": "1"},
        method="get",
    ),
    "inbox-csv-filters": Case(
        "qcdc_staff", lambda s: reverse("registry:committee-inbox-csv", args=[s.qcdc.pk]),
        lambda s: {"q": "đối", "year": "2026", "unit": str(s.unit_a.pk)}, method="get",
    ),
    "unit-search": Case(
        "qcdc_staff", lambda s: reverse("organisation:unit-search"), lambda s: {"q": "nghia dung"},
        method="get",
    ),
    "unit-year": Case(
        "official_a", lambda s: reverse("registry:unit-year", args=[s.unit_a.pk]),
        lambda s: {"year": "2026"}, method="get",
    ),
    "non-compliant": Case(
        "qcdc_staff", lambda s: reverse("registry:committee-non-compliant", args=[s.qcdc.pk]),
        lambda s: {"year": "2026", "page": "1"}, method="get",
    ),
    "registration-dispatch-upload": Case(
        "official_a", lambda s: reverse("registry:registration-dispatch-upload", args=[s.unit_a.pk, 2026]),
        lambda s: {}, file_fields=("file",),
    ),
    "annual-report-upload": Case(
        "official_a", lambda s: reverse("registry:annual-report-upload", args=[s.unit_a.pk, 2026]),
        lambda s: {}, file_fields=("file",),
    ),
    "annual-reports": Case(
        "provincial", lambda s: reverse("registry:annual-reports"), lambda s: {"year": "2026"},
        method="get",
    ),
    "reminder-setting": Case(
        "admin", lambda s: reverse("reminders:setting-edit", args=[s.province.pk, "registration"]),
        lambda s: {"enabled": "on", "milestones": "30, 14, 7, 3, 1",
                   "subject_vi": "Nhắc {unit}: hạn {deadline} (còn {days})", "body_vi": "{unit}: {missing}",
                   "subject_en": "", "body_en": "{unit} must register by {deadline}."},
    ),
    "import-upload": Case(
        "admin", lambda s: reverse("organisation:import-list"),
        lambda s: {"province": str(s.province.pk), "kind": "units"}, file_fields=("file",),
    ),
    "notification-read": Case(
        "official_a", lambda s: reverse("reminders:notification-read", args=[s.notification.pk]),
        lambda s: {"then": "open"},
    ),
    "message-choices": Case(
        "official_a", lambda s: reverse("reminders:choices"),
        lambda s: {"bright_spot_returned": "off", "registration": "digest", "list_submitted": "each"},
    ),
    "unsubscribe": Case(
        None, lambda s: reverse("reminders:unsubscribe", args=[s.unsubscribe_token]),
        lambda s: {"List-Unsubscribe": "One-Click"},
    ),
    "notifications-page": Case(
        "official_a", lambda s: reverse("reminders:notifications"), lambda s: {"page": "2"},
        method="get",
    ),
    # --- recognition (R16–R24) -------------------------------------------------------------------
    "dossier-report": Case(
        "official_a", recognition_url("dossier-part", "dossier_draft", "part_report"),
        dossier_report_data, file_fields=("report_file",),
    ),
    "dossier-evaluation": Case(
        "official_a", recognition_url("dossier-part", "dossier_draft", "part_evaluation"),
        lambda s: {"version": str(s.dossier_draft.version),
                   "evaluation_by": "Ban Dân vận Đảng ủy xã",
                   "evaluation_summary": "Mô hình hiệu quả, được Nhân dân đồng tình"},
        file_fields=("evaluation_file",),
    ),
    "dossier-dispatch": Case(
        "official_a", recognition_url("dossier-part", "dossier_draft", "part_dispatch"),
        lambda s: {"version": str(s.dossier_draft.version), "dispatch_number": "45/TTr-UBND",
                   "dispatch_date": "05/03/2026", "dispatch_signer": "Nguyễn Văn Cường"},
        file_fields=("dispatch_file",),
    ),
    "dossier-submit": Case(
        "official_a", recognition_url("dossier-submit", "dossier_draft"),
        lambda s: {"version": str(s.dossier_draft.version)},
    ),
    "dossier-score": Case(
        "qcdc_staff", recognition_url("dossier-score", "dossier_review"), score_data
    ),
    "dossier-supplement": Case(
        "qcdc_staff", recognition_url("dossier-supplement", "dossier_review"),
        lambda s: {"note": "Bổ sung biên bản hội nghị đối thoại", "due": "20/03/2026",
                   "version": str(s.dossier_review.version)},
    ),
    "dossier-propose": Case(
        "qcdc_staff", recognition_url("dossier-propose", "dossier_review"),
        lambda s: {"proposal": "not_recognize", "reasons": "Chưa chứng minh được sức lan tỏa",
                   "version": str(s.dossier_review.version)},
    ),
    "assign-reviewers": Case(
        "qcdc_staff", recognition_url("assign-reviewers", "qcdc"),
        lambda s: {"dossiers": [str(s.dossier_review.pk)], "reviewers": [str(s.qcdc_staff.pk)],
                   "query": "year=2025&page=1"},
    ),
    "decision-record": Case(
        "dvcq_staff", recognition_url("decision-create", "dvcq", query="year=2025"),
        lambda s: {"authority": str(s.authority.pk), "number": "130", "date": "01/12/2025",
                   "dossiers": [str(s.dossier_awaiting.pk)],
                   "legal_bases": "Căn cứ Luật Thi đua, khen thưởng;"},
    ),
    "dossier-follow-up": Case(
        "qcdc_staff", recognition_url("dossier-follow-up", "dossier_recognized"),
        lambda s: {"year": "2026", "outcome": "no_longer_model",
                   "reason": "Mô hình không còn duy trì"},
    ),
    "decision-annul": Case(
        "qcdc_staff", recognition_url("decision-annul", "decision"),
        lambda s: {"reason": "Nhầm đối tượng được công nhận"},
    ),
    "decision-final": Case(
        "qcdc_staff", recognition_url("decision-final", "decision"), lambda s: {},
        file_fields=("file",),
    ),
    "verify-file": Case(None, lambda s: reverse("recognition:verify-file"), lambda s: {},
                        file_fields=("file",)),
    "commendation-proposal": Case(
        "qcdc_staff", recognition_url("committee-commendation", "qcdc"),
        lambda s: {"period_start": "2026", "council": "Hội đồng Thi đua - Khen thưởng tỉnh"},
    ),
    "commendation-select": Case(
        "qcdc_staff", recognition_url("proposal-select", "proposal"),
        lambda s: {"recognitions": [str(s.recognition.pk)]},
    ),
    "commendation-outcome": Case(
        "dvcq_staff", recognition_url("proposal-outcome", "dvcq_proposal", "dvcq_entry"),
        lambda s: {"outcome": "merit", "reference": "Quyết định số 3120/QĐ-UBND ngày 20/12/2025"},
    ),
    "unit-commendation": Case(
        "official_a", recognition_url("unit-commendations", "unit_a"),
        lambda s: {"bright_spot": str(s.accepted_a_qcdc.pk),
                   "form": "Giấy khen của Chủ tịch UBND xã",
                   "reference": "Số 12/QĐ-UBND ngày 05/01/2026", "note": "Khen thưởng cuối năm"},
    ),
    "dossier-filters": Case(
        "qcdc_staff", recognition_url("committee-dossiers", "qcdc"),
        lambda s: {"q": "dân chủ", "year": "2025", "field": "qcdc", "status": "submitted",
                   "reviewed": "mine", "page": "1"},
        method="get",
    ),
    "unit-dossiers": Case(
        "official_a", recognition_url("unit-dossiers", "unit_a"), lambda s: {"year": "2025"},
        method="get",
    ),
    "library-filters": Case(
        None, recognition_url("library"), lambda s: {**LIBRARY_SEARCH, "page": "1"}, method="get"
    ),
    "open-data-csv": Case(
        None, recognition_url("open-data-csv"), lambda s: LIBRARY_SEARCH, method="get"
    ),
    "open-data-json": Case(
        None, recognition_url("open-data-json"), lambda s: LIBRARY_SEARCH, method="get"
    ),
    "verify-search": Case(
        None, recognition_url("verify-search"), lambda s: {"serial": "40-2025-000001"}, method="get"
    ),
}  # fmt: skip


# --- the check ---------------------------------------------------------------------------------
def database_state() -> dict:
    """Every row of the project's own tables (sessions and login throttling left out)."""
    state = {}
    for label in APPS:
        if label not in {config.label for config in apps.get_app_configs()}:
            continue
        for model in apps.get_app_config(label).get_models():
            state[model._meta.label] = list(model.objects.order_by("pk").values())
    return state


def stored_files() -> set[str]:
    root = Path(django_settings.MEDIA_ROOT)
    return {str(path) for path in root.rglob("*") if path.is_file()} if root.exists() else set()


def is_error(response) -> bool:
    if response.status_code >= 400 or (
        response.status_code == 200 and response.request["REQUEST_METHOD"] == "POST"
    ):
        return True
    queued = getattr(getattr(response.wsgi_request, "_messages", None), "_queued_messages", [])
    return any(message.level >= message_levels.ERROR for message in queued)


@pytest.fixture
def scene(cast):
    with time_machine.travel(MOMENT, tick=False):
        submitted = make_bright_spot(cast.unit_a, field="qcdc", name="Đối thoại định kỳ")
        dvcq_spot = make_bright_spot(cast.unit_a, field="dvcq", name="Một cửa thân thiện")
        services.registration_submit(unit=cast.unit_a, year=2026, by=cast.official_a)
        make_bright_spot(cast.unit_b, field="qcdc")
        make_bright_spot(cast.unit_b, field="dvcq")
        draft = make_bright_spot(cast.unit_a, field="qcdc", name="Bản nháp")
        submitted.refresh_from_db()
        dvcq_spot.refresh_from_db()
        # The recognition rounds of 2024 and 2025: dossiers, Decisions, proposals (no PDFs).
        history = recognition_history(cast, certificates=False)
        notification = make_notification(cast.official_a)
        party_staff = UserFactory(username="party_staff")
        assign(party_staff, "committee_staff", committee=cast.party)
        # A draft annual report of unit A, to file its signed paper on (issue 13).
        services.annual_report_save(
            unit=cast.unit_a, year=2026, summary="Hoàn thành", next_year_plan="Nhân rộng",
            results={submitted.pk: ("Đạt", "")}, by=cast.official_a,
        )  # fmt: skip
        inspection = services.inspection_record(
            committee=cast.party, unit=cast.unit_a, date=MOMENT.date(), team="Đoàn kiểm tra",
            findings="Đúng kế hoạch", follow_up_due=MOMENT.date(), by=party_staff,
        )  # fmt: skip
        yield type(cast)(
            inspection=inspection, party_staff=party_staff,
            **vars(cast), submitted=submitted, dvcq_spot=dvcq_spot, draft=draft,
            milestone=submitted.milestones.first(), **history, part_report="report",
            part_evaluation="evaluation", part_dispatch="dispatch", notification=notification,
            unsubscribe_token=unsubscribe_token(cast.official_a, ["bright_spot_returned"]),
        )  # fmt: skip


@pytest.mark.parametrize("name", CASES)
@examples(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(draw=st.data())
def test_no_input_breaks_a_form_or_saves_half(name, scene, draw):
    case = CASES[name]
    client = Client()
    if case.user:
        client.force_login(getattr(scene, case.user))
    data = draw.draw(submissions(case.valid(scene), case.file_fields), label="submission")
    url = case.prepare(client, scene) if case.prepare else case.url(scene)
    with time_machine.travel(MOMENT, tick=False), transaction.atomic():
        before, files_before = database_state(), stored_files()
        send = client.get if case.method == "get" else client.post
        response = send(url, data)
        if response.streaming:  # a download fails while it streams, not when it starts
            b"".join(response.streaming_content)
        after, files_after = database_state(), stored_files()
        transaction.set_rollback(True)  # the next example starts from the same scene
    assert response.status_code < 500
    if case.method == "get":
        assert after == before, "a GET changed the database"
    if is_error(response):
        changed = [label for label in after if after[label] != before[label]]
        assert not changed, f"an error answer ({response.status_code}) still changed {changed}"
        assert files_after == files_before, "an error answer still stored a file"
