#!/bin/sh
# The search index converts titles and aliases to Taiwan usage with
# data/opencc/s2twp-http-search.json, a chain without OpenCC's STPhrases
# (its 50 000 phrases take longer to load than the rest of a build).  This
# check converts every Chinese title and alias of the content with that chain
# and with the full one (s2twp-http.json) and fails on each name where they
# differ: the remedy is a row in data/opencc/http-zh-tw.txt (with its reason
# in http-zh-tw.sources.tsv) that says what the full chain knows.
#   tests/opencc-check.sh            (needs gen/statusgen, node and opencc)
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

gen/statusgen build --out "$tmp/site" >"$tmp/log" 2>&1 || {
	cat "$tmp/log" >&2
	echo "opencc-check: the build failed" >&2
	exit 2
}
node -e '
const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const seen = new Set();
for (const c of d.codes)
  for (const m of c.meanings)
    for (const n of [m.title.zh, ...((m.aliases || {}).zh || [])])
      if (n && !seen.has(n)) { seen.add(n); console.log(n); }
' "$tmp/site/codes.json" >"$tmp/names"

opencc -c data/opencc/s2twp-http.json -i "$tmp/names" -o "$tmp/full"
opencc -c data/opencc/s2twp-http-search.json -i "$tmp/names" -o "$tmp/search"
n=$(wc -l <"$tmp/names")
if ! cmp -s "$tmp/full" "$tmp/search"; then
	paste "$tmp/names" "$tmp/full" "$tmp/search" | awk -F '\t' '$2 != $3 {
		printf "data/opencc/http-zh-tw.txt: error: %s is %s with OpenCC'\''s phrases but %s without them; add the word that decides it\n", $1, $2, $3
		bad++
	} END { exit bad > 0 }' >&2 || true
	echo "opencc-check: the search chain differs from the full one ($n names)" >&2
	exit 1
fi
echo "opencc-check: $n titles and aliases convert alike with and without STPhrases"
