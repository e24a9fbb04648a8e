/* Helpers shared by the unit tests. */
#ifndef TEST_HELPERS_H
#define TEST_HELPERS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "../../gen/gen.h"

/* Diagnostics go to a temporary file; captured() returns what was printed. */
static FILE *diag_file;

static inline void
capture(void)
{
	diag_flush(); /* what was reported before goes to the previous file */
	if (diag_file)
		fclose(diag_file);
	diag_file = tmpfile();
	diag_reset(diag_file);
}

/* Returns everything reported since capture() (static buffer). */
static inline const char *
captured(void)
{
	static char buf[1 << 16];
	size_t n;

	diag_flush();
	fflush(diag_file);
	rewind(diag_file);
	n = fread(buf, 1, sizeof(buf) - 1, diag_file);
	buf[n] = '\0';
	return buf;
}

/* Returns OpenCC's Taiwan conversion of data/opencc, without a cache. */
static inline struct zhconv *
opened_zhconv(void)
{
	struct zhconv *z;

	capture();
	z = zhconv_open("data/opencc", NULL);
	cr_assert_not_null(z, "%s", captured());
	return z;
}

/* A valid `semantics` for a test's IANA meaning (semantics.c checks it):
 * SEM_CACHEABLE for 200 and 404, SEM_INTERIM for 1xx, SEM_PLAIN for most. */
#define SEMANTICS(cacheable, content)                                                              \
	"semantics: {heuristically_cacheable: " cacheable ", content: " content                    \
	", redirect: null, introduced: {rfc: 9110, year: 2022}, headers: [], sources: "            \
	"{heuristically_cacheable: RFC 9110, content: RFC 9110, introduced: RFC 9110, headers: "   \
	"RFC "                                                                                     \
	"9110}}\n"
#define SEM_CACHEABLE SEMANTICS("true", "allowed")
#define SEM_INTERIM SEMANTICS("false", "forbidden")
#define SEM_PLAIN SEMANTICS("false", "allowed")

/* A meaning for file `path` as content.c would set it up before parsing. */
static inline struct meaning *
meaning_for(const char *path, const char *id)
{
	return meaning_new(path, id);
}

/* Adds content file content/ID.md with the whole text `text` to c. */
static inline struct meaning *
add_file(struct corpus *c, const char *id, const char *text)
{
	char *path = xasprintf("content/%s.md", id), *data = xstrdup(text);
	struct meaning *m = meaning_new(path, id);

	content_split(m, data, strlen(text));
	corpus_add(c, m);
	free(data);
	free(path);
	return m;
}

/* A scratch folder under /tmp; the caller removes it with rm_rf and frees it. */
static inline char *
scratch_dir(void)
{
	char *d = xstrdup("/tmp/statusgen-unit-XXXXXX");

	if (mkdtemp(d) == NULL)
		abort();
	return d;
}

/* A small corpus ready to build: 200, 404 and 404-acme (a vendor's
 * meaning of 404), checked against tests/e2e/iana-small.xml and rendered. */
static inline struct corpus *
small_corpus(void)
{
	struct corpus *c = corpus_new("content");
	size_t i;

	capture(); /* the snapshot's codes this corpus lacks are reported */
	add_file(c, "200",
	         "---\ncode: 200\nclass: success\nregistry: iana\n" SEM_CACHEABLE
	         "title: {en: OK, zh: 成功}\nsummary: {en: It worked., zh: 成功了。}\n"
	         "references: [{rfc: 9110, section: \"15.3.1\"}]\n---\n"
	         "<!-- lang: zh -->\n### 含义\n\n成功。\n<!-- lang: en -->\n### Meaning\n\nIt "
	         "worked.\n");
	add_file(c, "404",
	         "---\ncode: 404\nclass: client-error\nregistry: iana\n" SEM_CACHEABLE
	         "title: {en: Not Found, zh: 未找到}\nsummary: {en: Not there., zh: 不在。}\n"
	         "aliases: {en: [File Not Found], zh: [页面不存在]}\n"
	         "references: [{rfc: 9110, section: \"15.5.5\"}]\nsee-also: [200]\n"
	         "constants: {go: http.StatusNotFound, rust: \"StatusCode::NOT_FOUND\"}\n---\n"
	         "<!-- lang: zh -->\n### 含义\n\n见 [200](200.md)。\n### 示例\n\nx\n"
	         "<!-- lang: en -->\n### Meaning\n\nSee [Acme's](404-acme.md).\n");
	add_file(c, "404-acme",
	         "---\ncode: 404\nclass: client-error\nregistry: vendor\nvendor: Acme <Corp>\n"
	         "title: {en: Gone Fishing, zh: 钓鱼去了}\nsummary: {en: \"Acme's \\\"404\\\".\", "
	         "zh: 阿克米。}\n"
	         "subcodes: [{code: \"404.1\", en: One, zh: 一}]\n---\n"
	         "<!-- lang: zh -->\n阿克米。\n<!-- lang: en -->\nAcme.\n");
	corpus_sort(c);
	if (registry_load("tests/e2e/iana-small.xml", &c->reg) != 0)
		abort();
	check_corpus(c, "2026-01-01");
	for (i = 0; i < c->nm; i++) {
		md_check(c->m[i], c);
		md_render(c->m[i], c);
	}
	return c;
}

#endif
