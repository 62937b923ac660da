"""Renderers that hang, for the time-limit test's worker (`-I core.tests.stuck_renders`).

"tests.stuck" hangs on its first attempt (in Python: the soft time limit interrupts it);
"tests.stuck_hard" ignores the soft limit too, as a render stuck in C code would (the hard limit
replaces the worker process). Their second attempts render. Each attempt leaves a file in the
folder the rendition names, so the test sees what happened.
"""

import time
from pathlib import Path

from celery.exceptions import SoftTimeLimitExceeded

from core.renditions import Rendered, register


def _attempt(params) -> int:
    folder = Path(params["folder"])
    number = len(list(folder.glob("attempt-*"))) + 1
    (folder / f"attempt-{number}").touch()
    return number


def _stuck(user, params) -> Rendered:
    if _attempt(params) == 1:
        time.sleep(600)
    return Rendered("bao-cao.pdf", "pdf", b"%PDF-1.7 rendered on the second attempt")


def _stuck_hard(user, params) -> Rendered:
    if _attempt(params) == 1:
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            try:
                time.sleep(600)
            except SoftTimeLimitExceeded:
                continue  # deaf to the soft limit
    return Rendered("bao-cao.pdf", "pdf", b"%PDF-1.7 rendered after the worker was replaced")


register("tests.stuck", render=_stuck, allowed=lambda user, params: True)
register("tests.stuck_hard", render=_stuck_hard, allowed=lambda user, params: True)
