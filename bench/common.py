"""Shared helpers for benchmarks: Django set-up, timing, and a description of the machine."""

import os
import platform
import statistics
import time


def django_setup(**env):
    """Configure Django for a benchmark (production-like: DEBUG off, no TLS redirect)."""
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
    # Pages render with the production static storage (hashed names), so collect once.
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)


def measure(fn, *, repeat: int = 30, warmup: int = 3) -> dict:
    """Run fn repeatedly; answer median, p95 and mean in milliseconds."""
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
