#!/usr/bin/env bash
# The output folder.  On a generated 2 000-file corpus (so that a build
# takes long enough to be stopped while it writes): builds killed with
# SIGKILL half-way leave the previous site byte-identical and the next build
# cleans up after them; SIGTERM and SIGINT stop a build, which removes its
# own folder; a hidden --out is cleaned as well; two builds of one --out
# take turns; --out is normalised, and an empty one is a usage error.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export STATUSGEN_TODAY=2026-11-01
tools/bench/mkcorpus 2000 "$tmp/c" >/dev/null
build() { gen/statusgen build --content "$tmp/c/content" --iana "$tmp/c/iana.xml" --constants "$tmp/c/constants" --out "$tmp/site" 2>/dev/null; }
digest() { (cd "$tmp/site" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum); }
build
before=$(digest)
start=$(date +%s%N)
build
ms=$((($(date +%s%N) - start) / 1000000))
printf '\nChanged by the interrupt test.\n' >>"$tmp/c/content/404.md"
killed=0
orig=$before
for delay in 2 3 4 6; do
	# Kill at delay/8 of a build's time: somewhere while it renders and writes.
	gen/statusgen build --content "$tmp/c/content" --iana "$tmp/c/iana.xml" --constants "$tmp/c/constants" --out "$tmp/site" 2>/dev/null &
	pid=$!
	sleep "$(awk -v ms="$ms" -v d="$delay" 'BEGIN { printf "%.3f", ms * d / 8 / 1000 }')"
	kill -KILL "$pid" 2>/dev/null || true
	status=0
	wait "$pid" 2>/dev/null || status=$?
	if [ $status -eq 137 ]; then
		killed=$((killed + 1))
		[ "$(digest)" = "$before" ] || { echo "the site changed after a build was killed"; exit 1; }
	else
		# A busy moment made this build end before the kill came: it wrote
		# the new site whole, which the next kills must leave as it is.
		[ $status -eq 0 ] || { echo "a build ended with status $status"; exit 1; }
		before=$(digest)
	fi
done
[ $killed -gt 0 ] || { echo "no build could be interrupted (each took $ms ms)"; exit 1; }
build
[ "$(digest)" != "$orig" ] || { echo "the build after the interruptions did not write the change"; exit 1; }
if ls -d "$tmp"/site.new-* >/dev/null 2>&1; then
	echo "a temporary folder of an interrupted build was left behind"
	exit 1
fi

# SIGTERM and SIGINT: the build stops, removes its own folder at once and
# ends as the signal would; the site is unchanged.
before=$(digest)
printf '\nChanged again.\n' >>"$tmp/c/content/404.md"
stopped=0
for sig in TERM INT TERM INT; do
	gen/statusgen build --content "$tmp/c/content" --iana "$tmp/c/iana.xml" --constants "$tmp/c/constants" --out "$tmp/site" 2>"$tmp/err" &
	pid=$!
	sleep "$(awk -v ms="$ms" 'BEGIN { printf "%.3f", ms * 5 / 8 / 1000 }')"
	kill -"$sig" "$pid" 2>/dev/null || true
	rc=0
	wait "$pid" || rc=$?
	[ "$(digest)" = "$before" ] || { echo "the site changed after SIG$sig"; exit 1; }
	if ls -d "$tmp"/site.new-* >/dev/null 2>&1; then
		echo "SIG$sig left the build folder behind"
		exit 1
	fi
	[ $rc -gt 128 ] && stopped=$((stopped + 1))
done
[ $stopped -gt 0 ] || { echo "no build was stopped by a signal"; exit 1; }

# What a killed build leaves beside a hidden --out (a build folder, or the
# previous site swap_in had moved aside), marked as ours, is removed by the
# next build; a folder of the same shape without the mark is left alone.
hidden=$tmp/.site
for left in .site.new-Ab12Cd .site.new-Ef34Gh.old; do
	mkdir -p "$tmp/$left/en"
	: >"$tmp/$left/.statusgen"
	: >"$tmp/$left/en/404.html"
done
mkdir "$tmp/.site.new-Zz99Yy"
gen/statusgen build --content "$tmp/c/content" --iana "$tmp/c/iana.xml" --constants "$tmp/c/constants" --out "$hidden/" 2>/dev/null
for left in .site.new-Ab12Cd .site.new-Ef34Gh.old; do
	[ ! -e "$tmp/$left" ] || { echo "a build left $left beside a hidden --out"; exit 1; }
done
[ -d "$tmp/.site.new-Zz99Yy" ] || { echo "a build removed a folder without statusgen's mark"; exit 1; }

# Two builds of one --out at once: they take turns, both succeed, and the
# site is whole.
rm -rf "$tmp/site"
build &
p1=$!
build &
p2=$!
wait $p1 || { echo "the first of two builds at once failed"; exit 1; }
wait $p2 || { echo "the second of two builds at once failed"; exit 1; }
[ -f "$tmp/site/.statusgen" ] || { echo "two builds at once left a site without its mark"; exit 1; }
n=$(find "$tmp/site" -type f | wc -l)
build
[ "$n" = "$(find "$tmp/site" -type f | wc -l)" ] || { echo "two builds at once left an incomplete site"; exit 1; }

# --out with a trailing slash is the same folder; an empty one or '.' is a
# usage error (exit 2) that touches nothing.
gen/statusgen build --content "$tmp/c/content" --iana "$tmp/c/iana.xml" --constants "$tmp/c/constants" --out "$tmp/slash//" 2>/dev/null
[ -f "$tmp/slash/.statusgen" ] || { echo "--out DIR/ did not build DIR"; exit 1; }
for bad in '' . .. / "$tmp/slash/.."; do
	rc=0
	(cd "$tmp" && "$OLDPWD/gen/statusgen" build --content c/content --iana c/iana.xml --constants c/constants --out "$bad" 2>"$tmp/err") || rc=$?
	[ $rc = 2 ] || { echo "--out '$bad': exit status $rc, not 2"; exit 1; }
	[ "$(wc -l <"$tmp/err")" = 1 ] || { echo "--out '$bad': not one line:"; cat "$tmp/err"; exit 1; }
done

echo "interrupt: $killed builds killed while writing, $stopped stopped by SIGTERM or SIGINT, the site unchanged each time; what killed builds leave beside a hidden --out cleaned; two builds at once take turns"
