/*
 * check.c — the rules of SPEC §3 that need more than one file: content
 * against the IANA snapshot, coverage, duplicates, see-also.  It links as it
 * checks: it sets meaning->iana and see_also->target, which the later stages
 * read.  Reports through diag(); changes nothing else.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gen.h"

/* Returns 1 if m's references include what IANA's xref `x` cites. */
static int
has_ref(const struct meaning *m, const struct iana_xref *x)
{
	size_t i;

	for (i = 0; i < m->nrefs; i++) {
		const struct ref *r = &m->refs[i];
		if (strcmp(x->type, "rfc") == 0 && r->kind == REF_RFC && r->rfc == x->rfc &&
		    (x->section == NULL || (r->section && strcmp(r->section, x->section) == 0)))
			return 1;
		if (strcmp(x->type, "draft") == 0 && r->kind == REF_DRAFT &&
		    strcmp(r->draft, x->data) == 0)
			return 1;
	}
	return 0;
}

static void
check_iana(struct corpus *c, struct meaning *m)
{
	const struct iana_record *rec = registry_find(c->reg, m->code);
	size_t i;

	if (rec && !rec->assigned)
		rec = NULL;
	m->iana = rec;
	if (m->registry != REG_IANA) {
		if (rec && m->slug == NULL)
			diag(DIAG_ERROR, m->path, m->pos_registry,
			     "IANA assigns %03d (%s): %03d.md must be its IANA meaning ('registry: "
			     "iana'); "
			     "put this meaning in %03d-VENDOR.md",
			     m->code, rec->description, m->code, m->code);
		else if (rec)
			diag(DIAG_NOTE, m->path, m->pos_registry,
			     "%s reuses %03d, which IANA assigns to '%s'; the page shows the "
			     "conflict",
			     m->id, m->code, rec->description);
		return;
	}
	if (rec == NULL) {
		const struct iana_record *any = registry_find(c->reg, m->code);
		diag(DIAG_ERROR, m->path, m->pos_registry,
		     "'registry: iana', but IANA does not assign %03d (%s)", m->code,
		     any ? "the snapshot lists it as Unassigned" : "it is outside the registry");
		return;
	}
	if (rec->phrase[0] != '\0' && m->title[LANG_EN] &&
	    strcmp(m->title[LANG_EN], rec->phrase) != 0)
		diag(DIAG_ERROR, m->path, m->pos_title_en,
		     "IANA calls %03d '%s', but title.en is '%s' (if IANA renamed it, keep the old "
		     "name in 'aliases')",
		     m->code, rec->phrase, m->title[LANG_EN]);
	if (rec->unused && m->status != STATUS_UNUSED)
		diag(DIAG_ERROR, m->path, m->pos_status,
		     "IANA marks %03d '(Unused)': the file needs 'status: unused' and a 'note'",
		     m->code);
	for (i = 0; i < rec->nxrefs; i++) {
		const struct iana_xref *x = &rec->xrefs[i];
		if (strcmp(x->type, "rfc") != 0 && strcmp(x->type, "draft") != 0)
			continue;
		if (has_ref(m, x))
			continue;
		if (x->rfc && x->section)
			diag(DIAG_ERROR, m->path, m->pos_refs,
			     "IANA cites RFC %d, section %s for %03d, but the references lack it "
			     "(add {rfc: %d, section: \"%s\"})",
			     x->rfc, x->section, m->code, x->rfc, x->section);
		else if (x->rfc)
			diag(DIAG_ERROR, m->path, m->pos_refs,
			     "IANA cites RFC %d for %03d, but the references lack it (add {rfc: "
			     "%d})",
			     x->rfc, m->code, x->rfc);
		else
			diag(DIAG_ERROR, m->path, m->pos_refs,
			     "IANA cites %s for %03d, but the references lack it (add {draft: "
			     "\"%s\"})",
			     x->data, m->code, x->data);
	}
}

/* Warns when a temporary registration's "expires YYYY-MM-DD" is before
 * `today` (YYYY-MM-DD). */
static void
check_expiry(const struct iana_record *r, const char *path, const char *today)
{
	static const char expires[] = "expires ";
	const char *e = r->annotation ? strstr(r->annotation, expires) : NULL;
	char until[11];
	struct pos p = {r->line, 0};

	if (e == NULL || strlen(e + strlen(expires)) < 10)
		return;
	snprintf(until, sizeof(until), "%.10s", e + strlen(expires));
	if (strcmp(today, until) > 0)
		diag(DIAG_WARNING, path, p,
		     "the temporary registration of %03d expired on %s (today is %s); fetch the "
		     "current registry ('make update-iana') to see what IANA decided",
		     r->lo, until, today);
}

/* Links m's see-also entries to their targets, reporting those that do not exist. */
static void
check_see_also(struct corpus *c, struct meaning *m)
{
	size_t j;

	for (j = 0; j < m->nsee; j++) {
		struct see_also *s = &m->see[j];
		s->target = corpus_find(c, s->id);
		if (s->target == m)
			diag(DIAG_ERROR, m->path, s->pos, "see-also names this file itself");
		else if (s->target == NULL)
			diag(DIAG_ERROR, m->path, s->pos,
			     "see-also '%s': there is no %s.md in the content folder", s->id,
			     s->id);
	}
}

/* A vendor's page and a meaning of it, for check_names. */
struct vendor_page {
	char *page;
	const struct meaning *m;
};

static int
cmp_vendor_page(const void *a, const void *b)
{
	const struct vendor_page *x = a, *y = b;
	int k = strcmp(x->page, y->page);

	return k ? k : strcmp(x->m->path, y->m->path);
}

/*
 * The names the site makes from the content (urls.c) must not collide: a
 * meaning's anchor with an id its page already has, and two vendor names
 * with one page ("A B", "A.B" and "A-B" are all vendor-a-b.html; so are
 * names that differ only in how an accent is encoded).  Each collision is
 * an error at the file or key that causes it.
 */
static void
check_names(const struct corpus *c)
{
	struct vendor_page *v = xcalloc(c->nm + 1, sizeof(*v));
	size_t i, n = 0;
	struct pos none = {0, 0};

	for (i = 0; i < c->nm; i++) {
		const struct meaning *m = c->m[i];
		const char *user;
		if (m->slug && (user = url_anchor_taken(m->slug)) != NULL)
			diag(DIAG_ERROR, m->path, none,
			     "the file name gives this meaning the anchor #%s, which %s already "
			     "uses on %03d.html; name the file after the vendor differently",
			     m->slug, user, m->code);
		if (m->ok && m->vendor) {
			v[n].page = url_vendor_page(m->vendor);
			v[n++].m = m;
		}
	}
	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_vendor_page);
	for (i = 1; i < n; i++)
		if (strcmp(v[i].page, v[i - 1].page) == 0 &&
		    strcasecmp(v[i].m->vendor, v[i - 1].m->vendor) != 0)
			diag(DIAG_ERROR, v[i].m->path, v[i].m->pos_vendor,
			     "'%s' and '%s' (%s) would share the page %s: write one name the "
			     "same way in both files, or names that differ in their letters or "
			     "digits",
			     v[i].m->vendor, v[i - 1].m->vendor, v[i - 1].m->path, v[i].page);
	for (i = 0; i < n; i++)
		free(v[i].page);
	free(v);
}

void
check_corpus(struct corpus *c, const char *today)
{
	size_t i, j;
	int k;

	for (i = 0; i < c->nm; i++) {
		struct meaning *m = c->m[i];

		check_see_also(c, m);
		if (!m->ok)
			continue;
		if (c->reg)
			check_iana(c, m);
		/* Two vendor files for the same product and number. */
		for (j = i; j-- > 0 && c->m[j]->code == m->code;) {
			struct meaning *o = c->m[j];
			if (o->ok && o->vendor && m->vendor &&
			    strcasecmp(o->vendor, m->vendor) == 0)
				diag(DIAG_ERROR, m->path, m->pos_registry,
				     "duplicate meaning: %s already gives %s's meaning of %03d",
				     o->path, m->vendor, m->code);
		}
	}

	check_names(c);

	/* `lead`: at most one per number, and never where IANA's meaning leads. */
	for (i = 0; i < c->nnum; i++) {
		size_t a = c->first[i], end = corpus_number_end(c, i);
		const struct meaning *leader = NULL;
		for (j = a; j < end; j++) {
			struct meaning *m = c->m[j];
			if (!m->lead)
				continue;
			if (m->registry == REG_IANA || c->m[a]->registry == REG_IANA)
				diag(DIAG_ERROR, m->path, m->pos_lead,
				     "'lead' is for one of several vendor meanings; IANA's meaning "
				     "of %03d "
				     "leads its page",
				     m->code);
			else if (leader)
				diag(DIAG_ERROR, m->path, m->pos_lead,
				     "%s already leads %03d; only one meaning of a number may",
				     leader->path, m->code);
			else
				leader = m;
		}
	}

	/* Coverage: every code IANA assigns has its page. */
	for (i = 0; c->reg && i < c->reg->nrecs; i++) {
		const struct iana_record *r = &c->reg->recs[i];
		char id[8];
		struct meaning *m;
		struct pos p = {r->line, 0};

		if (!r->assigned)
			continue;
		snprintf(id, sizeof(id), "%03d", r->lo);
		m = corpus_find(c, id);
		if (m == NULL)
			diag(DIAG_ERROR, c->reg->path, p,
			     "IANA assigns %03d (%s), but the content folder has no %03d.md "
			     "('statusgen new %03d' writes a skeleton)",
			     r->lo, r->description, r->lo, r->lo);
		check_expiry(r, c->reg->path, today);
	}

	for (k = 0; k < CLASS__N; k++)
		if (c->classes[k])
			check_see_also(c, c->classes[k]);

	/* Every class that has codes has its introduction. */
	for (k = 0; k < CLASS__N; k++) {
		int used = 0;
		for (i = 0; i < c->nm && !used; i++)
			used = (int)c->m[i]->klass == k;
		if (used && c->classes[k] == NULL) {
			char *path = xasprintf("%s/classes/%s.md", c->dir, class_slug[k]);
			struct pos none = {0, 0};
			diag(DIAG_WARNING, path, none,
			     "missing class introduction: the %s page has no opening text",
			     class_slug[k]);
			free(path);
		}
	}
}

/* An id on a number's page and the meaning that gives it, for check_anchors. */
struct anchor {
	const char *id;
	const struct meaning *m;
	int is_anchor; /* the meaning's own anchor, not a section's id */
};

static int
cmp_anchor(const void *a, const void *b)
{
	const struct anchor *x = a, *y = b;
	int k = strcmp(x->id, y->id);

	return k ? k : strcmp(x->m->path, y->m->path);
}

void
check_anchors(const struct corpus *c)
{
	struct anchor *a = NULL;
	size_t i, j, k, n, cap = 0;
	struct pos none = {0, 0};

	for (i = 0; i < c->nnum; i++) {
		size_t end = corpus_number_end(c, i);
		n = 0;
		for (j = c->first[i]; j < end; j++) {
			const struct meaning *m = c->m[j];
			for (k = 0; k <= m->nsections[LANG_EN]; k++) {
				if (n == cap) {
					cap = cap ? 2 * cap : 64;
					a = xrealloc(a, cap * sizeof(*a));
				}
				a[n].id = k == 0 ? url_anchor(m) : m->sections[LANG_EN][k - 1].id;
				a[n].is_anchor = k == 0;
				a[n++].m = m;
			}
		}
		if (n > 1)
			qsort(a, n, sizeof(*a), cmp_anchor);
		for (k = 1; k < n; k++) {
			/* Reported at the file whose name makes the anchor. */
			const struct anchor *by = a[k].is_anchor ? &a[k] : &a[k - 1],
			                    *other = by == &a[k] ? &a[k - 1] : &a[k];
			if (strcmp(a[k].id, a[k - 1].id) != 0 || a[k].m == a[k - 1].m ||
			    url_anchor_taken(a[k].id)) /* reported by check_names */
				continue;
			diag(DIAG_ERROR, by->m->path, none,
			     "the file name gives this meaning the anchor #%s, which is also the "
			     "id of a section of %s on %03d.html; name the file after the vendor "
			     "differently",
			     by->id, other->m->path, by->m->code);
		}
	}
	free(a);
}
