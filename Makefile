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

# Ingest the example articles into the store, then show what an analyst asks first: the
# events (each real-world event once, with where it happened) and one dyad month by month.
demo: $(STAMP)
	$(VENV)/bin/eventwire ingest examples/articles --db $(DB)
	$(VENV)/bin/eventwire events --db $(DB) --unique --order date --limit 30 \
		--columns date,source_code,code,target_code,num_articles,location_name,predicate_text
	$(VENV)/bin/eventwire dyad RUS UKR --db $(DB) --by month

test: $(STAMP)
	$(PY) -m pytest -q

eval: $(STAMP)
	$(PY) -m eventwire.eval extraction

clean:
	rm -rf $(VENV) $(DB) .pytest_cache
