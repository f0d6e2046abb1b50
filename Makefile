# Beachhead: `make run` opens the app (the welcome page on first start), `make test` runs
# every test.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
BIN    := $(VENV)/bin
OUT    ?= out

.PHONY: run test bench lint install deps translations lupdate clean screenshots

TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

# The interface translations: .ts sources are edited, .qm files are built (never committed).
# Built beside and renamed into place: a running program maps its .qm file, and a file
# rewritten under it would crash it.
resources/translations/%.qm: resources/translations/%.ts $(VENV)/.installed
	$(BIN)/pyside6-lrelease -silent $< -qm $@.new && mv -f $@.new $@

translations: $(QM)

# Refresh the translation sources from every module under gui/ (then translate the new
# entries): Chinese, and the English plural forms of counts ("%n startup(s)": "1 startup").
lupdate: $(VENV)/.installed
	$(BIN)/pyside6-lupdate -locations none -no-obsolete $$(find gui -name '*.py' | sort) \
	  -ts resources/translations/beachhead_zh_CN.ts
	$(BIN)/pyside6-lupdate -locations none -no-obsolete -pluralonly -source-language en \
	  -target-language en $$(find gui -name '*.py' | sort) -ts resources/translations/beachhead_en.ts

# On Linux, also the desktop entry and the icon in the user's applications (menu, launcher).
APPS_DIR  ?= $(or $(XDG_DATA_HOME),$(HOME)/.local/share)

# The environment every target needs: the virtual environment and the translations.
deps: $(VENV)/.installed translations

install: deps
	@if [ "$$(uname -s)" = Linux ]; then \
	  mkdir -p "$(APPS_DIR)/applications" "$(APPS_DIR)/icons/hicolor/scalable/apps" && \
	  cp resources/icons/beachhead.svg "$(APPS_DIR)/icons/hicolor/scalable/apps/beachhead.svg" && \
	  sed -e 's|^Exec=beachhead|Exec="$(abspath $(BIN))/beachhead"|' \
	      -e 's|^TryExec=beachhead|TryExec=$(abspath $(BIN))/beachhead|' \
	      resources/beachhead.desktop > "$(APPS_DIR)/applications/beachhead.desktop" && \
	  (command -v update-desktop-database >/dev/null && \
	   update-desktop-database -q "$(APPS_DIR)/applications" || true); \
	fi

run: install
	scripts/system-deps.sh run
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ] || [ -n "$$QT_QPA_PLATFORM" ]; then \
	  $(BIN)/beachhead; \
	else \
	  echo "No display here: rendering the window on the bundled sample to $(OUT)/beachhead.png"; \
	  QT_QPA_PLATFORM=offscreen $(BIN)/beachhead --screenshot $(OUT)/beachhead.png; \
	fi

test: lint
	scripts/system-deps.sh test
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n 2 -q

bench: deps
	QT_QPA_PLATFORM=offscreen $(PY) bench/run.py

# The README's pictures: each view of the bundled sample, then the welcome page as on a first
# start (settings of its own) and the user guide, at 1280x800.
screenshots: deps
	mkdir -p docs
	for view in assess compare framework; do \
	  QT_QPA_PLATFORM=offscreen $(BIN)/beachhead --screenshot docs/$$view.png --view $$view \
	    --startup "Gearloom Systems" --size 1280x800 || exit 1; \
	done
	first=$$(mktemp -d) && export XDG_CONFIG_HOME=$$first XDG_DATA_HOME=$$first \
	  QT_QPA_PLATFORM=offscreen && \
	$(BIN)/beachhead --screenshot docs/welcome.png --view welcome --size 1280x800 --lang en && \
	$(BIN)/beachhead --screenshot docs/help.png --view guide --size 1280x800 --lang en && \
	$(BIN)/beachhead --screenshot docs/framework-editor.png --view editor --size 1280x800 \
	  --lang en && \
	$(BIN)/beachhead --screenshot docs/framework-rules.png --view rules --size 1280x800 \
	  --lang en && \
	$(BIN)/beachhead --screenshot docs/migration.png --view migration --size 1280x800 \
	  --lang en && \
	$(BIN)/beachhead sample -o "$$first/pipeline.beachhead" --size 2000 >/dev/null && \
	$(BIN)/beachhead --screenshot docs/compare-2000.png --view compare --size 1280x800 \
	  --startup "Belcor AI 826" \
	  --lang en "$$first/pipeline.beachhead"; \
	status=$$?; rm -rf "$$first"; exit $$status

# ruff; mypy --strict on the domain, mypy's looser defaults on the window (pyproject.toml);
# import-linter's contracts (no Qt in models, the domain's layers, no cycles).
lint: deps
	$(BIN)/ruff check .
	$(BIN)/mypy --strict models
	$(BIN)/mypy --follow-imports=silent gui
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .ruff_cache .hypothesis
