/*
 * fmkeys.c — the reader of each top-level key of the front matter (SPEC §2):
 * what each key may hold, checked with the position of every mistake, and
 * copied into the meaning.  The table that names them is in frontmatter.c.
 * Reports through fm_error() and diag().
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "fm.h"

static void
read_references(struct fm *f, const yaml_node_t *n)
{
	static const char *const rfc_keys[] = {"rfc", "section", NULL};
	static const char *const draft_keys[] = {"draft", NULL};
	static const char *const url_keys[] = {"url", "text", NULL};
	struct meaning *m = f->m;
	yaml_node_item_t *it;

	if (n->type != YAML_SEQUENCE_NODE) {
		fm_error(f, n, "'references' must be a list");
		return;
	}
	if (n->data.sequence.items.start == n->data.sequence.items.top)
		fm_error(f, n, "'references' is empty");
	for (it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
		yaml_node_t *e = fm_node(f, *it), *v;
		struct ref r;
		const char *s;

		memset(&r, 0, sizeof(r));
		r.pos = mark_pos(f, e->start_mark);
		if (e->type != YAML_MAPPING_NODE) {
			fm_error(f, e,
			         "a reference must be a mapping: {rfc: N, section: \"x.y\"}, "
			         "{draft: \"draft-…\"} or {url: \"https://…\", text: \"…\"}");
			continue;
		}
		if ((v = map_get(f, e, "rfc")) != NULL) {
			r.kind = REF_RFC;
			if (!map_keys(f, e, "a reference", rfc_keys) ||
			    !want_int(f, v, "'rfc'", 5, &r.rfc))
				continue;
			if ((v = map_get(f, e, "section")) != NULL) {
				size_t i;
				if ((s = want_text(f, v, "'section'")) == NULL)
					continue;
				for (i = 0; s[i]; i++)
					if (!((s[i] >= '0' && s[i] <= '9') || s[i] == '.' ||
					      (s[i] >= 'A' && s[i] <= 'Z')))
						break;
				if (s[i] || s[0] == '.' || s[i - 1] == '.') {
					fm_error(f, v,
					         "'section' must look like \"15.5.5\" or \"A.2\", "
					         "not '%s'",
					         s);
					continue;
				}
				r.section = xstrdup(s);
			}
		} else if ((v = map_get(f, e, "draft")) != NULL) {
			r.kind = REF_DRAFT;
			if (!map_keys(f, e, "a reference", draft_keys) ||
			    (s = want_line(f, v, "'draft'")) == NULL)
				continue;
			if (strncmp(s, "draft-", 6) != 0 || strpbrk(s, " /?#")) {
				fm_error(f, v,
				         "'draft' must be an Internet-Draft name such as "
				         "\"draft-ietf-httpbis-…\", not '%s'",
				         s);
				continue;
			}
			r.draft = xstrdup(s);
		} else if ((v = map_get(f, e, "url")) != NULL) {
			yaml_node_t *t = map_get(f, e, "text");
			r.kind = REF_URL;
			if (!map_keys(f, e, "a reference", url_keys) ||
			    (s = want_line(f, v, "'url'")) == NULL)
				continue;
			if ((strncmp(s, "https://", 8) != 0 && strncmp(s, "http://", 7) != 0) ||
			    strpbrk(s, " \t\"<>")) {
				fm_error(f, v,
				         "'url' must be an absolute http(s) address, not '%s'", s);
				continue;
			}
			if (t == NULL) {
				fm_error(f, e, "a url reference needs 'text' to show");
				continue;
			}
			if ((s = want_line(f, t, "'text'")) == NULL)
				continue;
			r.url = xstrdup((char *)v->data.scalar.value);
			r.text = xstrdup(s);
		} else {
			fm_error(f, e, "a reference needs 'rfc', 'draft' or 'url'");
			continue;
		}
		url_resolve_ref(&r); /* the address and text of an RFC or a draft */
		m->refs = xrealloc(m->refs, (m->nrefs + 1) * sizeof(*m->refs));
		m->refs[m->nrefs++] = r;
	}
}

static void
read_see_also(struct fm *f, const yaml_node_t *n)
{
	struct meaning *m = f->m;
	yaml_node_item_t *it;

	if (n->type != YAML_SEQUENCE_NODE) {
		fm_error(f, n, "'see-also' must be a list of code ids, e.g. [410, 499-nginx]");
		return;
	}
	for (it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
		yaml_node_t *e = fm_node(f, *it);
		const char *s, *slug;
		int code;
		size_t i;

		if ((s = want_text(f, e, "a 'see-also' entry")) == NULL)
			continue;
		if (!id_parse(s, &code, &slug)) {
			fm_error(f, e,
			         "'%s' is not a code id (three digits, optionally '-vendor', "
			         "e.g. 410 or 499-nginx)",
			         s);
			continue;
		}
		for (i = 0; i < m->nsee; i++)
			if (strcmp(m->see[i].id, s) == 0)
				break;
		if (i < m->nsee) {
			fm_error(f, e, "'%s' appears twice in 'see-also'", s);
			continue;
		}
		m->see = xrealloc(m->see, (m->nsee + 1) * sizeof(*m->see));
		m->see[m->nsee].id = xstrdup(s);
		m->see[m->nsee].pos = mark_pos(f, e->start_mark);
		m->see[m->nsee].target = NULL;
		m->nsee++;
	}
}

static void
read_subcodes(struct fm *f, const yaml_node_t *n)
{
	static const char *const sub_keys[] = {"code", "en", "zh", "title", NULL};
	struct meaning *m = f->m;
	yaml_node_item_t *it;

	if (n->type != YAML_SEQUENCE_NODE) {
		fm_error(f, n, "'subcodes' must be a list of {code: \"403.14\", en: …, zh: …}");
		return;
	}
	for (it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
		yaml_node_t *e = fm_node(f, *it), *v;
		struct subcode sc = {0};
		const char *s, *dot;
		char prefix[8];
		int l, ok = 1;
		size_t i;

		if (e->type != YAML_MAPPING_NODE) {
			fm_error(
			    f, e,
			    "a sub-status code must be a mapping {code: \"403.14\", en: …, zh: …}");
			continue;
		}
		if (!map_keys(f, e, "a sub-status code", sub_keys))
			continue;
		if ((v = map_get(f, e, "code")) == NULL) {
			fm_error(f, e, "a sub-status code needs 'code'");
			continue;
		}
		if ((s = want_text(f, v, "'code'")) == NULL)
			continue;
		snprintf(prefix, sizeof(prefix), "%03d.", m->code);
		dot = strchr(s, '.');
		if (strncmp(s, prefix, 4) != 0 || dot == NULL || dot[1] == '\0' ||
		    strspn(dot + 1, "0123456789") != strlen(dot + 1)) {
			fm_error(f, v, "sub-status code '%s' must be %s followed by digits", s,
			         prefix);
			continue;
		}
		for (i = 0; i < m->nsubs; i++)
			if (strcmp(m->subs[i].code, s) == 0)
				break;
		if (i < m->nsubs) {
			fm_error(f, v, "sub-status code '%s' appears twice", s);
			continue;
		}
		for (l = 0; l < LANG__SOURCE; l++) {
			yaml_node_t *t = map_get(f, e, lang_code[l]);
			const char *txt;
			if (t == NULL) {
				fm_error(f, e, "sub-status code '%s' has no '%s'", s, lang_code[l]);
				ok = 0;
			} else if ((txt = want_line(f, t, lang_code[l])) == NULL) {
				ok = 0;
			} else {
				sc.text[l] = xstrdup(txt);
			}
		}
		if ((v = map_get(f, e, "title")) != NULL) /* the product's own short name */
			read_lang_text(f, v, v, "title", sc.title, NULL);
		if (!ok) {
			for (l = 0; l < LANG__N; l++) {
				free(sc.text[l]);
				free(sc.title[l]);
			}
			continue;
		}
		sc.code = xstrdup(s);
		m->subs = xrealloc(m->subs, (m->nsubs + 1) * sizeof(*m->subs));
		m->subs[m->nsubs++] = sc;
	}
}

static void
read_aliases(struct fm *f, const yaml_node_t *n)
{
	struct meaning *m = f->m;
	int l;

	if (n->type != YAML_MAPPING_NODE) {
		fm_error(f, n, "'aliases' must be a mapping with 'en' and 'zh' lists");
		return;
	}
	map_keys(f, n, "'aliases'", fm_lang_keys);
	for (l = 0; l < LANG__SOURCE; l++) {
		yaml_node_t *v = map_get(f, n, lang_code[l]);
		yaml_node_item_t *it;
		if (v == NULL)
			continue;
		if (v->type != YAML_SEQUENCE_NODE) {
			fm_error(f, v, "'aliases.%s' must be a list", lang_code[l]);
			continue;
		}
		for (it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
			const char *s = want_line(f, fm_node(f, *it), "an alias");
			if (s == NULL)
				continue;
			m->aliases[l] =
			    xrealloc(m->aliases[l], (m->naliases[l] + 1) * sizeof(char *));
			m->aliases[l][m->naliases[l]++] = xstrdup(s);
		}
	}
}

static int
cmp_constant(const void *a, const void *b)
{
	return strcmp(((const struct constant *)a)->lang, ((const struct constant *)b)->lang);
}

static void
read_constants(struct fm *f, const yaml_node_t *n)
{
	struct meaning *m = f->m;
	yaml_node_pair_t *p;

	if (n->type != YAML_MAPPING_NODE) {
		fm_error(f, n, "'constants' must be a mapping such as {go: http.StatusNotFound}");
		return;
	}
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = fm_node(f, p->key), *v = fm_node(f, p->value);
		const char *ks, *vs;
		size_t i;

		if ((ks = want_text(f, k, "a key of 'constants'")) == NULL)
			continue;
		if (name_lookup(constant_key, CONSTANT_KEYS, ks) < 0) {
			struct buf b = {0};
			int j;
			for (j = 0; j < CONSTANT_KEYS; j++) {
				buf_puts(&b, j ? ", " : "");
				buf_puts(&b, constant_key[j]);
			}
			fm_error(f, k, "unknown language '%s' in 'constants' (known: %s)", ks, b.s);
			buf_free(&b);
			continue;
		}
		for (i = 0; i < m->nconsts; i++)
			if (strcmp(m->consts[i].lang, ks) == 0)
				break;
		if (i < m->nconsts) {
			fm_error(f, k, "key '%s' appears twice in 'constants'", ks);
			continue;
		}
		if ((vs = want_line(f, v, "a constant")) == NULL)
			continue;
		m->consts = xrealloc(m->consts, (m->nconsts + 1) * sizeof(*m->consts));
		m->consts[m->nconsts].lang = xstrdup(ks);
		m->consts[m->nconsts].value = xstrdup(vs);
		m->consts[m->nconsts].pos = mark_pos(f, v->start_mark);
		m->nconsts++;
	}
	if (m->nconsts > 1)
		qsort(m->consts, m->nconsts, sizeof(*m->consts), cmp_constant);
}

/* ---------------------------------------------------- top-level keys */

void
key_code(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v)
{
	int code;

	if (want_int(f, v, "'code'", 3, &code) && code != f->m->code)
		fm_error(f, v, "code %d does not match the file name (%03d)", code, f->m->code);
}

void
key_class(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v)
{
	struct meaning *m = f->m;
	int c = read_enum(f, v, "class", class_name, CLASS__N);

	if (c < 0)
		return;
	if (m->is_class) {
		/* A class introduction's class is its file name's. */
		if (c != (int)m->klass)
			fm_error(f, v,
			         "class '%s' does not agree with the file name (%s.md is '%s')",
			         class_name[c], class_slug[m->klass], class_name[m->klass]);
		return;
	}
	m->klass = c;
	if (c != class_of_code(m->code))
		fm_error(f, v, "class '%s' does not agree with code %03d, which is '%s'",
		         class_name[c], m->code, class_name[class_of_code(m->code)]);
}

void
key_registry(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v)
{
	int r = read_enum(f, v, "registry", registry_name, REG__N);

	f->m->pos_registry = mark_pos(f, v->start_mark);
	if (r >= 0)
		f->m->registry = r;
	f->registry_ok = r >= 0;
}

void
key_vendor(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v)
{
	const char *s = want_line(f, v, "'vendor'");
	uint32_t cp;
	long at;

	if (s && (at = find_cp(s, cp_invisible, &cp)) >= 0) {
		fm_error(f, v,
		         "'vendor' holds the invisible character U+%04X (at byte %ld): two names "
		         "that look the same must be the same name",
		         (unsigned)cp, at + 1);
		return;
	}
	f->m->pos_vendor = mark_pos(f, v->start_mark);
	if (s) {
		/* One name, one way: "Café" with a composed é or with e and a
		 * combining accent is the same vendor (Unicode NFC). */
		char *nfc = (char *)utf8proc_NFC((const utf8proc_uint8_t *)s);
		if (nfc == NULL)
			oom(); /* the text is UTF-8: only memory can fail */
		f->m->vendor = xstrdup(nfc);
		free(nfc);
	}
}

void
key_title(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v)
{
	read_lang_text(f, kn, v, "title", f->m->title, &f->m->pos_title_en);
}

void
key_summary(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v)
{
	read_lang_text(f, kn, v, "summary", f->m->summary, NULL);
}

void
key_note(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v)
{
	read_lang_text(f, kn, v, "note", f->m->note, NULL);
}

void
key_references(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v)
{
	f->m->pos_refs = mark_pos(f, kn->start_mark);
	read_references(f, v);
}

void
key_see_also(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v)
{
	read_see_also(f, v);
}

void
key_status(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v)
{
	int s = read_enum(f, v, "status", status_name, STATUS__N);

	f->m->pos_status = mark_pos(f, kn->start_mark);
	if (s >= 0)
		f->m->status = s;
}

void
key_subcodes(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v)
{
	read_subcodes(f, v);
}

void
key_aliases(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v)
{
	read_aliases(f, v);
}

void
key_seen_in(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v)
{
	read_lang_text(f, kn, v, "seen-in", f->m->seen_in, NULL);
}

void
key_lead(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v)
{
	const char *s = want_text(f, v, "'lead'");

	f->m->pos_lead = mark_pos(f, v->start_mark);
	if (s && strcmp(s, "true") == 0)
		f->m->lead = 1;
	else if (s && strcmp(s, "false") != 0)
		fm_error(f, v, "'lead' must be true or false, not '%s'", s);
}

void
key_constants(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v)
{
	read_constants(f, v);
}

void
key_use_when(struct fm *f, const yaml_node_t *kn, const yaml_node_t *v)
{
	read_lang_text(f, kn, v, "use-when", f->m->use_when, NULL);
}
