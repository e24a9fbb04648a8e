#!/bin/sh
# zh-tw-check.sh - convert Simplified Chinese text to Taiwan Traditional Chinese
# with OpenCC's s2twp chain plus statusgen's HTTP/web phrase table, and print it.
#
# The OpenCC configuration is data/opencc/s2twp-http.json; the generator should
# load that same file (opencc_open()/opencc::SimpleConverter with its path).
#
# Usage:
#   tools/zh-tw-check.sh TEXT...        convert the arguments (one line each)
#   tools/zh-tw-check.sh < FILE         convert standard input
#   tools/zh-tw-check.sh -f FILE        convert a file
#   tools/zh-tw-check.sh -m FILE.md     convert the zh title, summary and zh body
#                                       of a content file (raw Markdown: code spans
#                                       and URLs are converted too; the generator
#                                       only passes text nodes)
#   tools/zh-tw-check.sh -d TEXT...     print plain s2twp and s2twp+table, line by line
#   tools/zh-tw-check.sh -t             self-test: every row of the table must come
#                                       out of the whole chain unchanged
#
# Needs the opencc command (Debian: apt-get install -y opencc libopencc-dev).

set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
config="$here/data/opencc/s2twp-http.json"
table="$here/data/opencc/http-zh-tw.txt"

if ! command -v opencc >/dev/null 2>&1; then
	echo "zh-tw-check: opencc not found (apt-get install -y opencc libopencc-dev)" >&2
	exit 2
fi
for f in "$config" "$table"; do
	[ -r "$f" ] || { echo "zh-tw-check: missing $f" >&2; exit 2; }
done

conv() { opencc -c "$config"; }

# zh_parts FILE: the zh title, the zh summary and the zh body of a content file
zh_parts() {
	awk '
	NR == 1 && $0 == "---" { fm = 1; next }
	fm && $0 == "---" { fm = 0; next }
	fm && /^(title|summary):/ { key = $1; next }
	fm && /^[^ ]/ { key = "" }
	fm && key != "" && /^  zh:/ {
		sub(/^  zh: */, ""); print "# " key " " $0; next
	}
	!fm && /^<!-- lang: zh -->/ { body = 1; next }
	!fm && /^<!-- lang: / { body = 0 }
	body { print }
	' "$1"
}

mode=args
case "${1-}" in
-f) mode=file ;;
-m) mode=md ;;
-d) mode=diff ;;
-t) mode=table ;;
-h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac
[ "$mode" = args ] || shift

case "$mode" in
args)
	if [ $# -eq 0 ]; then conv; else printf '%s\n' "$@" | conv; fi
	;;
file)
	[ $# -eq 1 ] || { echo "usage: $0 -f FILE" >&2; exit 2; }
	conv < "$1"
	;;
md)
	[ $# -eq 1 ] || { echo "usage: $0 -m FILE.md" >&2; exit 2; }
	zh_parts "$1" | conv
	;;
diff)
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	if [ $# -eq 0 ]; then cat > "$tmp/in"; else printf '%s\n' "$@" > "$tmp/in"; fi
	opencc -c s2twp < "$tmp/in" > "$tmp/plain"
	conv < "$tmp/in" > "$tmp/ours"
	paste -d '\n' "$tmp/plain" "$tmp/ours" | awk '
		NR % 2 == 1 { p = $0; next }
		{ if (p == $0) print "  = " $0; else { print "  s2twp: " p; print "  +http: " $0 } }'
	;;
table)
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	# rows whose key differs from the value (identity rows only protect output)
	awk -F '\t' 'NF == 2 && $1 != $2' "$table" > "$tmp/rows"
	cut -f1 "$tmp/rows" | conv > "$tmp/got"
	paste "$tmp/rows" "$tmp/got" | awk -F '\t' '
		{ n++ } $2 != $3 { bad++; printf "FAIL %s: want %s, got %s\n", $1, $2, $3 }
		END {
			if (bad) print "hint: if a later s2twp step rewrote a correct value, add the identity row VALUE<TAB>VALUE to the table"
			printf "%d passed, %d failed\n", n - bad, bad + 0; exit bad > 0 }'
	;;
esac
