# Lotse — quick start: `make demo` (run everything locally) and `make test` (the whole suite).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test lint format bench install install-dev translations clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## demo: install, upgrade the database, seed the demo offices once, run web + worker + beat (Ctrl-C stops all)
demo: install
	$(BIN)/lotse db upgrade
	$(BIN)/lotse demo seed
	$(BIN)/python scripts/run_demo.py

## test: install with dev extras and run the whole test suite (SQLite; PostgreSQL/Redis with TEST_DATABASE_URL/TEST_REDIS_URL)
test: install-dev
	$(BIN)/python -m pytest

## lint: ruff (lint + format) and mypy on saas/, tenants/, workers/ (configured in pyproject.toml)
lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

translations: install-dev
	bash scripts/translations.sh

bench: install-dev
	@for b in bench/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) instance .pytest_cache .ruff_cache
