# The two commands of the Quick start: `make run` and `make test`. Everything else is a helper target.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PYTEST_ARGS ?=

.PHONY: run test test-fast build serve lint format clean clients browser

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the project's dependencies change.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/diplograph build
	$(BIN)/diplograph serve

build: $(VENV)/.installed
	$(BIN)/diplograph build

serve: $(VENV)/.installed
	$(BIN)/diplograph serve

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy src

# JavaScript SPARQL clients for tests/clients (Comunica), into ./node_modules. Without npm the Comunica test
# says so: it fails in CI and is skipped locally.
node_modules/.installed: package.json
	@if command -v npm >/dev/null 2>&1; then \
		npm install --no-audit --no-fund --loglevel=error && touch $@; \
	else \
		echo "npm not found: the Comunica client test needs Node.js and npm (e.g. apt-get install npm)"; \
	fi

clients: node_modules/.installed

# The browser tests drive Debian's chromium through the Python playwright package (a test extra); no browser
# is ever downloaded (never `playwright install`). .ci/run installs chromium with apt-get.
browser: $(VENV)/.installed-test
	@$(BIN)/python -c "import playwright" || $(BIN)/python -m pip install --quiet 'playwright>=1.49,<2'
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
		&& apt-get update -qq && apt-get install -y -qq chromium; } \
		|| echo "chromium not found: install it (apt-get install chromium) for the browser tests (tests/browser)"

test: lint clients browser
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Skip the slow suites (browser, W3C, load, benchmarks) while working locally.
test-fast: lint
	$(BIN)/python -m pytest -m "not slow" $(PYTEST_ARGS)

format: $(VENV)/.installed-test
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

clean:
	rm -rf var/store .pytest_cache .ruff_cache
