/*
 * drift.c — `statusgen drift OLD NEW`: what IANA changed between two
 * snapshots of its registry, as a Markdown report for the maintainers (the
 * body of the pull request that the update-iana workflow opens): codes
 * added, removed, renamed or re-referenced, and for each the content file
 * that needs work.  Reads two registries and the content folder's file
 * names; writes the report to a stream.  Reports nothing through diag()
 * but what loading the snapshots reports.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gen.h"

/* Returns the references of r as text ("RFC 9110, Section 15.5.5; …"); the
 * caller frees it. */
static char *
refs_text(const struct iana_record *r)
{
	struct buf b = {0};
	size_t i;

	for (i = 0; i < r->nxrefs; i++) {
		const struct iana_xref *x = &r->xrefs[i];
		if (i)
			buf_puts(&b, "; ");
		buf_puts(&b, x->text ? x->text : x->data ? x->data : "?");
	}
	return b.s ? buf_detach(&b) : xstrdup("none");
}

/* Returns the record of code c in reg when IANA assigns it, else NULL. */
static const struct iana_record *
assigned(const struct registry *reg, int c)
{
	const struct iana_record *r = registry_find(reg, c);

	return r && r->assigned ? r : NULL;
}

/* Returns 1 if content/NNN.md exists. */
static int
has_file(const char *content, int c)
{
	char name[16], *path;
	int yes;

	snprintf(name, sizeof(name), "%03d.md", c);
	path = path_join(content, name);
	yes = access(path, F_OK) == 0;
	free(path);
	return yes;
}

/* One section of the report: a heading and its lines, written only when it
 * has lines. */
static void
section(FILE *f, const char *heading, struct buf *lines)
{
	if (lines->len == 0)
		return;
	fprintf(f, "\n## %s\n\n%s", heading, lines->s);
	buf_free(lines);
}

int
drift_report(const struct registry *old, const struct registry *new, const char *content, FILE *f)
{
	struct buf added = {0}, removed = {0}, renamed = {0}, reref = {0}, work = {0};
	int c, changes = 0;

	for (c = 0; c <= 999; c++) {
		const struct iana_record *a = assigned(old, c), *b = assigned(new, c);
		char *ra, *rb;
		if (!a && !b)
			continue;
		if (!a) {
			rb = refs_text(b);
			buf_printf(&added, "- **%03d %s** (%s)%s%s\n", c, b->description, rb,
			           b->date ? ", registered " : "", b->date ? b->date : "");
			free(rb);
			if (has_file(content, c))
				buf_printf(
				    &work,
				    "- `content/%03d.md`: now registered by IANA; make it the "
				    "IANA meaning (`registry: iana`, IANA's title and "
				    "references)\n",
				    c);
			else
				buf_printf(&work,
				           "- `content/%03d.md`: new; start it with `statusgen new "
				           "%03d`\n",
				           c, c);
			changes++;
			continue;
		}
		if (!b) {
			buf_printf(&removed, "- **%03d %s**: no longer assigned\n", c,
			           a->description);
			if (has_file(content, c))
				buf_printf(
				    &work,
				    "- `content/%03d.md`: IANA no longer assigns %03d; say so "
				    "(`status`, `note`) or move it to a vendor or unofficial "
				    "meaning\n",
				    c, c);
			changes++;
			continue;
		}
		if (strcmp(a->description, b->description) != 0) {
			buf_printf(&renamed, "- **%03d**: %s → %s\n", c, a->description,
			           b->description);
			if (strcmp(a->phrase, b->phrase) != 0)
				buf_printf(
				    &work,
				    "- `content/%03d.md`: `title.en` becomes \"%s\"; keep \"%s\" "
				    "in `aliases`\n",
				    c, b->phrase, a->phrase);
			else /* only the annotation: "(OBSOLETED)", "(TEMPORARY …)" */
				buf_printf(
				    &work,
				    "- `content/%03d.md`: IANA's note on it is now \"%s\"; say so "
				    "in `status` and `note`\n",
				    c, b->annotation ? b->annotation : "(none)");
			changes++;
		}
		ra = refs_text(a);
		rb = refs_text(b);
		if (strcmp(ra, rb) != 0) {
			buf_printf(&reref, "- **%03d %s**: %s → %s\n", c, b->description, ra, rb);
			buf_printf(&work, "- `content/%03d.md`: `references` to %s\n", c, rb);
			changes++;
		}
		free(ra);
		free(rb);
	}
	fprintf(f, "# IANA's HTTP status code registry changed\n\n");
	fprintf(f, "Snapshot updated %s; IANA's registry now says updated %s. ",
	        old->updated ? old->updated : "(unknown)",
	        new->updated ? new->updated : "(unknown)");
	if (changes == 0)
		fprintf(f, "No code was added, removed, renamed or re-referenced.\n");
	else
		fprintf(f, "%d change%s to the codes:\n", changes, changes == 1 ? "" : "s");
	section(f, "Added", &added);
	section(f, "Removed", &removed);
	section(f, "Renamed", &renamed);
	section(f, "References changed", &reref);
	section(f, "Content files that need work", &work);
	fprintf(f, "\n`make check` on this branch lists each of them at its line.\n");
	return changes;
}
