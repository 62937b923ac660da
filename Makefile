# Bright Spots — the two commands of the Quick start are `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000
export DJANGO_SETTINGS_MODULE := brightspots.settings

.PHONY: demo test install lint format messages worker beat clean bench

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed node_modules/.installed

# Demo: embedded mode (SQLite, tasks in-process), sample province, printed logins.
demo: install
	DEBUG=true $(PY) manage.py migrate --no-input
	DEBUG=true $(PY) manage.py load_demo
	@echo "Serving on http://$(HOST)/ (Ctrl+C to stop)"
	DEBUG=true $(PY) manage.py runserver $(HOST)

# The whole suite; DATABASE_URL / REDIS_URL from the environment select PostgreSQL and Redis.
# Tests run in parallel, one process per core, each with its own test database; a file stays
# on one worker, so data a module builds once (the accessibility walk) is built once.
PYTEST_WORKERS ?= auto
test: install
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

# Every benchmark with production settings (DEBUG off), its figures written into
# docs/PERFORMANCE.md with the machine's load; DATABASE_URL must hold the national dataset
# (manage.py generate_dataset --flush --check) for those that read it.
bench: install
	$(PY) -m bench.regenerate $(BENCH_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Refresh the translation catalogues after changing user-visible text (needs GNU gettext).
messages: install
	DEBUG=true $(PY) manage.py translations update

worker: install
	$(VENV)/bin/celery -A brightspots worker --loglevel=INFO --concurrency=2

beat: install
	$(VENV)/bin/celery -A brightspots beat --loglevel=INFO --schedule=var/celerybeat-schedule

clean:
	rm -rf $(VENV) node_modules staticfiles var
