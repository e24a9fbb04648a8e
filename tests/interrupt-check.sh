#!/usr/bin/env bash
# The output folder.  On a generated 2 000-file corpus (so that a build
# takes long enough to be stopped while it writes): builds killed with
# SIGKILL half-way leave the previous site byte-identical and the next build
# cleans up after them; SIGTERM and SIGINT stop a build, which removes its
# own folder; a hidden --out is cleaned as well; two builds of one --out
# take turns; --out is normalised, and an empty one is a usage error.
#
# A signal can also come after the build has swapped its site in (while it
# removes the previous one, or frees its memory): then --out is the new site,
# whole, which is as right; never a mix of the two.  Such a late signal is
# told apart by comparing with a build of the same content made elsewhere,
# and not counted as an interruption.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export STATUSGEN_TODAY=2026-11-01
tools/bench/mkcorpus 2000 "$tmp/c" >/dev/null
build() { gen/statusgen build --content "$tmp/c/content" --iana "$tmp/c/iana.xml" --constants "$tmp/c/constants" --out "${1:-$tmp/site}" 2>/dev/null; }
digest() { (cd "${1:-$tmp/site}" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum); }
# The digest of the whole site of the content as it is now, built elsewhere.
complete() { rm -rf "$tmp/whole" && build "$tmp/whole" && digest "$tmp/whole"; }
build
before=$(digest)
start=$(date +%s%N)
build
ms=$((($(date +%s%N) - start) / 1000000))
printf '\nChanged by the interrupt test.\n' >>"$tmp/c/content/404.md"
after=$(complete)
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
	now=$(digest)
	if [ $status -eq 137 ] && [ "$now" = "$before" ]; then
		killed=$((killed + 1)) # killed before its site was swapped in
	elif [ $status -eq 137 ] || [ $status -eq 0 ]; then
		# Killed after the swap, or a busy moment made it end first: the
		# new site, whole, which the next kills must leave as it is.
		[ "$now" = "$after" ] || { echo "the site changed after a build was killed"; exit 1; }
		before=$now
	else
		echo "a build ended with status $status"
		exit 1
	fi
done
[ $killed -gt 0 ] || { echo "no build could be interrupted (each took $ms ms)"; exit 1; }
build
[ "$(digest)" != "$orig" ] || { echo "the build after the interruptions did not write the change"; exit 1; }
if ls -d "$tmp"/site.new-* >/dev/null 2>&1; then
	echo "a temporary folder of an interrupted build was left behind:"
	ls -la "$tmp"/site.new-*
	exit 1
fi

# SIGTERM and SIGINT: the build stops, removes its own folder at once and
# ends as the signal would; the site is unchanged.
before=$(digest)
printf '\nChanged again.\n' >>"$tmp/c/content/404.md"
after=$(complete)
stopped=0
for sig in TERM INT TERM INT; do
	gen/statusgen build --content "$tmp/c/content" --iana "$tmp/c/iana.xml" --constants "$tmp/c/constants" --out "$tmp/site" 2>"$tmp/err" &
	pid=$!
	sleep "$(awk -v ms="$ms" 'BEGIN { printf "%.3f", ms * 3 / 8 / 1000 }')"
	kill -"$sig" "$pid" 2>/dev/null || true
	rc=0
	wait "$pid" || rc=$?
	now=$(digest)
	if [ "$now" = "$before" ]; then
		if ls -d "$tmp"/site.new-* >/dev/null 2>&1; then
			echo "SIG$sig left the build folder behind"
			exit 1
		fi
		[ $rc -gt 128 ] && stopped=$((stopped + 1))
	else
		# After the swap: the new site whole (what the signal left of the
		# previous one, the next build removes: checked below).
		[ "$now" = "$after" ] || { echo "the site changed after SIG$sig"; exit 1; }
		before=$now
	fi
done
build
if ls -d "$tmp"/site.new-* >/dev/null 2>&1; then
	echo "a build left behind what a stopped build had left"
	exit 1
fi
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

echo "interrupt: $killed builds killed while writing, $stopped stopped by SIGTERM or SIGINT, the site unchanged each time (a signal after the swap: the new site, whole); what killed builds leave beside a hidden --out cleaned; two builds at once take turns"
