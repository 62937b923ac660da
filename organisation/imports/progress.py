"""Progress of an import while it is applied (R39). The apply step runs in one transaction, so
what it writes to its row is invisible until the end: its progress goes to the cache (Redis in
production, shared by the worker and the web processes), every 1,000 rows, and the progress page
reads it from there while the import is applying."""

from django.core.cache import cache

EVERY = 1000  # rows between two reports


def _key(run_id: int) -> str:
    return f"import-progress:{run_id}"


class Progress:
    """Rows applied so far out of `total`, reported every `EVERY` rows."""

    def __init__(self, run_id: int, total: int):
        self.run_id, self.total, self.done, self._reported = run_id, max(total, 1), 0, 0

    def advance(self, rows: int = 1) -> None:
        self.done += rows
        if self.done - self._reported >= EVERY:
            self._reported = self.done
            # Never 100 before the transaction is committed and the row says "applied".
            cache.set(_key(self.run_id), min(99, self.done * 100 // self.total), timeout=6 * 3600)

    def finish(self) -> None:
        cache.delete(_key(self.run_id))


def current(run) -> int:
    """The percentage to show: the apply step's while it runs, else the row's own."""
    if run.status == run.Status.APPLYING:
        return cache.get(_key(run.pk), run.progress)
    return run.progress
