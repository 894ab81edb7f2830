# RightsPath — every target sets itself up first (creates .venv and installs what it needs).
PY     ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)
export SDL_AUDIODRIVER ?= dummy

.PHONY: setup play test bench web serve-web schema clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	@echo "Setting up $(VENV) (first run takes a minute)..."
	@$(BIN)/python -m pip install -q --upgrade pip
	@$(BIN)/python -m pip install -q -e '.[dev]'
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

setup: $(STAMP)

## Open the game (plays the bundled scenarios).
play: $(STAMP)
	$(BIN)/rightspath play

## Run every test: layer contracts, then the test suite.
test: $(STAMP)
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

## Print speed and size figures.
bench: $(STAMP)
	$(BIN)/python -m tests.bench

## Regenerate the committed JSON Schemas from the models.
schema: $(STAMP)
	$(BIN)/rightspath schema -o scenarios/schema/scenario.schema.json
	$(BIN)/rightspath schema --rights -o scenarios/schema/rights.schema.json

clean:
	rm -rf build/stage build/web build/out .pytest_cache .hypothesis
