# voxmap: `make demo` analyses the bundled sample, `make test` runs the tests.
# Both bootstrap a virtual environment in .venv with the pinned dependencies and spaCy models.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
SHARED ?= ../shared

.PHONY: venv demo test test-fast eval gate bench clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

venv: $(STAMP)

DEMO_DB := out/demo.db

demo: venv
	$(VENV)/bin/voxmap analyze --sample --format text
	mkdir -p out && rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(VENV)/bin/voxmap ingest src/voxmap/samples/corpus/articles.jsonl --db $(DEMO_DB)
	$(VENV)/bin/voxmap report --db $(DEMO_DB)

test: venv
	$(PY) -m pytest

test-fast: venv
	$(PY) -m pytest -m "not model"

eval: venv
	$(VENV)/bin/voxmap eval polnear --data $(SHARED)/data/polnear --split dev

gate: venv
	$(VENV)/bin/voxmap eval gate --data $(SHARED)/data/polnear

bench: venv
	$(PY) bench/throughput.py --data $(SHARED)/data/polnear --split dev

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
