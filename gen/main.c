/*
 * main.c — the command line (SPEC §6): statusgen build | check.
 *
 * Data flows one way: load the content and the IANA snapshot, check and
 * link them, render the Markdown, then (for build) write the site.
 */
#include <getopt.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

static const char usage[] =
    "usage: statusgen build [--content DIR] [--templates DIR] [--iana FILE] [--out DIR]\n"
    "                       [--base-url URL] [--werror]\n"
    "       statusgen check [--content DIR] [--iana FILE] [--werror]\n"
    "       statusgen new NNN [--vendor NAME] [--content DIR] [--iana FILE]\n"
    "       statusgen --help | --version\n";

static const char help[] =
    "\n"
    "Builds the bilingual HTTP status code reference from Markdown content.\n"
    "\n"
    "commands:\n"
    "  build   check the content, then write the site and codes.json into --out\n"
    "  check   check the content against SPEC §2 and the IANA snapshot only\n"
    "  new     write the skeleton of a new meaning of code NNN (never replaces a file)\n"
    "\n"
    "options (defaults are relative to the repository root):\n"
    "  --content DIR     content files                 (content)\n"
    "  --templates DIR   page templates and assets     (templates)\n"
    "  --iana FILE       IANA registry snapshot        (data/iana/http-status-codes.xml)\n"
    "  --out DIR         output folder, replaced whole (site)\n"
    "  --base-url URL    address the site is published at, for sitemap.xml\n"
    "  --werror          treat warnings as errors\n"
    "  --vendor NAME     new: the product whose own meaning this is\n"
    "\n"
    "exit status: 0 clean, 1 content errors, 2 usage or I/O errors.\n"
    "See statusgen(1) and statusgen-content(5).\n";

#define DEFAULT_BASE_URL "https://statusgen.github.io/statusgen/"

/* run_parallel's step: one meaning's Markdown. */
static void
render_one(size_t i, void *arg)
{
	struct corpus *c = arg;

	md_render(c->m[i], c);
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
	if (vendor && vendor[0] == '\0') {
		diag(DIAG_ERROR, "statusgen new", none, "--vendor needs a name");
		return 2;
	}
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
	    {"content", required_argument, NULL, 'c'}, {"templates", required_argument, NULL, 't'},
	    {"iana", required_argument, NULL, 'i'},    {"out", required_argument, NULL, 'o'},
	    {"base-url", required_argument, NULL, 'b'}, {"werror", no_argument, NULL, 'W'},
	    {"help", no_argument, NULL, 'h'},          {"version", no_argument, NULL, 'V'},
	    {"vendor", required_argument, NULL, 'v'},
	    {NULL, 0, NULL, 0},
	};
	const char *content = "content", *templates = "templates";
	const char *iana = "data/iana/http-status-codes.xml", *out = "site";
	const char *base_url = DEFAULT_BASE_URL, *cmd, *vendor = NULL, *code_arg = NULL;
	struct corpus *c;
	int werror = 0, build, io_error = 0, ch, rc;
	size_t i;
	int k;

	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		fputs(usage, stdout);
		fputs(help, stdout);
		return 0;
	}
	if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
		puts("statusgen " STATUSGEN_VERSION);
		return 0;
	}
	if (argc < 2 || (strcmp(argv[1], "build") != 0 && strcmp(argv[1], "check") != 0 &&
	                  strcmp(argv[1], "new") != 0)) {
		fputs(usage, stderr);
		return 2;
	}
	cmd = argv[1];
	build = strcmp(cmd, "build") == 0;
	optind = 2;
	if (strcmp(cmd, "new") == 0) {
		if (argc < 3 || argv[2][0] == '-') {
			fputs(usage, stderr);
			return 2;
		}
		code_arg = argv[2];
		optind = 3;
	}
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c': content = optarg; break;
		case 't': templates = optarg; break;
		case 'i': iana = optarg; break;
		case 'o': out = optarg; break;
		case 'b': base_url = optarg; break;
		case 'W': werror = 1; break;
		case 'v': vendor = optarg; break;
		case 'h': fputs(usage, stdout); fputs(help, stdout); return 0;
		case 'V': puts("statusgen " STATUSGEN_VERSION); return 0;
		default: fputs(usage, stderr); return 2;
		}
	}
	if (optind < argc || (!build && (strcmp(templates, "templates") != 0 || strcmp(out, "site") != 0)) ||
	    (vendor && !code_arg)) {
		fputs(usage, stderr);
		return 2;
	}

	LIBXML_TEST_VERSION
	if (code_arg)
		return new_meaning(content, iana, code_arg, vendor);
	c = corpus_load(content, &io_error);
	if (c == NULL)
		return 2;
	switch (registry_load(iana, &c->reg)) {
	case 2: io_error = 1; break;
	default: break;
	}
	check_corpus(c);
	run_parallel(c->nm, render_one, c);
	for (k = 0; k < CLASS__N; k++)
		if (c->classes[k])
			md_render(c->classes[k], c);
	for (i = 0; i < c->npages; i++)
		md_render(c->pages[i], c);

	if (io_error)
		rc = 2;
	else if (diag_count(DIAG_ERROR) || (werror && diag_count(DIAG_WARNING)))
		rc = 1;
	else
		rc = 0;
	if (rc == 0 && build)
		rc = site_build(c, templates, out, base_url);
	if (diag_count(DIAG_ERROR) || diag_count(DIAG_WARNING)) {
		int e = diag_count(DIAG_ERROR), w = diag_count(DIAG_WARNING);
		fprintf(stderr, "statusgen: %d error%s, %d warning%s%s\n", e, e == 1 ? "" : "s", w,
		        w == 1 ? "" : "s", rc && build ? "; nothing was written" : "");
	}
	corpus_free(c);
	xmlCleanupParser();
	return rc;
}
