# The two commands a new machine needs: `make run` and `make test`. See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# Test processes: one per core. Each takes whole modules, so a module's fixtures are built once.
PYTEST_WORKERS ?= auto
# The W3C Nu Html Checker the tests run over every page (tests/test_html_validity.py): a test
# tool only, in a git-ignored folder; the app itself never needs it, nor npm.
VNU_VERSION := 26.9.27
VNU_STAMP := .tools/vnu-jar/.installed-$(VNU_VERSION)

.PHONY: setup system-packages run serve test migrate demo lint worker beat bench load backup restore clean

setup: $(VENV)/.installed system-packages $(VNU_STAMP)

# Reinstalls only when a requirements file changes, so a second `make setup` is quick.
$(VENV)/.installed: requirements.txt requirements-dev.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@

system-packages:
	@scripts/system-packages.sh

# Reinstalls only when the pin changes. Offline it warns and leaves the stamp out, so `make run`
# still works and the next `make setup` tries again; the test is skipped meanwhile (not in CI).
$(VNU_STAMP):
	@rm -rf .tools/vnu-jar
	@npm install --loglevel error --no-audit --no-fund --prefix .tools/vnu-jar vnu-jar@$(VNU_VERSION) \
		&& touch $@ \
		|| echo "Could not install vnu-jar@$(VNU_VERSION) from npm; the HTML validity test will be skipped." >&2

migrate: setup
	$(BIN)/python manage.py migrate --no-input

demo: migrate
	$(BIN)/python manage.py load_demo

run: demo
	@echo "Serving the demo on http://$(HOST):$(PORT)/ (Ctrl-C stops it)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The demo as production serves it: DEBUG off, deploy checks, collectstatic, gunicorn (scripts/serve.sh).
serve: setup
	HOST=$(HOST) PORT=$(PORT) scripts/serve.sh

test: setup
	$(BIN)/python -m pytest --numprocesses $(PYTEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The benchmark at scale, on the machine's PostgreSQL (its own database, yos_bench), with wrk
# driving gunicorn for the throughput figures, the mixed workload of readers beside a writer, and
# writes a second. BENCH_SCALE=0.2 tries it on a fifth of the rows.
bench: setup
	@scripts/system-packages.sh wrk
	$(BIN)/python -m bench.run

# 60 s of 20 simulated people against gunicorn, PostgreSQL, Redis and a real Celery worker.
load: setup
	load/run.sh

# A backup of the database and media files, and putting one back (replaces the current data).
backup: setup
	$(BIN)/python manage.py backup

restore: setup
	@test -n "$(FILE)" || { echo "Usage: make restore FILE=backups/yos-....tar.gz"; exit 2; }
	$(BIN)/python manage.py restore "$(FILE)"

# Against a real broker (REDIS_URL set): the worker and the scheduler, each in its own terminal.
worker: setup
	$(BIN)/celery -A yos_tracker worker --loglevel INFO

beat: setup
	$(BIN)/celery -A yos_tracker beat --loglevel INFO

clean:
	rm -rf $(VENV) staticfiles test-results .tools
