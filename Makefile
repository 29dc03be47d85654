# One entry point for every routine command. `make run` and `make test` set up what they need.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# Real services used by the second test pass (and by the integration tests).
SERVICES_DATABASE_URL ?= mysql://root@127.0.0.1:3306/sketchdojo
SERVICES_REDIS_URL ?= redis://127.0.0.1:6379/14
PYTEST_WORKERS ?= 2

.PHONY: help setup system system-test venv run migrate test test-sqlite test-services lint contracts format check bench clean client

help:
	@echo "make run | test | test-sqlite | test-services | lint | contracts | format | client | bench | clean"

system:
	@scripts/bootstrap.sh

system-test:
	@scripts/bootstrap.sh --browser

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PY) -m pip install -qq --upgrade pip
	$(PY) -m pip install -qq -r requirements-dev.txt
	touch $@

setup: system $(VENV)/.installed

migrate: setup
	$(PY) manage.py migrate --noinput

run: migrate
	$(PY) manage.py collectstatic --noinput -v 0
	$(PY) -m sketchdojo.server -b $(HOST) -p $(PORT) config.asgi:application

check: setup
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Import contracts (pyproject.toml [tool.importlinter]): the layers between config, the apps, the core and
# the engine. A new import against them fails here.
contracts: setup
	PYTHONPATH=. $(VENV)/bin/lint-imports --no-cache

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# The embedded default: SQLite, local-memory cache, in-memory channel layer; and the browser journey.
test-sqlite: system-test setup
	env -u DATABASE_URL -u REDIS_URL $(VENV)/bin/pytest -n $(PYTEST_WORKERS) -m "not services"

# The same suite, plus the tests that need them, on this machine's MariaDB and Redis.
test-services: setup
	scripts/services.sh
	DATABASE_URL=$(SERVICES_DATABASE_URL) REDIS_URL=$(SERVICES_REDIS_URL) SKETCHDOJO_REQUIRE_SERVICES=1 \
		$(VENV)/bin/pytest -n $(PYTEST_WORKERS) -m "not browser"

test: check lint contracts test-sqlite test-services

# The Python client, generated from the OpenAPI schema (request bodies as JSON) into
# clients/python/sketchdojo_client; commit what changes. A test fails when it is out of date.
client: setup
	env -u DATABASE_URL -u REDIS_URL $(PY) manage.py spectacular --format openapi-json --fail-on-warn \
		--custom-settings sketchdojo.api.schema.CLIENT_SCHEMA_SETTINGS --file clients/python/openapi.json
	cd clients/python && PATH="$(CURDIR)/$(VENV)/bin:$$PATH" openapi-python-client generate --path openapi.json \
		--config generator.yaml --meta none --output-path sketchdojo_client --overwrite

bench: setup
	$(PY) -m bench

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache

# Production-shaped stack in containers (needs Docker with the compose plugin): MySQL, Redis, web,
# worker, beat, Prometheus (:9090), Grafana (:3000). Secrets are generated once into .env.compose.
COMPOSE ?= docker compose
.PHONY: up up-monitoring down deploy-check

up:
	@deploy/compose-env.sh .env.compose
	$(COMPOSE) --env-file .env.compose up -d --build

# The same stack plus Flower (Celery monitoring) on http://localhost:5555 (user admin, FLOWER_PASSWORD).
up-monitoring:
	@deploy/compose-env.sh .env.compose
	$(COMPOSE) --env-file .env.compose --profile monitoring up -d --build

down:
	$(COMPOSE) --env-file .env.compose --profile monitoring down

# Validates the Kubernetes manifests, compose file, Prometheus/Grafana provisioning and Dockerfile.
deploy-check: setup
	$(VENV)/bin/pytest -p no:randomly -q sketchdojo/tests/test_ops_deploy.py
