#include <criterion/criterion.h>
#include <jansson.h>

#include "helpers.h"

Test(escape, text_and_attributes)
{
	static const struct {
		const char *in, *text, *attr;
	} cases[] = {
	    {"plain", "plain", "plain"},
	    {"", "", ""},
	    {"a < b & c > d", "a &lt; b &amp; c &gt; d", "a &lt; b &amp; c &gt; d"},
	    {"say \"hi\"", "say \"hi\"", "say &quot;hi&quot;"},
	    {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;",
	     "&lt;script&gt;alert(1)&lt;/script&gt;"},
	    {"&amp;", "&amp;amp;", "&amp;amp;"},
	    {"中文“引号”'x'", "中文“引号”'x'", "中文“引号”'x'"},
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct buf t = {0}, a = {0};
		esc_text(&t, cases[i].in);
		esc_attr(&a, cases[i].in);
		cr_expect_str_eq(t.s ? t.s : "", cases[i].text, "text of '%s'", cases[i].in);
		cr_expect_str_eq(a.s ? a.s : "", cases[i].attr, "attribute of '%s'", cases[i].in);
		buf_free(&t);
		buf_free(&a);
	}
}

/* The export writes its bodies with esc_json and everything else with
 * jansson: the two must escape alike, or codes.json changes byte for byte. */
Test(escape, json_strings_as_jansson_writes_them)
{
	static const char *const cases[] = {
	    "",
	    "plain",
	    "say \"hi\" \\ back",
	    "<p class=\"x\">a</p>\n<pre><code>\tx\r\n</code></pre>",
	    "\x01\x02\x08\x0b\x0c\x1f\x7f end",
	    "中文“引号” \u2028 \xf0\x9f\x98\x80 /slash/",
	    "\"",
	    "\\",
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct buf b = {0};
		json_t *s = json_string(cases[i]);
		char *want = json_dumps(s, JSON_ENCODE_ANY | JSON_COMPACT);
		esc_json(&b, cases[i]);
		cr_expect_str_eq(b.s, want, "case %zu", i);
		free(want);
		json_decref(s);
		buf_free(&b);
	}
}
