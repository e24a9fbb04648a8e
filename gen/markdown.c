/*
 * markdown.c — the body of a content file, on cmark's tree (SPEC §2), in two
 * stages.
 *
 * md_check() parses the body once: its top-level `<!-- lang: xx -->` HTML
 * blocks split it into one document per language (the markers never reach
 * the output), links are checked, raw HTML is reported and removed, control
 * characters are reported and left out, and the documents are kept in the
 * meaning.  md_render() rewrites links to content
 * files into links to the site (urls.c), anchors the sections, lets
 * httpex.c dress the HTTP examples, and renders each language with cmark's
 * safe renderer (the unsafe option is never set).
 */
#include <cmark.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

/* Converts a cmark position (line in the body, byte column) to the file's.
 * The body's line starts are indexed once, and a column is counted on from
 * the last one asked on the same line, so that a body with many
 * diagnostics costs time in proportion to its size, not its size times
 * their number. */
static struct pos
body_pos(struct meaning *m, int line, int bytecol)
{
	struct line_index *x = &m->body_index;
	struct pos p = {m->body_line + line - 1, 1};
	const char *s, *nl;
	size_t i, cap = 0;

	if (x->start == NULL) {
		for (s = m->body; s; s = (nl = strchr(s, '\n')) ? nl + 1 : NULL) {
			if (x->n == cap) {
				cap = cap ? 2 * cap : 64;
				x->start = xrealloc(x->start, cap * sizeof(size_t));
			}
			x->start[x->n++] = (size_t)(s - m->body);
		}
	}
	if (line < 1 || (size_t)line > x->n || bytecol < 1)
		return p;
	s = m->body + x->start[line - 1];
	i = 0;
	if (x->last_line == line && x->last_byte <= (size_t)bytecol - 1) {
		i = x->last_byte;
		p.col = x->last_col;
	}
	for (; i < (size_t)bytecol - 1 && s[i] && s[i] != '\n'; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			p.col++;
	x->last_line = line;
	x->last_byte = i;
	x->last_col = p.col;
	return p;
}

static struct pos
node_pos(struct meaning *m, cmark_node *n)
{
	return body_pos(m, cmark_node_get_start_line(n), cmark_node_get_start_column(n));
}

/* Returns the language of a marker block, -1 for a block that is no
 * marker, -2 for a malformed marker. */
static int
marker_lang(cmark_node *n)
{
	const char *s;
	size_t len;
	int l;

	if (cmark_node_get_type(n) != CMARK_NODE_HTML_BLOCK)
		return -1;
	s = cmark_node_get_literal(n);
	len = strlen(s);
	while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == ' '))
		len--;
	for (l = 0; l < LANG__SOURCE; l++) {
		char want[32];
		snprintf(want, sizeof(want), "<!-- lang: %s -->", lang_code[l]);
		if (len == strlen(want) && strncmp(s, want, len) == 0)
			return l;
	}
	return strncmp(s, "<!-- lang", 9) == 0 ? -2 : -1;
}

static int
has_scheme(const char *u)
{
	size_t i = 0;

	if (!((u[0] >= 'a' && u[0] <= 'z') || (u[0] >= 'A' && u[0] <= 'Z')))
		return 0;
	while (u[i] && u[i] != ':' && u[i] != '/' && u[i] != '?' && u[i] != '#')
		i++;
	return u[i] == ':';
}

/* Returns the content file a link names ("410.md#x" → 410), or NULL after
 * reporting what is wrong with the link; *plain is set for links that need
 * no checking or rewriting (web addresses, anchors on the page). */
static struct meaning *
link_target(struct meaning *m, const struct corpus *c, cmark_node *n, int report, int *plain)
{
	const char *url = cmark_node_get_url(n);
	const char *hash, *slug;
	char *id;
	struct meaning *t = NULL;
	int code;
	size_t len;

	*plain = 1;
	if (url == NULL || url[0] == '\0' || url[0] == '#')
		return NULL;
	if (has_scheme(url)) {
		if (strncmp(url, "http://", 7) && strncmp(url, "https://", 8) &&
		    strncmp(url, "mailto:", 7) && report)
			diag(DIAG_ERROR, m->path, node_pos(m, n),
			     "link to '%s': only http, https and mailto addresses may be linked",
			     url);
		return NULL;
	}
	*plain = 0;
	if (strncmp(url, "//", 2) == 0) {
		if (report)
			diag(DIAG_ERROR, m->path, node_pos(m, n),
			     "link to '%s': write the address with https:", url);
		return NULL;
	}
	hash = strchr(url, '#');
	len = hash ? (size_t)(hash - url) : strlen(url);
	if (len > 3 && strncmp(url + len - 3, ".md", 3) == 0) {
		id = xstrndup(url, len - 3);
		if (id_parse(id, &code, &slug)) {
			if ((t = corpus_find(c, id)) == NULL && report)
				diag(DIAG_ERROR, m->path, node_pos(m, n),
				     "link to '%.*s': there is no such content file", (int)len,
				     url);
			free(id);
			return t;
		}
		free(id);
	}
	if (report)
		diag(DIAG_ERROR, m->path, node_pos(m, n),
		     "link to '%s': a link must name a content file (410.md, 499-nginx.md) or an "
		     "http(s) address",
		     url);
	return NULL;
}

/* Rewrites a checked link to a content file into the link to its page. */
static void
link_rewrite(struct meaning *m, const struct corpus *c, cmark_node *n)
{
	int plain;
	struct meaning *t = link_target(m, c, n, 0, &plain);
	const char *hash;
	char *out;

	if (t == NULL)
		return;
	hash = strchr(cmark_node_get_url(n), '#');
	if (hash && hash[1])
		out = xasprintf("%03d.html%s", t->code, hash);
	else
		out = url_meaning("", t);
	cmark_node_set_url(n, out);
	free(out);
}

/* Leaves out the control characters of n's literal text (and a link's
 * title), with a warning at n: a YAML escape or an entity (&#1;) can put
 * them in the text, and a page never carries them. */
static void
drop_controls(struct meaning *m, cmark_node *n)
{
	const char *lit = cmark_node_get_literal(n), *title = NULL;
	uint32_t cp;
	char *clean;

	if (cmark_node_get_type(n) == CMARK_NODE_LINK)
		lit = title = cmark_node_get_title(n);
	if (lit == NULL || find_control(lit, &cp) < 0)
		return;
	diag(DIAG_WARNING, m->path, node_pos(m, n),
	     "control character U+%04X in the text; it is left out of the page", (unsigned)cp);
	clean = strip_controls(lit);
	if (title)
		cmark_node_set_title(n, clean);
	else
		cmark_node_set_literal(n, clean);
	free(clean);
}

/*
 * Walks one language's document: checks links, reports raw HTML and images,
 * and removes raw HTML so that nothing of it reaches the page.  Keeps the
 * level of the highest heading in the document's user data, for
 * md_render's single walk.
 */
static void
check_nodes(struct meaning *m, const struct corpus *c, cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	cmark_node **drop = NULL;
	size_t ndrop = 0, i;
	intptr_t top = 7;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE || t == CMARK_NODE_CODE_BLOCK)
			drop_controls(m, n);
		if (t == CMARK_NODE_LINK) {
			int plain;
			link_target(m, c, n, 1, &plain);
			drop_controls(m, n);
		} else if (t == CMARK_NODE_HEADING) {
			if (cmark_node_get_heading_level(n) < top)
				top = cmark_node_get_heading_level(n);
		} else if (t == CMARK_NODE_IMAGE) {
			diag(DIAG_ERROR, m->path, node_pos(m, n),
			     "images are not supported in content (the site has no image files)");
		} else if (t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE) {
			diag(DIAG_WARNING, m->path, node_pos(m, n),
			     "raw HTML is not rendered; write Markdown instead");
			drop = xrealloc(drop, (ndrop + 1) * sizeof(*drop));
			drop[ndrop++] = n;
		}
	}
	cmark_iter_free(it);
	for (i = 0; i < ndrop; i++)
		cmark_node_free(drop[i]);
	free(drop);
	cmark_node_set_user_data(doc, (void *)top);
}

/* Appends the text of n and its descendants (literal text, code) to b. */
static void
heading_text(cmark_node *n, struct buf *b)
{
	cmark_node *c;
	const char *lit;

	for (c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
		cmark_node_type t = cmark_node_get_type(c);
		if ((t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) &&
		    (lit = cmark_node_get_literal(c)))
			buf_puts(b, lit);
		else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)
			buf_puts(b, " ");
		else
			heading_text(c, b);
	}
}

/*
 * Lists the top-level headings of level `level` of m's body in language l
 * in m->sections[l] (ids not yet given).
 */
static void
list_sections(struct meaning *m, enum lang l, cmark_node *doc, int level)
{
	cmark_node *n;

	for (n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
		struct buf text = {0};
		struct section *sec;

		if (cmark_node_get_type(n) != CMARK_NODE_HEADING ||
		    cmark_node_get_heading_level(n) != level)
			continue;
		m->sections[l] =
		    xrealloc(m->sections[l], (m->nsections[l] + 1) * sizeof(*m->sections[l]));
		sec = &m->sections[l][m->nsections[l]++];
		heading_text(n, &text);
		sec->text = buf_detach(&text);
		sec->id = NULL;
	}
}

/*
 * Gives every section of m an id that both languages share, so that the
 * language switch keeps the reader's place: the meaning's anchor and the
 * English heading ("nginx-if-you-received-it") when both languages have the
 * same number of sections, else the section's number ("nginx-3").
 */
static void
name_sections(struct meaning *m)
{
	size_t i, j, n = m->nsections[LANG_EN];
	int by_text = n == m->nsections[LANG_ZH];
	int l;

	for (i = 0; i < n || i < m->nsections[LANG_ZH]; i++) {
		char *slug = NULL, *id;
		if (by_text) {
			slug = slugify(m->sections[LANG_EN][i].text);
			for (j = 0; j < i; j++) /* a heading written twice */
				if (strcmp(m->sections[LANG_EN][j].id + strlen(url_anchor(m)) + 1,
				           slug) == 0)
					break;
			if (j < i) {
				char *again = xasprintf("%s-%zu", slug, i + 1);
				free(slug);
				slug = again;
			}
		} else {
			slug = xasprintf("%zu", i + 1);
		}
		id = url_section_id(m, slug);
		for (l = 0; l < LANG__N; l++)
			if (i < m->nsections[l])
				m->sections[l][i].id = xstrdup(id);
		free(id);
		free(slug);
	}
}

/* Puts each section's anchor (an empty span with its id, written by cmark
 * as a custom inline: the safe renderer passes only what we make) at the
 * start of its heading. */
static void
anchor_sections(struct meaning *m, enum lang l, cmark_node *doc, int level)
{
	cmark_node *n;
	size_t k = 0;

	for (n = cmark_node_first_child(doc); n && k < m->nsections[l]; n = cmark_node_next(n)) {
		cmark_node *anchor;
		char *span;
		if (cmark_node_get_type(n) != CMARK_NODE_HEADING ||
		    cmark_node_get_heading_level(n) != level)
			continue;
		span = xasprintf("<span id=\"%s\"></span>", m->sections[l][k++].id);
		anchor = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_INLINE, arena_cmark());
		cmark_node_set_on_enter(anchor, span);
		cmark_node_set_on_exit(anchor, "");
		cmark_node_prepend_child(n, anchor);
		free(span);
	}
}

/*
 * One walk over a checked language document: rewrites its links (see
 * link_rewrite) and moves its headings so that the highest one (found by
 * check_nodes) has level `top`, keeping their order: a body sits below the
 * page's own headings whether its writer started at ## or ###.
 */
static void
prepare(struct meaning *m, const struct corpus *c, cmark_node *doc, int top)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	int highest = (int)(intptr_t)cmark_node_get_user_data(doc);

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		int lv;
		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (cmark_node_get_type(n) == CMARK_NODE_LINK) {
			link_rewrite(m, c, n);
		} else if (cmark_node_get_type(n) == CMARK_NODE_HEADING) {
			lv = cmark_node_get_heading_level(n) - highest + top;
			cmark_node_set_heading_level(n, lv > 6 ? 6 : lv);
		}
	}
	cmark_iter_free(it);
}

/* Returns 1 if doc holds text that is not only white space. */
static int
has_text(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	int found = 0;

	while (!found && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		const char *lit;
		if (ev == CMARK_EVENT_ENTER &&
		    (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE || t == CMARK_NODE_CODE_BLOCK) &&
		    (lit = cmark_node_get_literal(n)) != NULL)
			found = lit[strspn(lit, " \t\n")] != '\0';
	}
	cmark_iter_free(it);
	return found;
}

/* Above these, cmark 0.30.2 (Debian 12's) takes time in the square of the
 * input: "![[]()" repeated (CVE-2023-22486, fixed in 0.30.3), and block
 * quotes and list items nested on one line with emphasis or blank lines
 * after them.  The longest real body has 48 '[' and nests 3 deep. */
#define MD_MAX_BRACKETS 10000
#define MD_MAX_NESTING 32

/* Returns the number of block quote and list markers that open line s. */
static int
line_nesting(const char *s, size_t *at)
{
	size_t i = 0, d;
	int n = 0;

	for (;;) {
		while (s[i] == ' ' || s[i] == '\t')
			i++;
		if (s[i] == '>') {
			i++;
		} else if ((s[i] == '-' || s[i] == '*' || s[i] == '+') &&
		           (s[i + 1] == ' ' || s[i + 1] == '\t')) {
			i += 2;
		} else {
			for (d = 0; d < 9 && s[i + d] >= '0' && s[i + d] <= '9'; d++)
				;
			if (d == 0 || (s[i + d] != '.' && s[i + d] != ')') ||
			    (s[i + d + 1] != ' ' && s[i + d + 1] != '\t'))
				return n;
			i += d + 2;
		}
		if (++n > MD_MAX_NESTING) {
			*at = i;
			return n;
		}
	}
}

/*
 * A linear pass over the body before cmark sees it: refuses, at its
 * position, text that would take cmark minutes.  Returns 1 if the body may
 * be parsed.
 */
static int
body_parsable(struct meaning *m)
{
	const char *s = m->body, *line = s;
	size_t i, at = 0, brackets = 0;
	int ln = 1;

	for (i = 0; s[i]; i++) {
		if (s[i] == '[' && ++brackets == MD_MAX_BRACKETS + 1) {
			struct pos p = {m->body_line + ln - 1, 1};
			p.col += (int)utf8_count(line, (size_t)(s + i - line));
			diag(DIAG_ERROR, m->path, p,
			     "more than %d '[' in the body: split the page (Markdown with this "
			     "many brackets takes the parser minutes)",
			     MD_MAX_BRACKETS);
			return 0;
		}
		if (i == 0 || s[i - 1] == '\n') {
			line = s + i;
			if (i > 0)
				ln++;
			if (line_nesting(line, &at) > MD_MAX_NESTING) {
				struct pos p = {m->body_line + ln - 1,
				                1 + (int)utf8_count(line, at)};
				diag(DIAG_ERROR, m->path, p,
				     "block quotes and lists nested more than %d deep on one line",
				     MD_MAX_NESTING);
				return 0;
			}
		}
	}
	return 1;
}

cmark_node *
md_parse(const char *s)
{
	cmark_parser *p = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, arena_cmark());
	cmark_node *doc;

	cmark_parser_feed(p, s, strlen(s));
	doc = cmark_parser_finish(p);
	cmark_parser_free(p);
	return doc;
}

char *
md_html(cmark_node *doc)
{
	char *html = cmark_render_html(doc, CMARK_OPT_DEFAULT), *own = xstrdup(html);

	arena_cmark()->free(html);
	return own;
}

void
md_check(struct meaning *m, const struct corpus *c)
{
	cmark_node *root, *n, *next, *docs[LANG__N] = {NULL, NULL};
	struct pos markers[LANG__N];
	int cur = -1, l;

	if (m->body == NULL || !body_parsable(m))
		return;
	root = md_parse(m->body);
	for (n = cmark_node_first_child(root); n; n = next) {
		int ml = marker_lang(n);
		next = cmark_node_next(n);
		if (ml == -2) {
			diag(DIAG_ERROR, m->path, node_pos(m, n),
			     "language marker must be exactly '<!-- lang: zh -->' or '<!-- lang: "
			     "en -->'");
			cmark_node_free(n);
			continue;
		}
		if (ml >= 0) {
			if (docs[ml]) {
				diag(DIAG_ERROR, m->path, node_pos(m, n),
				     "language section '%s' appears twice (first at line %d)",
				     lang_code[ml], markers[ml].line);
				cur = -1;
			} else {
				docs[ml] =
				    cmark_node_new_with_mem(CMARK_NODE_DOCUMENT, arena_cmark());
				markers[ml] = node_pos(m, n);
				cur = ml;
			}
			cmark_node_free(n);
			continue;
		}
		if (cur < 0) {
			if (docs[0] == NULL && docs[1] == NULL)
				diag(DIAG_ERROR, m->path, node_pos(m, n),
				     "text before the first language marker '<!-- lang: zh -->'");
			cmark_node_free(n);
			continue;
		}
		cmark_node_unlink(n);
		cmark_node_append_child(docs[cur], n);
	}
	cmark_node_free(root);

	for (l = 0; l < LANG__SOURCE; l++) {
		if (docs[l] == NULL) {
			struct pos p = {m->body_line, 1};
			diag(DIAG_ERROR, m->path, p, "missing language section '<!-- lang: %s -->'",
			     lang_code[l]);
			continue;
		}
		if (cmark_node_first_child(docs[l]) == NULL) {
			diag(DIAG_ERROR, m->path, markers[l], "language section '%s' is empty",
			     lang_code[l]);
			cmark_node_free(docs[l]);
			continue;
		}
		check_nodes(m, c, docs[l]);
		if (!has_text(docs[l])) {
			diag(DIAG_ERROR, m->path, markers[l],
			     "language section '%s' has no text a reader would see (raw HTML and "
			     "comments are not rendered)",
			     lang_code[l]);
			cmark_node_free(docs[l]);
			continue;
		}
		if (m->doc[l])
			cmark_node_free(m->doc[l]);
		m->doc[l] = docs[l];
	}
}

/* Returns 1 if m is the only meaning of its number in c. */
static int
alone(const struct meaning *m, const struct corpus *c)
{
	size_t lo = 0, hi = c->nnum;

	while (lo < hi) { /* the number, by bisection over c->first */
		size_t mid = lo + (hi - lo) / 2;
		int at = c->m[c->first[mid]]->code;
		if (at == m->code)
			return corpus_number_end(c, mid) - c->first[mid] == 1;
		if (at < m->code)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 1;
}

void
md_render(struct meaning *m, const struct corpus *c)
{
	int l, sections = !m->is_class && !m->is_page, level = sections ? 3 : 2;

	/* A number with one meaning has no heading per meaning: its body's
	 * headings come right below the page's. */
	if (sections && alone(m, c))
		level = 2;

	for (l = 0; l < LANG__N; l++) {
		if (m->doc[l] == NULL)
			continue;
		prepare(m, c, m->doc[l], level);
		if (sections)
			list_sections(m, l, m->doc[l], level);
	}
	if (sections)
		name_sections(m);
	for (l = 0; l < LANG__N; l++) {
		cmark_node *doc = m->doc[l];
		if (doc == NULL)
			continue;
		if (sections)
			anchor_sections(m, l, doc, level);
		http_examples(doc, l);
		free(m->html[l]);
		m->html[l] = md_html(doc);
		cmark_node_free(doc);
		m->doc[l] = NULL;
	}
}
