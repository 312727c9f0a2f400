# Everything bootstraps from a bare python3: `make run` and `make test` create .venv when it
# is missing and reinstall only when pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench tmux clean docs

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# pip 23's resolver fails on lxml's html-clean extra, which two dependencies ask for.
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade 'pip>=24.2'
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/newsbrief

# The end-to-end test drives the real command inside tmux; install it when it is missing.
tmux:
	@command -v tmux >/dev/null 2>&1 || { \
	  echo "installing tmux for the end-to-end test"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq tmux >/dev/null; }

test: $(STAMP) tmux
	$(BIN)/ruff check summarise tui tests bench
	$(BIN)/lint-imports
	$(BIN)/mypy --strict summarise
	$(BIN)/mypy tui
	$(BIN)/python -m pytest -q -n 2

lint: $(STAMP)
	$(BIN)/ruff check summarise tui tests bench
	$(BIN)/ruff format --check summarise tui tests bench

bench: $(STAMP)
	$(BIN)/python bench/summary_quality.py ../shared/data/bbc

clean:
	rm -rf $(VENV) build dist .pytest_cache

# docs/reader.md's table of keys is generated from tui/actions.py (a test checks they agree).
docs: $(STAMP)
	$(BIN)/python -m tui.keys_doc docs/reader.md
