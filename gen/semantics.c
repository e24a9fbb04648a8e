/*
 * semantics.c — the `semantics` key: what HTTP itself says of a code
 * (cacheable by default, whether it may carry content, whether and how a
 * user agent follows it, the document that introduced it, the header
 * fields it comes with), read from the front matter and checked against
 * the rules the specifications fix for every code, with the position of
 * each mistake.  The pages show it (view.c), the export writes it
 * (export.c).  Owns nothing once a meaning's `sem` is made (model.c frees
 * it); reports through fm_error() and diag().
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "fm.h"

const char *const sem_fact_name[SEM__N] = {"heuristically_cacheable", "content", "redirect",
                                           "introduced", "headers"};
const char *const sem_content_name[SEM_CONTENT__N] = {"allowed", "forbidden"};
const char *const sem_method_name[SEM_METHOD__N] = {"preserved", "post-may-become-get",
                                                    "becomes-get"};
const char *const sem_level_name[SEM_LEVEL__N] = {"must", "should", "may"};

/* RFC 9110, Section 15.1: the codes it defines as heuristically cacheable. */
static const int rfc9110_cacheable[] = {200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 501};

/* The redirects a user agent follows by itself (RFC 9110, Section 15.4). */
static const int followed[] = {301, 302, 303, 307, 308};

static int
among(int code, const int *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i] == code)
			return 1;
	return 0;
}
#define AMONG(code, v) among(code, v, sizeof(v) / sizeof(v[0]))

/* Whether a response with this code can carry content (RFC 9110, Sections
 * 6.4.1, 15.2, 15.3.5, 15.3.6, 15.4.5). */
int
sem_content_forbidden(int code)
{
	return (code >= 100 && code <= 199) || code == 204 || code == 205 || code == 304;
}

static int
is_null(const yaml_node_t *n)
{
	const char *s;

	if (n->type != YAML_SCALAR_NODE || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return 0;
	s = (const char *)n->data.scalar.value;
	return strcmp(s, "null") == 0 || strcmp(s, "~") == 0 || s[0] == '\0';
}

/* Reads true or false into *out; returns 0 after reporting anything else. */
static int
want_bool(struct fm *f, const yaml_node_t *n, const char *what, int *out)
{
	const char *s = want_text(f, n, what);

	if (s && (strcmp(s, "true") == 0 || strcmp(s, "false") == 0)) {
		*out = s[0] == 't';
		return 1;
	}
	if (s)
		fm_error(f, n, "%s must be true or false, not '%s'", what, s);
	return 0;
}

/* The first and last years in which RFCs of a range appeared: an
 * `introduced` year outside is a slip of the keyboard. */
static const struct {
	int rfc, year;
} rfc_years[] = {{1945, 1996}, {2068, 1997}, {2616, 1999}, {3229, 2002}, {4918, 2007},
                 {6585, 2012}, {7230, 2014}, {7725, 2016}, {8297, 2017}, {9110, 2022}};

int
sem_rfc_year(int rfc)
{
	int year = 1990;
	size_t i;

	for (i = 0; i < sizeof(rfc_years) / sizeof(rfc_years[0]); i++)
		if (rfc_years[i].rfc <= rfc)
			year = rfc_years[i].year;
	return year;
}

int
sem_follows(int code)
{
	return AMONG(code, followed);
}

int
sem_rfc9110_cacheable(int code)
{
	return AMONG(code, rfc9110_cacheable);
}

static int
this_year(void)
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	return tm.tm_year + 1900;
}

static void
read_introduced(struct fm *f, struct semantics *s, const yaml_node_t *n)
{
	static const char *const keys[] = {"rfc", "draft", "year", NULL};
	const yaml_node_t *rfc, *draft, *year;
	int lo = 1990, hi = this_year();
	size_t i;

	if (n->type != YAML_MAPPING_NODE) {
		fm_error(f, n,
		         "'introduced' must be a mapping: {rfc: N, year: YYYY} or {draft: "
		         "\"draft-…\", year: YYYY}");
		return;
	}
	if (!map_keys(f, n, "'introduced'", keys))
		return;
	rfc = map_get(f, n, "rfc");
	draft = map_get(f, n, "draft");
	year = map_get(f, n, "year");
	if (rfc && is_null(rfc))
		rfc = NULL;
	if (draft && is_null(draft))
		draft = NULL;
	if ((rfc == NULL) == (draft == NULL)) {
		fm_error(f, n,
		         "'introduced' needs one of 'rfc' and 'draft': the document that first "
		         "defined the code");
		return;
	}
	if (rfc && want_int(f, rfc, "'introduced.rfc'", 5, &s->rfc) && s->rfc < 1945) {
		fm_error(f, rfc, "'introduced.rfc' is %d, older than HTTP's first RFC (1945)",
		         s->rfc);
		s->rfc = 0;
	}
	if (draft) {
		const char *d = want_line(f, draft, "'introduced.draft'");
		if (d && (strncmp(d, "draft-", 6) != 0 || strpbrk(d, " /?#")))
			fm_error(f, draft,
			         "'introduced.draft' must be an Internet-Draft name, not '%s'", d);
		else if (d)
			s->draft = xstrdup(d);
	}
	if (year == NULL) {
		fm_error(f, n, "'introduced' has no 'year'");
		return;
	}
	if (!want_int(f, year, "'introduced.year'", 4, &s->year))
		return;
	for (i = 0; s->rfc && i < sizeof(rfc_years) / sizeof(rfc_years[0]); i++) {
		if (rfc_years[i].rfc <= s->rfc)
			lo = rfc_years[i].year;
		if (rfc_years[i].rfc >= s->rfc && hi > rfc_years[i].year)
			hi = rfc_years[i].year;
	}
	if (s->year < lo || s->year > hi) {
		if (s->rfc && lo == hi)
			fm_error(f, year,
			         "'introduced.year' %d cannot be right: RFC %d appeared in %d",
			         s->year, s->rfc, lo);
		else if (s->rfc)
			fm_error(f, year,
			         "'introduced.year' %d cannot be right: RFC %d appeared between %d "
			         "and %d",
			         s->year, s->rfc, lo, hi);
		else
			fm_error(f, year, "'introduced.year' %d is not between %d and %d", s->year,
			         lo, hi);
	}
}

/* Returns 0 after reporting a `redirect` it could not read. */
static int
read_redirect(struct fm *f, struct semantics *s, const yaml_node_t *n)
{
	static const char *const keys[] = {"permanent", "method", NULL};
	const yaml_node_t *p, *m;
	int k;

	if (is_null(n))
		return 1;
	if (n->type != YAML_MAPPING_NODE) {
		fm_error(f, n, "'redirect' must be null or {permanent: true|false, method: …}");
		return 0;
	}
	if (!map_keys(f, n, "'redirect'", keys))
		return 0;
	if ((p = map_get(f, n, "permanent")) == NULL || (m = map_get(f, n, "method")) == NULL) {
		fm_error(f, n, "'redirect' needs 'permanent' and 'method'");
		return 0;
	}
	if (!want_bool(f, p, "'redirect.permanent'", &s->permanent))
		return 0;
	if ((k = read_enum(f, m, "redirect.method", sem_method_name, SEM_METHOD__N)) < 0)
		return 0;
	s->method = (enum sem_method)k;
	s->redirect = 1;
	return 1;
}

/* A header field's name is an HTTP token (RFC 9110, Section 5.6.2). */
static int
is_token(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || strchr("!#$%&'*+-.^_`|~", *s)))
			return 0;
	return 1;
}

static void
read_headers(struct fm *f, struct semantics *s, const yaml_node_t *n)
{
	static const char *const keys[] = {"name", "level", "when", NULL};
	yaml_node_item_t *it;

	if (n->type != YAML_SEQUENCE_NODE) {
		fm_error(f, n,
		         "'headers' must be a list of {name: …, level: must|should|may} (or [])");
		return;
	}
	for (it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
		yaml_node_t *e = fm_node(f, *it), *name, *level, *when;
		struct sem_header h = {0};
		const char *nm;
		size_t j;
		int k;

		if (e->type != YAML_MAPPING_NODE) {
			fm_error(f, e,
			         "a header must be a mapping: {name: Retry-After, level: should}");
			continue;
		}
		if (!map_keys(f, e, "a header", keys))
			continue;
		if ((name = map_get(f, e, "name")) == NULL ||
		    (level = map_get(f, e, "level")) == NULL) {
			fm_error(f, e, "a header needs 'name' and 'level'");
			continue;
		}
		if ((nm = want_line(f, name, "a header's 'name'")) == NULL)
			continue;
		if (!is_token(nm)) {
			fm_error(f, name, "'%s' is not a header field name", nm);
			continue;
		}
		for (j = 0; j < s->nheaders; j++)
			if (strcasecmp(s->headers[j].name, nm) == 0)
				break;
		if (j < s->nheaders) {
			fm_error(f, name, "header '%s' is listed twice", nm);
			continue;
		}
		if ((k = read_enum(f, level, "level", sem_level_name, SEM_LEVEL__N)) < 0)
			continue;
		if ((when = map_get(f, e, "when")) != NULL)
			read_lang_text(f, e, when, "when", h.when, NULL);
		h.name = xstrdup(nm);
		h.level = (enum sem_level)k;
		s->headers = xrealloc(s->headers, (s->nheaders + 1) * sizeof(*s->headers));
		s->headers[s->nheaders++] = h;
	}
}

static void
read_sources(struct fm *f, struct semantics *s, const yaml_node_t *n)
{
	yaml_node_pair_t *p;
	const char *keys[SEM__N + 1];
	int k;

	for (k = 0; k < SEM__N; k++)
		keys[k] = sem_fact_name[k];
	keys[SEM__N] = NULL;
	if (n->type != YAML_MAPPING_NODE) {
		fm_error(f, n,
		         "'sources' must be a mapping from each fact to where it is written: "
		         "{content: \"RFC 9110, Section 6.4.1\", …}");
		return;
	}
	if (!map_keys(f, n, "'sources'", keys))
		return;
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		const char *t = want_line(f, fm_node(f, p->value), "a source");
		k = name_lookup(sem_fact_name, SEM__N,
		                (const char *)fm_node(f, p->key)->data.scalar.value);
		if (t && k >= 0)
			s->source[k] = xstrdup(t);
	}
}

void
key_semantics(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v)
{
	static const char *const keys[] = {"heuristically_cacheable",
	                                   "content",
	                                   "redirect",
	                                   "introduced",
	                                   "headers",
	                                   "sources",
	                                   "disputed",
	                                   NULL};
	struct semantics *s;
	const yaml_node_t *n, *fact[SEM__N];
	int k, content_ok = 0, code = f->m->code;

	if (v->type != YAML_MAPPING_NODE) {
		fm_error(f, v, "'semantics' must be a mapping of %s, %s, %s, %s, %s and sources",
		         sem_fact_name[0], sem_fact_name[1], sem_fact_name[2], sem_fact_name[3],
		         sem_fact_name[4]);
		return;
	}
	if (!map_keys(f, v, "'semantics'", keys))
		return;
	s = xcalloc(1, sizeof(*s));
	s->pos = mark_pos(f, kn->start_mark);
	for (k = 0; k < SEM__N; k++)
		if ((fact[k] = map_get(f, v, sem_fact_name[k])) == NULL)
			fm_error(f, kn, "'semantics' has no '%s'", sem_fact_name[k]);
	if (fact[SEM_CACHEABLE] &&
	    !want_bool(f, fact[SEM_CACHEABLE], "'heuristically_cacheable'", &s->cacheable))
		fact[SEM_CACHEABLE] = NULL;
	if (fact[SEM_CONTENT] && (k = read_enum(f, fact[SEM_CONTENT], "content", sem_content_name,
	                                        SEM_CONTENT__N)) >= 0) {
		s->content = (enum sem_content)k;
		content_ok = 1;
	}
	if (fact[SEM_REDIRECT] && !read_redirect(f, s, fact[SEM_REDIRECT]))
		fact[SEM_REDIRECT] = NULL; /* reported: no rule more about it */
	if (fact[SEM_INTRODUCED])
		read_introduced(f, s, fact[SEM_INTRODUCED]);
	if (fact[SEM_HEADERS])
		read_headers(f, s, fact[SEM_HEADERS]);
	if ((n = map_get(f, v, "sources")) != NULL)
		read_sources(f, s, n);
	else
		fm_error(f, kn, "'semantics' has no 'sources': say where each fact is written");
	if ((n = map_get(f, v, "disputed")) != NULL)
		read_lang_text(f, v, n, "disputed", s->disputed, NULL);

	if (s->redirect && (code < 300 || code > 399)) {
		fm_error(f, fact[SEM_REDIRECT], "'redirect' is for 3xx codes, not %03d", code);
		fact[SEM_REDIRECT] = NULL; /* no source to ask for */
	}
	/* Every fact cites its source; `redirect` only when there is one. */
	for (k = 0; k < SEM__N && map_get(f, v, "sources"); k++) {
		if (!fact[k])
			continue;
		if (!s->source[k] && (k != SEM_REDIRECT || s->redirect))
			fm_error(f, fact[k], "'sources' has no '%s': say where this is written",
			         sem_fact_name[k]);
		else if (s->source[k] && k == SEM_REDIRECT && !s->redirect)
			fm_error(f, fact[k], "'sources' cites 'redirect', which is null");
	}

	/* The rules HTTP fixes by the number alone; sem_rules() checks the
	 * facts left at a position, those read without a mistake. */
	if (content_ok && code >= 0 && (s->content == SEM_FORBIDDEN) != sem_content_forbidden(code))
		fm_error(f, fact[SEM_CONTENT], "'content' of %03d must be '%s': %s", code,
		         sem_content_name[sem_content_forbidden(code)],
		         sem_content_forbidden(code)
		             ? "no response with this code has content (1xx, 204, 205 and 304 "
		               "never do; RFC 9110, Section 6.4.1)"
		             : "only 1xx, 204, 205 and 304 responses are without content (RFC "
		               "9110, Section 6.4.1)");
	if (s->cacheable && code >= 100 && code <= 199)
		fm_error(f, fact[SEM_CACHEABLE],
		         "an interim 1xx response is never cached: 'heuristically_cacheable' must "
		         "be false");
	for (k = 0; k < SEM__N; k++)
		if (fact[k])
			s->pos_fact[k] = mark_pos(f, fact[k]->start_mark);
	f->m->sem = s;
}

void
sem_rules(struct fm *f, int present)
{
	const struct meaning *m = f->m;
	const struct semantics *s = m->sem;

	if (m->registry != REG_IANA || (present && s == NULL))
		return; /* a `semantics` that could not be read is reported already */
	if (s == NULL) {
		diag(DIAG_ERROR, m->path, m->pos_registry,
		     "'registry: iana' needs 'semantics' (cacheable, content, redirect, "
		     "introduced, headers and their sources)");
		f->errors++;
		return;
	}
	if (AMONG(m->code, rfc9110_cacheable) && !s->cacheable && s->pos_fact[SEM_CACHEABLE].line) {
		diag(DIAG_ERROR, m->path, s->pos_fact[SEM_CACHEABLE],
		     "RFC 9110, Section 15.1 names %03d heuristically cacheable: "
		     "'heuristically_cacheable' must be true",
		     m->code);
		f->errors++;
	}
	if (AMONG(m->code, followed) != s->redirect && s->pos_fact[SEM_REDIRECT].line &&
	    m->code >= 300 && m->code <= 399) {
		diag(DIAG_ERROR, m->path, s->pos_fact[SEM_REDIRECT],
		     s->redirect ? "user agents do not follow %03d by themselves: 'redirect' must "
		                   "be null"
		                 : "user agents follow %03d to its Location: 'redirect' needs "
		                   "{permanent: …, method: …}",
		     m->code);
		f->errors++;
	}
}

void
sem_free(struct semantics *s)
{
	size_t i;
	int l;

	if (s == NULL)
		return;
	for (i = 0; i < s->nheaders; i++) {
		free(s->headers[i].name);
		for (l = 0; l < LANG__N; l++)
			free(s->headers[i].when[l]);
	}
	free(s->headers);
	for (i = 0; i < SEM__N; i++)
		free(s->source[i]);
	for (l = 0; l < LANG__N; l++)
		free(s->disputed[l]);
	free(s->draft);
	free(s);
}
