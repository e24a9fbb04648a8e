#!/usr/bin/env bash
# `statusgen new` as a contributor uses it: on a copy of the real content, a
# skeleton for a registered code, one for a vendor meaning and one outside
# 100-599 all pass `statusgen check`; a second `new` refuses to replace.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r content "$tmp/content"
rm "$tmp/content/404.md"
gen/statusgen new 404 --content "$tmp/content" >/dev/null
gen/statusgen new 499 --vendor "Acme Proxy" --content "$tmp/content" >/dev/null
gen/statusgen new 777 --vendor "Acme Proxy" --content "$tmp/content" >/dev/null
grep -q '^  en: "Not Found"$' "$tmp/content/404.md"
grep -q '^    section: "15.5.5"$' "$tmp/content/404.md"
grep -q '^class: nonstandard$' "$tmp/content/777-acme-proxy.md"
STATUSGEN_TODAY=2026-11-01 gen/statusgen check --content "$tmp/content" --werror 2>"$tmp/err" || { cat "$tmp/err"; exit 1; }
before=$(sha256sum "$tmp/content/404.md")
if gen/statusgen new 404 --content "$tmp/content" 2>"$tmp/err"; then
	echo "statusgen new replaced a file"
	exit 1
fi
grep -q "already exists" "$tmp/err"
[ "$before" = "$(sha256sum "$tmp/content/404.md")" ]

# A vendor name that could not be written safely is refused (exit 2, no
# file); one with quotes, backslashes and '---' is written so that it passes.
for bad in $'x\n---\nevil: 1' $'a\tb' $'zero\u200bwidth' $'esc\e[31m' ''; do
	rc=0
	gen/statusgen new 298 --vendor "$bad" --content "$tmp/content" 2>"$tmp/err" || rc=$?
	[ $rc = 2 ] || {
		echo "statusgen new --vendor $(printf %q "$bad"): exit status $rc, not 2"
		exit 1
	}
	[ "$(wc -l <"$tmp/err")" = 1 ] || { echo "the refusal is not one line:"; cat "$tmp/err"; exit 1; }
done
if ls "$tmp/content"/298-* >/dev/null 2>&1; then
	echo "statusgen new wrote a file for a refused vendor name"
	exit 1
fi
gen/statusgen new 298 --vendor 'Odd "Name" \ --- #1: é' --content "$tmp/content" >/dev/null
STATUSGEN_TODAY=2026-11-01 gen/statusgen check --content "$tmp/content" --werror 2>"$tmp/err" || { cat "$tmp/err"; exit 1; }
