"""Issue 7, faults: the broker settings that keep a task from running twice or never, checked as
Celery reads them in production (REDIS_URL set), and exactly one beat."""

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ["brightspots", "registry", "recognition", "reporting", "reminders"]

READ_CONFIG = """
import json, django
django.setup()
from django.conf import settings
from brightspots.celery import app
app.loader.import_default_modules()
conf = app.conf
tasks = {}
for name, task in sorted(app.tasks.items()):
    if name.startswith("celery."):
        continue
    tasks[name] = {
        "time_limit": task.time_limit or conf.task_time_limit,
        "soft_time_limit": task.soft_time_limit or conf.task_soft_time_limit,
        "default_retry_delay": task.default_retry_delay,
        "retry_backoff_max": getattr(task, "retry_backoff_max", 0)
        if getattr(task, "autoretry_for", None) else 0,
    }
print(json.dumps({
    "broker": conf.broker_transport_options,
    "result_backend": conf.result_backend_transport_options,
    "tasks": tasks,
    "job_lease": settings.JOB_LEASE_SECONDS,
    "schedule": conf.beat_schedule,
    "scheduler": conf.beat_scheduler,
    "beat_max_loop_interval": conf.beat_max_loop_interval,
    "acks_late": conf.task_acks_late,
    "reject_on_worker_lost": conf.task_reject_on_worker_lost,
    "prefetch": conf.worker_prefetch_multiplier,
}, default=str))
"""


@pytest.fixture(scope="module")
def production_celery():
    """Celery's configuration in a fresh process with production's variables."""
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL"}}
    env.update(SECRET_KEY="x" * 60, REDIS_URL="redis://127.0.0.1:6379/0", ALLOWED_HOSTS="x")
    result = subprocess.run(
        [sys.executable, "-c", READ_CONFIG], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_visibility_timeout_is_the_same_wherever_celery_reads_it(production_celery):
    broker = production_celery["broker"].get("visibility_timeout")
    result_backend = production_celery["result_backend"].get("visibility_timeout")
    assert broker and broker == result_backend


def test_the_visibility_timeout_outlasts_every_task_lease_and_retry(production_celery):
    """Redis hands a message to another worker once the timeout passes: a task still running,
    or waiting for its retry, would then run twice."""
    timeout = production_celery["broker"]["visibility_timeout"]
    assert production_celery["tasks"], "no task found: the check would prove nothing"
    for name, limits in production_celery["tasks"].items():
        for what, seconds in limits.items():
            assert seconds is not None and seconds < timeout, f"{name} {what}={seconds}"
    assert production_celery["job_lease"] < timeout


def test_a_job_is_not_claimed_again_while_its_task_may_still_run(production_celery):
    for name, limits in production_celery["tasks"].items():
        assert limits["time_limit"] < production_celery["job_lease"], name


def test_a_worker_that_dies_leaves_its_task_to_another(production_celery):
    assert production_celery["acks_late"] and production_celery["reject_on_worker_lost"]
    assert production_celery["prefetch"] == 1


def delaying_calls(path: Path) -> list[str]:
    """Calls that park a message in the broker (countdown=, eta=): the visibility timeout would
    hand it out twice; durable jobs wait in the database instead (enqueue(delay=...))."""
    tree = ast.parse(path.read_text())
    return [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and any(keyword.arg in {"countdown", "eta"} for keyword in node.keywords)
    ]


def test_no_code_parks_a_message_in_the_broker():
    found = [
        hit
        for app in APPS
        if (ROOT / app).is_dir()
        for path in (ROOT / app).rglob("*.py")
        if "tests" not in path.parts and "migrations" not in path.parts
        for hit in delaying_calls(path)
    ]
    assert not found, f"use core.jobs.enqueue(delay=...) instead: {found}"


def test_the_schedule_holds_each_task_once(production_celery):
    tasks = [entry["task"] for entry in production_celery["schedule"].values()]
    assert "core.sweep_pending_jobs" in tasks
    assert len(tasks) == len(set(tasks)), tasks


def test_beat_holds_a_lock_that_it_renews_in_time(production_celery):
    from core.beat import LOCK_SECONDS

    assert production_celery["scheduler"] == "core.beat:SingleBeatScheduler"
    assert production_celery["beat_max_loop_interval"] * 2 < LOCK_SECONDS


def test_the_documentation_runs_one_beat_and_no_worker_with_an_embedded_beat():
    for document in ("README.md", "Makefile"):
        text = (ROOT / document).read_text()
        commands = [
            line for line in text.splitlines() if re.search(r"celery .*-A brightspots", line)
        ]
        beats = [line for line in commands if re.search(r"\bbeat\b", line.split("#")[0])]
        assert len(beats) == 1, f"{document}: {beats}"
        embedded = [line for line in commands if re.search(r"\s(-B|--beat)\b", line)]
        assert not embedded, f"{document}: a worker with its own beat: {embedded}"
