"""Who is told of a recorded action (R36): a registry of listeners fed by the audit log.

Every change of state is recorded by `audit_record` (R31); an app above this one that must act
on some of them (reminders tells the people they concern) registers a listener per action here,
so no service imports upward. Listeners run inside the transaction of the change, so what they
claim commits with it, or not at all.
"""

from collections import defaultdict

LISTENERS: dict[str, list] = defaultdict(list)


def listen(*actions: str):
    """Register `fn(entry)` to be called for every audit entry of one of `actions`."""

    def register(fn):
        for action in actions:
            if fn not in LISTENERS[action]:
                LISTENERS[action].append(fn)
        return fn

    return register


def announce(entry) -> None:
    """Tell every listener of the entry's action (called by `audit_record`)."""
    for listener in LISTENERS.get(entry.action, ()):
        listener(entry)
