/*
 * skeleton.c — `statusgen new NNN [--vendor NAME]`: a complete skeleton of a
 * new meaning for a contributor to fill in.  Every key of SPEC §2 is there
 * (the optional ones as comments), both language sections with the headings
 * the reference uses, the class derived from the number, and, for a code
 * IANA assigns, its title and references from the snapshot, so that the
 * skeleton passes `statusgen check` as it is.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

/* The body, in pieces: a code a client receives in error (4xx, 5xx) gets
 * the part for the reader who received it, right after its meaning. */
static const char body_zh_meaning[] = "\n"
                                      "<!-- lang: zh -->\n"
                                      "\n"
                                      "### 含义\n\nTODO：用自己的话说明这个状态码的意思。\n\n";
static const char body_zh_received[] =
    "### 遇到了怎么办\n\nTODO：常见原因，调用方和服务端各该查什么（命令、日志字段）。\n\n";
static const char body_zh_rest[] =
    "### 何时使用\n\nTODO\n\n"
    "### 客户端与缓存\n\nTODO\n\n"
    "### 相关首部字段\n\nTODO\n\n"
    "### 示例\n\n```http\nTODO\n```\n\n"
    "### 易混淆的状态码\n\nTODO：链接写成 [404 Not Found](404.md) 这样。\n";
static const char body_en_meaning[] =
    "\n"
    "<!-- lang: en -->\n"
    "\n"
    "### Meaning\n\nTODO: what the code means, in your own words.\n\n";
static const char body_en_received[] =
    "### If you received it\n\nTODO: the usual causes, what the client and the server's operator "
    "should check (commands, log fields).\n\n";
static const char body_en_rest[] =
    "### When to use it\n\nTODO\n\n"
    "### Clients and caches\n\nTODO\n\n"
    "### Related headers\n\nTODO\n\n"
    "### Example\n\n```http\nTODO\n```\n\n"
    "### Often confused with\n\nTODO: link other codes like [404 Not Found](404.md).\n";

/* Appends a YAML double-quoted scalar of s. */
static void
put_quoted(struct buf *b, const char *s)
{
	buf_puts(b, "\"");
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_add(b, "\\", 1);
		buf_add(b, s, 1);
	}
	buf_puts(b, "\"");
}

/*
 * Writes the skeleton of meaning `code` (of `vendor`, or NULL) into folder
 * `dir`, never replacing a file.  `reg` (may be NULL) gives IANA's title and
 * references.  Reports through diag().  Returns 0, 1 when the file exists or
 * the input is wrong, 2 on an I/O error.
 */
/* An IANA meaning's `semantics`: what the number alone fixes, the first
 * RFC that IANA cites as where it was introduced, and sources to fill. */
static void
put_semantics(struct buf *b, const struct iana_record *rec)
{
	int code = rec->lo, rfc = 0, year;
	const char *draft = NULL;
	size_t i;

	for (i = 0; i < rec->nxrefs && !rfc && !draft; i++) {
		if (rec->xrefs[i].rfc)
			rfc = rec->xrefs[i].rfc;
		else if (strcmp(rec->xrefs[i].type, "draft") == 0)
			draft = rec->xrefs[i].data;
	}
	if (!rfc && !draft)
		rfc = 9110;
	year = rfc ? sem_rfc_year(rfc) : rec->date ? atoi(rec->date) : sem_rfc_year(9999);
	buf_printf(b,
	           "# semantics: TODO check each fact against the specification, and the\n"
	           "# document that first defined the code, and cite each in sources.\n"
	           "semantics:\n  heuristically_cacheable: %s\n  content: %s\n",
	           sem_rfc9110_cacheable(code) ? "true" : "false",
	           sem_content_forbidden(code) ? "forbidden" : "allowed");
	if (sem_follows(code))
		buf_puts(b, "  redirect: {permanent: false, method: preserved}\n");
	else
		buf_puts(b, "  redirect: null\n");
	if (rfc)
		buf_printf(b, "  introduced: {rfc: %d, year: %d}\n", rfc, year);
	else
		buf_printf(b, "  introduced: {draft: %s, year: %d}\n", draft, year);
	buf_puts(b, "  headers: []    # {name: Retry-After, level: must|should|may}\n"
	            "  sources:\n"
	            "    heuristically_cacheable: \"RFC 9110, Section 15.1\"\n"
	            "    content: \"RFC 9110, Section 6.4.1\"\n"
	            "    introduced: \"TODO RFC NNNN, Section N.N\"\n"
	            "    headers: \"TODO RFC NNNN, Section N.N\"\n");
	if (sem_follows(code))
		buf_puts(b, "    redirect: \"TODO RFC 9110, Section 15.4.N\"\n");
	buf_puts(b, "use-when:\n  en: TODO When to send it, in one line.\n"
	            "  zh: TODO 一句话说明什么时候用它。\n");
}

int
skeleton_write(const char *dir, int code, const char *vendor, const struct registry *reg)
{
	const struct iana_record *rec = reg ? registry_find(reg, code) : NULL;
	struct buf b = {0};
	struct pos none = {0, 0};
	char *slug = NULL, *name, *path, line[512];
	int k, rc = 0;
	size_t i;

	if (code < 0 || code > 999) {
		diag(DIAG_ERROR, "statusgen new", none, "a code has three digits, not %d", code);
		return 1;
	}
	if (rec && !rec->assigned)
		rec = NULL;
	if (vendor) {
		slug = slugify(vendor);
		name = xasprintf("%03d-%s.md", code, slug);
	} else {
		name = xasprintf("%03d.md", code);
	}
	path = path_join(dir, name);
	k = class_of_code(code);

	snprintf(line, sizeof(line), "---\ncode: %d\nclass: %s\n", code, class_name[k]);
	buf_puts(&b, line);
	if (vendor) {
		buf_puts(&b, "registry: vendor\nvendor: ");
		put_quoted(&b, vendor);
		buf_puts(&b, "\n");
	} else {
		buf_puts(&b, rec ? "registry: iana\n" : "registry: unofficial\n");
	}
	buf_puts(&b, "title:\n  en: ");
	if (rec && !vendor && rec->phrase[0])
		put_quoted(&b, rec->phrase);
	else
		buf_puts(&b, "TODO English title");
	buf_puts(&b, "\n  zh: TODO 中文标题\n"
	             "summary:\n  en: TODO One sentence saying what the code means.\n"
	             "  zh: TODO 用一句话说明这个状态码的意思。\n");
	if (rec && rec->unused && !vendor)
		buf_puts(&b, "status: unused\n");
	else
		buf_puts(&b, "# status: deprecated    # or unused, obsolete, joke; needs a note\n");
	if (rec && rec->unused && !vendor)
		buf_puts(
		    &b,
		    "note:\n  en: TODO Why IANA keeps it unused.\n  zh: TODO 为什么不再使用。\n");
	else
		buf_puts(
		    &b,
		    "# note:\n#   en: A callout shown on the page.\n#   zh: 页面上的提示框。\n");
	buf_puts(&b, "# aliases:\n#   en: [Former Name]\n#   zh: [旧名称]\n");
	buf_puts(&b, "references:\n");
	for (i = 0; rec && !vendor && i < rec->nxrefs; i++) {
		const struct iana_xref *x = &rec->xrefs[i];
		if (x->rfc) {
			snprintf(line, sizeof(line), "  - rfc: %d\n", x->rfc);
			buf_puts(&b, line);
			if (x->section) {
				buf_puts(&b, "    section: ");
				put_quoted(&b, x->section);
				buf_puts(&b, "\n");
			}
		} else if (strcmp(x->type, "draft") == 0) {
			buf_puts(&b, "  - draft: ");
			put_quoted(&b, x->data);
			buf_puts(&b, "\n");
		} else if (strncmp(x->data, "https://", 8) == 0) {
			buf_puts(&b, "  - url: ");
			put_quoted(&b, x->data);
			buf_puts(&b, "\n    text: ");
			put_quoted(&b, x->text ? x->text : x->data);
			buf_puts(&b, "\n");
		}
	}
	if (!rec || vendor)
		buf_puts(&b, "  - url: \"https://example.org/TODO\"\n"
		             "    text: \"TODO: the product's own documentation\"\n");
	if (rec && !vendor)
		put_semantics(&b, rec);
	buf_puts(&b, "see-also: []\n"
	             "# subcodes:              # IIS-style sub-status codes\n"
	             "#   - code: \"403.14\"\n#     en: Directory listing is denied.\n"
	             "#     zh: 禁止列出目录。\n");
	if (!vendor)
		buf_puts(&b, "# constants:\n#   go: http.StatusNotFound\n"
		             "#   python: http.HTTPStatus.NOT_FOUND\n"
		             "#   java: HttpURLConnection.HTTP_NOT_FOUND\n"
		             "#   dotnet: HttpStatusCode.NotFound\n"
		             "#   node: http2.constants.HTTP_STATUS_NOT_FOUND\n"
		             "#   rails: \":not_found\"\n");
	buf_puts(&b, "---\n");
	buf_puts(&b, body_zh_meaning);
	if (code >= 400 && code < 600)
		buf_puts(&b, body_zh_received);
	buf_puts(&b, body_zh_rest);
	buf_puts(&b, body_en_meaning);
	if (code >= 400 && code < 600)
		buf_puts(&b, body_en_received);
	buf_puts(&b, body_en_rest);

	if (file_create(path, b.s, b.len) == -1) {
		if (errno == EEXIST) {
			diag(DIAG_ERROR, path, none,
			     "already exists; statusgen new never replaces a file");
			rc = 1;
		} else {
			diag(DIAG_ERROR, path, none, "cannot write: %s", strerror(errno));
			rc = 2;
		}
	} else {
		printf("%s\n", path);
	}
	buf_free(&b);
	free(path);
	free(name);
	free(slug);
	return rc;
}
