# The two commands of the README: `make run` and `make test`. Everything else is a helper for them.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
export HOST PORT
STATIC_ROOT ?= static_collected
PYTEST_ARGS ?=
BENCH_SUITE ?= pages
BENCH_ARGS ?=

.PHONY: backup restore fonts run dev test install install-dev migrate seed admin static bench screenshots lighthouse lint format check worker clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(MANAGE) migrate --noinput

# Seeding indexes the demo at once (immediate tasks), so search works as soon as the site is up.
seed: migrate
	TASK_BACKEND=immediate $(MANAGE) seed_demo

admin: migrate
	$(MANAGE) ensure_admin

## make run: venv, pinned install, migrate, demo content, admin account, static files, then serve the
## site as visitors get it (gunicorn, DEBUG off) with the task worker and the scheduler; Ctrl-C stops all.
run: export DJANGO_SETTINGS_MODULE = asap_site.settings.local
run: seed admin static
	$(BIN)/python scripts/run_site.py

## make dev: the same setup with Django's autoreloading debug server (DEBUG on) for developers.
dev: export DJANGO_SETTINGS_MODULE = asap_site.settings.dev
dev: seed admin
	$(BIN)/python scripts/run_site.py --dev

# collectstatic (hashed names, gzip and brotli copies) only when a static file or a package changed.
STATIC_SOURCES := $(shell find . -path ./$(VENV) -prune -o -path ./$(STATIC_ROOT) -prune -o -path '*/static/*' -type f -print 2>/dev/null)
$(STATIC_ROOT)/staticfiles.json: $(VENV)/.installed $(STATIC_SOURCES)
	DJANGO_SETTINGS_MODULE=asap_site.settings.local $(MANAGE) collectstatic --noinput --verbosity 0

static: $(STATIC_ROOT)/staticfiles.json

## make backup: database and media into var/backups/asap-<date>.tar.gz (or BACKUP_DIR); docs/backups.md.
backup: install
	$(MANAGE) backup_site

## make restore ARCHIVE=var/backups/asap-....tar.gz [OVERWRITE=1]: into an empty database and media
## folder (the configured ones); OVERWRITE=1 replaces them. Stop the site first.
ARCHIVE ?=
restore: install
	@test -n "$(ARCHIVE)" || { echo "Indica l'archivio: make restore ARCHIVE=var/backups/asap-....tar.gz"; exit 2; }
	$(MANAGE) restore_site "$(ARCHIVE)" $(if $(OVERWRITE),--sovrascrivi)

## make fonts: Titillium Web from the pinned npm package @fontsource/titillium-web into
## core/static/fonts/ (the files are committed; needs npm only to change version or styles).
fonts:
	sh scripts/fetch_fonts.sh

## make bench: every page type under gunicorn on a scratch demo database (scripts/bench/pages.py);
## BENCH_SUITE=<suite> runs another measurement (`.venv/bin/python -m scripts.bench` lists them).
bench: install-dev static
	$(BIN)/python -m scripts.bench $(BENCH_SUITE) $(BENCH_ARGS)

## make screenshots: every page type at 390 and 1366 px into screenshots/ (scripts/bench/screenshots.py).
screenshots: install-dev static
	$(BIN)/python -m scripts.bench screenshots

## make lighthouse: Lighthouse (mobile) on every page type of the same served demo (scripts/bench/lighthouse.py).
LIGHTHOUSE := tools/lighthouse/node_modules/.bin/lighthouse
$(LIGHTHOUSE): tools/lighthouse/package.json tools/lighthouse/package-lock.json
	cd tools/lighthouse && npm ci --no-audit --no-fund
	touch $@

lighthouse: install-dev static $(LIGHTHOUSE)
	$(BIN)/python -m scripts.bench lighthouse

## make test: the whole suite (SQLite by default, or DATABASE_URL).
test: install-dev
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: install-dev
	$(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=asap_site.settings.production SECRET_KEY=$$($(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))") ALLOWED_HOSTS=example.org $(BIN)/python manage.py check --deploy --fail-level WARNING

worker: install
	$(MANAGE) run_worker

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache static_collected
