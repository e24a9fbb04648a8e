/*
 * main.c — the command line (SPEC §6): statusgen build | check | new.
 *
 * Data flows one way: load the content and the IANA snapshot, check and
 * link them, then (for build) render the Markdown and write the site.  The
 * environment ($STATUSGEN_JOBS, $STATUSGEN_TODAY, $STATUSGEN_CACHE) is read
 * here, once, and passed down.  Built twice: as statusgen, and with STATUSGEN_SERVE as
 * statusgen-serve, the one program that links the HTTP server (libmicrohttpd
 * and the TLS libraries it brings cost every start 5 ms); `statusgen serve`
 * runs statusgen-serve.
 */
#include <getopt.h>
#include <libxml/parser.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "gen.h"

static const char usage[] =
    "usage: statusgen build [--content DIR] [--templates DIR] [--iana FILE] [--constants DIR]\n"
    "                       [--opencc DIR] [--out DIR] [--base-url URL] [--werror]\n"
    "                       [--format text|github]\n"
    "       statusgen check [--content DIR] [--iana FILE] [--constants DIR] [--opencc DIR]\n"
    "                       [--werror] [--format text|github]\n"
    "       statusgen new NNN [--vendor NAME] [--content DIR] [--iana FILE]\n"
    "       statusgen serve [build's options] [--port N] [--bind ADDR]\n"
    "       statusgen drift OLD.xml NEW.xml [--content DIR]\n"
    "       statusgen --help | --version\n";

static const char help[] =
    "\n"
    "Builds the bilingual HTTP status code reference from Markdown content.\n"
    "\n"
    "commands:\n"
    "  build   check the content, then write the site and codes.json into --out\n"
    "  check   check the content against SPEC §2 and the IANA snapshot only\n"
    "  new     write the skeleton of a new meaning of code NNN (never replaces a file)\n"
    "  serve   build, serve --out over HTTP, and rebuild and reload the pages on a change\n"
    "  drift   say, in Markdown, what IANA changed between two snapshots of its registry\n"
    "\n"
    "options (defaults are relative to the repository root):\n"
    "  --content DIR     content files                 (content)\n"
    "  --templates DIR   page templates and assets     (templates)\n"
    "  --iana FILE       IANA registry snapshot        (data/iana/http-status-codes.xml)\n"
    "  --constants DIR   the libraries' status names   (data/constants)\n"
    "  --opencc DIR      Traditional Chinese settings  (data/opencc)\n"
    "  --out DIR         output folder, replaced whole (site)\n"
    "  --base-url URL    address the site is published at, for sitemap.xml\n"
    "  --werror          treat warnings as errors\n"
    "  --format FORMAT   diagnostics as text lines, or as GitHub annotations (text)\n"
    "  --port N          serve: the port to listen on (8000; 0: any free one)\n"
    "  --bind ADDR       serve: the address to listen on (127.0.0.1)\n"
    "  --vendor NAME     new: the product whose own meaning this is\n"
    "\n"
    "exit status: 0 clean, 1 content errors, 2 usage or I/O errors.\n"
    "See statusgen(1) and statusgen-content(5).\n";

#define DEFAULT_BASE_URL "https://statusgen.github.io/statusgen/"

/* par_run's jobs: one meaning's Markdown, checked (and for build rendered). */
static void
check_one(size_t i, void *arg)
{
	struct corpus *c = arg;

	md_check(c->m[i], c);
}

/* For build: checked and rendered in one go, so that each document's tree
 * is freed while it is still in the cache (keeping every tree from the
 * check to the render cost a third more memory and time on large corpora);
 * the trees live in the job's arena, gone with it (md_render leaves none). */
static void
check_render_one(size_t i, void *arg)
{
	struct corpus *c = arg;

	arena_begin();
	md_check(c->m[i], c);
	md_render(c->m[i], c);
	arena_end();
}

/* Returns today's UTC date as YYYY-MM-DD in buf, or $STATUSGEN_TODAY when
 * it is set (for reproducible tests). */
static const char *
today_date(char buf[11])
{
	const char *env = getenv("STATUSGEN_TODAY");
	time_t now;
	struct tm tm;

	if (env && strlen(env) == 10)
		return env;
	now = time(NULL);
	gmtime_r(&now, &tm);
	strftime(buf, 11, "%Y-%m-%d", &tm);
	return buf;
}

/* Returns the conversion cache's folder (zhconv.c) for content folder
 * `content` in buf: $STATUSGEN_CACHE, else $XDG_CACHE_HOME/statusgen, else
 * ~/.cache/statusgen, then a folder named after the content folder's
 * absolute path, so that two sites built on one machine do not take turns emptying
 * one cache (a cache keeps what its last build used); NULL when
 * $STATUSGEN_CACHE is empty or no absolute folder is known. */
static const char *
cache_folder(char *buf, size_t size, const char *content)
{
	const char *env = getenv("STATUSGEN_CACHE"), *xdg = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");
	char where[4096];
	int n;

	if (env && !env[0])
		n = -1;
	else if (env)
		n = snprintf(buf, size, "%s", env);
	else if (xdg && xdg[0] == '/')
		n = snprintf(buf, size, "%s/statusgen", xdg);
	else if (home && home[0] == '/')
		n = snprintf(buf, size, "%s/.cache/statusgen", home);
	else
		n = -1;
	/* The content folder from the root, as given (the working folder
	 * first if it is relative). */
	if (content[0] == '/' || getcwd(where, sizeof(where)) == NULL)
		where[0] = '\0';
	if (n > 0 && (size_t)n < size) {
		struct buf path = {0};
		buf_puts(&path, where);
		buf_puts(&path, "/");
		buf_puts(&path, content);
		n += snprintf(buf + n, size - (size_t)n, "/content-%016llx",
		              (unsigned long long)str_hash(path.s, path.len));
		buf_free(&path);
	}
	return n > 0 && (size_t)n < size ? buf : NULL;
}

/* Prints the diagnostics and the closing count line; returns rc. */
static int
finish(int rc, int build)
{
	int e, w;

	diag_flush(); /* counts what it prints: a repeated line once */
	e = diag_count(DIAG_ERROR);
	w = diag_count(DIAG_WARNING);
	if ((e || w) && diag_hidden())
		fprintf(stderr, "statusgen: %d error%s, %d warning%s (%d not shown)%s\n", e,
		        e == 1 ? "" : "s", w, w == 1 ? "" : "s", diag_hidden(),
		        rc && build ? "; nothing was written" : "");
	else if (e || w)
		fprintf(stderr, "statusgen: %d error%s, %d warning%s%s\n", e, e == 1 ? "" : "s", w,
		        w == 1 ? "" : "s", rc && build ? "; nothing was written" : "");
	return rc;
}

/* OpenCC's dictionaries take a while to load: a build opens them on a
 * thread of their own while the content is read and checked. */
struct opener {
	const char *dir, *cache;
	struct zhconv *z;
};

static void *
open_zhconv(void *arg)
{
	struct opener *o = arg;

	o->z = zhconv_open(o->dir, o->cache);
	return NULL;
}

/* The templates folder needs no content: a build reads it on a thread of
 * its own while the content is checked, on a core that is otherwise idle
 * then (checking is mostly one thread's work). */
struct reader {
	const char *dir;
	struct templates *tp;
	int rc;
};

static void *
read_templates(void *arg)
{
	struct reader *r = arg;

	r->rc = templates_load(r->dir, 1, &r->tp);
	return NULL;
}

/* What build and check read, besides the build's own options. */
struct inputs {
	const char *content;   /* --content */
	const char *iana;      /* --iana */
	const char *constants; /* --constants */
	const char *today;     /* YYYY-MM-DD */
	int werror;            /* --werror */
	int build;             /* build, not check */
};

/* SIGINT and SIGTERM during a build: while the new site is being written,
 * the first stops the writing (the build then removes its folder and ends
 * as the signal would); before that, or at a second signal, the process
 * ends at once. */
static volatile sig_atomic_t stopped_by;

static void
on_signal(int sig)
{
	if (stopped_by || !outdir_interrupt()) {
		/* A second signal, or nothing written yet: end at once. */
		signal(sig, SIG_DFL);
		raise(sig);
		return;
	}
	stopped_by = sig;
}

/* build and check: load, validate and link, then (build) render and write.
 * Returns the exit status. */
static int
run(const struct inputs *in, const struct build_options *given)
{
	struct build_options opt = *given;
	struct opener zh = {given->opencc, given->cache, NULL};
	struct reader tr = {given->templates, NULL, 0};
	pthread_t opener, reader;
	int opening = 0, reading = 0;
	struct corpus *c;
	struct constants *k_lists;
	int io_error = 0, rc, k, build = in->build;
	size_t i;

	xmlInitParser(); /* before threads parse: libxml2 2.9 sets itself up unguarded */
	if (build)
		opening = pthread_create(&opener, NULL, open_zhconv, &zh) == 0;
	c = corpus_load(in->content, opt.jobs, &io_error);
	if (c == NULL) {
		if (opening)
			pthread_join(opener, NULL);
		zhconv_close(zh.z);
		return finish(2, build);
	}
	if (build)
		reading = pthread_create(&reader, NULL, read_templates, &tr) == 0;
	if (registry_load(in->iana, &c->reg) == 2)
		io_error = 1;
	k_lists = constants_load(in->constants, &io_error);
	check_corpus(c, in->today);
	if (c->guide_path)
		c->guide = guide_load(c->guide_path, c);
	constants_check(k_lists, c);
	constants_free(k_lists);
	par_run(opt.jobs, c->nm, build ? check_render_one : check_one, c);
	if (build)
		check_anchors(c);
	for (k = 0; k < CLASS__N; k++)
		if (c->classes[k])
			md_check(c->classes[k], c);
	for (i = 0; i < c->npages; i++)
		md_check(c->pages[i], c);
	if (!build && hant_check_table(c, opt.opencc) == -1)
		io_error = 1;

	if (build) {
		if (opening)
			pthread_join(opener, NULL);
		else
			open_zhconv(&zh);
		opt.zh = zh.z;
		if (zh.z == NULL)
			io_error = 1; /* reported by zhconv_open */
		if (reading)
			pthread_join(reader, NULL);
		else
			read_templates(&tr);
		opt.tp = tr.tp;
		if (tr.rc == 2)
			io_error = 1; /* reported by templates_load */
	}
	if (io_error)
		rc = 2;
	else if (diag_count(DIAG_ERROR) || (in->werror && diag_count(DIAG_WARNING)) || tr.rc)
		rc = 1;
	else
		rc = 0;
	if (rc == 0 && build) {
		for (k = 0; k < CLASS__N; k++)
			if (c->classes[k])
				md_render(c->classes[k], c);
		for (i = 0; i < c->npages; i++)
			md_render(c->pages[i], c);
		hant_derive(c, zh.z);
		rc = zhconv_failed(zh.z) ? 2 : site_build(c, &opt);
	}
	zhconv_close(zh.z);
	templates_free(tr.tp);
	corpus_free(c);
	return finish(rc, build);
}

/* Returns 1 for what a vendor's name, one line of visible text, may not hold. */
static int
unwritable(uint32_t c)
{
	return cp_control(c) || c == '\n' || c == '\t' || cp_invisible(c);
}

/* Returns 1 if `--vendor` can be written into a skeleton that passes check:
 * one line of visible UTF-8 text; else reports why and returns 0. */
static int
vendor_name_ok(const char *vendor)
{
	struct pos none = {0, 0};
	size_t bad;
	uint32_t cp;

	if (vendor[0] == '\0') {
		diag(DIAG_ERROR, "statusgen new", none, "--vendor needs a name");
		return 0;
	}
	if (!utf8_valid(vendor, strlen(vendor), &bad)) {
		diag(DIAG_ERROR, "statusgen new", none, "--vendor is not UTF-8 text");
		return 0;
	}
	if (find_cp(vendor, unwritable, &cp) >= 0) {
		diag(DIAG_ERROR, "statusgen new", none,
		     "--vendor '%s' holds U+%04X: a vendor's name is one line of visible text",
		     vendor, (unsigned)cp);
		return 0;
	}
	return 1;
}

/* Returns --out without its trailing slashes (the caller frees it), or NULL
 * when it names no folder a build may replace: empty, ".", "..", "/", or
 * ending in "/." or "/..". */
static char *
out_path(const char *given)
{
	char *p = xstrdup(given), *base;
	size_t n = strlen(p);

	while (n > 1 && p[n - 1] == '/')
		p[--n] = '\0';
	base = strrchr(p, '/') ? strrchr(p, '/') + 1 : p;
	if (base[0] == '\0' || strcmp(base, ".") == 0 || strcmp(base, "..") == 0) {
		free(p);
		return NULL;
	}
	return p;
}

#ifdef STATUSGEN_SERVE
/* What statusgen serve rebuilds with. */
struct preview {
	const struct inputs *in;
	const struct build_options *opt;
};

/* serve's build: the diagnostics go to standard error and to the pages'
 * overlay. */
static int
preview_build(void *arg, char **diagnostics)
{
	struct preview *p = arg;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	int rc;

	if (f == NULL)
		oom();
	diag_reset(f);
	rc = run(p->in, p->opt);
	diag_reset(NULL);
	fclose(f);
	fputs(text, stderr);
	fflush(stderr);
	*diagnostics = text;
	return rc;
}
#endif

/* statusgen drift: the report of what changed between two snapshots, on
 * standard output.  Returns the exit status. */
static int
drift(const char *old_path, const char *new_path, const char *content)
{
	struct registry *old = NULL, *new = NULL;
	int rc = registry_load(old_path, &old);

	if (rc == 0)
		rc = registry_load(new_path, &new);
	if (rc == 0)
		drift_report(old, new, content, stdout);
	registry_free(old);
	registry_free(new);
	diag_flush();
	return rc;
}

/* statusgen new: returns the exit status. */
static int
new_meaning(const char *content, const char *iana, const char *code_arg, const char *vendor)
{
	struct registry *reg = NULL;
	struct pos none = {0, 0};
	int code, rc;
	const char *slug;

	if (strlen(code_arg) != 3 || !id_parse(code_arg, &code, &slug)) {
		diag(DIAG_ERROR, "statusgen new", none, "'%s' is not a three-digit code", code_arg);
		return 2;
	}
	if (vendor && !vendor_name_ok(vendor))
		return 2;
	if (registry_load(iana, &reg) != 0)
		return 2;
	rc = skeleton_write(content, code, vendor, reg);
	registry_free(reg);
	xmlCleanupParser();
	return rc;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"content", required_argument, NULL, 'c'},
	    {"templates", required_argument, NULL, 't'},
	    {"iana", required_argument, NULL, 'i'},
	    {"out", required_argument, NULL, 'o'},
	    {"base-url", required_argument, NULL, 'b'},
	    {"werror", no_argument, NULL, 'W'},
	    {"help", no_argument, NULL, 'h'},
	    {"version", no_argument, NULL, 'V'},
	    {"vendor", required_argument, NULL, 'v'},
	    {"constants", required_argument, NULL, 'k'},
	    {"opencc", required_argument, NULL, 'z'},
	    {"format", required_argument, NULL, 'f'},
	    {"port", required_argument, NULL, 'p'},
	    {"bind", required_argument, NULL, 'a'},
	    {NULL, 0, NULL, 0},
	};
	/* Which options each command takes. */
	static const char build_opts[] = "ctikzobWf", check_opts[] = "cikzWf", new_opts[] = "civ",
	                  drift_opts[] = "c", serve_opts[] = "ctikzobWfpa";
	struct build_options opt = {.templates = "templates",
	                            .out = "site",
	                            .base_url = DEFAULT_BASE_URL,
	                            .opencc = "data/opencc",
	                            .jobs = 1};
	struct inputs in = {"content", "data/iana/http-status-codes.xml", "data/constants", NULL, 0,
	                    0};
	const char *cmd, *takes, *vendor = NULL, *code_arg = NULL;
	char today_buf[11], cache_buf[4096], *out = NULL;
	struct serve_options sopt = {"127.0.0.1", 8000, NULL, NULL, 0, NULL};
	int ch, rc, idx = 0;

#ifndef STATUSGEN_SERVE
	if (argc >= 2 && strcmp(argv[1], "serve") == 0)
		return run_serve(argv);
#endif
#ifdef __GLIBC__
	/* Once more with huge pages (start.c): what reads the content. */
	if (argc >= 2 && (strcmp(argv[1], "build") == 0 || strcmp(argv[1], "check") == 0))
		restart_with_huge_pages(argv);
	/* A build allocates and frees in waves on every thread (a page, a
	 * body, an export); by default glibc hands the memory back to the
	 * kernel after each wave and asks for it again: hundreds of mprotect
	 * calls, a tenth of a small build's time.  The peak stays the same. */
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	mallopt(M_TOP_PAD, 8 << 20);
#endif
	arena_install();
	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		fputs(usage, stdout);
		fputs(help, stdout);
		return 0;
	}
	if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
		puts("statusgen " STATUSGEN_VERSION);
		return 0;
	}
	if (argc < 2) {
		fputs(usage, stderr);
		return 2;
	}
	cmd = argv[1];
	if (strcmp(cmd, "build") == 0)
		takes = build_opts;
	else if (strcmp(cmd, "check") == 0)
		takes = check_opts;
	else if (strcmp(cmd, "new") == 0)
		takes = new_opts;
	else if (strcmp(cmd, "drift") == 0)
		takes = drift_opts;
	else if (strcmp(cmd, "serve") == 0)
		takes = serve_opts;
	else {
		fputs(usage, stderr);
		return 2;
	}
	optind = 2;
	if (takes == new_opts) {
		if (argc < 3 || argv[2][0] == '-') {
			fputs(usage, stderr);
			return 2;
		}
		code_arg = argv[2];
		optind = 3;
	}
	if (takes == drift_opts) {
		if (argc < 4 || argv[2][0] == '-' || argv[3][0] == '-') {
			fputs(usage, stderr);
			return 2;
		}
		optind = 4;
	}
	while ((ch = getopt_long(argc, argv, "", longopts, &idx)) != -1) {
		if (ch == 'h') {
			fputs(usage, stdout);
			fputs(help, stdout);
			return 0;
		}
		if (ch == 'V') {
			puts("statusgen " STATUSGEN_VERSION);
			return 0;
		}
		if (ch == '?' || strchr(takes, ch) == NULL) {
			if (ch != '?')
				fprintf(stderr,
				        "statusgen %s: --%s is not an option of this command\n",
				        cmd, longopts[idx].name);
			fputs(usage, stderr);
			return 2;
		}
		switch (ch) {
		case 'c':
			in.content = optarg;
			break;
		case 't':
			opt.templates = optarg;
			break;
		case 'i':
			in.iana = optarg;
			break;
		case 'o':
			opt.out = optarg;
			break;
		case 'b':
			opt.base_url = optarg;
			opt.base_url_given = 1;
			break;
		case 'W':
			in.werror = 1;
			break;
		case 'z':
			opt.opencc = optarg;
			break;
		case 'k':
			in.constants = optarg;
			break;
		case 'v':
			vendor = optarg;
			break;
		case 'p': {
			char *end;
			long port = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || port < 0 || port > 65535) {
				fprintf(stderr, "statusgen serve: --port is 0 to 65535, not '%s'\n",
				        optarg);
				return 2;
			}
			sopt.port = (int)port;
			break;
		}
		case 'a':
			sopt.bind = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "github") == 0) {
				diag_set_format(DIAG_FORMAT_GITHUB);
			} else if (strcmp(optarg, "text") != 0) {
				fprintf(stderr,
				        "statusgen %s: --format is text or github, not '%s'\n", cmd,
				        optarg);
				return 2;
			}
			break;
		}
	}
	if (optind < argc) {
		fputs(usage, stderr);
		return 2;
	}
	if ((strcmp(cmd, "build") == 0 || takes == serve_opts) &&
	    (out = out_path(opt.out)) == NULL) {
		fprintf(stderr,
		        "statusgen build: --out '%s' names no folder that a build could "
		        "replace (not empty, '.', '..' or '/')\n",
		        opt.out);
		return 2;
	}
	if (out)
		opt.out = out;

	LIBXML_TEST_VERSION
	if (takes == drift_opts) {
		rc = drift(argv[2], argv[3], in.content);
		xmlCleanupParser();
		return rc;
	}
	if (code_arg) {
		rc = new_meaning(in.content, in.iana, code_arg, vendor);
		diag_flush();
		return rc;
	}
	opt.jobs = par_jobs(getenv("STATUSGEN_JOBS"));
	opt.cache = cache_folder(cache_buf, sizeof(cache_buf), in.content);
	in.today = today_date(today_buf);
	in.build = strcmp(cmd, "build") == 0 || takes == serve_opts;
#ifdef STATUSGEN_SERVE
	if (takes == serve_opts) {
		struct preview p = {&in, &opt};
		const char *watch[] = {in.content, opt.templates, in.constants, opt.opencc};
		sopt.out = opt.out;
		sopt.watch = watch;
		sopt.nwatch = 4;
		sopt.snapshot = in.iana;
		rc = serve(&sopt, preview_build, &p);
		xmlCleanupParser();
		free(out);
		return rc;
	}
#else
	(void)sopt; /* serve's options: statusgen-serve reads them */
#endif
	if (in.build) {
		struct sigaction sa;
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_signal; /* no SA_RESTART: a wait for the lock ends */
		sigemptyset(&sa.sa_mask);
		sigaction(SIGINT, &sa, NULL);
		sigaction(SIGTERM, &sa, NULL);
	}
	rc = run(&in, &opt);
	xmlCleanupParser();
	free(out);
	if (stopped_by) {
		/* The build folder is gone: end as the signal would have. */
		signal(stopped_by, SIG_DFL);
		raise(stopped_by);
	}
	return rc;
}
