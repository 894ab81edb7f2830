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

## The Ralph learning-record store the LRS tests and benchmarks run (its own venv: no clashes with ours).
LRS_VENV  := .venv-lrs
LRS_STAMP := $(LRS_VENV)/.installed-ralph-5.1.0
.PHONY: lrs-setup
lrs-setup: $(LRS_STAMP)

$(LRS_STAMP):
	@test -x $(LRS_VENV)/bin/python || $(PY) -m venv $(LRS_VENV)
	@echo "Setting up $(LRS_VENV) for the Ralph LRS..."
	@$(LRS_VENV)/bin/python -m pip install -q --upgrade pip
	@$(LRS_VENV)/bin/python -m pip install -q 'ralph-malph[cli,lrs,backend-fs]==5.1.0' 'requests>=2.31'
	@rm -f $(LRS_VENV)/.installed-*
	@touch $(LRS_STAMP)

## Open the game (plays the bundled scenarios).
play: $(STAMP)
	$(BIN)/rightspath play

## Run every test: layer contracts, then the test suite.
test: $(STAMP) $(LRS_STAMP)
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

## Print speed and size figures.
bench: $(STAMP) $(LRS_STAMP)
	$(BIN)/python -m tests.bench

## Build the browser version into build/web/ (offline, with pygbag).
web: $(STAMP)
	$(BIN)/rightspath build-web

## Serve build/web/ at http://127.0.0.1:8000/ (builds it first when missing); PORT=0 picks a free port.
PORT ?= 8000
serve-web: $(STAMP)
	@test -f build/web/index.html || $(MAKE) web
	$(BIN)/python -m game.webbuild.serve --port $(PORT)

## Regenerate the committed JSON Schemas from the models.
schema: $(STAMP)
	$(BIN)/rightspath schema -o scenarios/schema/scenario.schema.json
	$(BIN)/rightspath schema --rights -o scenarios/schema/rights.schema.json

clean:
	rm -rf build/stage build/web build/out build/.build-web-* .pytest_cache .hypothesis
