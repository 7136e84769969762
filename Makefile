# The README's two commands: `make run` and `make test`. Both set up .venv the first time.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Re-install only when the dependencies change; the package itself is installed editable.
STAMP := $(VENV)/.installed
# One BLAS thread per process: with more, parallel workers slow each other down.
export OPENBLAS_NUM_THREADS := 1
# Playwright (the browser test) drives the machine's Chromium: it must never fetch a browser.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
# JupyterLab refuses to start as root unless told.
LAB_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: run test lab bench clean setup screenshots

setup: $(STAMP)

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m analysis run

# Lint and format first: a lint error or unformatted file fails the tests, and so CI.
test: $(STAMP)
	$(VENV)/bin/ruff check analysis tests benchmarks notebooks/*.py
	$(VENV)/bin/ruff format --check analysis tests benchmarks notebooks/*.py
	$(PY) -m pytest

# Measurements behind the README's tables (about 9 minutes on 2 cores).
bench: $(STAMP)
	$(PY) benchmarks/extract_speed.py 200
	$(PY) benchmarks/scale.py 300 2000
	$(PY) benchmarks/notebooks.py 3
	$(PY) benchmarks/rerun.py
	$(PY) benchmarks/corpus_pages.py 300 2

# A screenshot of every page of output/ in headless Chromium (apt-get install chromium), into
# output/screenshots/; the ones under docs/ were taken so.
screenshots: $(STAMP)
	$(PY) tests/browser.py output output/screenshots

lab: $(STAMP)
	$(VENV)/bin/jupyter lab $(LAB_ROOT) notebooks/

clean:
	rm -rf output
