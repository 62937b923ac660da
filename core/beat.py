"""Exactly one Celery beat per installation.

Beat schedules the sweep of pending jobs and the daily reminders; two beats would schedule
everything twice. The jobs themselves are idempotent, so a second beat costs work rather than
correctness, but the rule is one, and this scheduler holds it: at start-up it takes a lock in Redis
(one per queue, so installations sharing a Redis do not block each other) and renews it at every
tick; a second beat finds the lock taken and stops with a message saying so. A beat that dies
without releasing the lock holds it at most LOCK_SECONDS; a new one can start after that.
"""

import logging
import os
import socket

import redis
from celery.beat import PersistentScheduler
from django.conf import settings

log = logging.getLogger(__name__)

# Beat wakes at least every beat_max_loop_interval (settings: 30 s) and renews the lock then.
LOCK_SECONDS = 120


def lock_key() -> str:
    return f"brightspots:beat-lock:{settings.CELERY_TASK_DEFAULT_QUEUE}"


class AnotherBeatIsRunning(SystemExit):
    pass


class SingleBeatScheduler(PersistentScheduler):
    """The persistent scheduler of Celery, refusing to run beside another beat."""

    def __init__(self, *args, **kwargs):
        self._owned = False
        self._redis = redis.Redis.from_url(settings.REDIS_URL, socket_timeout=5)
        self._lock = self._redis.lock(lock_key(), timeout=LOCK_SECONDS, thread_local=False)
        super().__init__(*args, **kwargs)

    def setup_schedule(self):
        # Called once the scheduler is really going to run (not for beat's start-up banner).
        if not self._lock.acquire(blocking=False):
            holder = self._redis.get(f"{lock_key()}:holder") or b"?"
            message = (
                f"Another Celery beat is running for queue {settings.CELERY_TASK_DEFAULT_QUEUE} "
                f"({holder.decode()}); run exactly one beat per installation (README). "
                f"This one stops."
            )
            log.error(message)
            raise AnotherBeatIsRunning(message)
        self._owned = True
        self._redis.set(
            f"{lock_key()}:holder", f"{socket.gethostname()} pid {os.getpid()}", ex=LOCK_SECONDS
        )
        super().setup_schedule()

    def tick(self, *args, **kwargs):
        if not self._owned:
            raise AnotherBeatIsRunning("this beat does not hold the beat lock; it stops")
        try:
            self._lock.reacquire()
            self._redis.expire(f"{lock_key()}:holder", LOCK_SECONDS)
        except redis.exceptions.LockError:
            # Our lock ran out (the process was frozen longer than LOCK_SECONDS) and another beat
            # may hold it now: stop rather than run beside it.
            self._owned = False
            raise AnotherBeatIsRunning("the beat lock was lost; this beat stops") from None
        except redis.exceptions.ConnectionError:
            log.warning("Redis unavailable: cannot renew the beat lock", exc_info=True)
        return super().tick(*args, **kwargs)

    def close(self):
        super().close()
        if not self._owned:
            return
        try:
            self._lock.release()
            self._redis.delete(f"{lock_key()}:holder")
        except redis.exceptions.RedisError:
            pass  # already expired, or Redis is away: the lock lapses by itself
