#!/usr/bin/env bash
# An interrupted build leaves the previous site byte-identical, and the next
# build cleans up after it: on a generated 2 000-file corpus (so that the
# build takes long enough to be killed while it writes), a build is killed
# with SIGKILL half-way, the old site is compared file by file, then a new
# build succeeds and leaves no temporary folder behind.
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
for delay in 2 3 4 6; do
	# Kill at delay/8 of a build's time: somewhere while it renders and writes.
	gen/statusgen build --content "$tmp/c/content" --iana "$tmp/c/iana.xml" --constants "$tmp/c/constants" --out "$tmp/site" 2>/dev/null &
	pid=$!
	sleep "$(awk -v ms="$ms" -v d="$delay" 'BEGIN { printf "%.3f", ms * d / 8 / 1000 }')"
	if kill -KILL "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
	wait "$pid" 2>/dev/null || true
	[ "$(digest)" = "$before" ] || { echo "the site changed after a build was killed"; exit 1; }
done
[ $killed -gt 0 ] || { echo "no build could be interrupted (each took $ms ms)"; exit 1; }
build
[ "$(digest)" != "$before" ] || { echo "the build after the interruptions did not write the change"; exit 1; }
if ls -d "$tmp"/site.new-* >/dev/null 2>&1; then
	echo "a temporary folder of an interrupted build was left behind"
	exit 1
fi
echo "interrupt: $killed builds killed while writing, the site unchanged each time"
