# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DB ?= eventwire.duckdb
CHROMIUM := /usr/bin/chromium

.PHONY: demo test install browser eval reliability fuzz clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Reinstall when the package metadata changes; the package itself is editable.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# The browser tests (tests/browser) need Debian's chromium and chromium-driver. Installed only
# when missing, as root or through password-less sudo; when that is impossible (no apt-get, no
# rights, no registry) one line says so and the tests decide: they skip, or fail under CI=1.
browser:
	@if [ -x $(CHROMIUM) ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then sudo=""; \
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; \
	else echo "browser: $(CHROMIUM) is missing and cannot be installed without root; run: sudo apt-get install chromium chromium-driver"; exit 0; fi; \
	if ! command -v apt-get >/dev/null 2>&1; then echo "browser: $(CHROMIUM) is missing and there is no apt-get to install it"; exit 0; fi; \
	echo "browser: installing Debian's chromium and chromium-driver"; \
	if ! { $$sudo apt-get update -qq && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null; }; then \
		echo "browser: could not install chromium (see apt-get's messages above); the browser tests will skip, or fail under CI"; fi

# Ingest the example articles into the store, then show what an analyst asks first: the
# events (each real-world event once, with where it happened) and one dyad month by month.
demo: $(STAMP)
	$(VENV)/bin/eventwire ingest examples/articles --db $(DB)
	$(VENV)/bin/eventwire events --db $(DB) --unique --order date --limit 30 \
		--columns date,source_code,code,target_code,num_articles,location_name,predicate_text
	$(VENV)/bin/eventwire dyad RUS UKR --db $(DB) --by month
	@echo "Explore the store in a browser: $(VENV)/bin/eventwire serve --db $(DB)  (http://127.0.0.1:8000)"

test: $(STAMP) browser
	$(PY) -m pytest -q

# Hostile inputs, killed runs and a fuzz run, measured (benchmarks/reliability.py); JSON=1 ends
# with one JSON line. About ten minutes. FUZZ_SECONDS bounds the fuzz run (here and in make fuzz).
FUZZ_SECONDS ?= 60
reliability: $(STAMP)
	PYTHONPATH=. $(PY) benchmarks/reliability.py --fuzz-seconds $(FUZZ_SECONDS) $(if $(JSON),--json)

# Coverage-guided fuzzing of the readers and the extraction (atheris), bounded in time.
fuzz: $(STAMP)
	PYTHONPATH=. $(PY) -m eventwire.reliability.fuzz --seconds $(FUZZ_SECONDS) $(if $(JSON),--json)

eval: $(STAMP)
	$(PY) -m eventwire.eval extraction

clean:
	rm -rf $(VENV) $(DB) .pytest_cache
