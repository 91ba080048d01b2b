# The two commands a new user runs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
DEV_INSTALLED := $(VENV)/.dev-installed
DEMO_DB := demo.duckdb

.PHONY: demo test lint bench clean browser

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
	$(BIN)/dyads report --db $(DEMO_DB) --out report.html
	@echo "Open report.html in a browser; the data is in $(DEMO_DB) (try: $(BIN)/dyads stories --db $(DEMO_DB))"

# Browser tests drive Debian's chromium (Playwright's own browser download is not used); install it
# once when it is missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get install -y --no-install-recommends chromium || \
	  { $$SUDO apt-get update && $$SUDO apt-get install -y --no-install-recommends chromium; }; }

# pytest exits 5 when it collects no tests; any non-zero exit fails this target.
test: $(DEV_INSTALLED) browser
	$(BIN)/python -m pytest

lint: $(DEV_INSTALLED)
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools

bench: $(DEV_INSTALLED)
	$(BIN)/python benchmarks/bench_ingest.py --articles 5000
	$(BIN)/python benchmarks/bench_ingest.py --articles 5000 --steps ingest,ingest2 --repeat 3
	$(BIN)/python benchmarks/bench_ingest.py --articles 20000 --steps ingest
	$(BIN)/python benchmarks/bench_coding.py --articles 1000
	$(BIN)/python benchmarks/bench_api.py --events 1000000

clean:
	rm -rf $(VENV) $(DEMO_DB) demo-export report.html test-artifacts .pytest_cache
