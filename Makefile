# Beachhead: `make run` opens the app on the bundled sample, `make test` runs every test.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
BIN    := $(VENV)/bin
OUT    ?= out
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test bench lint install clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

run: install
	scripts/system-deps.sh run
	mkdir -p $(OUT)
	$(BIN)/beachhead sample -o $(OUT)/sample.beachhead
	$(BIN)/beachhead score $(OUT)/sample.beachhead

test: install
	scripts/system-deps.sh test
	$(BIN)/ruff check .
	$(PY) -m pytest -n 2 -q

bench: install
	$(PY) bench/run.py

lint: install
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .ruff_cache .hypothesis
