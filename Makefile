# The two commands of the README: `make run` and `make test`. Everything else is a helper for them.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run test install install-dev migrate seed admin serve lint format check worker clean

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

seed: migrate
	$(MANAGE) seed_demo

admin: migrate
	$(MANAGE) ensure_admin

## make run: venv, pinned install, migrate, demo content, admin account, then serve on SQLite.
run: seed admin
	@echo "Sito: http://$(HOST):$(PORT)/  Amministrazione: http://$(HOST):$(PORT)/admin/"
	$(BIN)/python scripts/run_site.py --host $(HOST) --port $(PORT)

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
	$(MANAGE) db_worker

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
