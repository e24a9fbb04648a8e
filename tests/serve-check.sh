#!/usr/bin/env bash
# `statusgen serve` as a contributor uses it, end to end over HTTP: it
# prints its address, serves pages with the right types and the live
# script (which the built site never has), rebuilds after an edit (timed:
# twenty edits, the median and the worst from the write to the new page
# being served), reports a broken file with its position and then its fix,
# refuses traversal, says when the port is taken, and ends with 0 on SIGTERM.
#   tests/serve-check.sh
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
pid=""
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
export STATUSGEN_TODAY=2026-11-01
fail() {
	echo "serve: $*"
	echo "--- its standard error:"
	tail -20 "$tmp/err"
	exit 1
}
now_ms() { echo $(($(date +%s%N) / 1000000)); }

cp -R content "$tmp/content"
gen/statusgen serve --port 0 --content "$tmp/content" --out "$tmp/site" >"$tmp/log" 2>"$tmp/err" &
pid=$!
url=""
for _ in $(seq 200); do
	url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$tmp/log" || true)
	[ -n "$url" ] && break
	sleep 0.05
done
[ -n "$url" ] || fail "printed no address on 127.0.0.1"

# Pages, with their types; the live script only as served.
curl -fsS -D "$tmp/h" -o "$tmp/page" "${url}en/404.html" || fail "cannot fetch en/404.html"
grep -qi '^content-type: text/html; charset=utf-8' "$tmp/h" || fail "en/404.html is not text/html"
grep -q '/__statusgen/live.js' "$tmp/page" || fail "the page lacks the live script"
if grep -rq '__statusgen' "$tmp/site"; then fail "the built site holds the live script"; fi
for f in style.css:text/css search.js:text/javascript codes.json:application/json \
	favicon.svg:image/svg+xml sitemap.xml:application/xml; do
	curl -fsS -D "$tmp/h" -o /dev/null "${url}${f%%:*}" || fail "cannot fetch ${f%%:*}"
	grep -qi "^content-type: ${f#*:}" "$tmp/h" || fail "${f%%:*} is not ${f#*:}"
done
# Unchanged files are revalidated, not fetched again.
curl -fsS -D "$tmp/h" -o /dev/null "${url}search-index.js"
since=$(sed -n 's/^[Ll]ast-[Mm]odified: \(.*\)\r$/\1/p' "$tmp/h")
[ -n "$since" ] || fail "search-index.js has no Last-Modified"
code=$(curl -sS -o /dev/null -w '%{http_code}' -H "If-Modified-Since: $since" "${url}search-index.js")
[ "$code" = 304 ] || fail "an unchanged search-index.js gives $code, not 304"
code=$(curl -sS -o /dev/null -w '%{http_code}' "${url}en")
[ "$code" = 301 ] || fail "a folder without its slash gives $code, not a redirect"
[ "$(curl -fsS "${url}__statusgen/live.js" 2>/dev/null | head -c 12)" = "(function ()" ] || fail "no live.js"

# Traversal and links out of the site: never served.
ln -s /etc/passwd "$tmp/site/en/passwd.html"
for p in ../../../../etc/passwd %2e%2e/%2e%2e/%2e%2e/etc/passwd en/..%2f..%2f..%2fetc/passwd \
	en/%2e%2e/%2e%2e/%2e%2e/etc/passwd 'en\..\..\etc\passwd' en/passwd.html; do
	code=$(curl -sS --path-as-is -o "$tmp/body" -w '%{http_code}' "${url}$p")
	[ "$code" != 200 ] || fail "served $p"
	if grep -q 'root:' "$tmp/body"; then fail "$p gave /etc/passwd"; fi
done
rm "$tmp/site/en/passwd.html"

# Edit → the new page is served: twenty times.
gen() { curl -fsS "${url}__statusgen/status" | sed -n 's/.*"generation":\([0-9]*\).*/\1/p'; }
times=()
for i in $(seq 20); do
	start=$(now_ms)
	printf '\nEdit number %s of the serve test.\n' "$i" >>"$tmp/content/404.md"
	until curl -fsS "${url}en/404.html" 2>/dev/null | grep -q "Edit number $i of"; do
		[ $(($(now_ms) - start)) -lt 10000 ] || fail "edit $i was not served after 10 s"
		sleep 0.005
	done
	times+=($(($(now_ms) - start)))
done
read -r median worst < <(printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)], v[NR] }')

# A broken front matter: the status says so with the position; the site
# stays; the fix makes it good again.
# Waits (10 s at most) until the status says "ok":$1; leaves it in $tmp/status.
wait_status() {
	for _ in $(seq 200); do
		curl -fsS "${url}__statusgen/status" >"$tmp/status"
		grep -q "\"ok\":$1" "$tmp/status" && return 0
		sleep 0.05
	done
	return 1
}
good=$(gen)
cp "$tmp/content/404.md" "$tmp/404.md"
sed -i '2s/.*/code: [404/' "$tmp/content/404.md"
wait_status false || fail "a broken file did not make the status fail"
grep -q '404.md:[0-9]*:[0-9]*: error' "$tmp/status" || fail "the status lacks the error's position: $(cat "$tmp/status")"
curl -fsS "${url}en/404.html" 2>/dev/null | grep -q "Edit number 20 of" || fail "the last good page is not served"
cp "$tmp/404.md" "$tmp/content/404.md"
wait_status true || fail "the fix did not make the status good"
[ "$(gen)" -gt "$good" ] || fail "the fix did not make a new generation"

# The port taken: a clear message, exit 2.
port=${url##*:}
port=${port%/}
rc=0
gen/statusgen serve --port "$port" --content "$tmp/content" --out "$tmp/site2" >/dev/null 2>"$tmp/err2" || rc=$?
[ $rc = 2 ] || fail "a second server on port $port exited $rc, not 2"
grep -q 'choose one with --port' "$tmp/err2" || fail "no clear message when the port is taken: $(cat "$tmp/err2")"

# SIGTERM: a clean exit.
kill -TERM "$pid"
rc=0
wait "$pid" || rc=$?
pid=""
[ $rc = 0 ] || fail "exit status $rc after SIGTERM"
echo "serve: edit to new page served, 20 edits: median ${median} ms, worst ${worst} ms; broken file reported at its line, fixed; traversal refused; port taken said; SIGTERM exits 0"
