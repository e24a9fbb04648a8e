#!/usr/bin/env bash
# Checks of the real site: builds the content twice and compares the bytes,
# validates codes.json against its schema, checks every local link and
# anchor, the zh-Hant edition against the zh one, and runs every page
# through the Nu HTML Checker.
set -u
cd "$(dirname "$0")/.." || exit 2
export LC_ALL=C.UTF-8 TZ=UTC
out=tests/out
rm -rf "$out"
mkdir -p "$out"
pass=0 fail=0
step() { # step NAME COMMAND…
	local name=$1
	shift
	if "$@"; then
		pass=$((pass + 1))
		echo "PASS $name"
	else
		fail=$((fail + 1))
		echo "FAIL $name"
	fi
}
# Tests pin the date: the snapshot's temporary registration of 104 expires
# on 2026-11-13, and a build after that rightly warns (an e2e case pins that).
export STATUSGEN_TODAY=2026-11-01
step "build the real content (no warning)" bash -c "gen/statusgen build --werror --out $out/a 2>$out/a.stderr && ! grep -q -E 'warning|error' $out/a.stderr"
[ -s "$out/a.stderr" ] && cat "$out/a.stderr"
step "a second build is byte-identical" bash -c "gen/statusgen build --out $out/b 2>/dev/null && diff -r $out/a $out/b"
# OpenCC's conversions come from a cache when a build has them (zhconv.c):
# built with none, with a new one, and from the one just written, the site
# is the same.
step "the same site without the conversion cache, filling it, and from it" bash -c "
	STATUSGEN_CACHE= gen/statusgen build --out $out/c0 2>/dev/null &&
	STATUSGEN_CACHE=$out/cache gen/statusgen build --out $out/c1 2>/dev/null &&
	test -n \"\$(ls $out/cache)\" &&
	STATUSGEN_CACHE=$out/cache gen/statusgen build --out $out/c2 2>/dev/null &&
	diff -r $out/a $out/c0 && diff -r $out/a $out/c1 && diff -r $out/a $out/c2 &&
	rm -rf $out/c0 $out/c1 $out/c2"
# The schemas are the committed ones (templates/), so a change of the export
# that the schema does not allow fails here.
step "codes.json matches codes.schema.json" node tests/validate-json.mjs templates/codes.schema.json "$out/a/codes.json"
step "api/NNN.json match code.schema.json" node tests/validate-json.mjs templates/code.schema.json \
	--ref templates/codes.schema.json "$out"/a/api/*.json
step "every IANA page has every part, both languages substantial (content-checks)" \
	node tests/content-checks.mjs "$out/a/codes.json"
step "every local link and anchor resolves" node tests/check-links.mjs "$out/a"
step "the zh-Hant edition: every zh page's twin, only text converted, no Simplified character outside code" \
	node tests/hant-check.mjs "$out/a"
step "every page is valid HTML (Nu HTML Checker)" \
	java -jar tests/node_modules/vnu-jar/build/dist/vnu.jar --errors-only --skip-non-html "$out/a"
step "sitemap.xml is well-formed" xmllint --noout "$out/a/sitemap.xml"
# shellcheck disable=SC2016 # the loop is for the shell that bash -c starts
step "the GitHub workflow files are valid (action-validator)" bash -c \
	'for f in .github/workflows/*.yml; do tests/node_modules/.bin/action-validator "$f" || exit 1; done'
step "a rebuild rewrites only the files that changed" tests/incremental-check.sh
step "a build killed or stopped while it writes leaves the site byte-identical; builds take turns" tests/interrupt-check.sh
step "statusgen new writes a skeleton that passes check, and never replaces a file" tests/skeleton-check.sh
step "make update-iana reports what IANA changed, offline; a bad download is refused" tests/update-iana-check.sh
step "statusgen serve serves, rebuilds on an edit, reports a broken file, refuses traversal" tests/serve-check.sh
rm -rf "$out"
echo "site: $pass passed, $fail failed"
[ $fail = 0 ]
