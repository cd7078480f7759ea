# Katib — the two commands of the README are `make run` and `make test`.
# Both set everything up on a machine that has only Python and apt.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.katib-installed
# A portable llama.cpp build: no -march=native baked in (an older laptop would
# crash with "Illegal instruction"), and no multimodal library (text only).
LLAMA_CMAKE_ARGS := -DGGML_NATIVE=OFF -DLLAVA_BUILD=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF
LLAMA_VERSION := 0.3.36
# Tests keep every file they write away from the user's own folders.
TEST_HOME ?= $(CURDIR)/.test-home

.PHONY: setup system-deps run selftest test test-fast bench eval-summaries eval-drafts clean translations qm dist test-offline fuzz screenshots

$(STAMP): pyproject.toml
	PYTHON=$(PYTHON) bash installers/scripts/system-deps.sh --build
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --upgrade pip wheel
	# Built first and outside pip's wheel cache, which ignores CMAKE_ARGS.
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(PY) -m pip install --no-cache-dir "llama-cpp-python==$(LLAMA_VERSION)"
	$(PY) -m pip install -e ".[test]"
	touch $(STAMP)

setup: $(STAMP) qm

# Interface translations: .ts sources are committed, .qm files are built here.
TS_FILES := $(wildcard resources/translations/katib_*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)

qm: $(QM_FILES)

resources/translations/%.qm: resources/translations/%.ts | $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

# Collect new self.tr() strings from the window's code into the .ts files, then build.
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -silent -locations none -no-obsolete desktop/katib/ui/*.py -ts $(TS_FILES)
	$(MAKE) qm

# Libraries Qt needs to draw a window, and the tools the tests drive
# (LibreOffice, pdftotext, Tesseract, Xvfb, strace).
system-deps:
	bash installers/scripts/system-deps.sh

run: setup
	bash installers/scripts/system-deps.sh --runtime
	$(VENV)/bin/katib-desktop

selftest: setup
	$(VENV)/bin/katib selftest

test: setup system-deps
	mkdir -p $(TEST_HOME)
	KATIB_HOME=$(TEST_HOME) QT_QPA_PLATFORM=offscreen $(PY) -m pytest -ra

test-fast: setup
	mkdir -p $(TEST_HOME)
	KATIB_HOME=$(TEST_HOME) QT_QPA_PLATFORM=offscreen $(PY) -m pytest -ra -m "not model"

# Every screen in French and in Arabic, on the real model, under Xvfb (the script starts
# xvfb-run itself when there is no display): PNG files in screenshots/ (not committed).
screenshots: setup
	mkdir -p $(TEST_HOME)
	KATIB_HOME=$(TEST_HOME) $(PY) tests/screenshots.py

bench: setup
	mkdir -p $(TEST_HOME)
	for bench in tests/bench/bench_*.py; do KATIB_HOME=$(TEST_HOME) $(PY) $$bench || exit 1; done

# Drafts every scenario of tests/scenarios/drafts.json with the real default model,
# exports .docx, converts with LibreOffice and reports frame, placeholder, fact and
# language figures.
eval-drafts: setup system-deps
	mkdir -p $(TEST_HOME)
	KATIB_HOME=$(TEST_HOME) $(PY) tests/eval/eval_drafts.py

# Summary quality (ROUGE, chrF) and cost against lead and plain map-reduce baselines.
# Subset sizes: make eval-summaries EVAL_ARGS="--n-fr 20 --n-en 3"
EVAL_ARGS ?= --n-fr 20 --n-en 3
eval-summaries: setup
	mkdir -p $(TEST_HOME)
	KATIB_HOME=$(TEST_HOME) $(PY) tests/eval/eval_summaries.py $(EVAL_ARGS)

# The Linux one-folder bundle (PyInstaller, installers/katib.spec) and its archive,
# under dist/. See installers/README.md for Windows and macOS.
DIST_STAMP := $(VENV)/.katib-dist-installed
ARCHIVE = dist/katib-$(shell $(PY) -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])")-linux-$(shell uname -m).tar.gz

$(DIST_STAMP): $(STAMP)
	$(PY) -m pip install -e ".[dist]"
	touch $(DIST_STAMP)

dist: setup $(DIST_STAMP)
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller installers/katib.spec
	tar -C dist -czf $(ARCHIVE) katib
	@du -sh dist/katib $(ARCHIVE)

# The end-to-end tests inside a network namespace with no network, under strace:
# fails if any process tried to reach an address outside loopback. Needs root
# (CI) or unprivileged user namespaces.
UNSHARE := $(if $(filter 0,$(shell id -u)),unshare -n,unshare -rn)
OFFLINE_TRACE := $(TEST_HOME)/offline-strace.txt

test-offline: setup
	mkdir -p $(TEST_HOME)
	rm -f $(OFFLINE_TRACE)
	$(UNSHARE) -- strace -f -qq --seccomp-bpf -e trace=connect,sendto,sendmsg,execve -o $(OFFLINE_TRACE) \
	  env KATIB_HOME=$(TEST_HOME) QT_QPA_PLATFORM=offscreen $(PY) -m pytest -ra -p no:cacheprovider tests/test_offline_e2e.py
	$(PY) tests/test_offline_strace.py $(OFFLINE_TRACE)

# Hostile input: every document reader and the template loader, 10,000+ cases.
fuzz: setup
	mkdir -p $(TEST_HOME)
	KATIB_HOME=$(TEST_HOME) $(PY) tests/fuzz/run_fuzz.py --cases 10000

clean:
	rm -rf $(VENV) $(TEST_HOME) build dist *.egg-info desktop/*.egg-info
