#!/usr/bin/env bash
# A rebuild rewrites only what changed: on a copy of the real content, a
# second build keeps every file (same inode, same mtime); after one summary
# is edited, the pages that show it change and the others are kept.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export STATUSGEN_TODAY=2026-11-01
cp -r content "$tmp/content"
gen/statusgen build --content "$tmp/content" --out "$tmp/site" 2>/dev/null
inodes() { (cd "$tmp/site" && find . -type f -printf '%i %P\n' | sort -k2); }
inodes >"$tmp/a"
gen/statusgen build --content "$tmp/content" --out "$tmp/site" 2>/dev/null
inodes >"$tmp/b"
if ! diff -q "$tmp/a" "$tmp/b" >/dev/null; then
	echo "a rebuild of unchanged content rewrote files:"
	diff "$tmp/a" "$tmp/b" | head
	exit 1
fi
sed -i "s/^  en: An April Fools.*$/  en: An edited summary of the teapot./" "$tmp/content/418.md"
grep -q 'An edited summary' "$tmp/content/418.md"
gen/statusgen build --content "$tmp/content" --out "$tmp/site" 2>/dev/null
inodes >"$tmp/c"
changed=$(join -1 2 -2 2 "$tmp/b" "$tmp/c" | awk '$2 != $3 {print $1}')
for f in en/418.html codes.json api/418.json search-index.js; do
	echo "$changed" | grep -qx "$f" || { echo "$f should have changed"; exit 1; }
done
for f in zh/418.html en/200.html zh/index.html api/404.json style.css; do
	if echo "$changed" | grep -qx "$f"; then echo "$f changed although it does not show the edit"; exit 1; fi
done
echo "incremental: $(echo "$changed" | wc -l) of $(wc -l <"$tmp/c") files rewritten after one edit"
