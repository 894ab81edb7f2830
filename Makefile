# RightsPath — every target sets itself up first (creates .venv and installs exactly the lock).
PY     ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# The lock files decide what is installed; a change to any of them re-runs the set-up.
LOCKS  := pyproject.toml uv.lock requirements/bootstrap.txt
STAMP  := $(VENV)/.installed-$(shell cat $(LOCKS) 2>/dev/null | cksum | cut -d' ' -f1)
UV     := $(BIN)/uv
export SDL_AUDIODRIVER ?= dummy
# uv uses the Python that is here (never downloads one) and copies files out of its cache.
export UV_PYTHON_DOWNLOADS := never
export UV_LINK_MODE := copy

.PHONY: setup play test bench web serve-web schema clean lock

# 1. a plain venv; 2. uv itself, from requirements/bootstrap.txt (version and hashes pinned);
# 3. `uv sync --locked`: exactly the packages of uv.lock, hashes checked, and stops if uv.lock
#    no longer matches pyproject.toml (run `make lock`).
$(STAMP): $(LOCKS)
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	@echo "Setting up $(VENV) from uv.lock (first run takes a minute)..."
	@$(UV) --version 2>/dev/null | grep -qx "uv $$(sed -n 's/^uv==\([^ ]*\).*/\1/p' requirements/bootstrap.txt)" || \
	  $(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements/bootstrap.txt
	@$(UV) sync -q --locked --extra dev --python $(BIN)/python
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

setup: $(STAMP)

## The Ralph learning-record store the LRS tests and benchmarks run (its own venv: no clashes with ours),
## installed exactly from requirements/lrs.txt (versions and hashes).
LRS_VENV  := .venv-lrs
LRS_STAMP := $(LRS_VENV)/.installed-$(shell cksum < requirements/lrs.txt | cut -d' ' -f1)
.PHONY: lrs-setup
lrs-setup: $(LRS_STAMP)

$(LRS_STAMP): requirements/lrs.txt $(STAMP)
	@test -x $(LRS_VENV)/bin/python || $(PY) -m venv $(LRS_VENV)
	@echo "Setting up $(LRS_VENV) for the Ralph LRS from requirements/lrs.txt..."
	@$(UV) pip sync -q --require-hashes --python $(LRS_VENV)/bin/python requirements/lrs.txt
	@rm -f $(LRS_VENV)/.installed-*
	@touch $(LRS_STAMP)

## The LMS-side run-time libraries the Chromium LMS tests load (scorm-again), exactly from
## tests/web/lms/package-lock.json (`npm ci`).
LMS_DIR   := tests/web/lms
LMS_STAMP := $(LMS_DIR)/node_modules/.installed-$(shell cksum < $(LMS_DIR)/package-lock.json | cut -d' ' -f1)
.PHONY: lms-setup
lms-setup: $(LMS_STAMP)

$(LMS_STAMP): $(LMS_DIR)/package.json $(LMS_DIR)/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  echo "Installing the LMS test libraries in $(LMS_DIR) (npm ci)..."; \
	  cd $(LMS_DIR) && npm ci --no-audit --no-fund --silent && touch $(CURDIR)/$(LMS_STAMP); \
	else \
	  echo "npm not found: the LMS browser tests will be skipped (apt-get install npm; .ci/run does)"; \
	fi

## Refresh every lock to the newest versions the specifiers allow (then run `make test` and commit the locks).
lock: $(STAMP)
	$(UV) lock --upgrade
	$(UV) pip compile -q --upgrade --universal --python-version 3.11 --generate-hashes \
	  requirements/lrs.in -o requirements/lrs.txt
	@echo "uv==$$(sed -n '/^name = "uv"$$/{n;s/^version = "\(.*\)"/\1/p}' uv.lock)" > requirements/bootstrap.in
	$(UV) pip compile -q --generate-hashes requirements/bootstrap.in -o requirements/bootstrap.txt

## Open the game (plays the bundled scenarios).
play: $(STAMP)
	$(BIN)/rightspath play

## Run every test: layer contracts, then the test suite.
test: $(STAMP) $(LRS_STAMP) $(LMS_STAMP)
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

## Print speed and size figures.
bench: $(STAMP) $(LRS_STAMP)
	$(BIN)/python -m tests.bench

## Build the browser version into build/web/ (offline, with pygbag).
web: $(STAMP)
	$(BIN)/rightspath build-web

## Serve build/web/ at http://127.0.0.1:8000/ (builds it first when missing); PORT=0 picks a free port;
## LRS=https://lrs.example/xAPI/ also forwards /xAPI/ there (live results without CORS).
PORT ?= 8000
serve-web: $(STAMP)
	@test -f build/web/index.html || $(MAKE) web
	$(BIN)/rightspath serve-web --port $(PORT) $(if $(LRS),--lrs-proxy $(LRS))

## Regenerate the committed JSON Schemas from the models.
schema: $(STAMP)
	$(BIN)/rightspath schema -o scenarios/schema/scenario.schema.json
	$(BIN)/rightspath schema --rights -o scenarios/schema/rights.schema.json

clean:
	rm -rf build/stage build/web build/out build/.build-web-* .pytest_cache .hypothesis
