# voxmap: `make demo` analyses the bundled sample, `make test` runs the tests.
# Both bootstrap a virtual environment in .venv with the pinned dependencies and spaCy models.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
SHARED ?= ../shared

.PHONY: venv chromium ftm demo lint test test-fast fuzz eval gate bench clean

VENDOR := src/voxmap/web/static/vendor
ASSETS := $(VENDOR)/.assets-stamp

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# The dashboard's front-end libraries, pinned in web-assets/package-lock.json and served by the app.
$(ASSETS): web-assets/package.json web-assets/package-lock.json web-assets/vendor.py
	command -v npm >/dev/null || (apt-get update -qq && apt-get install -y -qq npm)
	cd web-assets && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	$(PYTHON) web-assets/vendor.py web-assets/node_modules $(VENDOR)
	touch $(ASSETS)

# The browser test drives Debian's Chromium (never a browser Playwright downloads).
# Without root it says so and goes on: the browser test then skips, except under CI where it fails.
chromium:
	@command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
		|| echo "could not install Debian's chromium: the browser test will not run"

venv: $(STAMP) $(ASSETS)

# The optional FollowTheMoney extra, for the export test: PyICU builds against Debian's libicu-dev.
FTM_STAMP := $(VENV)/.ftm-stamp
$(FTM_STAMP): $(STAMP)
	@(command -v pkg-config >/dev/null && pkg-config --exists icu-uc) || (apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libicu-dev pkg-config g++) || true
	$(PY) -m pip install --quiet "followthemoney==4.11.2" && touch $(FTM_STAMP) \
		|| echo "could not install followthemoney: the FollowTheMoney export test will not run"

ftm: $(FTM_STAMP)

DEMO_DB := out/demo.db

demo: venv
	$(VENV)/bin/voxmap analyze --sample --format text
	mkdir -p out && rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(VENV)/bin/voxmap knowledge import src/voxmap/samples/corpus/knowledge.csv -o out/knowledge.jsonl
	$(VENV)/bin/voxmap ingest src/voxmap/samples/corpus/articles.jsonl --db $(DEMO_DB) --knowledge out/knowledge.jsonl
	$(VENV)/bin/voxmap report --db $(DEMO_DB)
	@echo "Browse it: $(VENV)/bin/voxmap serve --db $(DEMO_DB)   (add --review to correct it)"

# The linter and the formatter (ruff, configured in pyproject.toml); `make test` runs them first.
lint: venv
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench

test: venv chromium ftm lint
	$(PY) -m pytest

test-fast: venv
	$(PY) -m pytest -m "not model"

# The fuzz tier at length (minutes): news-like texts through voxmap.analyze, EN and FR.
FUZZ_EXAMPLES ?= 20000
fuzz: venv
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(PY) -m pytest tests/model/test_fuzz.py -p no:cacheprovider

eval: venv
	$(VENV)/bin/voxmap eval polnear --data $(SHARED)/data/polnear --split dev

gate: venv
	$(VENV)/bin/voxmap eval gate --data $(SHARED)/data/polnear

bench: venv
	$(PY) bench/throughput.py --data $(SHARED)/data/polnear --split dev

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
