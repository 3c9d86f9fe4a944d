# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DB ?= eventwire.duckdb

.PHONY: demo test install eval clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Reinstall when the package metadata changes; the package itself is editable.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/eventwire ingest examples/articles --db $(DB)

test: $(STAMP)
	$(PY) -m pytest -q

eval: $(STAMP)
	$(PY) -m eventwire.eval extraction

clean:
	rm -rf $(VENV) $(DB) .pytest_cache
