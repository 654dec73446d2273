# make build: set up .venv on first use and build the sample archive into public/
# make serve: the same, then preview it with live reload
# make test:  install what the tests need (Chromium, nginx, Java for the HTML checker, vim, a CP1251 locale) and run them
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: build serve test lint bench clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

build: $(STAMP)
	$(VENV)/bin/ssg build

serve: $(STAMP)
	$(VENV)/bin/ssg serve

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

test: $(STAMP) node_modules/.installed
	bash tools/system-deps.sh
	$(VENV)/bin/ruff check ssg tests benchmarks
	$(VENV)/bin/ruff format --check ssg tests benchmarks
	$(VENV)/bin/pytest -q -n auto

bench: $(STAMP)
	$(PY) benchmarks/run.py

clean:
	rm -rf public .ssg-cache
