# statusgen — see README.md.  `make site` and `make test` set up what they need.
CC      ?= cc
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Wformat=2 -Wshadow -Wno-unused-parameter
PKGS     = libcmark libxml-2.0 yaml-0.1 jansson
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

SRCS = gen/main.c gen/util.c gen/diag.c gen/names.c gen/frontmatter.c gen/content.c \
       gen/registry.c gen/check.c gen/markdown.c gen/template.c gen/export.c gen/site.c
OBJS = $(SRCS:.c=.o)
LIBOBJS = $(filter-out gen/main.o,$(OBJS))

.PHONY: all site check test deps deps-test clean test-unit test-e2e test-site

all: gen/statusgen

# Installs what is missing (apt-get as root; otherwise prints the command).
deps:
	@sh tools/deps.sh build

deps-test:
	@sh tools/deps.sh test

gen/statusgen: $(OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(PKG_LIBS)

gen/%.o: gen/%.c gen/gen.h gen/model.h
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -c -o $@ $<

site: deps
	@$(MAKE) --no-print-directory gen/statusgen
	gen/statusgen build

check: deps
	@$(MAKE) --no-print-directory gen/statusgen
	gen/statusgen check

# Every test; each step runs all of its cases before it reports.
test: deps-test
	@$(MAKE) --no-print-directory gen/statusgen tests/unit/run
	@$(MAKE) --no-print-directory test-unit test-e2e test-site

clean:
	rm -f gen/statusgen gen/*.o tests/unit/run
	rm -rf tests/out

# ------------------------------------------------------------------ tests
TEST_SRCS = $(wildcard tests/unit/test_*.c)

tests/unit/run: $(TEST_SRCS) tests/unit/helpers.h $(LIBOBJS)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -o $@ $(TEST_SRCS) $(LIBOBJS) $(PKG_LIBS) -lcriterion

test-unit: tests/unit/run
	tests/unit/run

test-e2e: gen/statusgen
	tests/e2e/run.sh

test-site: gen/statusgen
	tests/site-checks.sh

