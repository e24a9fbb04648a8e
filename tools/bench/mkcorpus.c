/*
 * mkcorpus — writes a synthetic statusgen content folder of N files, for the
 * benchmark (tools/bench/run.sh).  Plain C11, no dependencies.
 *
 *   mkcorpus [-s SEED] N DIR
 *
 * writes
 *   DIR/content/NNN.md            one IANA meaning per code, codes spread over 100-599
 *   DIR/content/NNN-vendorK.md    vendor meanings of the same codes, so N may exceed 500
 *   DIR/content/classes/         the class introductions (1xx.md ... nonstandard.md)
 *   DIR/iana.xml                  an IANA-format snapshot assigning exactly the plain codes,
 *                                 with the titles and references the files use
 *   DIR/constants/KEY.txt         the libraries' lists of names, holding the constants the
 *                                 files use
 *   DIR/bodies/ID.md              the Markdown body of each file without its front matter
 *                                 (what the cmark floor of the benchmark parses)
 *
 * Every file has valid front matter (SPEC §2) and a body of about 1.5 KB per
 * language with headings, lists, a quote, fenced code, links to other
 * generated files ([x](NNN.md)) and an external link, so that
 * `statusgen check --content DIR/content --iana DIR/iana.xml --constants DIR/constants`
 * passes.  The
 * output depends only on N and SEED.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define BODY_TARGET 1500 /* bytes of Markdown per language */

/* ------------------------------------------------------------ randomness */

static uint64_t rng_state;

static uint64_t
rnd(void)
{
	/* splitmix64 */
	uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static unsigned
rn(unsigned n)
{
	return n ? (unsigned)(rnd() % n) : 0;
}

#define PICK(a) ((a)[rn(sizeof(a) / sizeof((a)[0]))])

/* ------------------------------------------------------------ buffers */

struct buf {
	char *s;
	size_t n, cap;
};

static void
die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("mkcorpus: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(2);
}

static void
bprintf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int k;

	for (;;) {
		size_t room = b->cap - b->n;
		va_start(ap, fmt);
		k = vsnprintf(b->s ? b->s + b->n : NULL, room, fmt, ap);
		va_end(ap);
		if (k < 0)
			die("formatting failed");
		if ((size_t)k < room) {
			b->n += (size_t)k;
			return;
		}
		b->cap = (b->cap + (size_t)k + 1) * 2;
		if ((b->s = realloc(b->s, b->cap)) == NULL)
			die("out of memory");
	}
}

static void
write_file(const char *path, const struct buf *b)
{
	FILE *f = fopen(path, "wb");
	if (f == NULL || fwrite(b->s, 1, b->n, f) != b->n || fclose(f) != 0)
		die("cannot write %s: %s", path, strerror(errno));
}

static void
mkdir_p(const char *path)
{
	if (mkdir(path, 0777) != 0 && errno != EEXIST)
		die("cannot create %s: %s", path, strerror(errno));
}

/* ------------------------------------------------------------ words */

static const char *const t_adj[] = {
    "Quiet",     "Deferred", "Partial",  "Stale",  "Pending", "Upstream", "Remote",   "Locked",
    "Expired",   "Shared",   "Chunked",  "Signed", "Delayed", "Mirrored", "Draining", "Sealed",
    "Throttled", "Detached", "Orphaned", "Nested", "Blocked", "Leased",   "Frozen",   "Rotated"};
static const char *const t_noun[] = {
    "Resource", "Session", "Channel",  "Payload", "Gateway", "Ledger",  "Upload", "Manifest",
    "Tenant",   "Replica", "Token",    "Schema",  "Cursor",  "Archive", "Route",  "Mailbox",
    "Quota",    "Bucket",  "Snapshot", "Index",   "Lease",   "Batch",   "Stream", "Profile"};
static const char *const t_end[] = {
    "Required", "Refused",   "Unavailable", "Accepted", "Moved",     "Expired",    "Conflict",
    "Pending",  "Too Large", "Not Ready",   "Rejected", "Suspended", "Redirected", "Restored"};
static const char *const z_adj[] = {"静默", "延迟", "部分", "过期", "待定", "上游", "远程", "锁定",
                                    "失效", "共享", "分块", "签名", "推迟", "镜像", "排空", "密封",
                                    "限流", "分离", "孤立", "嵌套", "阻塞", "租用", "冻结", "轮换"};
static const char *const z_noun[] = {"资源", "会话", "通道", "载荷", "网关",   "账本",
                                     "上传", "清单", "租户", "副本", "令牌",   "模式",
                                     "游标", "归档", "路由", "邮箱", "配额",   "存储桶",
                                     "快照", "索引", "租约", "批次", "数据流", "档案"};
static const char *const z_end[] = {"需要",   "被拒绝", "不可用",   "已接受", "已移动",
                                    "已过期", "冲突",   "等待中",   "过大",   "未就绪",
                                    "被驳回", "已暂停", "已重定向", "已恢复"};

static const char *const e_subj[] = {
    "the server",        "the client", "a proxy",     "the origin",    "a cache", "the gateway",
    "the load balancer", "a crawler",  "the browser", "an API client", "the CDN", "a worker"};
static const char *const e_verb[] = {"rejects",   "retries",  "forwards",   "stores",  "drops",
                                     "validates", "rewrites", "logs",       "buffers", "replays",
                                     "inspects",  "signs",    "compresses", "queues"};
static const char *const e_obj[] = {
    "the request",     "the response", "the payload",  "every header",    "the session cookie",
    "the cached copy", "the upload",   "the redirect", "the retry",       "the connection",
    "the batch",       "the manifest", "the token",    "the query string"};
static const char *const e_when[] = {
    "before the deadline passes",   "when the quota runs out",  "after a failed handshake",
    "while the replica catches up", "once the lease expires",   "until the lock is released",
    "if the schema changes",        "during a rolling deploy",  "whenever the token is stale",
    "as soon as the body arrives",  "after the second attempt", "when the route is unknown"};
static const char *const e_hdr[] = {"Retry-After",   "Cache-Control",    "Location", "ETag",
                                    "Content-Type",  "WWW-Authenticate", "Vary",     "Allow",
                                    "Content-Range", "If-Match",         "Link",     "Warning"};
static const char *const z_subj[] = {"服务器", "客户端",     "代理",       "源站",
                                     "缓存",   "网关",       "负载均衡器", "爬虫",
                                     "浏览器", "API 客户端", "CDN",        "后台任务"};
static const char *const z_verb[] = {"拒绝", "重试", "转发", "保存", "丢弃", "校验", "改写",
                                     "记录", "缓冲", "重放", "检查", "签名", "压缩", "排队处理"};
static const char *const z_obj[] = {
    "请求",   "响应", "载荷", "所有首部字段", "会话 Cookie", "缓存副本", "上传内容",
    "重定向", "重试", "连接", "批处理任务",   "清单",        "令牌",     "查询字符串"};
static const char *const z_when[] = {"在截止时间之前",     "在配额用完时",     "在握手失败之后",
                                     "在副本追上进度期间", "在租约到期之后",   "在锁释放之前",
                                     "在模式变更时",       "在滚动发布期间",   "在令牌过期时",
                                     "在请求体到达之后",   "在第二次尝试之后", "在路由无法识别时"};
static const char *const rfcs[] = {"9110", "9111", "6585", "4918", "7538", "8297",
                                   "2518", "7725", "8470", "5842", "2774", "9112"};
static const char *const methods[] = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"};
static const char *const const_lang[] = {"dotnet", "go",     "java",  "ktor", "node",
                                         "php",    "python", "rails", "rust", "vapor"};
/* Which codes' pages name a constant of each language: the lists written
 * into DIR/constants/ hold exactly those names. */
static unsigned char const_used[10][1000];

/* ------------------------------------------------------------ the corpus */

enum xref_kind { X_RFC_SECTION, X_RFC, X_DRAFT };

struct item {
	char id[32];
	int code;
	int vendor; /* 0: the plain IANA meaning; K: NNN-vendorK */
	char title_en[96], title_zh[96];
	char annot[96]; /* IANA annotation of a plain code, or "" */
	enum xref_kind xk;
	char rfc[8], section[16], draft[64];
};

static struct item *items;
static size_t nitems;

static const char *
class_name(int code)
{
	static const char *const n[] = {"informational", "success", "redirection", "client-error",
	                                "server-error"};
	return n[code / 100 - 1];
}

/* An id that exists and is not `self`. */
static const struct item *
other(size_t self)
{
	size_t j;
	if (nitems < 2)
		return NULL;
	do
		j = rn((unsigned)nitems);
	while (j == self);
	return &items[j];
}

static void
en_sentence(struct buf *b)
{
	const char *s = PICK(e_subj);
	bprintf(b, "%c%s %s %s %s.", s[0] - 'a' + 'A', s + 1, PICK(e_verb), PICK(e_obj),
	        PICK(e_when));
}

/* Appends piece p of a Chinese sentence, with the space the spacing rule
 * asks for where Chinese meets a Latin letter or digit. */
static void
zh_piece(struct buf *b, const char *p)
{
	int before = b->n > 0 && (unsigned char)b->s[b->n - 1] < 0x80 &&
	             isalnum((unsigned char)b->s[b->n - 1]);
	int after = (unsigned char)p[0] < 0x80 && isalnum((unsigned char)p[0]);
	int han_before = b->n > 0 && (unsigned char)b->s[b->n - 1] >= 0x80;
	int han_after = (unsigned char)p[0] >= 0x80;

	if ((before && han_after) || (han_before && after))
		bprintf(b, " ");
	bprintf(b, "%s", p);
}

static void
zh_sentence(struct buf *b)
{
	zh_piece(b, PICK(z_when));
	zh_piece(b, PICK(z_subj));
	zh_piece(b, PICK(z_verb));
	zh_piece(b, PICK(z_obj));
	bprintf(b, "。");
}

static void
sentence(struct buf *b, int zh)
{
	if (zh)
		zh_sentence(b);
	else
		en_sentence(b);
}

static void
link_to(struct buf *b, const struct item *t, int zh)
{
	bprintf(b, "[%03d %s](%s.md)", t->code, zh ? t->title_zh : t->title_en, t->id);
}

/* One language section of item i's body, about BODY_TARGET bytes. */
static void
body_lang(struct buf *b, size_t i, int zh)
{
	const struct item *it = &items[i];
	size_t start = b->n;
	const char *hdr = PICK(e_hdr), *rfc;
	int k, n;

	bprintf(b, "<!-- lang: %s -->\n\n", zh ? "zh" : "en");
	bprintf(b, "### %s\n\n", zh ? "含义" : "Meaning");
	sentence(b, zh);
	bprintf(b, zh ? "%03d 的作用和 " : " Status %03d behaves much like ", it->code);
	link_to(b, other(i), zh);
	bprintf(b, zh ? " 相近，区别在于 `%s` 首部字段。" : ", except for the `%s` header. ", hdr);
	sentence(b, zh);
	bprintf(b, "\n\n### %s\n\n", zh ? "何时使用" : "When to use it");
	n = 3 + (int)rn(2);
	for (k = 0; k < n; k++) {
		bprintf(b, "- ");
		if (k == 1) {
			bprintf(b, zh ? "参见 " : "see ");
			link_to(b, other(i), zh);
			bprintf(b, zh ? "。" : ". ");
		}
		sentence(b, zh);
		bprintf(b, "\n");
	}
	bprintf(b, "\n> ");
	sentence(b, zh);
	bprintf(b, zh ? " —— *某次事故复盘*\n\n" : " — *an incident review*\n\n");
	bprintf(b,
	        "### %s\n\n```http\n%s /api/v%u/items/%u HTTP/1.1\nHost: api.example.com\n"
	        "Accept: application/json\n\nHTTP/1.1 %03d %s\n%s: %u\nContent-Type: "
	        "application/json\n\n{\"status\": %d, \"id\": \"%s\"}\n```\n\n",
	        zh ? "示例" : "Example", PICK(methods), 1 + rn(3), rn(100000), it->code,
	        it->title_en, hdr, rn(3600), it->code, it->id);
	bprintf(b, "### %s\n\n", zh ? "易混淆的状态码" : "Often confused with");
	for (k = 0; k < 2; k++) {
		bprintf(b, "- ");
		link_to(b, other(i), zh);
		bprintf(b, zh ? "：" : " — ");
		sentence(b, zh);
		bprintf(b, "\n");
	}
	bprintf(b, "\n### %s\n\n", zh ? "历史" : "History");
	rfc = PICK(rfcs);
	if (zh)
		bprintf(
		    b,
		    "这个含义最早见于 [RFC %s](https://www.rfc-editor.org/rfc/rfc%s.html) 的讨论，"
		    "**并非**所有实现都遵循它。",
		    rfc, rfc);
	else
		bprintf(b,
		        "The meaning goes back to the discussion of "
		        "[RFC %s](https://www.rfc-editor.org/rfc/rfc%s.html), and **not** every "
		        "implementation follows it.",
		        rfc, rfc);
	while (b->n - start < BODY_TARGET) {
		if (!zh)
			bprintf(b, " ");
		sentence(b, zh);
	}
	bprintf(b, "\n\n");
}

/* The `semantics` an IANA meaning needs, by the rules statusgen checks
 * (content by the number, redirects for the five followed ones, RFC 9110's
 * heuristically cacheable codes), and a `use-when`. */
static void
semantics(struct buf *b, int code)
{
	static const int cacheable[] = {200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 501};
	static const char *const fields[] = {"Retry-After", "Location", "Link", "Allow", "ETag"};
	int k, yes = 0,
	       forbidden = (code >= 100 && code < 200) || code == 204 || code == 205 || code == 304;

	for (k = 0; k < (int)(sizeof(cacheable) / sizeof(cacheable[0])); k++)
		yes |= cacheable[k] == code;
	bprintf(b, "semantics:\n  heuristically_cacheable: %s\n  content: %s\n",
	        yes || (code >= 200 && rn(4) == 0) ? "true" : "false",
	        forbidden ? "forbidden" : "allowed");
	if (code == 301 || code == 302 || code == 303 || code == 307 || code == 308)
		bprintf(b, "  redirect: {permanent: %s, method: preserved}\n",
		        code == 301 || code == 308 ? "true" : "false");
	else
		bprintf(b, "  redirect: null\n");
	bprintf(b, "  introduced: {rfc: 9110, year: 2022}\n");
	k = (int)rn(3);
	bprintf(b, "  headers:%s\n", k ? "" : " []");
	for (; k > 0; k--)
		bprintf(b, "    - {name: %s, level: %s}\n", fields[(code + k) % 5],
		        k == 1 ? "must" : "should");
	bprintf(b,
	        "  sources:\n    heuristically_cacheable: \"RFC 9110, Section 15.1\"\n"
	        "    content: \"RFC 9110, Section 6.4.1\"\n"
	        "    introduced: \"RFC 9110, Section 15.%d\"\n"
	        "    headers: \"RFC 9110, Section 15.%d\"\n",
	        code / 100, code / 100);
	if (code == 301 || code == 302 || code == 303 || code == 307 || code == 308)
		bprintf(b, "    redirect: \"RFC 9110, Section 15.4\"\n");
	bprintf(b, "use-when:\n  en: ");
	en_sentence(b);
	bprintf(b, "\n  zh: ");
	zh_sentence(b);
	bprintf(b, "\n");
}

static void
front_matter(struct buf *b, size_t i)
{
	const struct item *it = &items[i];
	int k, n;

	bprintf(b, "---\ncode: %d\nclass: %s\n", it->code, class_name(it->code));
	if (it->vendor)
		bprintf(b, "registry: vendor\nvendor: Vendor %d\n", it->vendor);
	else
		bprintf(b, "registry: iana\n");
	bprintf(b, "title:\n  en: %s\n  zh: %s\n", it->title_en, it->title_zh);
	bprintf(b, "summary:\n  en: ");
	en_sentence(b);
	bprintf(b, "\n  zh: ");
	zh_sentence(b);
	bprintf(b, "\n");
	if (i % 29 == 7) {
		bprintf(b, "status: deprecated\nnote:\n  en: ");
		en_sentence(b);
		bprintf(b, "\n  zh: ");
		zh_sentence(b);
		bprintf(b, "\n");
	}
	if (i % 5 == 2)
		bprintf(b, "aliases:\n  en: [%s %s]\n  zh: [%s%s]\n", PICK(t_adj), PICK(t_noun),
		        PICK(z_adj), PICK(z_noun));
	if (it->vendor == 0) {
		bprintf(b, "references:\n");
		if (it->xk == X_DRAFT)
			bprintf(b, "  - draft: \"%s\"\n", it->draft);
		else if (it->xk == X_RFC)
			bprintf(b, "  - rfc: %s\n", it->rfc);
		else
			bprintf(b, "  - rfc: %s\n    section: \"%s\"\n", it->rfc, it->section);
		if (i % 4 == 1) {
			const char *extra = PICK(rfcs);
			if (strcmp(extra, it->rfc) != 0)
				bprintf(b, "  - rfc: %s\n", extra);
		}
	} else if (i % 2 == 0) {
		bprintf(b,
		        "references:\n  - url: \"https://docs.example.com/vendor%d/status/%03d\"\n"
		        "    text: \"Vendor %d documentation\"\n",
		        it->vendor, it->code, it->vendor);
	}
	n = 2 + (int)rn(4);
	if ((size_t)n > nitems - 1)
		n = (int)nitems - 1;
	if (n > 0) {
		const struct item *see[6];
		int j;
		bprintf(b, "see-also: [");
		for (k = 0; k < n; k++) {
			do {
				see[k] = other(i);
				for (j = 0; j < k && see[j] != see[k]; j++)
					;
			} while (j < k);
			bprintf(b, "%s%s", k ? ", " : "", see[k]->id);
		}
		bprintf(b, "]\n");
	}
	if (it->vendor == 0 && i % 3 == 0) {
		bprintf(b, "constants:\n");
		for (k = 0; k < 3; k++) {
			bprintf(b, "  %s: Status.Bench%03d\n", const_lang[(i + (size_t)k * 3) % 10],
			        it->code);
			const_used[(i + (size_t)k * 3) % 10][it->code] = 1;
		}
	}
	if (it->vendor == 0)
		semantics(b, it->code);
	if (it->vendor && i % 7 == 3) {
		bprintf(b, "subcodes:\n");
		for (k = 1; k <= 3; k++) {
			bprintf(b, "  - code: \"%03d.%d\"\n    en: \"", it->code, k);
			en_sentence(b);
			bprintf(b, "\"\n    zh: \"");
			zh_sentence(b);
			bprintf(b, "\"\n");
		}
	}
	bprintf(b, "---\n\n");
}

static void
write_classes(const char *dir)
{
	static const char *const slug[] = {"1xx", "2xx", "3xx", "4xx", "5xx", "nonstandard"};
	static const char *const cls[] = {"informational", "success",      "redirection",
	                                  "client-error",  "server-error", "nonstandard"};
	static const char *const en[] = {"Informational", "Success",      "Redirection",
	                                 "Client Error",  "Server Error", "Nonstandard"};
	static const char *const zh[] = {"信息",       "成功",       "重定向",
	                                 "客户端错误", "服务器错误", "非标准"};
	struct buf b = {0};
	char path[4096];
	int c, l, k, n;

	for (c = 0; c < 6; c++) {
		b.n = 0;
		bprintf(&b, "---\nclass: %s\ntitle:\n  en: %s%s%s\n  zh: %s%s%s\nsummary:\n  en: ",
		        cls[c], c < 5 ? slug[c] : "", c < 5 ? " " : "", en[c], c < 5 ? slug[c] : "",
		        c < 5 ? " " : "", zh[c]);
		en_sentence(&b);
		bprintf(&b, "\n  zh: ");
		zh_sentence(&b);
		bprintf(&b, "\n---\n\n");
		for (l = 1; l >= 0; l--) {
			bprintf(&b, "<!-- lang: %s -->\n", l ? "zh" : "en");
			for (k = 0; k < 3; k++)
				sentence(&b, l);
			bprintf(&b, "\n\n");
			for (k = 0, n = 0; k < (int)nitems && n < 12; k++)
				if (items[k].code / 100 == c + 1 && items[k].vendor == 0 &&
				    rn(4) == 0) {
					n++;
					bprintf(&b, "- ");
					link_to(&b, &items[k], l);
					bprintf(&b, "\n");
				}
			bprintf(&b, "\n");
		}
		snprintf(path, sizeof(path), "%s/content/classes/%s.md", dir, slug[c]);
		write_file(path, &b);
	}
	free(b.s);
}

static void
xml_text(struct buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '&')
			bprintf(b, "&amp;");
		else if (*s == '<')
			bprintf(b, "&lt;");
		else if (*s == '>')
			bprintf(b, "&gt;");
		else
			bprintf(b, "%c", *s);
	}
}

/* DIR/constants/KEY.txt: the names the pages use, as a library's list, and
 * an empty list for the keys no page uses. */
static void
write_constants(const char *dir)
{
	static const char *const others[] = {"aspnetcore", "spring"};
	struct buf b = {0};
	char path[4096];
	int k, code;

	snprintf(path, sizeof(path), "%s/constants", dir);
	mkdir_p(path);
	for (k = 0; k < 12; k++) {
		b.n = 0;
		bprintf(&b, "# %s: the names the generated pages use\n",
		        k < 10 ? const_lang[k] : others[k - 10]);
		for (code = 0; k < 10 && code < 1000; code++)
			if (const_used[k][code])
				bprintf(&b, "%03d\tStatus.Bench%03d\n", code, code);
		snprintf(path, sizeof(path), "%s/constants/%s.txt", dir,
		         k < 10 ? const_lang[k] : others[k - 10]);
		write_file(path, &b);
	}
	free(b.s);
}

static void
write_iana(const char *dir)
{
	struct buf b = {0};
	char path[4096];
	int next = 100;
	size_t i;

	bprintf(&b,
	        "<?xml version='1.0' encoding='UTF-8'?>\n"
	        "<registry xmlns=\"http://www.iana.org/assignments\" id=\"http-status-codes\">\n"
	        "  <title>Hypertext Transfer Protocol (HTTP) Status Code Registry</title>\n"
	        "  <updated>2025-09-15</updated>\n"
	        "  <registry id=\"http-status-codes-1\">\n"
	        "    <title>HTTP Status Codes</title>\n"
	        "    <registration_rule>IETF Review</registration_rule>\n");
	for (i = 0; i <= nitems; i++) {
		const struct item *it = i < nitems ? &items[i] : NULL;
		int code = it ? it->code : 600;
		if (it && it->vendor)
			continue;
		if (code > next) {
			if (code - 1 > next)
				bprintf(&b, "    <record>\n      <value>%03d-%03d</value>\n", next,
				        code - 1);
			else
				bprintf(&b, "    <record>\n      <value>%03d</value>\n", next);
			bprintf(&b, "      <description>Unassigned</description>\n    </record>\n");
		}
		if (it == NULL)
			break;
		next = code + 1;
		bprintf(&b,
		        "    <record updated=\"2021-10-01\">\n      <value>%03d</value>\n      "
		        "<description>",
		        code);
		xml_text(&b, it->title_en);
		if (it->annot[0]) {
			bprintf(&b, " (");
			xml_text(&b, it->annot);
			bprintf(&b, ")");
		}
		bprintf(&b, "</description>\n");
		if (it->xk == X_DRAFT)
			bprintf(&b, "      <xref type=\"draft\" data=\"%s\"/>\n", it->draft);
		else if (it->xk == X_RFC)
			bprintf(&b, "      <xref type=\"rfc\" data=\"rfc%s\"/>\n", it->rfc);
		else
			bprintf(
			    &b,
			    "      <xref type=\"rfc\" data=\"rfc%s\">RFC%s, Section %s</xref>\n",
			    it->rfc, it->rfc, it->section);
		bprintf(&b, "    </record>\n");
	}
	bprintf(&b, "  </registry>\n  <people/>\n</registry>\n");
	snprintf(path, sizeof(path), "%s/iana.xml", dir);
	write_file(path, &b);
	free(b.s);
}

static int
by_code(const void *a, const void *b)
{
	const struct item *x = a, *y = b;
	if (x->code != y->code)
		return x->code < y->code ? -1 : 1;
	return x->vendor < y->vendor ? -1 : x->vendor > y->vendor;
}

static void
usage(void)
{
	fputs("usage: mkcorpus [-s SEED] N DIR\n"
	      "writes N content files (DIR/content), the class introductions, a matching IANA\n"
	      "snapshot (DIR/iana.xml) and the bare bodies (DIR/bodies) for the benchmark.\n",
	      stderr);
	exit(2);
}

int
main(int argc, char **argv)
{
	unsigned long long seed = 1;
	long n;
	size_t ncodes, i;
	const char *dir;
	char path[4096], *end;
	struct buf b = {0}, body = {0};
	int a = 1;

	if (a + 1 < argc && strcmp(argv[a], "-s") == 0) {
		seed = strtoull(argv[a + 1], &end, 10);
		if (*end)
			usage();
		a += 2;
	}
	if (argc - a != 2)
		usage();
	n = strtol(argv[a], &end, 10);
	if (*end || n < 1 || n > 1000000)
		usage();
	dir = argv[a + 1];
	rng_state = seed * 0x2545F4914F6CDD1Dull ^ (uint64_t)n;

	/* Codes: one plain file per code, evenly spread over 100-599; about one
	 * file in ten (and every file past 500 codes) is a vendor variant. */
	nitems = (size_t)n;
	ncodes = nitems - nitems / 10;
	if (ncodes > 500)
		ncodes = 500;
	if (ncodes < 1)
		ncodes = 1;
	if ((items = calloc(nitems, sizeof(*items))) == NULL)
		die("out of memory");
	for (i = 0; i < nitems; i++) {
		struct item *it = &items[i];
		size_t c = i < ncodes ? i : (i - ncodes) % ncodes;
		it->code = 100 + (int)(c * 500 / ncodes);
		it->vendor = i < ncodes ? 0 : (int)((i - ncodes) / ncodes) + 1;
		if (it->vendor)
			snprintf(it->id, sizeof(it->id), "%03d-vendor%d", it->code, it->vendor);
		else
			snprintf(it->id, sizeof(it->id), "%03d", it->code);
		snprintf(it->title_en, sizeof(it->title_en), "%s %s %s", PICK(t_adj), PICK(t_noun),
		         PICK(t_end));
		snprintf(it->title_zh, sizeof(it->title_zh), "%s%s%s", PICK(z_adj), PICK(z_noun),
		         PICK(z_end));
		if (it->vendor)
			continue;
		if (it->code % 97 == 13)
			snprintf(it->annot, sizeof(it->annot), "OBSOLETED");
		else if (it->code % 89 == 11)
			snprintf(it->annot, sizeof(it->annot),
			         "TEMPORARY - registered 2025-01-10, expires 2099-01-10");
		switch (rn(10)) {
		case 0:
			it->xk = X_DRAFT;
			snprintf(it->draft, sizeof(it->draft), "draft-bench-status-%03d-%02u",
			         it->code, rn(12));
			break;
		case 1:
		case 2:
			it->xk = X_RFC;
			snprintf(it->rfc, sizeof(it->rfc), "%s", PICK(rfcs));
			break;
		default:
			it->xk = X_RFC_SECTION;
			snprintf(it->rfc, sizeof(it->rfc), "%s", PICK(rfcs));
			snprintf(it->section, sizeof(it->section), "%d.%u.%u", 10 + it->code / 100,
			         1 + rn(9), 1 + rn(20));
		}
	}
	qsort(items, nitems, sizeof(*items), by_code);

	mkdir_p(dir);
	snprintf(path, sizeof(path), "%s/content", dir);
	mkdir_p(path);
	snprintf(path, sizeof(path), "%s/content/classes", dir);
	mkdir_p(path);
	snprintf(path, sizeof(path), "%s/bodies", dir);
	mkdir_p(path);

	for (i = 0; i < nitems; i++) {
		b.n = body.n = 0;
		front_matter(&b, i);
		body_lang(&body, i, 1);
		body_lang(&body, i, 0);
		bprintf(&b, "%.*s", (int)body.n, body.s);
		snprintf(path, sizeof(path), "%s/content/%s.md", dir, items[i].id);
		write_file(path, &b);
		snprintf(path, sizeof(path), "%s/bodies/%s.md", dir, items[i].id);
		write_file(path, &body);
	}
	write_classes(dir);
	write_iana(dir);
	write_constants(dir);
	free(b.s);
	free(body.s);
	free(items);
	return 0;
}
