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
