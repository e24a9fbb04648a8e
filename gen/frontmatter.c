/*
 * frontmatter.c — the YAML front matter of a content file (SPEC §2), read
 * with libyaml into a `struct meaning`.
 *
 * Two passes over the text: a pass over libyaml's events refuses what the
 * format never needs (anchors, aliases, tags, deep nesting) before anything
 * is built, then libyaml's document loader gives a tree whose nodes carry
 * their marks, and each top-level key is handed to its reader (fmkeys.c)
 * through the table below.  Every mistake is reported through diag() at the
 * line and column of the key or value, and checking goes on.  This file
 * also holds the helpers every reader uses (fm.h).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fm.h"

/* Deepest nesting of collections the format uses is 3 (references → item). */
#define FM_MAX_DEPTH 8
/* The longest list or mapping (the longest real one, 403's sub-status codes,
 * has a few dozen entries). */
#define FM_MAX_ITEMS 1000

/* What a reader of one top-level key gets: the key's node and its value's. */
typedef void key_reader(struct fm *f, const yaml_node_t *key, const yaml_node_t *value);

/* Which kind of document a key belongs to (bits). */
enum { IN_MEANING = 1, IN_CLASS = 2, IN_PAGE = 4, IN_ALL = 7 };

/* One top-level key: its reader, where it may appear and where it must. */
struct key_rule {
	const char *name;
	key_reader *read;
	int allowed;  /* IN_ bits */
	int required; /* IN_ bits */
};

struct pos
mark_pos(const struct fm *f, yaml_mark_t mk)
{
	struct pos p = {(int)mk.line + f->line0, (int)mk.column + 1};
	return p;
}

void
fm_error(struct fm *f, const yaml_node_t *n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdiag(DIAG_ERROR, f->m->path, n ? mark_pos(f, n->start_mark) : f->m->pos_start, fmt, ap);
	va_end(ap);
	f->errors++;
}

static const char *const node_kind[] = {"nothing", "text", "list", "mapping"};

/* What YAML reads as null when written plain. */
static const char *const yaml_nulls[] = {"null", "Null", "NULL", "~"};

/* Returns the scalar's text, or NULL after reporting that `what` must be text. */
const char *
want_text(struct fm *f, const yaml_node_t *n, const char *what)
{
	if (n->type != YAML_SCALAR_NODE) {
		fm_error(f, n, "%s must be text, not a %s", what, node_kind[n->type]);
		return NULL;
	}
	if (n->data.scalar.length == 0) {
		fm_error(f, n, "%s is empty", what);
		return NULL;
	}
	if (n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	    name_lookup(yaml_nulls, 4, (const char *)n->data.scalar.value) >= 0) {
		fm_error(f, n, "%s is null, not text (quote it, \"%s\", if you mean the word)",
		         what, (const char *)n->data.scalar.value);
		return NULL;
	}
	return (const char *)n->data.scalar.value;
}

/* Like want_text(), and the text must be a single line. */
const char *
want_line(struct fm *f, const yaml_node_t *n, const char *what)
{
	const char *s = want_text(f, n, what);

	if (s && strchr(s, '\n')) {
		fm_error(f, n, "%s must be a single line", what);
		return NULL;
	}
	return s;
}

/* Returns 1 and the value of a plain decimal scalar of at most `digits` digits. */
int
want_int(struct fm *f, const yaml_node_t *n, const char *what, int digits, int *out)
{
	const char *s;
	size_t i, len;
	int v = 0;

	if (n->type != YAML_SCALAR_NODE || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		goto bad;
	s = (const char *)n->data.scalar.value;
	len = n->data.scalar.length;
	if (len == 0 || len > (size_t)digits)
		goto bad;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			goto bad;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 1;
bad:
	fm_error(f, n, "%s must be a whole number of at most %d digits", what, digits);
	return 0;
}

yaml_node_t *
fm_node(struct fm *f, int i)
{
	return yaml_document_get_node(&f->doc, i);
}

/* Returns the value of key `name` in mapping `n`, or NULL. */
yaml_node_t *
map_get(struct fm *f, const yaml_node_t *n, const char *name)
{
	yaml_node_pair_t *p;

	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = fm_node(f, p->key);
		if (k->type == YAML_SCALAR_NODE && strcmp((char *)k->data.scalar.value, name) == 0)
			return fm_node(f, p->value);
	}
	return NULL;
}

/*
 * Checks that mapping `n` has only keys from `allowed` (NULL-terminated), each
 * once, as plain text.  Returns 1 if so; reports each offender.
 */
int
map_keys(struct fm *f, const yaml_node_t *n, const char *what, const char *const *allowed)
{
	yaml_node_pair_t *p, *q;
	int ok = 1;

	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = fm_node(f, p->key);
		const char *const *a;
		if (k->type != YAML_SCALAR_NODE) {
			fm_error(f, k, "a key of %s must be text", what);
			ok = 0;
			continue;
		}
		for (a = allowed; *a; a++)
			if (strcmp(*a, (char *)k->data.scalar.value) == 0)
				break;
		if (*a == NULL) {
			const char *key = (char *)k->data.scalar.value;
			/* zh-Hant, zh-TW …: the edition is made, never written. */
			int other_zh = allowed == fm_lang_keys && strncasecmp(key, "zh", 2) == 0;
			fm_error(f, k, "unknown key '%s' in %s%s", key, what,
			         other_zh ? "; write 'zh' only: the Traditional Chinese edition "
			                    "(zh-Hant) is made from it when the site is built"
			                  : "");
			ok = 0;
			continue;
		}
		for (q = n->data.mapping.pairs.start; q < p; q++) {
			yaml_node_t *k2 = fm_node(f, q->key);
			if (k2->type == YAML_SCALAR_NODE &&
			    strcmp((char *)k2->data.scalar.value, (char *)k->data.scalar.value) ==
			        0) {
				fm_error(f, k, "key '%s' appears twice in %s",
				         (char *)k->data.scalar.value, what);
				ok = 0;
				break;
			}
		}
	}
	return ok;
}

const char *const fm_lang_keys[] = {"en", "zh", NULL};

/*
 * Reads a mapping `{en: …, zh: …}` of one-line texts into out[] (each
 * strdup'ed).  Both languages are required.
 */
void
read_lang_text(struct fm *f, const yaml_node_t *kn, const yaml_node_t *n, const char *key,
               char *out[LANG__N], struct pos *en_pos)
{
	int l;

	if (n->type != YAML_MAPPING_NODE) {
		fm_error(f, n, "'%s' must be a mapping with 'en' and 'zh'", key);
		return;
	}
	map_keys(f, n, key, fm_lang_keys);
	for (l = 0; l < LANG__SOURCE; l++) {
		yaml_node_t *v = map_get(f, n, lang_code[l]);
		char what[64];
		const char *s;
		snprintf(what, sizeof(what), "%s.%s", key, lang_code[l]);
		if (v == NULL) {
			fm_error(f, kn, "'%s' has no '%s'", key, lang_code[l]);
			continue;
		}
		if ((s = want_line(f, v, what)) != NULL) {
			free(out[l]);
			out[l] = xstrdup(s);
		}
		if (l == LANG_EN && en_pos)
			*en_pos = mark_pos(f, v->start_mark);
	}
}

int
read_enum(struct fm *f, const yaml_node_t *n, const char *key, const char *const *names, int count)
{
	const char *s = want_text(f, n, key);
	int i;
	struct buf b = {0};

	if (s == NULL)
		return -1;
	if ((i = name_lookup(names, count, s)) >= 0)
		return i;
	for (i = 0; i < count; i++) {
		buf_puts(&b, i ? (i == count - 1 ? " or " : ", ") : "");
		buf_puts(&b, names[i]);
	}
	fm_error(f, n, "'%s' must be %s, not '%s'", key, b.s, s);
	buf_free(&b);
	return -1;
}

/* Reports the syntax error libyaml's parser `p` stopped at. */
static void
report_syntax(struct fm *f, const yaml_parser_t *p, const char *yaml, size_t len)
{
	struct pos pp = mark_pos(f, p->problem_mark);

	if (p->problem_mark.index < len && yaml[p->problem_mark.index] == '\t')
		diag(DIAG_ERROR, f->m->path, pp,
		     "YAML: a tab here; indent with spaces (YAML does not allow tabs)");
	else if (p->problem && strstr(p->problem, "<document start>"))
		diag(DIAG_ERROR, f->m->path, pp,
		     "text after the end of the YAML document ('...'): the front matter is one "
		     "document");
	else if (p->context)
		diag(DIAG_ERROR, f->m->path, pp, "YAML: %s %s", p->problem, p->context);
	else
		diag(DIAG_ERROR, f->m->path, pp, "YAML: %s",
		     p->problem ? p->problem : "syntax error");
	f->errors++;
}

/* Returns the first collection nested deeper than `limit` below n, or NULL. */
static yaml_node_t *
too_deep(struct fm *f, yaml_node_t *n, int limit)
{
	yaml_node_item_t *it;
	yaml_node_pair_t *pr;
	yaml_node_t *d;

	if (n->type == YAML_SCALAR_NODE)
		return NULL;
	if (limit == 0)
		return n;
	if (n->type == YAML_SEQUENCE_NODE) {
		for (it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++)
			if ((d = too_deep(f, yaml_document_get_node(&f->doc, *it), limit - 1)) !=
			    NULL)
				return d;
	} else if (n->type == YAML_MAPPING_NODE) {
		for (pr = n->data.mapping.pairs.start; pr < n->data.mapping.pairs.top; pr++)
			if ((d = too_deep(f, yaml_document_get_node(&f->doc, pr->value),
			                  limit - 1)) != NULL ||
			    (d = too_deep(f, yaml_document_get_node(&f->doc, pr->key),
			                  limit - 1)) != NULL)
				return d;
	}
	return NULL;
}

/*
 * First pass: libyaml's events.  Reports a syntax error, anchors, aliases,
 * tags and nesting deeper than FM_MAX_DEPTH.  Returns 0 if the document may be
 * loaded, -1 if not.
 */
static int
scan_events(struct fm *f, const char *yaml, size_t len)
{
	yaml_parser_t p;
	yaml_event_t ev;
	int depth = 0, done = 0, rc = 0;

	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)yaml, len);
	while (!done) {
		yaml_char_t *anchor = NULL, *tag = NULL;
		struct pos at;
		if (!yaml_parser_parse(&p, &ev)) {
			report_syntax(f, &p, yaml, len);
			rc = -1;
			break;
		}
		at = mark_pos(f, ev.start_mark);
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (ev.data.document_start.tag_directives.start !=
			        ev.data.document_start.tag_directives.end ||
			    ev.data.document_start.version_directive) {
				diag(DIAG_ERROR, f->m->path, at,
				     "YAML directives are not allowed in front matter");
				f->errors++;
				rc = -1;
			}
			break;
		case YAML_ALIAS_EVENT:
			diag(DIAG_ERROR, f->m->path, at,
			     "YAML aliases ('*%s') are not allowed in front matter",
			     (char *)ev.data.alias.anchor);
			f->errors++;
			rc = -1;
			break;
		case YAML_SCALAR_EVENT:
			anchor = ev.data.scalar.anchor;
			tag = ev.data.scalar.tag;
			break;
		case YAML_SEQUENCE_START_EVENT:
			anchor = ev.data.sequence_start.anchor;
			tag = ev.data.sequence_start.tag;
			depth++;
			break;
		case YAML_MAPPING_START_EVENT:
			anchor = ev.data.mapping_start.anchor;
			tag = ev.data.mapping_start.tag;
			depth++;
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		default:
			break;
		}
		if (anchor) {
			diag(DIAG_ERROR, f->m->path, at,
			     "YAML anchors ('&%s') are not allowed in front matter",
			     (char *)anchor);
			f->errors++;
			rc = -1;
		}
		if (tag) {
			diag(DIAG_ERROR, f->m->path, at,
			     "YAML tags ('%s') are not allowed in front matter", (char *)tag);
			f->errors++;
			rc = -1;
		}
		if (depth > FM_MAX_DEPTH) {
			diag(DIAG_ERROR, f->m->path, at,
			     "front matter is nested deeper than %d levels", FM_MAX_DEPTH);
			f->errors++;
			rc = -1;
			done = 1;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	return rc;
}

/*
 * The front matter is one YAML document: keys after a document end ("...")
 * or a second start ("--- ") would be lost without a word.  Reports a second
 * document at its start; returns 1 if there is one (or it is malformed).
 */
static int
second_document(struct fm *f, yaml_parser_t *p, const char *yaml, size_t len)
{
	yaml_document_t next;
	yaml_node_t *root;
	int found;

	if (!yaml_parser_load(p, &next)) {
		report_syntax(f, p, yaml, len);
		return 1;
	}
	root = yaml_document_get_root_node(&next);
	found = root != NULL;
	if (found)
		fm_error(f, root,
		         "a second YAML document starts here: the front matter is one document, "
		         "without '...' or another '---' inside it");
	yaml_document_delete(&next);
	return found;
}

/*
 * Every node of the document, keys included.  A NUL (YAML's "\0") would cut
 * a text short where C reads it, and a control character (C0 but tab and
 * line feed, DEL, C1; "\x01", "\e") has no business on a page.  A list or a
 * mapping longer than FM_MAX_ITEMS is no real front matter, and checks that
 * compare its entries with each other would take time in the square of its
 * length.  Reports each such node at its position; returns how many.
 */
static int
check_nodes(struct fm *f)
{
	yaml_node_t *n;
	int bad = 0;

	for (n = f->doc.nodes.start; n < f->doc.nodes.top; n++) {
		const char *s = (const char *)n->data.scalar.value;
		uint32_t cp;
		size_t items =
		    n->type == YAML_SEQUENCE_NODE
		        ? (size_t)(n->data.sequence.items.top - n->data.sequence.items.start)
		    : n->type == YAML_MAPPING_NODE
		        ? (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start)
		        : 0;
		if (items > FM_MAX_ITEMS) {
			fm_error(f, n,
			         "%zu entries: front matter lists and mappings hold at most %d",
			         items, FM_MAX_ITEMS);
			bad++;
		}
		if (n->type != YAML_SCALAR_NODE)
			continue;
		if (strlen(s) != n->data.scalar.length) {
			fm_error(f, n, "a NUL character (\\0) in the text");
			bad++;
		} else if (find_control(s, &cp) >= 0) {
			fm_error(f, n,
			         "control character U+%04X in the text (tab and line feed are the "
			         "only ones allowed)",
			         (unsigned)cp);
			bad++;
		}
	}
	return bad;
}

/* Every top-level key of the format (SPEC §2), in the order the man page
 * lists them. */
static const struct key_rule keys[] = {
    {"code", key_code, IN_MEANING, IN_MEANING},
    {"class", key_class, IN_MEANING | IN_CLASS, IN_MEANING | IN_CLASS},
    {"registry", key_registry, IN_MEANING, IN_MEANING},
    {"vendor", key_vendor, IN_MEANING, 0},
    {"title", key_title, IN_ALL, IN_ALL},
    {"summary", key_summary, IN_ALL, IN_ALL},
    {"references", key_references, IN_MEANING, 0},
    {"see-also", key_see_also, IN_MEANING | IN_CLASS, 0},
    {"status", key_status, IN_MEANING, 0},
    {"subcodes", key_subcodes, IN_MEANING, 0},
    {"note", key_note, IN_ALL, 0},
    {"aliases", key_aliases, IN_MEANING | IN_CLASS, 0},
    {"constants", key_constants, IN_MEANING, 0},
    {"lead", key_lead, IN_MEANING, 0},
    {"seen-in", key_seen_in, IN_MEANING, 0},
    {"semantics", key_semantics, IN_MEANING, 0},
    {"use-when", key_use_when, IN_MEANING, 0},
};
#define NKEYS (int)(sizeof(keys) / sizeof(keys[0]))

/* Returns the index of key `name` in keys[], or -1. */
static int
key_index(const char *name)
{
	int k;

	for (k = 0; k < NKEYS; k++)
		if (strcmp(keys[k].name, name) == 0)
			return k;
	return -1;
}

/* The rules between keys, once all are read; `seen` holds each key's node. */
static void
check_key_rules(struct fm *f, const yaml_node_t *const seen[NKEYS])
{
	struct meaning *m = f->m;
	int vendor = key_index("vendor"), refs = key_index("references"), note = key_index("note");

	if (!m->is_class && !m->is_page && f->registry_ok) {
		if (m->registry == REG_VENDOR && !seen[vendor]) {
			diag(DIAG_ERROR, m->path, m->pos_registry,
			     "'registry: vendor' needs 'vendor' (the product's display name)");
			f->errors++;
		}
		if (m->registry != REG_VENDOR && seen[vendor])
			fm_error(f, seen[vendor], "'vendor' is only for 'registry: vendor'");
		if (m->registry == REG_IANA && !seen[refs]) {
			diag(DIAG_ERROR, m->path, m->pos_registry,
			     "'registry: iana' needs 'references' (the RFC that defines the code)");
			f->errors++;
		}
		sem_rules(f, seen[key_index("semantics")] != NULL);
		if (m->registry == REG_IANA && m->slug) {
			diag(DIAG_ERROR, m->path, m->pos_registry,
			     "an IANA meaning belongs in %03d.md, not in a vendor file", m->code);
			f->errors++;
		}
	}
	if (m->status != STATUS_CURRENT && !seen[note]) {
		diag(DIAG_ERROR, m->path, m->pos_status, "'status: %s' needs a 'note' saying why",
		     status_name[m->status]);
		f->errors++;
	}
}

int
fm_load(struct fm *f, const char *yaml, size_t len, const char *what)
{
	/* The characters that anchors, aliases, tags and directives start with. */
	static const unsigned char special[256] = {['&'] = 1, ['*'] = 1, ['!'] = 1, ['%'] = 1};
	yaml_parser_t p;
	yaml_node_t *root, *deep;
	size_t i, opens;
	int more;

	/* Anchors, aliases, tags and directives cannot be written without one
	 * of & * ! %, nor flow collections nested deeper than FM_MAX_DEPTH
	 * without as many [ or {: a text with neither needs no pass over its
	 * events.  The pass stops at the first collection too deep, before
	 * libyaml's loader, whose time grows with the square of the depth
	 * (300,000 '[' would take minutes). */
	for (i = 0, opens = 0; i < len && !special[(unsigned char)yaml[i]]; i++)
		opens += yaml[i] == '[' || yaml[i] == '{';
	if ((i < len || opens > FM_MAX_DEPTH) && scan_events(f, yaml, len) < 0)
		return -1;

	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)yaml, len);
	if (!yaml_parser_load(&p, &f->doc)) {
		report_syntax(f, &p, yaml, len);
		yaml_parser_delete(&p);
		return -1;
	}
	more = second_document(f, &p, yaml, len);
	yaml_parser_delete(&p);
	if (more)
		return -2;
	root = yaml_document_get_root_node(&f->doc);
	if (root == NULL) {
		fm_error(f, NULL, "%s is empty", what);
		return -2;
	}
	if ((deep = too_deep(f, root, FM_MAX_DEPTH)) != NULL) {
		fm_error(f, deep, "%s is nested deeper than %d levels", what, FM_MAX_DEPTH);
		return -2;
	}
	if (check_nodes(f))
		return -2;
	return 0;
}

int
fm_parse(struct meaning *m, const char *yaml, size_t len, int first_line)
{
	struct fm f;
	yaml_node_t *root;
	yaml_node_pair_t *pair;
	const yaml_node_t *seen[NKEYS] = {0};
	int k, loaded, kind = m->is_class ? IN_CLASS : m->is_page ? IN_PAGE : IN_MEANING;

	memset(&f, 0, sizeof(f));
	f.m = m;
	f.line0 = first_line;
	m->pos_refs = m->pos_status = m->pos_registry = m->pos_title_en = m->pos_start;
	m->pos_lead = m->pos_vendor = m->pos_start;

	if ((loaded = fm_load(&f, yaml, len, "front matter")) == -1)
		goto out;
	if (loaded < 0)
		goto done;
	root = yaml_document_get_root_node(&f.doc);
	if (root->type != YAML_MAPPING_NODE) {
		fm_error(&f, root, "front matter must be a mapping of keys (code: 404, class: …)");
		goto done;
	}
	for (pair = root->data.mapping.pairs.start; pair < root->data.mapping.pairs.top; pair++) {
		yaml_node_t *kn = fm_node(&f, pair->key), *v = fm_node(&f, pair->value);
		const char *ks;

		if (kn->type != YAML_SCALAR_NODE) {
			fm_error(&f, kn, "a key must be text");
			continue;
		}
		ks = (const char *)kn->data.scalar.value;
		if ((k = key_index(ks)) < 0) {
			fm_error(&f, kn, "unknown key '%s'", ks);
			continue;
		}
		if (seen[k]) {
			fm_error(&f, kn, "key '%s' appears twice (first at line %d)", ks,
			         (int)seen[k]->start_mark.line + f.line0);
			continue;
		}
		seen[k] = kn;
		if (!(keys[k].allowed & kind)) {
			if (m->is_class)
				fm_error(&f, kn, "key '%s' is not used in a class introduction",
				         ks);
			else
				fm_error(
				    &f, kn,
				    "key '%s' is not used in a page (only title, summary, note)",
				    ks);
			continue;
		}
		keys[k].read(&f, kn, v);
	}
	for (k = 0; k < NKEYS; k++)
		if ((keys[k].required & kind) && !seen[k])
			fm_error(&f, NULL, "missing required key '%s'", keys[k].name);
	check_key_rules(&f, seen);
done:
	yaml_document_delete(&f.doc);
out:
	m->ok = f.errors == 0;
	return f.errors;
}
