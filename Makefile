# One command surface for people and CI. `make help` lists it.
# Two environments: .venv-rasa (Python 3.10, Rasa) and .venv (Python 3.11+, everything else).

SHELL := /bin/bash
.DEFAULT_GOAL := help
export RASA_TELEMETRY_ENABLED := false
export PYTHONPATH := $(CURDIR)
export TF_CPP_MIN_LOG_LEVEL := 2

APP_VENV  := .venv
RASA_VENV := .venv-rasa
APP_PY    := $(APP_VENV)/bin/python
RASA      := $(RASA_VENV)/bin/rasa
MODEL     := models/assistant.tar.gz
RASA_DATA := --config config.yml --domain bot/domain --data nlu_data bot/data
MODEL_INPUTS := config.yml $(shell find bot/domain bot/data nlu_data -name '*.yml' 2>/dev/null)
LINT_PATHS := api bot knowledge actions rasa_addons deployment tests benchmarks scripts catalog declaration_spec

.PHONY: help setup catalog system-packages run test lint train validate test-app test-rasa test-dialogue bench lock clean

help: ## List the commands
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

setup: $(APP_VENV)/.installed $(RASA_VENV)/.installed catalog system-packages ## Create both environments from the locks (quick when nothing changed)

$(APP_VENV)/.installed: requirements/app.lock
	@py=$$(scripts/find-python 3.11) || exit 1; \
	  [ -x $(APP_PY) ] || { echo "Creating $(APP_VENV) with $$py"; "$$py" -m venv $(APP_VENV); }
	$(APP_PY) -m pip install --quiet --disable-pip-version-check -r requirements/app.lock
	@touch $@

$(RASA_VENV)/.installed: requirements/rasa.lock
	@py=$$(scripts/find-python 3.10) || exit 1; \
	  [ -x $(RASA_VENV)/bin/python ] || { echo "Creating $(RASA_VENV) with $$py"; "$$py" -m venv $(RASA_VENV); }
	$(RASA_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements/rasa.lock
	@touch $@

catalog: $(APP_VENV)/.installed ## Compile the text catalogue (catalog/locale/*/LC_MESSAGES/*.po -> .mo)
	@$(APP_PY) -m catalog.build

# The officer console's browser tests drive Debian's Chromium through Playwright (no browser download);
# nginx balances Rasa replicas (bot/balancer.py).
SYSTEM_PACKAGES := chromium chromium-driver nginx

system-packages: ## Install the Debian packages the tests use (browser tests, load balancer) when missing
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	  [ -z "$$missing" ] || { sudo=$$([ "$$(id -u)" = 0 ] || echo sudo); echo "Installing:" $$missing; \
	  $$sudo apt-get update -qq && $$sudo apt-get install -y -qq $$missing; }

train: setup $(MODEL) ## Train the Rasa model (only when its inputs changed)

$(MODEL): $(MODEL_INPUTS) | $(RASA_VENV)/.installed
	$(RASA) train $(RASA_DATA) --out models --fixed-model-name assistant
	@touch $@

run: setup train ## Set up and run the assistant: API, actions, Rasa, then Telegram or a terminal chat
	@$(APP_PY) -m bot.run

validate: setup ## Check the Rasa training data and domain
	@scripts/validate_data.sh

lint: setup ## ruff and mypy (both environments' code)
	$(APP_VENV)/bin/ruff check $(LINT_PATHS)
	$(APP_VENV)/bin/ruff format --check $(LINT_PATHS)
	$(APP_VENV)/bin/mypy api bot knowledge benchmarks scripts catalog deployment declaration_spec
	$(APP_VENV)/bin/mypy --python-version 3.10 $$(find actions rasa_addons -name '*.py') deployment/rasa_settings.py

test-app: setup train ## Python 3.11 tests (API, knowledge, gateway, end-to-end stack)
	$(APP_VENV)/bin/pytest

test-rasa: setup ## Python 3.10 tests (custom actions)
	$(RASA_VENV)/bin/pytest -c tests/actions/pytest.ini --rootdir . tests/actions

test-dialogue: setup train ## NLU on the held-out split and story tests (scripts/test_dialogue.sh)
	@scripts/test_dialogue.sh

test: lint validate test-rasa test-dialogue test-app ## Run every test in both environments

bench: setup train ## Run the benchmarks; results go to benchmarks/results/
	$(APP_PY) -m benchmarks

lock: ## Re-pin requirements/*.lock from requirements/*.in in fresh throwaway venvs
	scripts/lock.sh

clean: ## Remove models, var/ and test caches (keeps the virtualenvs)
	rm -rf models var .pytest_cache .mypy_cache .ruff_cache results
