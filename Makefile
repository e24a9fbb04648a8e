# statusgen — see README.md.  `make site` and `make test` set up what they need.
CC        ?= cc
CFLAGS    ?= -O2 -g
PKG_CONFIG ?= pkg-config
PREFIX    ?= /usr/local
# The IANA snapshot, where update-iana fetches it from, and its report.
IANA_URL      ?= https://www.iana.org/assignments/http-status-codes/http-status-codes.xml
IANA_SNAPSHOT ?= data/iana/http-status-codes.xml
IANA_REPORT   ?= build/iana-drift.md
STD        = -std=c11 -D_POSIX_C_SOURCE=200809L
WARN       = -Wall -Wextra -Wformat=2 -Wshadow -Wmissing-prototypes -Wstrict-prototypes \
             -Wno-unused-parameter
PKGS       = libcmark libxml-2.0 yaml-0.1 jansson opencc libutf8proc
# Only statusgen-serve links the HTTP server: libmicrohttpd and the TLS
# libraries it brings cost every start of statusgen 5 ms (a twentieth of a
# 200-file build); `statusgen serve` runs statusgen-serve.
SERVE_PKGS = libmicrohttpd
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) $(SERVE_PKGS) 2>/dev/null)
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
SERVE_LIBS := $(shell $(PKG_CONFIG) --libs $(SERVE_PKGS) 2>/dev/null)
# OpenCC's dictionaries: their sizes and dates name the conversion cache.
OPENCC_PREFIX := $(shell $(PKG_CONFIG) --variable=prefix opencc 2>/dev/null)
OPENCC_DEFS = $(if $(OPENCC_PREFIX),-DOPENCC_DATA_DIR='"$(OPENCC_PREFIX)/share/opencc"')
ALL_CFLAGS = $(STD) $(WARN) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS) $(OPENCC_DEFS) -pthread -MMD -MP

# Objects go to $(BUILD); a sanitizer or fuzzing build uses another folder.
BUILD   ?= build/default
SRCS     = gen/main.c gen/util.c gen/diag.c gen/par.c gen/arena.c gen/names.c gen/model.c gen/urls.c \
           gen/frontmatter.c gen/fmkeys.c gen/semantics.c gen/guide.c gen/content.c gen/registry.c gen/check.c gen/constants.c gen/zhspace.c \
           gen/markdown.c gen/escape.c gen/template.c gen/view.c gen/viewidx.c gen/viewref.c gen/outdir.c gen/export.c \
           gen/zhconv.c gen/strmap.c gen/search.c gen/site.c gen/skeleton.c gen/drift.c \
           gen/serve.c gen/httpex.c gen/hant.c gen/start.c
LIBOBJS  = $(patsubst gen/%.c,$(BUILD)/%.o,$(filter-out gen/main.c gen/serve.c,$(SRCS)))
TESTS    = $(wildcard tests/unit/test_*.c)
TESTOBJS = $(patsubst tests/unit/%.c,$(BUILD)/tests/%.o,$(TESTS))
FUZZERS  = fuzz_frontmatter fuzz_markdown fuzz_registry fuzz_guide fuzz_zhconv
SHELLS   = .ci/run tools/deps.sh tools/bench/run.sh tests/e2e/run.sh tests/browser/run.sh \
           $(wildcard tests/*.sh) $(wildcard tests/e2e/*/setup)
CSOURCES = gen/*.c gen/*.h tests/unit/*.c tests/unit/*.h tests/fuzz/*.c tools/bench/mkcorpus.c

.PHONY: all site serve check test deps deps-test clean update-iana bench install lint pkg-check \
        test-unit test-e2e test-content test-site test-browser test-asan test-tsan test-valgrind test-fuzz

all: gen/statusgen gen/statusgen-serve

# Installs what is missing (apt-get as root; otherwise prints the command).
deps:
	@sh tools/deps.sh build

deps-test:
	@sh tools/deps.sh test

# A loud stop when a library is missing, rather than "cmark.h: No such file".
pkg-check:
	@$(PKG_CONFIG) --print-errors --exists $(PKGS) $(SERVE_PKGS) || \
	    { echo "statusgen: $(PKG_CONFIG) cannot find: $(PKGS) $(SERVE_PKGS) (run 'make deps')" >&2; exit 1; }

gen/statusgen: $(BUILD)/statusgen
	cp -f $< $@

$(BUILD)/statusgen: $(BUILD)/main.o $(LIBOBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -pthread -o $@ $^ $(PKG_LIBS) $(LDLIBS)

gen/statusgen-serve: $(BUILD)/statusgen-serve
	cp -f $< $@

$(BUILD)/statusgen-serve: $(BUILD)/main-serve.o $(BUILD)/serve.o $(LIBOBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -pthread -o $@ $^ $(PKG_LIBS) $(SERVE_LIBS) $(LDLIBS)

$(BUILD)/main-serve.o: gen/main.c | pkg-check
	@mkdir -p $(BUILD)
	$(CC) $(ALL_CFLAGS) -DSTATUSGEN_SERVE -c -o $@ $<

$(BUILD)/%.o: gen/%.c | pkg-check
	@mkdir -p $(BUILD)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# Unit tests: one object per test file.  pthread_create is wrapped so that
# test_par.c can make it fail (tests/unit/test_par.c).
$(BUILD)/tests/%.o: tests/unit/%.c | pkg-check
	@mkdir -p $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/unit: $(TESTOBJS) $(LIBOBJS) $(BUILD)/serve.o
	$(CC) $(CFLAGS) $(LDFLAGS) -pthread -Wl,--wrap=pthread_create -o $@ $^ $(PKG_LIBS) \
	    $(SERVE_LIBS) -lcriterion $(LDLIBS)

$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(LIBOBJS)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< $(LIBOBJS) $(PKG_LIBS) $(LDLIBS)

-include $(wildcard $(BUILD)/*.d $(BUILD)/tests/*.d)

site: deps
	@$(MAKE) --no-print-directory gen/statusgen
	gen/statusgen build

# The preview: builds, serves site/ at http://127.0.0.1:8000/ and rebuilds
# and reloads the open pages on every change (statusgen serve; PORT=…).
PORT ?= 8000
serve: deps
	@$(MAKE) --no-print-directory gen/statusgen gen/statusgen-serve
	gen/statusgen serve --port $(PORT)

check: deps
	@$(MAKE) --no-print-directory gen/statusgen
	gen/statusgen check --iana $(IANA_SNAPSHOT)

# Every test; each step runs all of its cases before it reports, and -k runs
# every step even when one fails (the exit status still says it failed).
test: deps-test
	@$(MAKE) --no-print-directory gen/statusgen gen/statusgen-serve $(BUILD)/unit
	@$(MAKE) --no-print-directory -k lint test-unit test-e2e test-content test-site test-browser \
	    test-asan test-tsan test-valgrind test-fuzz

# The house style and the documentation, kept by tools: clang-format with
# the repository's .clang-format, mandoc's lint of the man pages, shellcheck.
lint:
	clang-format --dry-run -Werror $(CSOURCES)
	mandoc -Tlint -W warning gen/statusgen.1 gen/statusgen-content.5
	shellcheck $(SHELLS)
	@awk 'FNR == 1 && NR > 1 && n > 700 { print f ": " n " lines, over 700"; bad = 1 } \
	     { f = FILENAME; n = FNR } END { if (n > 700) { print f ": " n " lines, over 700"; bad = 1 } exit bad }' gen/*.c gen/*.h
	@test $$(wc -l < gen/site.c) -lt 500 || { echo "gen/site.c: over 500 lines"; exit 1; }
	@echo "lint: 4 passed, 0 failed"

test-unit: $(BUILD)/unit
	$(BUILD)/unit

test-e2e: gen/statusgen
	tests/e2e/run.sh

# The Chinese text: the glossary's banned terms, with positions (the
# spacing rule is statusgen's own warning, so the site checks' --werror
# build keeps it); every entry of the phrase table used (statusgen check
# warns at one the content no longer needs).
test-content: gen/statusgen
	node tests/glossary-check.mjs
	STATUSGEN_TODAY=2026-11-01 gen/statusgen check --werror

test-site: gen/statusgen gen/statusgen-serve tools/bench/mkcorpus
	tests/site-checks.sh

# The site in Debian's chromium, from file://, network off (playwright-core, axe-core).
test-browser: gen/statusgen gen/statusgen-serve
	tests/browser/run.sh

# The unit and end-to-end tests again, and a build of the real content, under
# AddressSanitizer and UndefinedBehaviorSanitizer.
ASAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
test-asan:
	@$(MAKE) --no-print-directory BUILD=build/asan CFLAGS="$(ASAN_FLAGS)" build/asan/statusgen build/asan/unit
	build/asan/unit
	STATUSGEN=$(CURDIR)/build/asan/statusgen tests/e2e/run.sh
	rm -rf build/asan/site && build/asan/statusgen build --out build/asan/site 2>/dev/null
	rm -rf build/asan/site

# The end-to-end tests and the real build under ThreadSanitizer: the loading,
# the Markdown and the pages run on several threads.
test-tsan:
	@$(MAKE) --no-print-directory BUILD=build/tsan CC=clang CFLAGS="-O1 -g -fsanitize=thread" build/tsan/statusgen
	STATUSGEN=$(CURDIR)/build/tsan/statusgen STATUSGEN_JOBS=4 tests/e2e/run.sh
	rm -rf build/tsan/site && STATUSGEN_JOBS=4 build/tsan/statusgen build --out build/tsan/site 2>/dev/null
	rm -rf build/tsan/site

# The build of the real content under valgrind: zero errors, zero leaks.
# --trace-children: a build starts itself again (huge pages, main.c).
test-valgrind: gen/statusgen
	rm -rf build/valgrind-site
	valgrind -q --trace-children=yes --error-exitcode=1 --leak-check=full --show-leak-kinds=all \
	    --errors-for-leak-kinds=all gen/statusgen build --out build/valgrind-site 2>build/valgrind.log \
	    || { cat build/valgrind.log; exit 1; }
	@grep -v -E '^content/.*: note: ' build/valgrind.log || true
	rm -rf build/valgrind-site
	@echo "valgrind: 1 passed, 0 failed"

# Coverage-guided fuzzing (libFuzzer, clang) under ASan+UBSan, FUZZ_SECONDS each.
FUZZ_SECONDS ?= 60
FUZZ_FLAGS = -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
test-fuzz:
	@$(MAKE) --no-print-directory BUILD=build/fuzz CC=clang CFLAGS="$(FUZZ_FLAGS)" \
	    $(addprefix build/fuzz/,$(FUZZERS))
	tests/fuzz/run.sh build/fuzz $(FUZZ_SECONDS) $(FUZZERS)

# The benchmark: statusgen against Hugo and the cmark floor on generated
# corpora (tools/bench/run.sh; BENCH_SIZES, BENCH_RUNS).
bench: deps tools/bench/mkcorpus
	@$(MAKE) --no-print-directory gen/statusgen
	bash tools/bench/run.sh

tools/bench/mkcorpus: tools/bench/mkcorpus.c
	$(CC) $(STD) $(WARN) $(CPPFLAGS) -O2 $(LDFLAGS) -o $@ tools/bench/mkcorpus.c

# Fetches IANA's current registry (IANA_URL: file://… works too) into
# IANA_SNAPSHOT, when it is a valid snapshot; writes what changed, and which
# content files need work, to IANA_REPORT (the body of the pull request the
# iana workflow opens), then runs `make check`, which lists each at its line.
update-iana: deps
	@$(MAKE) --no-print-directory gen/statusgen
	mkdir -p $(dir $(IANA_REPORT))
	curl -fsSL -o $(IANA_SNAPSHOT).new "$(IANA_URL)"
	gen/statusgen drift $(IANA_SNAPSHOT) $(IANA_SNAPSHOT).new >$(IANA_REPORT) || \
	    { rm -f $(IANA_SNAPSHOT).new; exit 1; }
	mv $(IANA_SNAPSHOT).new $(IANA_SNAPSHOT)
	@cat $(IANA_REPORT)
	@$(MAKE) --no-print-directory check IANA_SNAPSHOT=$(IANA_SNAPSHOT) || true

# Installs the command and its man pages under $(DESTDIR)$(PREFIX).
install: gen/statusgen gen/statusgen-serve
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	    $(DESTDIR)$(PREFIX)/share/man/man5
	install -m 755 gen/statusgen $(DESTDIR)$(PREFIX)/bin/statusgen
	install -m 755 gen/statusgen-serve $(DESTDIR)$(PREFIX)/bin/statusgen-serve
	install -m 644 gen/statusgen.1 $(DESTDIR)$(PREFIX)/share/man/man1/statusgen.1
	install -m 644 gen/statusgen-content.5 $(DESTDIR)$(PREFIX)/share/man/man5/statusgen-content.5

clean:
	rm -rf build gen/statusgen gen/statusgen-serve tests/out tools/bench/mkcorpus
