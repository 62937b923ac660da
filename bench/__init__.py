"""Benchmarks. Each is a module run as `.venv/bin/python -m bench.<name>`; figures go to
docs/PERFORMANCE.md. Benchmarks compare against a baseline measured in the same process (raw SQL,
bare WeasyPrint), because this machine is shared and absolute times drift."""
