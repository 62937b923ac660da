"""R36: every event reaches the person it concerns once, by e-mail and under the bell, in their
language, with a link to act, however often its job runs."""

from datetime import date

import pytest

from core import jobs
from core.models import Job
from organisation import events
from organisation.models import AuditEntry
from recognition import services as recognition_services
from recognition.tests.factories import (
    at,
    authority_for,
    cast_pair,
    fill,
    proposed,
    submitted_dossier,
)
from registry import services as registry_services
from registry.tests.factories import make_bright_spot
from reminders.models import Reminder
from reminders.tasks import deliver_reminder


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """run(fn): do it with its after-commit work (the e-mails) carried out in this process."""

    def call(fn, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return fn(*args, **kwargs)

    return call


def run_everything_again(action: str):
    """The event's teller runs again, and every delivery job twice more (a retry, a duplicate
    wake-up message): nobody may be told a second time."""
    for entry in AuditEntry.objects.filter(action=action):
        events.announce(entry)
    for job in Job.objects.filter(task=deliver_reminder.name):
        Job.objects.filter(pk=job.pk).update(done_at=None, run_after=job.created_at)
        jobs.run_job(job.pk, deliver_reminder.body)
        deliver_reminder.body(**job.kwargs)


def told(user, kind, mailoutbox):
    notes = list(Reminder.objects.filter(recipient=user, kind=kind))
    mails = [
        m for m in mailoutbox if m.to == [user.email] and any(m.subject == n.subject for n in notes)
    ]
    return notes, mails


def assert_told_once(user, kind, mailoutbox, *words):
    notes, mails = told(user, kind, mailoutbox)
    assert len(notes) == 1 and len(mails) == 1, (notes, [m.subject for m in mails])
    for word in words:
        assert word in notes[0].body and word in mails[0].body
    assert notes[0].link in mails[0].body
    assert "/messages/unsubscribe/" in mails[0].body
    assert mails[0].extra_headers["List-Unsubscribe"].startswith("<http")
    return notes[0]


@pytest.fixture
def submitted_spot(cast, run):
    with at(2026, 3, 10):
        spot = make_bright_spot(cast.unit_a, field="qcdc", name="Đối thoại định kỳ")
        make_bright_spot(cast.unit_a, field="dvcq", name="Một cửa thân thiện")
        run(registry_services.registration_submit, unit=cast.unit_a, year=2026, by=cast.official_a)
    spot.refresh_from_db()
    return spot


def test_a_returned_bright_spot_reaches_its_officials_once_with_the_comment(
    cast, submitted_spot, run, mailoutbox
):
    with at(2026, 3, 12):
        run(
            registry_services.bright_spot_review, bright_spot=submitted_spot, accept=False,
            comment="Bổ sung kết quả đạt được", version=submitted_spot.version, by=cast.qcdc_staff,
        )  # fmt: skip
    run_everything_again("bright_spot.returned")
    note = assert_told_once(
        cast.official_a, "bright_spot_returned", mailoutbox, "Bổ sung kết quả đạt được"
    )
    assert note.link == f"/bright-spots/{submitted_spot.pk}/"
    assert note.subject == "Điểm sáng “Đối thoại định kỳ” được trả lại để chỉnh sửa"
    assert not Reminder.objects.filter(recipient=cast.official_b).exists()


def test_accepted_then_resubmitted_reach_the_unit_and_the_committee(
    cast, submitted_spot, run, mailoutbox
):
    with at(2026, 3, 12):
        run(
            registry_services.bright_spot_review, bright_spot=submitted_spot, accept=False,
            comment="Sửa tên", version=submitted_spot.version, by=cast.qcdc_staff,
        )  # fmt: skip
        submitted_spot.refresh_from_db()
        run(
            registry_services.bright_spot_resubmit, bright_spot=submitted_spot,
            version=submitted_spot.version, by=cast.official_a,
        )  # fmt: skip
        submitted_spot.refresh_from_db()
        run(
            registry_services.bright_spot_review, bright_spot=submitted_spot, accept=True,
            comment="", version=submitted_spot.version, by=cast.qcdc_staff,
        )  # fmt: skip
    run_everything_again("bright_spot.resubmitted")
    run_everything_again("bright_spot.accepted")
    assert_told_once(cast.qcdc_staff, "bright_spot_resubmitted", mailoutbox, "Xã Nghĩa Dũng")
    assert_told_once(cast.official_a, "bright_spot_accepted", mailoutbox, "Ban Chỉ đạo QCDC tỉnh")
    assert not Reminder.objects.filter(recipient=cast.dvcq_staff, kind="bright_spot_resubmitted")


def test_the_recipients_language_is_used(cast, submitted_spot, run, mailoutbox):
    cast.official_a.language = "en"
    cast.official_a.save()
    with at(2026, 3, 12):
        run(
            registry_services.bright_spot_review, bright_spot=submitted_spot, accept=False,
            comment="Thêm ảnh", version=submitted_spot.version, by=cast.qcdc_staff,
        )  # fmt: skip
    note = assert_told_once(cast.official_a, "bright_spot_returned", mailoutbox, "Thêm ảnh")
    assert note.subject == "Bright spot “Đối thoại định kỳ” returned for revision"
    assert mailoutbox[-1].body.startswith("Hello Nguyễn Văn An")


def test_extensions_granted_and_refused_reach_the_unit(cast, run, mailoutbox):
    with at(2026, 3, 25):
        run(
            registry_services.extension_grant, committee=cast.qcdc, unit=cast.unit_a, year=2026,
            kind="registration", until=date(2026, 4, 15), reason="Sáp nhập xã", by=cast.qcdc_staff,
        )  # fmt: skip
        run(
            registry_services.extension_refuse, committee=cast.qcdc, unit=cast.unit_b, year=2026,
            kind="registration", reason="Không có lý do chính đáng", by=cast.qcdc_staff,
        )  # fmt: skip
    run_everything_again("extension.granted")
    run_everything_again("extension.refused")
    granted = assert_told_once(
        cast.official_a, "extension_granted", mailoutbox, "15/04/2026", "Sáp nhập xã"
    )
    assert granted.link == f"/units/{cast.unit_a.pk}/registration/?year=2026"
    assert_told_once(cast.official_b, "extension_refused", mailoutbox, "Không có lý do chính đáng")


def test_the_dossier_journey_tells_each_person_once(cast, run, mailoutbox, settings, tmp_path):
    """Submitted, reviewer assigned, supplement asked, resubmitted, not recognized."""
    settings.MEDIA_ROOT = tmp_path
    spots = cast_pair(cast)
    with at(2026, 10, 20):
        dossier = recognition_services.dossier_start(bright_spot=spots["qcdc"], by=cast.official_a)
    with at(2026, 10, 20):
        fill(dossier, cast.official_a)
        run(recognition_services.dossier_submit, dossier=dossier, version=dossier.version,
            by=cast.official_a)  # fmt: skip
        run(recognition_services.reviewers_assign, committee=cast.qcdc, dossiers=[dossier],
            reviewers=[cast.qcdc_staff], by=cast.qcdc_staff)  # fmt: skip
        dossier.refresh_from_db()
        run(recognition_services.supplement_request, dossier=dossier, note="Thêm biên bản",
            due=date(2026, 10, 28), version=dossier.version, by=cast.qcdc_staff)  # fmt: skip
        dossier.refresh_from_db()
        run(recognition_services.dossier_submit, dossier=dossier, version=dossier.version,
            by=cast.official_a)  # fmt: skip
        dossier.refresh_from_db()
        review = dossier.reviews.get()
        scores = {c.pk: ("not_met", "") for c in dossier.criteria_set.criteria.all()}
        recognition_services.review_save(review=review, scores=scores, by=cast.qcdc_staff)
        run(recognition_services.dossier_propose, dossier=dossier, recognize=False,
            reasons="Chưa lan tỏa", version=dossier.version, by=cast.qcdc_staff)  # fmt: skip
    for action in ("dossier.submitted", "dossier.reviewers_assigned", "dossier.resubmitted",
                   "dossier.supplement_requested", "dossier.not_recognized"):  # fmt: skip
        run_everything_again(action)
    assert_told_once(cast.qcdc_staff, "dossier_submitted", mailoutbox, "Xã Nghĩa Dũng")
    assigned = assert_told_once(cast.qcdc_staff, "reviewer_assigned", mailoutbox)
    assert assigned.link == f"/recognition/dossiers/{dossier.pk}/score/"
    assert_told_once(
        cast.official_a, "supplement_requested", mailoutbox, "Thêm biên bản", "28/10/2026"
    )
    assert_told_once(cast.qcdc_staff, "dossier_resubmitted", mailoutbox)
    assert_told_once(cast.official_a, "not_recognized", mailoutbox, "Chưa lan tỏa")


def test_decision_certificates_and_annulment_reach_the_unit(
    cast, run, mailoutbox, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    authority_for(cast.root)
    spots = cast_pair(cast)
    dossier = proposed(submitted_dossier(spots["qcdc"], cast.official_a), cast.qcdc_staff)
    with at(2026, 11, 20, 15):
        decision = run(
            recognition_services.decision_record, committee=cast.qcdc,
            authority=authority_for(cast.root, name="UBND TỈNH"), number=125,
            date=date(2026, 11, 20), dossiers=[dossier], by=cast.qcdc_staff,
        )  # fmt: skip
        run(recognition_services.certificates_issue, decision=decision, by=cast.provincial)
        run(recognition_services.decision_annul, decision=decision, reason="Sai thẩm quyền",
            by=cast.qcdc_staff)  # fmt: skip
    for action in ("dossier.recognized", "decision.certificates_issued",
                   "dossier.recognition_annulled"):  # fmt: skip
        run_everything_again(action)
    assert_told_once(cast.official_a, "decision_recorded", mailoutbox, "125")
    certificate = assert_told_once(cast.official_a, "certificates_issued", mailoutbox)
    assert certificate.link.startswith("/recognition/certificates/")
    zip_ready = assert_told_once(cast.provincial, "certificates_issued", mailoutbox)
    assert zip_ready.link == f"/recognition/decisions/{decision.pk}/"
    assert_told_once(cast.official_a, "decision_annulled", mailoutbox, "Sai thẩm quyền")


def test_an_event_undone_by_a_refused_change_tells_nobody(cast, submitted_spot, mailoutbox):
    with at(2026, 3, 12), pytest.raises(Exception, match="comment"):
        registry_services.bright_spot_review(
            bright_spot=submitted_spot, accept=False, comment="", version=submitted_spot.version,
            by=cast.qcdc_staff,
        )  # fmt: skip
    assert not Reminder.objects.filter(kind="bright_spot_returned").exists()
