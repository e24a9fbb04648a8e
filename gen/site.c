/*
 * site.c — the static site (SPEC §4): which pages there are, in which
 * language, made by which job.  Each page's view model comes from view.c and
 * its template from the templates folder (template.c); the files go into the
 * output folder's transaction (outdir.c) together with the export
 * (export.c), the search index (search.c), the sitemap and the assets.
 * Owns the templates, the interface strings and the jobs while it builds.
 */
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

/* Static files copied from the templates folder as they are. */
static const char *const assets[] = {"style.css", "search.js", "favicon.svg", "codes.schema.json",
                                     "code.schema.json"};

/* The page templates, each merged with layout.html. */
enum page {
	PAGE_CODE,
	PAGE_LIST,
	PAGE_REGISTRY,
	PAGE_COMPARE,
	PAGE_CHEATSHEET,
	PAGE_CHOOSE,
	PAGE__N
};
static const char *const page_tmpl[PAGE__N] = {"code.html",    "list.html",       "registry.html",
                                               "compare.html", "cheatsheet.html", "choose.html"};

/* Largest asset copied, in bytes. */
#define ASSET_MAX_BYTES (16 * 1024 * 1024)

/* The templates folder, read. */
struct templates {
	json_t *strings;            /* strings.json, with an object for each language */
	struct tmpl *tmpl[PAGE__N]; /* page templates merged with layout.html */
};

/* What every job reads and nobody changes while the jobs run. */
struct site {
	struct view v;
	const struct build_options *opt;
	struct outdir *od;
	const struct templates *tp;
	json_t *globals[LANG__N]; /* {"t": a language's strings, + view_chrome}: what every
	                             page of a language folder shares */
	struct zhconv *zh;        /* for the search index's Traditional forms */
	struct export *x;         /* api/NNN.json written; codes.json to write (a job) */
};

/* What one job makes besides files: its sitemap lines and its errors. */
struct job_out {
	struct buf sitemap;
	int errors;
};

static const struct pos nopos = {0, 0};

/*
 * Renders view model `ctx` (taken) with template `t` to site path `rel` of
 * language l; pages inside a language folder go into the sitemap.
 */
static void
render(const struct site *s, struct job_out *o, struct tmpl *t, enum lang l, json_t *ctx,
       const char *rel)
{
	size_t len;
	char *html = tmpl_render(t, s->globals[l], ctx, &len);

	if (html == NULL) {
		o->errors++;
	} else {
		if (outdir_write(s->od, rel, html, len) == -1)
			o->errors++;
		free(html);
	}
	if (strchr(rel, '/')) {
		buf_puts(&o->sitemap, "  <url><loc>");
		esc_text(&o->sitemap, s->opt->base_url);
		buf_puts(&o->sitemap, rel);
		buf_puts(&o->sitemap, "</loc></url>\n");
	}
	json_decref(ctx);
}

/* Renders page `file` of language l's folder with template `page`. */
static void
render_in(const struct site *s, struct job_out *o, enum lang l, enum page page, const char *file,
          json_t *ctx)
{
	char *rel = xconcat(lang_dir[l], "/", file, NULL);

	render(s, o, s->tp->tmpl[page], l, ctx, rel);
	free(rel);
}

/* Renders a list page of language l into the language folder. */
static void
render_list(const struct site *s, struct job_out *o, enum lang l, const char *file, json_t *ctx)
{
	render_in(s, o, l, PAGE_LIST, file, ctx);
}

/* Renders each {"file", "page"} of `pages` (taken) as a list page. */
static void
render_lists(const struct site *s, struct job_out *o, enum lang l, json_t *pages)
{
	size_t i;
	json_t *p;

	json_array_foreach(pages, i, p)
	{
		render_list(s, o, l, json_string_value(json_object_get(p, "file")),
		            json_incref(json_object_get(p, "page")));
	}
	json_decref(pages);
}

static void
copy_assets(const struct site *s, struct job_out *o)
{
	size_t i;

	for (i = 0; i < sizeof(assets) / sizeof(assets[0]); i++) {
		char *src = path_join(s->opt->templates, assets[i]), *data = NULL;
		size_t len;
		if (file_read(src, ASSET_MAX_BYTES, &data, &len) == -1) {
			diag(DIAG_ERROR, src, nopos, "cannot read: %s", file_error(errno));
			o->errors++;
		} else if (outdir_write(s->od, assets[i], data, len) == -1) {
			o->errors++;
		}
		free(data);
		free(src);
	}
}

static void
write_search_index(const struct site *s, struct job_out *o)
{
	size_t len;
	char *js = search_index(s->v.c, s->zh, &len);

	if (outdir_write(s->od, "search-index.js", js, len) == -1)
		o->errors++;
	free(js);
}

/* ----------------------------------------------------------------- jobs */

/*
 * The site is made of independent jobs — a page, a group of index pages,
 * the search index — run on several threads by par_run().  A job reads the
 * shared `struct site` and writes only its own files and its own job_out,
 * merged in job order afterwards, so the output does not depend on which
 * thread ran what.
 */
enum job_kind {
	JOB_ROOT_HOME,
	JOB_HOME,
	JOB_CODE,
	JOB_CLASS,
	JOB_VENDORS,
	JOB_RFCS,
	JOB_PAGE,
	JOB_REGISTRY,
	JOB_COMPARE,
	JOB_CHEATSHEET,
	JOB_CHOOSE,
	JOB_NOT_FOUND,
	JOB_SEARCH,
	JOB_ASSETS,
	JOB_EXPORT
};

struct job {
	enum job_kind kind;
	enum lang lang;
	size_t index;
	struct job_out out;
};

struct jobs {
	const struct site *s;
	struct job *v;
	size_t n;
};

static void
add_job(struct jobs *j, enum job_kind kind, enum lang l, size_t index)
{
	j->v = xrealloc(j->v, (j->n + 1) * sizeof(*j->v));
	memset(&j->v[j->n], 0, sizeof(j->v[j->n]));
	j->v[j->n].kind = kind;
	j->v[j->n].lang = l;
	j->v[j->n].index = index;
	j->n++;
}

static void
run_job(size_t i, void *arg)
{
	struct jobs *all = arg;
	struct job *j = &all->v[i];
	const struct site *s = all->s;
	const struct view *v = &s->v;
	struct job_out *o = &j->out;
	enum lang l = j->lang;
	char *rel;

	if (outdir_failed(s->od))
		return; /* the build stops at the first I/O failure */
	arena_begin();  /* the job's views live until its end */
	switch (j->kind) {
	case JOB_ROOT_HOME:
		render(s, o, s->tp->tmpl[PAGE_LIST], LANG_ZH, view_home(v, LANG_ZH, 1),
		       "index.html");
		break;
	case JOB_HOME:
		render_list(s, o, l, "index.html", view_home(v, l, 0));
		break;
	case JOB_CODE:
		rel = url_number("", v->c->m[v->c->first[j->index]]->code);
		render_in(s, o, l, PAGE_CODE, rel, view_code(v, l, j->index));
		free(rel);
		break;
	case JOB_CLASS:
		rel = url_class_page("", (enum klass)j->index);
		render_list(s, o, l, rel, view_class(v, l, (enum klass)j->index));
		free(rel);
		break;
	case JOB_VENDORS:
		render_lists(s, o, l, view_vendors(v, l));
		break;
	case JOB_RFCS:
		render_lists(s, o, l, view_rfcs(v, l));
		break;
	case JOB_PAGE:
		rel = xasprintf("%s.html", v->c->pages[j->index]->id);
		render_list(s, o, l, rel, view_own_page(v, l, v->c->pages[j->index]));
		free(rel);
		break;
	case JOB_REGISTRY:
		render_in(s, o, l, PAGE_REGISTRY, "iana.html", view_registry(v, l));
		break;
	case JOB_COMPARE:
		render_in(s, o, l, PAGE_COMPARE, "compare.html", view_compare(v, l));
		break;
	case JOB_CHEATSHEET:
		render_in(s, o, l, PAGE_CHEATSHEET, "cheatsheet.html", view_cheatsheet(v, l));
		break;
	case JOB_CHOOSE:
		render_in(s, o, l, PAGE_CHOOSE, "choose.html", view_choose(v, l));
		break;
	case JOB_NOT_FOUND:
		render(s, o, s->tp->tmpl[PAGE_LIST], LANG_ZH, view_not_found(v, s->opt->base_url),
		       "404.html");
		break;
	case JOB_SEARCH:
		write_search_index(s, o);
		break;
	case JOB_ASSETS:
		copy_assets(s, o);
		break;
	case JOB_EXPORT:
		export_codes(s->x); /* a failure is the outdir's, reported there */
		break;
	}
	arena_end();
}

/* Makes every page and file of the site, and codes.json from s->x; the sitemap's
 * lines are appended to `sitemap`.  Returns the number of errors. */
static int
run_jobs(const struct site *s, struct buf *sitemap)
{
	struct jobs j = {s, NULL, 0};
	size_t i;
	int k, l, errors = 0;

	/* The longest single jobs first, so that they run beside the pages
	 * rather than after them. */
	add_job(&j, JOB_EXPORT, LANG_ZH, 0);
	add_job(&j, JOB_SEARCH, LANG_ZH, 0);
	add_job(&j, JOB_ROOT_HOME, LANG_ZH, 0);
	for (l = 0; l < LANG__N; l++) {
		add_job(&j, JOB_HOME, l, 0);
		for (i = 0; i < s->v.c->nnum; i++)
			add_job(&j, JOB_CODE, l, i);
		for (k = 0; k < CLASS__N; k++)
			if (s->v.has_class[k])
				add_job(&j, JOB_CLASS, l, (size_t)k);
		add_job(&j, JOB_VENDORS, l, 0);
		add_job(&j, JOB_RFCS, l, 0);
		for (i = 0; i < s->v.c->npages; i++)
			add_job(&j, JOB_PAGE, l, i);
		add_job(&j, JOB_REGISTRY, l, 0);
		add_job(&j, JOB_COMPARE, l, 0);
		add_job(&j, JOB_CHEATSHEET, l, 0);
		if (s->v.c->guide)
			add_job(&j, JOB_CHOOSE, l, 0);
	}
	add_job(&j, JOB_NOT_FOUND, LANG_ZH, 0);
	add_job(&j, JOB_ASSETS, LANG_ZH, 0);
	par_run(s->opt->jobs, j.n, run_job, &j);
	for (i = 0; i < j.n; i++) {
		if (j.v[i].out.sitemap.len)
			buf_add(sitemap, j.v[i].out.sitemap.s, j.v[i].out.sitemap.len);
		errors += j.v[i].out.errors;
		buf_free(&j.v[i].out.sitemap);
	}
	free(j.v);
	return errors;
}

/* ------------------------------------------------------------ templates */

/* Loads templates/NAME merged with the layout `layout`; NULL after reporting. */
static struct tmpl *
load_page_tmpl(const char *dir, const char *name, const struct tmpl *layout)
{
	char *path = path_join(dir, name);
	struct tmpl *t = tmpl_load(path), *merged = NULL;

	if (t && layout)
		merged = tmpl_merge(layout, t);
	tmpl_free(t);
	free(path);
	return merged;
}

/* par_run's jobs: the page templates, each read and merged on its own. */
struct tmpl_loads {
	const char *dir;
	struct tmpl *layout;
	struct tmpl **out;
};

static void
load_one_tmpl(size_t k, void *arg)
{
	struct tmpl_loads *t = arg;

	t->out[k] = load_page_tmpl(t->dir, page_tmpl[k], t->layout);
}

/* Reads dir/strings.json into t->strings; returns 0, or -1 after
 * reporting. */
static int
load_strings(struct templates *t, const char *dir)
{
	char *path = path_join(dir, "strings.json"), *text;
	json_error_t e;
	int l, rc = 0;
	size_t len;

	if (file_read(path, ASSET_MAX_BYTES, &text, &len) == -1) {
		diag(DIAG_ERROR, path, nopos, "cannot read: %s", file_error(errno));
		free(path);
		return -1;
	}
	t->strings = json_loadb(text, len, JSON_REJECT_DUPLICATES, &e);
	free(text);
	if (t->strings == NULL) {
		struct pos p = {e.line > 0 ? e.line : 0, e.column > 0 ? e.column : 0};
		diag(DIAG_ERROR, path, p, "%s", e.text);
		rc = -1;
	}
	for (l = 0; rc == 0 && l < LANG__N; l++) {
		if (!json_is_object(json_object_get(t->strings, lang_code[l]))) {
			diag(DIAG_ERROR, path, nopos, "no \"%s\" object of interface strings",
			     lang_code[l]);
			rc = -1;
		}
	}
	free(path);
	return rc;
}

int
templates_load(const char *dir, int jobs, struct templates **out)
{
	struct templates *t = xcalloc(1, sizeof(*t));
	struct tmpl_loads loads = {dir, NULL, t->tmpl};
	char *layout_path;
	int k, rc;

	*out = NULL;
	errno = 0;
	if (!is_dir(dir)) {
		/* Not the content's fault: a wrong --templates or a broken checkout. */
		diag(DIAG_ERROR, dir, nopos, "cannot read the templates folder: %s",
		     errno == ENOENT ? "it does not exist" : "it is not a folder");
		free(t);
		return 2;
	}
	if (load_strings(t, dir) < 0) {
		templates_free(t);
		return 1;
	}
	layout_path = path_join(dir, "layout.html");
	loads.layout = tmpl_load(layout_path);
	free(layout_path);
	par_run(jobs, PAGE__N, load_one_tmpl, &loads);
	rc = loads.layout == NULL;
	for (k = 0; k < PAGE__N; k++)
		rc |= t->tmpl[k] == NULL;
	tmpl_free(loads.layout);
	if (rc) {
		templates_free(t);
		return 1;
	}
	*out = t;
	return 0;
}

void
templates_free(struct templates *t)
{
	int k;

	if (t == NULL)
		return;
	for (k = 0; k < PAGE__N; k++)
		tmpl_free(t->tmpl[k]);
	json_decref(t->strings);
	free(t);
}

int
site_build(const struct corpus *c, const struct build_options *opt)
{
	struct site s;
	struct templates *own = NULL;
	struct buf sitemap = {0};
	size_t i;
	int rc, l, k;

	memset(&s, 0, sizeof(s));
	s.opt = opt;
	s.v.c = c;
	s.v.base_url = opt->base_url_given ? opt->base_url : NULL;
	if (opt->tp)
		s.tp = opt->tp;
	else if ((rc = templates_load(opt->templates, opt->jobs, &own)) != 0)
		goto done;
	else
		s.tp = own;
	rc = 1;
	s.v.strings = s.tp->strings;
	for (i = 0; i < c->nm; i++)
		s.v.has_class[c->m[i]->klass] = 1;
	for (l = 0; l < LANG__N; l++) {
		json_t *chrome = view_chrome(&s.v, l, "../", "");
		s.globals[l] =
		    json_pack("{s:O}", "t", json_object_get(s.tp->strings, lang_code[l]));
		json_object_update(s.globals[l], chrome);
		json_decref(chrome);
	}

	if ((s.zh = opt->zh ? opt->zh : zhconv_open(opt->opencc, opt->cache)) == NULL) {
		rc = 2;
		goto done;
	}
	if ((s.od = outdir_begin(opt->out)) == NULL) {
		rc = 2;
		goto done;
	}
	buf_puts(&sitemap, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                   "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
	if ((s.x = export_begin(c, s.od, opt->jobs)) != NULL) {
		int errors = run_jobs(&s, &sitemap);
		for (k = 0; k < PAGE__N; k++)
			errors += tmpl_report(s.tp->tmpl[k]);
		buf_puts(&sitemap, "</urlset>\n");
		outdir_write(s.od, "sitemap.xml", sitemap.s, sitemap.len);
		outdir_write(s.od, ".nojekyll", "", 0);
		if (zhconv_failed(s.zh))
			rc = 2; /* OpenCC, opened late for a run the cache did not have */
		else if (errors == 0 && !outdir_failed(s.od))
			rc = outdir_commit(s.od) == 0 ? 0 : 2;
	}
	if (outdir_failed(s.od))
		rc = 2;
done:
	export_free(s.x);
	outdir_free(s.od);
	if (s.zh != opt->zh)
		zhconv_close(s.zh);
	buf_free(&sitemap);
	templates_free(own);
	for (l = 0; l < LANG__N; l++)
		json_decref(s.globals[l]);
	return rc;
}
