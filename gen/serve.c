/*
 * serve.c — `statusgen serve`: the contributor's preview.  Builds, serves
 * the output folder over HTTP with libmicrohttpd, watches the inputs with
 * inotify and rebuilds on a change (debounced; the build itself is
 * incremental and transactional, so a failed one leaves the last good site
 * in place).  Open pages reload through server-sent events; a page also
 * shows the last build's diagnostics in an overlay while there are errors.
 * The script that does both is added to the HTML as it is served, never to
 * the built site.  Owns the HTTP daemon, the inotify watches and the state
 * the pages poll; the build is the caller's (a callback), so this file knows
 * nothing of the content.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <limits.h>
#include <microhttpd.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "gen.h"

/* Where the preview's own resources live; no page of the site starts so. */
#define OWN "/__statusgen/"
/* Quiet time after the last change before a rebuild: an editor's save is
 * several events. */
#define DEBOUNCE_MS 25
/* The largest page served (read into memory to add the script); other
 * files go from their file descriptor. */
#define HTML_MAX (16 * 1024 * 1024)

/* The script added to every served page: reloads on a new build, shows the
 * diagnostics of a failed one.  Text only through textContent. */
static const char live_js[] =
    "(function () {\n"
    "  var box = null, gen = null;\n"
    "  function show(s) {\n"
    "    if (!s.ok) {\n"
    "      if (!box) {\n"
    "        box = document.createElement('pre');\n"
    "        box.id = 'statusgen-errors';\n"
    "        box.setAttribute('role', 'alert');\n"
    "        box.style.cssText = 'position:fixed;left:0;right:0;bottom:0;max-height:50vh;"
    "overflow:auto;margin:0;padding:1em;background:#300;color:#fdd;font:13px/1.4 "
    "monospace;white-space:pre-wrap;z-index:2147483647';\n"
    "        document.body.appendChild(box);\n"
    "      }\n"
    "      box.textContent = 'statusgen: the last build failed; this page is the last good "
    "one.\\n\\n' + s.diagnostics.split('\\n').filter(function (l) {\n"
    "        return l && l.indexOf(': note: ') < 0;\n"
    "      }).join('\\n');\n"
    "    } else if (box) {\n"
    "      box.remove();\n"
    "      box = null;\n"
    "    }\n"
    "  }\n"
    "  function status() {\n"
    "    fetch('" OWN "status', {cache: 'no-store'}).then(function (r) { return r.json(); })\n"
    "      .then(function (s) {\n"
    "        if (gen !== null && s.ok && s.generation !== gen) { location.reload(); return; }\n"
    "        if (s.ok) gen = s.generation;\n"
    "        show(s);\n"
    "      }).catch(function () {});\n"
    "  }\n"
    "  var es = new EventSource('" OWN "events');\n"
    "  es.onmessage = function (e) {\n"
    "    var s = JSON.parse(e.data);\n"
    "    if (gen !== null && s.ok && s.generation !== gen) location.reload();\n"
    "    else status();\n"
    "  };\n"
    "  status();\n"
    "})();\n";

/* What the pages see of the builds. */
static struct {
	pthread_mutex_t lock;
	pthread_cond_t changed;
	unsigned long generation; /* good builds so far */
	unsigned long builds;     /* builds so far, good or not */
	int ok;                   /* the last build succeeded */
	char *diagnostics;        /* its diagnostics */
	int stopping;
} state = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0, 1, NULL, 0};

static const char *out_real; /* realpath of the output folder */
static int stop_pipe[2] = {-1, -1};

static void
on_stop(int sig)
{
	int e = errno;

	(void)sig;
	outdir_interrupt();
	if (write(stop_pipe[1], "x", 1) == -1) {
		/* nothing more to do in a handler */
	}
	errno = e;
}

/* Returns the Content-Type of a file by its name. */
static const char *
content_type(const char *path)
{
	static const struct {
		const char *ext, *type;
	} types[] = {
	    {".html", "text/html; charset=utf-8"},
	    {".css", "text/css; charset=utf-8"},
	    {".js", "text/javascript; charset=utf-8"},
	    {".json", "application/json"},
	    {".svg", "image/svg+xml"},
	    {".xml", "application/xml"},
	    {".png", "image/png"},
	    {".txt", "text/plain; charset=utf-8"},
	    {".md", "text/markdown; charset=utf-8"},
	};
	const char *dot = strrchr(path, '.');
	size_t i;

	for (i = 0; dot && i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(dot, types[i].ext) == 0)
			return types[i].type;
	return "application/octet-stream";
}

static enum MHD_Result
reply(struct MHD_Connection *c, unsigned status, const char *type, const char *body)
{
	struct MHD_Response *r =
	    MHD_create_response_from_buffer(strlen(body), (void *)body, MHD_RESPMEM_MUST_COPY);
	enum MHD_Result ok;

	MHD_add_response_header(r, "Content-Type", type);
	MHD_add_response_header(r, "Cache-Control", "no-store");
	ok = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ok;
}

/* Returns 1 if `url` (already percent-decoded by libmicrohttpd) may name a
 * file of the site: an absolute path without "." or ".." segments or
 * backslashes. */
static int
safe_url(const char *url)
{
	const char *s = url;

	if (url[0] != '/' || strchr(url, '\\'))
		return 0;
	while (*s) {
		size_t n;
		s++; /* the '/' */
		n = strcspn(s, "/");
		if ((n == 1 && s[0] == '.') || (n == 2 && s[0] == '.' && s[1] == '.'))
			return 0;
		s += n;
	}
	return 1;
}

/* Queues an empty response with one header (NULL: none). */
static enum MHD_Result
empty(struct MHD_Connection *c, unsigned status, const char *header, const char *value)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(0, "", MHD_RESPMEM_PERSISTENT);
	enum MHD_Result ok;

	if (header)
		MHD_add_response_header(r, header, value);
	ok = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ok;
}

/* Serves a file of the site: only a regular file whose real path is inside
 * the output folder.  HTML gets the live script before </body> and is never
 * kept by the browser; the rest may be kept and revalidated: a rebuild keeps
 * the modification time of every file it does not change (outdir.c links
 * them), so the search index is not fetched again after an edit of one
 * page. */
static enum MHD_Result
serve_file(struct MHD_Connection *c, const char *url)
{
	char *path, *real = NULL, date[64];
	const char *type, *cache = "no-store", *since;
	struct stat st;
	struct tm tm;
	int fd = -1;
	size_t n = strlen(out_real);
	struct MHD_Response *r;
	enum MHD_Result ok;

	if (!safe_url(url))
		return reply(c, 403, "text/plain; charset=utf-8", "forbidden\n");
	path = xasprintf("%s%s%s", out_real, url, url[strlen(url) - 1] == '/' ? "index.html" : "");
	if ((real = realpath(path, NULL)) != NULL && stat(real, &st) == 0 && S_ISDIR(st.st_mode)) {
		/* A folder: its index, at an address that ends in '/' so that
		 * the page's relative links work. */
		char *to = xasprintf("%s/", url);
		ok = empty(c, 301, "Location", to);
		free(to);
		free(real);
		free(path);
		return ok;
	}
	free(path);
	if (real == NULL || strncmp(real, out_real, n) != 0 || real[n] != '/' ||
	    (fd = open(real, O_RDONLY | O_CLOEXEC)) == -1 || fstat(fd, &st) == -1 ||
	    !S_ISREG(st.st_mode)) {
		if (fd != -1)
			close(fd);
		free(real);
		return reply(c, 404, "text/plain; charset=utf-8", "not found\n");
	}
	type = content_type(real);
	if (strcmp(type, "text/html; charset=utf-8") == 0) {
		struct buf b = {0};
		char *html, *end;
		size_t len;
		close(fd);
		if (file_read(real, HTML_MAX, &html, &len) == -1) {
			free(real);
			return reply(c, 404, "text/plain; charset=utf-8", "not found\n");
		}
		end = strstr(html, "</body>");
		buf_add(&b, html, end ? (size_t)(end - html) : len);
		buf_puts(&b, "<script src=\"" OWN "live.js\"></script>\n");
		buf_puts(&b, end ? end : "");
		free(html);
		r = MHD_create_response_from_buffer(b.len, b.s, MHD_RESPMEM_MUST_FREE);
	} else {
		gmtime_r(&st.st_mtime, &tm);
		strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S GMT", &tm);
		since = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
		                                    MHD_HTTP_HEADER_IF_MODIFIED_SINCE);
		if (since && strcmp(since, date) == 0) {
			close(fd);
			free(real);
			return empty(c, MHD_HTTP_NOT_MODIFIED, NULL, NULL);
		}
		r = MHD_create_response_from_fd((uint64_t)st.st_size, fd);
		MHD_add_response_header(r, MHD_HTTP_HEADER_LAST_MODIFIED, date);
		cache = "no-cache";
	}
	MHD_add_response_header(r, "Content-Type", type);
	MHD_add_response_header(r, "Cache-Control", cache);
	free(real);
	ok = MHD_queue_response(c, 200, r);
	MHD_destroy_response(r);
	return ok;
}

/* The state as JSON: {"ok":…,"generation":…,"builds":…,"diagnostics":"…"}. */
static char *
status_json(void)
{
	json_t *o;
	struct buf b = {0};

	pthread_mutex_lock(&state.lock);
	o = json_pack("{s:b, s:I, s:I, s:s}", "ok", state.ok, "generation",
	              (json_int_t)state.generation, "builds", (json_int_t)state.builds,
	              "diagnostics", state.diagnostics ? state.diagnostics : "");
	pthread_mutex_unlock(&state.lock);
	/* Not json_dumps: its text comes from jansson's allocator (arena.c). */
	export_json(&b, o);
	json_decref(o);
	return buf_detach(&b);
}

/* Server-sent events: one "data:" line each time a build ends. */
static ssize_t
events(void *cls, uint64_t pos, char *buf, size_t max)
{
	unsigned long *seen = cls;
	struct timespec until;
	int n;

	(void)pos;
	pthread_mutex_lock(&state.lock);
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += 15;
	while (!state.stopping && state.builds == *seen)
		if (pthread_cond_timedwait(&state.changed, &state.lock, &until) == ETIMEDOUT)
			break;
	if (state.stopping) {
		pthread_mutex_unlock(&state.lock);
		return MHD_CONTENT_READER_END_OF_STREAM;
	}
	if (state.builds == *seen) /* a comment, so that proxies keep it open */
		n = snprintf(buf, max, ":\n\n");
	else /* enough for a page to reload at once after a good build */
		n = snprintf(buf, max, "data: {\"ok\":%s,\"generation\":%lu}\n\n",
		             state.ok ? "true" : "false", state.generation);
	*seen = state.builds;
	pthread_mutex_unlock(&state.lock);
	return n;
}

static enum MHD_Result
handle(void *cls, struct MHD_Connection *c, const char *url, const char *method,
       const char *version, const char *upload, size_t *upload_size, void **req)
{
	(void)cls, (void)version, (void)upload, (void)upload_size, (void)req;
	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
		return reply(c, 405, "text/plain; charset=utf-8", "only GET\n");
	if (strcmp(url, OWN "live.js") == 0)
		return reply(c, 200, "text/javascript; charset=utf-8", live_js);
	if (strcmp(url, OWN "status") == 0) {
		char *s = status_json();
		enum MHD_Result ok = reply(c, 200, "application/json", s);
		free(s);
		return ok;
	}
	if (strcmp(url, OWN "events") == 0) {
		unsigned long *seen = xmalloc(sizeof(*seen));
		struct MHD_Response *r;
		enum MHD_Result ok;
		pthread_mutex_lock(&state.lock);
		*seen = state.builds;
		pthread_mutex_unlock(&state.lock);
		r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 256, events, seen, free);
		MHD_add_response_header(r, "Content-Type", "text/event-stream");
		MHD_add_response_header(r, "Cache-Control", "no-store");
		ok = MHD_queue_response(c, 200, r);
		MHD_destroy_response(r);
		return ok;
	}
	return serve_file(c, url);
}

/* Records the end of a build for the pages. */
static void
publish(int rc, char *diagnostics)
{
	pthread_mutex_lock(&state.lock);
	state.builds++;
	state.ok = rc == 0;
	if (rc == 0)
		state.generation++;
	free(state.diagnostics);
	state.diagnostics = diagnostics;
	pthread_cond_broadcast(&state.changed);
	pthread_mutex_unlock(&state.lock);
}

/* Watches `dir` (and, when `deep`, its folders: content/classes,
 * content/pages) for changes; returns how many watches were added. */
static int
watch_tree(int in, const char *dir, int deep)
{
	char **names = NULL;
	int n, i, count = 0;
	uint32_t mask = IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO |
	                IN_MODIFY | IN_ATTRIB;

	if (inotify_add_watch(in, dir, mask) == -1)
		return 0;
	count++;
	if (!deep)
		return count;
	n = dir_list(dir, &names);
	for (i = 0; i < n; i++) {
		char *sub = path_join(dir, names[i]);
		if (is_dir(sub) && !is_symlink(sub))
			count += watch_tree(in, sub, 1);
		free(sub);
		free(names[i]);
	}
	free(names);
	return count;
}

/* Watches the folder of file `path` (a file itself is lost when an editor
 * replaces it); *name gets the file's name, to tell its events from the
 * folder's others.  Returns the watch, or -1. */
static int
watch_file(int in, const char *path, char **name)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	int wd;

	*name = xstrdup(slash ? slash + 1 : path);
	if (slash)
		*slash = '\0';
	wd = inotify_add_watch(in, slash ? (dir[0] ? dir : "/") : ".",
	                       IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE);
	free(dir);
	return wd;
}

/* Returns 1 if one of the inotify events in ev[0..n) is about an input: any
 * event of the watched folders, but in the snapshot's folder (which may be
 * the build's own, ".") only those about the snapshot. */
static int
about_input(const char *ev, size_t n, int snap_wd, const char *snap_name)
{
	size_t at = 0;

	while (at + sizeof(struct inotify_event) <= n) {
		const struct inotify_event *e = (const struct inotify_event *)(ev + at);
		if (e->wd != snap_wd || (e->len && strcmp(e->name, snap_name) == 0))
			return 1;
		at += sizeof(*e) + e->len;
	}
	return 0;
}

/* Returns a socket address for --bind and --port, or 0 after reporting. */
static int
listen_address(const char *bind, int port, struct sockaddr_storage *sa, int *v6)
{
	struct sockaddr_in *a4 = (struct sockaddr_in *)sa;
	struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)sa;

	memset(sa, 0, sizeof(*sa));
	if (inet_pton(AF_INET, bind, &a4->sin_addr) == 1) {
		a4->sin_family = AF_INET;
		a4->sin_port = htons((uint16_t)port);
		*v6 = 0;
		return 1;
	}
	if (inet_pton(AF_INET6, bind, &a6->sin6_addr) == 1) {
		a6->sin6_family = AF_INET6;
		a6->sin6_port = htons((uint16_t)port);
		*v6 = 1;
		return 1;
	}
	fprintf(stderr, "statusgen serve: --bind '%s' is not an IPv4 or IPv6 address\n", bind);
	return 0;
}

/* Returns 1 if the address is free; else says why (the port taken) and
 * returns 0.  libmicrohttpd only says that it could not start. */
static int
port_free(const struct sockaddr_storage *sa, int v6, int port)
{
	int s = socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), one = 1, ok;

	if (s == -1)
		return 1;
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	ok = bind(s, (const struct sockaddr *)sa,
	          v6 ? sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in)) == 0;
	if (!ok)
		fprintf(stderr, "statusgen serve: cannot listen on port %d: %s%s\n", port,
		        strerror(errno),
		        errno == EADDRINUSE ? " (another program has it; choose one with --port)"
		                            : "");
	close(s);
	return ok;
}

int
serve(const struct serve_options *o, int (*build)(void *arg, char **diagnostics), void *arg)
{
	struct sockaddr_storage sa;
	struct MHD_Daemon *d;
	const union MHD_DaemonInfo *info;
	struct sigaction act;
	char *diagnostics = NULL;
	int in, v6, rc, i, watches = 0, snap_wd = -1, changed;
	char *snap_name = NULL;
	char real[PATH_MAX];

	if (!listen_address(o->bind, o->port, &sa, &v6) || !port_free(&sa, v6, o->port))
		return 2;
	if (pipe2(stop_pipe, O_CLOEXEC) == -1)
		return 2;
	memset(&act, 0, sizeof(act));
	act.sa_handler = on_stop;
	sigemptyset(&act.sa_mask);
	sigaction(SIGINT, &act, NULL);
	sigaction(SIGTERM, &act, NULL);
	signal(SIGPIPE, SIG_IGN);

	rc = build(arg, &diagnostics);
	publish(rc, diagnostics);
	if (realpath(o->out, real) == NULL) {
		fprintf(stderr,
		        "statusgen serve: no site to serve in %s (the first build failed)\n",
		        o->out);
		return rc ? rc : 2;
	}
	out_real = real;

	d = MHD_start_daemon(MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD |
	                         (v6 ? MHD_USE_IPv6 : 0),
	                     (uint16_t)o->port, NULL, NULL, handle, NULL, MHD_OPTION_SOCK_ADDR,
	                     (struct sockaddr *)&sa, MHD_OPTION_END);
	if (d == NULL) {
		fprintf(stderr, "statusgen serve: cannot start the HTTP server on %s port %d\n",
		        o->bind, o->port);
		return 2;
	}
	info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	printf("statusgen: serving %s at http://%s%s%s:%u/ (Ctrl-C stops)\n", o->out, v6 ? "[" : "",
	       o->bind, v6 ? "]" : "", info ? info->port : (unsigned)o->port);
	fflush(stdout);

	in = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
	for (i = 0; in != -1 && i < (int)o->nwatch; i++)
		watches += watch_tree(in, o->watch[i], i == 0);
	if (in != -1)
		snap_wd = watch_file(in, o->snapshot, &snap_name);
	if (in == -1 || watches == 0)
		fprintf(stderr,
		        "statusgen serve: cannot watch the inputs (%s); rebuilds only on "
		        "restart\n",
		        strerror(errno));

	for (;;) {
		struct pollfd p[2] = {{stop_pipe[0], POLLIN, 0}, {in, POLLIN, 0}};
		char ev[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
		if (poll(p, in == -1 ? 1 : 2, -1) == -1 && errno != EINTR)
			break;
		if (p[0].revents)
			break;
		if (in == -1 || !(p[1].revents & POLLIN))
			continue;
		/* Drain until DEBOUNCE_MS pass without an event, then rebuild if
		 * one was about an input. */
		changed = 0;
		do {
			ssize_t got;
			while ((got = read(in, ev, sizeof(ev))) > 0)
				changed |= about_input(ev, (size_t)got, snap_wd, snap_name);
		} while (poll(p + 1, 1, DEBOUNCE_MS) > 0);
		if (!changed)
			continue;
		/* New folders (content/pages made now) are watched from now on. */
		for (i = 0; i < (int)o->nwatch; i++)
			watch_tree(in, o->watch[i], i == 0);
		diagnostics = NULL;
		rc = build(arg, &diagnostics);
		publish(rc, diagnostics);
	}

	pthread_mutex_lock(&state.lock);
	state.stopping = 1;
	pthread_cond_broadcast(&state.changed);
	pthread_mutex_unlock(&state.lock);
	MHD_stop_daemon(d);
	if (in != -1)
		close(in);
	free(snap_name);
	close(stop_pipe[0]);
	close(stop_pipe[1]);
	free(state.diagnostics);
	state.diagnostics = NULL;
	printf("statusgen: stopped\n");
	return 0;
}
