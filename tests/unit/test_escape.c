#include <criterion/criterion.h>

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
