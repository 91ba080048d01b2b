# The two commands a new user runs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
DEV_INSTALLED := $(VENV)/.dev-installed
DEMO_DB := demo.duckdb

.PHONY: demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(DEV_INSTALLED): pyproject.toml $(INSTALLED)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

demo: $(INSTALLED)
	rm -f $(DEMO_DB)
	$(BIN)/dyads ingest examples --db $(DEMO_DB)
	$(BIN)/dyads stats --db $(DEMO_DB)
	@echo "Results are in $(DEMO_DB); try: $(BIN)/dyads export --db $(DEMO_DB) --format csv --out demo-export"

# pytest exits 5 when it collects no tests; any non-zero exit fails this target.
test: $(DEV_INSTALLED)
	$(BIN)/python -m pytest

lint: $(DEV_INSTALLED)
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools

bench: $(DEV_INSTALLED)
	$(BIN)/python benchmarks/bench_ingest.py --articles 5000 --spacy-baseline
	$(BIN)/python benchmarks/bench_coding.py --articles 1000

clean:
	rm -rf $(VENV) $(DEMO_DB) demo-export .pytest_cache
