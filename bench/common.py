"""Shared helpers for benchmarks: Django set-up, timing, and a description of the machine."""

import os
import platform
import statistics
import time

# What every benchmark runs with, whatever the shell says (issue 12: a DEBUG=true left in the
# shell made pages slower and benchmarks wrong): production settings, printed with the figures.
FORCED = {"DEBUG": "false", "LOG_LEVEL": "WARNING"}


def django_setup(**env):
    """Configure Django for a benchmark (production settings: DEBUG off, whatever the shell
    says; no TLS redirect) and print the settings that matter for the figures."""
    os.environ.update(FORCED)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "brightspots.settings")
    os.environ.setdefault(
        "SECRET_KEY", "benchmark-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"
    )
    os.environ.setdefault("HTTPS", "false")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
    for key, value in env.items():
        os.environ.setdefault(key, value)
    import django

    django.setup()
    print(settings_line(), flush=True)
    # Pages render with the production static storage (hashed names), so collect once.
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)


def settings_line() -> str:
    """The settings a reader needs to trust a figure: DEBUG, database, cache, tasks, load."""
    from django.conf import settings
    from django.db import connection

    assert not settings.DEBUG, "benchmarks run with DEBUG off"
    cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    return (
        f"settings: DEBUG={settings.DEBUG}, database={connection.vendor}, cache={cache}, "
        f"CONN_MAX_AGE={connection.settings_dict.get('CONN_MAX_AGE')}, {load()}"
    )


def load() -> str:
    """The machine's load average (1, 5, 15 minutes) on its cores: other work running."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def spread(samples: list[float]) -> dict:
    """Median, min and max of at least five runs (issue 12), in the samples' unit."""
    assert len(samples) >= 5, "a figure is the median of at least five runs"
    return {
        "median": statistics.median(samples),
        "min": min(samples),
        "max": max(samples),
        "runs": len(samples),
    }


def measure(fn, *, repeat: int = 30, warmup: int = 3) -> dict:
    """Run fn repeatedly (at least five times); answer median, min, max, p95 and mean in ms."""
    assert repeat >= 5, "a figure is the median of at least five runs"
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {
        "median_ms": round(statistics.median(samples), 2),
        "min_ms": round(samples[0], 2),
        "max_ms": round(samples[-1], 2),
        "p95_ms": round(samples[max(0, int(len(samples) * 0.95) - 1)], 2),
        "mean_ms": round(statistics.fmean(samples), 2),
        "runs": repeat,
    }


def machine() -> str:
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as info:
            cpu = next(
                line.split(":", 1)[1].strip() for line in info if line.startswith("model name")
            )
    except (OSError, StopIteration):
        pass
    memory = ""
    try:
        with open("/proc/meminfo") as info:
            kb = int(next(line.split()[1] for line in info if line.startswith("MemTotal")))
            memory = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, StopIteration):
        pass
    return f"{cpu}, {os.cpu_count()} cores{memory}, Python {platform.python_version()}, {platform.system()} {platform.release()}"
