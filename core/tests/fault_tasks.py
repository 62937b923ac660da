"""A task for the fault tests, imported by their worker with `-I core.tests.fault_tasks`.

It announces that it started, waits until the test lets it go (so the test can kill the worker
in the middle), then does its work: one line in a file.
"""

import os
import time
from pathlib import Path

from core.jobs import durable_task


@durable_task("tests.slow_work")
def slow_work(folder: str, label: str) -> None:
    folder = Path(folder)
    (folder / f"started-{label}-{os.getpid()}").touch()
    deadline = time.monotonic() + 120
    while not (folder / "go").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    with open(folder / "work.log", "a") as log:
        log.write(f"{label}\n")
