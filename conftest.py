"""The standard cast every test can use (STYLE.md): two provinces, two units, the committees of
R8, and one user per role. Tests say `cast.official_a`, `cast.qcdc_staff`, …"""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import settings as hypothesis_settings

from demo.signing import demo_signing_keys
from organisation.models import Committee, Field, RoleAssignment, Unit
from organisation.tests.factories import (
    CommitteeFactory,
    ProvinceFactory,
    RoutingRuleFactory,
    UnitFactory,
    UserFactory,
    assign,
)

Role = RoleAssignment.Role

# Property-based tests (hypothesis): a quick run by default and in CI (each run draws new
# examples, so runs add up); HYPOTHESIS_PROFILE=thorough for a long hunt before a release.
hypothesis_settings.register_profile("ci", max_examples=25)
hypothesis_settings.register_profile("thorough", max_examples=150)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


# Fixtures a test uses that end it by emptying every table (pytest-django's flush after a
# transactional test), the shipped criteria of a data migration among them.
FLUSHING_FIXTURES = {"transactional_db", "live_server", "django_db_reset_sequences"}


def _flushes(item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.args[:1] == (True,)):
        return True
    return bool(FLUSHING_FIXTURES & set(getattr(item, "fixturenames", ())))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a test that emptied the database, put the shipped criteria back as the migrations
    left them: the tests that follow on this worker start dossiers. (A module fixture that
    flushes does the same itself: tests/browser/test_accessibility.py.)"""
    result = yield
    # nextitem None: the session ends and its test database is gone already.
    if _flushes(item) and nextitem is not None:
        from pytest_django.plugin import blocking_manager_key

        from recognition import criteria_data
        from recognition.models import CriteriaSet, Criterion

        with item.config.stash[blocking_manager_key].unblock():
            criteria_data.install(CriteriaSet, Criterion)
    return result


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    """Tests do not run collectstatic: serve static files from the finders without a manifest."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = True
    # Real hashing costs ~0.3 s per user; tests do not need it.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _vietnamese_to_begin_with():
    """Each test starts in Vietnamese, as a new process does: a page an earlier test read in
    English leaves English active in this thread, and a command run next would speak it."""
    from django.conf import settings
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploads made by a test land in its own folder, never in var/media; and no test signs
    with the developer's demo keys (var/signing) unless it asks for `signing_keys`."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.SIGNING_KEYS_FILE = tmp_path / "no-signing" / "keys.json"


@pytest.fixture(scope="session")
def _demo_keys_folder(tmp_path_factory):
    return tmp_path_factory.mktemp("signing") / "keys.json"


@pytest.fixture
def signing_keys(settings, _demo_keys_folder):
    """Sign with the demo CA (demo/signing.py): call it with authorities to give them keys."""
    settings.SIGNING_KEYS_FILE = _demo_keys_folder

    def give(*authorities):
        names = demo_signing_keys(_demo_keys_folder, authorities)
        for authority in authorities:
            authority.signing_key = names[authority.name]
            authority.save(update_fields=["signing_key"])
        return _demo_keys_folder.parent / "demo-ca.pem"

    return give


@pytest.fixture(autouse=True)
def _tasks_in_process(request):
    """Unit tests run tasks in-process; tests marked `worker` use the real broker and worker."""
    from brightspots.celery import app
    from core import jobs

    jobs.broker_pause_end()  # a broker failure in an earlier test does not pause this one
    eager = request.node.get_closest_marker("worker") is None
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = eager or previous
    yield
    app.conf.task_always_eager = previous


@pytest.fixture
def cast(db):
    province = ProvinceFactory(code="40", name="Nghệ An", place_name="Nghệ An")
    root = UnitFactory(province=province, kind=Unit.Kind.PROVINCE, name="Tỉnh Nghệ An", code="40")
    unit_a = UnitFactory(province=province, parent=root, name="Xã Nghĩa Dũng", code="17011")
    unit_b = UnitFactory(
        province=province, parent=root, name="Phường Đông Vĩnh", kind=Unit.Kind.WARD, code="17014"
    )
    department = UnitFactory(
        province=province, parent=root, name="Sở Tư pháp", kind=Unit.Kind.DEPARTMENT
    )

    qcdc = CommitteeFactory(level_unit=root, name="Ban Chỉ đạo QCDC tỉnh", handles_qcdc=True)
    dvcq = CommitteeFactory(
        level_unit=root, name="Ban Chỉ đạo DVCQ tỉnh", handles_qcdc=False, handles_dvcq=True
    )
    party = CommitteeFactory(
        level_unit=root,
        name="Ban Dân vận Tỉnh ủy",
        kind=Committee.Kind.AGENCY,
        handles_dvcq=True,
        oversight=True,
    )
    home_affairs = CommitteeFactory(
        level_unit=root,
        name="Sở Nội vụ",
        kind=Committee.Kind.AGENCY,
        handles_qcdc=False,
        handles_dvcq=True,
        oversight=True,
    )
    RoutingRuleFactory(level_unit=root, field=Field.QCDC, recipient=qcdc, via=party)
    RoutingRuleFactory(
        level_unit=root, field=Field.DVCQ, recipient=dvcq, via=home_affairs, copy_to=party
    )

    other_province = ProvinceFactory(code="42", name="Hà Tĩnh", place_name="Hà Tĩnh")
    other_root = UnitFactory(
        province=other_province, kind=Unit.Kind.PROVINCE, name="Tỉnh Hà Tĩnh", code="42"
    )
    other_unit = UnitFactory(province=other_province, parent=other_root, name="Xã Thạch Hà")
    other_committee = CommitteeFactory(level_unit=other_root, name="Ban Chỉ đạo QCDC tỉnh Hà Tĩnh")

    users = SimpleNamespace(
        official_a=UserFactory(username="official_a", full_name="Nguyễn Văn An"),
        official_b=UserFactory(username="official_b", full_name="Trần Thị Bình"),
        qcdc_staff=UserFactory(username="qcdc_staff", full_name="Phan Văn Hải"),
        dvcq_staff=UserFactory(username="dvcq_staff", full_name="Đặng Thị Mai"),
        provincial=UserFactory(username="provincial", full_name="Hoàng Minh Tuấn"),
        other_province_staff=UserFactory(username="other_staff", full_name="Lê Văn Hà"),
        admin=UserFactory(username="administrator", full_name="Quản trị", is_staff=True),
    )
    assign(users.official_a, Role.UNIT_OFFICIAL, unit=unit_a)
    assign(users.official_b, Role.UNIT_OFFICIAL, unit=unit_b)
    assign(users.qcdc_staff, Role.COMMITTEE_STAFF, committee=qcdc)
    assign(users.dvcq_staff, Role.COMMITTEE_STAFF, committee=dvcq)
    assign(users.provincial, Role.PROVINCIAL_STAFF, province=province)
    assign(users.other_province_staff, Role.PROVINCIAL_STAFF, province=other_province)
    assign(users.other_province_staff, Role.COMMITTEE_STAFF, committee=other_committee)
    assign(users.admin, Role.ADMINISTRATOR, province=province)

    return SimpleNamespace(
        province=province,
        root=root,
        unit_a=unit_a,
        unit_b=unit_b,
        department=department,
        qcdc=qcdc,
        dvcq=dvcq,
        party=party,
        home_affairs=home_affairs,
        other_province=other_province,
        other_root=other_root,
        other_unit=other_unit,
        other_committee=other_committee,
        **vars(users),
    )


@pytest.fixture
def client_of(db):
    """client_of(user) → a new test client logged in as that user (None: anonymous). Several
    can be open at once, as when a committee and a unit work on the same bright spot."""
    from django.test import Client

    def login(user):
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return login


@pytest.fixture
def celery_worker_process(transactional_db, tmp_path):
    """Start real Celery worker processes on the Redis broker, against the test database.

    Yields `start(*arguments, **env)` → the Popen of a worker (extra command-line arguments, e.g.
    "-I", "module.with.test_tasks"); every worker is stopped at the end. The queue is private to
    this test (`start.queue`), so no stray worker from elsewhere takes its messages.
    """
    from django.conf import settings
    from django.db import connection

    from brightspots.celery import app

    if not os.environ.get("REDIS_URL"):
        skip_unless_required("REDIS_URL is not set: no broker to run a worker against")
    if connection.vendor != "postgresql":
        skip_unless_required("a worker process needs a database it can share (PostgreSQL)")
    db = connection.settings_dict
    database_url = (
        f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
    )
    queue = f"test-{uuid.uuid4().hex[:12]}"
    previous_queue = app.conf.task_default_queue
    app.conf.task_default_queue = queue
    workers = []

    def start(*arguments, **env):
        worker_env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "CELERY_QUEUE": queue,
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(tmp_path / "outbox"),
            **env,
        }
        process = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "brightspots",
                "worker",
                "--pool=solo",
                "--without-heartbeat",
                "--without-gossip",
                "--without-mingle",
                "-Q",
                queue,
                "--loglevel=WARNING",
                *arguments,
            ],
            cwd=Path(__file__).parent,
            env=worker_env,
        )
        workers.append(process)
        return process

    start.outbox = tmp_path / "outbox"
    start.queue = queue
    start.database_url = database_url
    yield start
    app.conf.task_default_queue = previous_queue
    for process in workers:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def skip_unless_required(reason: str) -> None:
    """Skip a test that needs a service this machine lacks; in CI (REQUIRE_SERVICES) fail it."""
    if os.environ.get("REQUIRE_SERVICES", "").lower() in {"1", "true", "yes"}:
        pytest.fail(f"{reason}, but REQUIRE_SERVICES is set")
    pytest.skip(reason)


def wait_for(condition, timeout=60.0, interval=0.25):
    """Poll `condition()` until it is truthy; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout} s")
