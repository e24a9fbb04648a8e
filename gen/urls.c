/*
 * urls.c — the site's URL scheme, in one place: the file name of every kind
 * of page, the anchor of each meaning and of each section of its body, and
 * the addresses of the RFCs and drafts that references cite.  Markdown links,
 * page view models, the search index and the export all take their links
 * from here, so they cannot disagree.  Every function returns a new string
 * that the caller frees, unless it says otherwise; none reports.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

#define RFC_BASE "https://www.rfc-editor.org/rfc/rfc"
#define DRAFT_BASE "https://datatracker.ietf.org/doc/html/"

const char *
url_anchor(const struct meaning *m)
{
	return m->slug ? m->slug : registry_name[m->registry];
}

/* The three digits of a code (000 to 999) in num. */
static const char *
digits(int code, char num[8])
{
	if (code < 0 || code > 999) {
		snprintf(num, 8, "%03d", code < 0 ? 0 : code % 1000);
		return num;
	}
	num[0] = (char)('0' + code / 100);
	num[1] = (char)('0' + code / 10 % 10);
	num[2] = (char)('0' + code % 10);
	num[3] = '\0';
	return num;
}

char *
url_section_id(const struct meaning *m, const char *name)
{
	return xconcat(url_anchor(m), "-", name, NULL);
}

char *
url_number(const char *prefix, int code)
{
	char num[8];

	return xconcat(prefix, digits(code, num), ".html", NULL);
}

char *
url_meaning(const char *prefix, const struct meaning *m)
{
	char num[8];

	if (m->slug)
		return xconcat(prefix, digits(m->code, num), ".html#", m->slug, NULL);
	return xconcat(prefix, digits(m->code, num), ".html", NULL);
}

char *
url_class_page(const char *prefix, enum klass k)
{
	return xasprintf("%s%s.html", prefix, class_slug[k]);
}

char *
url_rfc(int rfc, const char *section)
{
	if (section == NULL)
		return xasprintf(RFC_BASE "%d.html", rfc);
	if (section[0] >= 'A' && section[0] <= 'Z')
		return xasprintf(RFC_BASE "%d.html#appendix-%s", rfc, section);
	return xasprintf(RFC_BASE "%d.html#section-%s", rfc, section);
}

char *
url_draft(const char *name)
{
	return xasprintf(DRAFT_BASE "%s", name);
}

void
url_resolve_ref(struct ref *r)
{
	if (r->kind == REF_RFC) {
		free(r->url);
		free(r->text);
		r->url = url_rfc(r->rfc, r->section);
		if (r->section == NULL)
			r->text = xasprintf("RFC %d", r->rfc);
		else if (r->section[0] >= 'A' && r->section[0] <= 'Z')
			r->text = xasprintf("RFC %d, Appendix %s", r->rfc, r->section);
		else
			r->text = xasprintf("RFC %d, Section %s", r->rfc, r->section);
	} else if (r->kind == REF_DRAFT) {
		free(r->url);
		free(r->text);
		r->url = url_draft(r->draft);
		r->text = xstrdup(r->draft);
	}
}

char *
url_vendor_page(const char *vendor)
{
	char *slug = slugify(vendor), *page = xasprintf("vendor-%s.html", slug);

	free(slug);
	return page;
}

/* The pages the site makes in each language folder, besides the numbers'
 * (which start with a digit, as no page of content/pages/ may). */
static const char *const own_pages[] = {"index",   "vendors",    "rfcs",   "iana",  "nonstandard",
                                        "compare", "cheatsheet", "choose", "search"};
/* ... and the families of them. */
static const char *const own_prefixes[] = {"vendor-", "rfc-"};

const char *
url_page_taken(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(own_pages) / sizeof(own_pages[0]); i++)
		if (strcmp(name, own_pages[i]) == 0)
			return own_pages[i];
	for (i = 0; i < sizeof(own_prefixes) / sizeof(own_prefixes[0]); i++)
		if (strncmp(name, own_prefixes[i], strlen(own_prefixes[i])) == 0)
			return own_prefixes[i];
	return NULL;
}

/* The ids of a number's page that are not a meaning's own: the layout's and
 * the code template's (templates/layout.html, code.html).  The anchors of
 * the meanings without a vendor in their file name (url_anchor: the
 * registry's name) are taken too. */
static const char *const own_ids[] = {
    "main",         "q", "registry-title", "search-help", "search-results", "search-status",
    "which-heading"};

const char *
url_anchor_taken(const char *anchor)
{
	size_t i;

	for (i = 0; i < sizeof(own_ids) / sizeof(own_ids[0]); i++)
		if (strcmp(anchor, own_ids[i]) == 0)
			return "the page layout";
	for (i = 0; i < REG__N; i++)
		if (strcmp(anchor, registry_name[i]) == 0)
			return "the meaning of the number's own file (NNN.md)";
	return NULL;
}
