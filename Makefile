# statusgen — see README.md.  `make site` and `make test` set up what they need.
CC      ?= cc
CFLAGS  ?= -O2 -g
WARN     = -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Wformat=2 -Wshadow -Wno-unused-parameter
PKGS     = libcmark libxml-2.0 yaml-0.1 jansson
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

# Objects go to $(BUILD); a sanitizer or fuzzing build uses another folder.
BUILD   ?= build/default
SRCS     = gen/main.c gen/util.c gen/diag.c gen/par.c gen/names.c gen/model.c gen/urls.c \
           gen/frontmatter.c gen/content.c gen/registry.c gen/check.c gen/markdown.c gen/escape.c \
           gen/template.c gen/view.c gen/outdir.c gen/export.c gen/search.c gen/site.c gen/skeleton.c
LIBOBJS  = $(patsubst gen/%.c,$(BUILD)/%.o,$(filter-out gen/main.c,$(SRCS)))
TESTS    = $(wildcard tests/unit/test_*.c)
FUZZERS  = fuzz_frontmatter fuzz_markdown fuzz_registry

.PHONY: all site check test deps deps-test clean update-iana bench \
        test-unit test-e2e test-site test-browser test-asan test-tsan test-valgrind test-fuzz

all: gen/statusgen

# Installs what is missing (apt-get as root; otherwise prints the command).
deps:
	@sh tools/deps.sh build

deps-test:
	@sh tools/deps.sh test

gen/statusgen: $(BUILD)/statusgen
	cp -f $< $@

$(BUILD)/statusgen: $(BUILD)/main.o $(LIBOBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) -pthread

$(BUILD)/%.o: gen/%.c gen/gen.h gen/model.h
	@mkdir -p $(BUILD)
	$(CC) $(WARN) $(CFLAGS) $(PKG_CFLAGS) -pthread -c -o $@ $<

$(BUILD)/unit: $(TESTS) tests/unit/helpers.h $(LIBOBJS)
	$(CC) $(WARN) $(CFLAGS) $(PKG_CFLAGS) -o $@ $(TESTS) $(LIBOBJS) $(PKG_LIBS) -lcriterion -pthread

$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(LIBOBJS)
	$(CC) $(WARN) $(CFLAGS) -fsanitize=fuzzer $(PKG_CFLAGS) -o $@ $< $(LIBOBJS) $(PKG_LIBS) -pthread

site: deps
	@$(MAKE) --no-print-directory gen/statusgen
	gen/statusgen build

check: deps
	@$(MAKE) --no-print-directory gen/statusgen
	gen/statusgen check

# Every test; each step runs all of its cases before it reports.
test: deps-test
	@$(MAKE) --no-print-directory gen/statusgen $(BUILD)/unit
	@$(MAKE) --no-print-directory test-unit test-e2e test-site test-browser test-asan test-tsan test-valgrind test-fuzz

test-unit: $(BUILD)/unit
	$(BUILD)/unit

test-e2e: gen/statusgen
	tests/e2e/run.sh

test-site: gen/statusgen tools/bench/mkcorpus
	tests/site-checks.sh

# The site in Debian's chromium, from file://, network off (playwright-core, axe-core).
test-browser: gen/statusgen
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
test-valgrind: gen/statusgen
	rm -rf build/valgrind-site
	valgrind -q --error-exitcode=1 --leak-check=full --show-leak-kinds=all \
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
	$(CC) -std=c11 -O2 -o $@ tools/bench/mkcorpus.c

# Fetches IANA's current registry over the network; `make check` then says
# what changed against the content.
update-iana:
	curl -fsSL -o data/iana/http-status-codes.xml.new \
	    https://www.iana.org/assignments/http-status-codes/http-status-codes.xml
	mv data/iana/http-status-codes.xml.new data/iana/http-status-codes.xml
	@$(MAKE) --no-print-directory check || true

clean:
	rm -rf build gen/statusgen tests/out tools/bench/mkcorpus
