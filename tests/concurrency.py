"""Helpers for tests where two users act at the same moment, on PostgreSQL with two real
connections. Reuse them for any race: two reviewers, two tabs, two serials issued at once.

    pytestmark = requires_postgresql
    def test_…(transactional_db, …):            # committed data, visible to every connection
        with stall_first_call(services_module, "audit_record", seconds=0.5) as stall:
            first, second = run_concurrently(lambda: act(...), lambda: act(...))
        winner, loser = sorted([first, second], key=lambda o: o.error is not None)
        assert loser.elapsed >= stall.seconds    # it really waited for the winner's lock

`run_concurrently` runs each call in its own thread; Django gives every thread its own database
connection, so each call is its own session and transaction, as two gunicorn workers would be.
The calls are released together by a barrier. `stall_first_call` widens the race: the first call
of a function made inside a transaction (typically the audit entry written after the row was
locked or updated) sleeps before returning, so the other transaction surely arrives while the
first still holds its locks, and has to wait for them.
"""

import os
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from django.db import connection, connections

# Skipped on SQLite, except in CI (REQUIRE_SERVICES), where the test runs and fails loudly.
requires_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql"
    and os.environ.get("REQUIRE_SERVICES", "").lower() not in {"1", "true", "yes"},
    reason="two real connections need PostgreSQL (set DATABASE_URL)",
)


@dataclass
class Outcome:
    """What one concurrent call answered or raised, and how long it took."""

    value: object = None
    error: BaseException | None = None
    elapsed: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None


def run_concurrently(*calls, timeout: float = 60.0) -> list[Outcome]:
    """Run every call at the same moment, each in its own thread and database connection."""
    barrier = threading.Barrier(len(calls))
    outcomes = [Outcome() for _ in calls]

    def run(outcome: Outcome, call) -> None:
        try:
            barrier.wait(timeout)
            started = time.monotonic()
            try:
                outcome.value = call()
            finally:
                outcome.elapsed = time.monotonic() - started
        except BaseException as error:  # the test inspects it
            outcome.error = error
        finally:
            connections.close_all()  # this thread's connections: the test database can be flushed

    threads = [
        threading.Thread(target=run, args=(outcome, call), daemon=True)
        for outcome, call in zip(outcomes, calls, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    assert not any(thread.is_alive() for thread in threads), "a concurrent call hung"
    return outcomes


@dataclass
class Stall:
    seconds: float
    calls: int = 0


@contextmanager
def stall_first_call(owner, name: str, *, seconds: float = 0.5):
    """Make the first call of `owner.name` sleep `seconds` after it returns (see module doc)."""
    original = getattr(owner, name)
    stall = Stall(seconds)
    lock = threading.Lock()

    def stalled(*args, **kwargs):
        result = original(*args, **kwargs)
        with lock:
            stall.calls += 1
            first = stall.calls == 1
        if first:
            time.sleep(seconds)
        return result

    setattr(owner, name, stalled)
    try:
        yield stall
    finally:
        setattr(owner, name, original)
