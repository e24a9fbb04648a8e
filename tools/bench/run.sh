#!/usr/bin/env bash
# tools/bench/run.sh — `make bench`: statusgen against Hugo and against the
# floor (cmark over all the Markdown in one process, plus copying every output
# byte), on generated corpora of N content files.
#
#   BENCH_SIZES="200 2000 20000"  corpus sizes (N content files each)
#   BENCH_RUNS=5                  timed runs of each tool per size
#   BENCH_DIR=/tmp/...            work folder (corpora and outputs), removed at the end
#   BENCH_KEEP=1                  keep the work folder
#   BENCH_STRICT=1                exit 1 when a target is missed (otherwise only reported)
#   BENCH_SETTLE=360              seconds to wait before the first run (after deleting many
#                                 files; see "real content" below)
#
# For each N the corpus is generated once (tools/bench/mkcorpus, with an IANA
# snapshot made to match it) and checked with `statusgen check`; then the runs
# are interleaved — statusgen build, hugo, cmark, copy, in an order that
# rotates from run to run — each into a fresh output folder (on ext4, creating
# files soon after deleting many is slow for every tool, so nothing is deleted
# until the end), after a `sync` so that no run pays for an earlier one's
# writeback.  Wall time is taken by the shell around /usr/bin/time, which
# gives the peak memory (max RSS) and the CPU time.
if [ -z "${EPOCHREALTIME:-}" ]; then
	echo "bench: needs bash 5 or later (EPOCHREALTIME)" >&2
	exit 2
fi
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
sizes=${BENCH_SIZES:-"200 2000 20000"}
runs=${BENCH_RUNS:-5}
work=${BENCH_DIR:-${TMPDIR:-/tmp}/statusgen-bench.$$}
sg=$root/gen/statusgen
mkcorpus=$here/mkcorpus

case $runs in '' | *[!0-9]* | 0) echo "bench: BENCH_RUNS must be a positive number" >&2; exit 2 ;; esac
for n in $sizes; do
	case $n in '' | *[!0-9]* | 0) echo "bench: BENCH_SIZES: '$n' is not a positive number" >&2; exit 2 ;; esac
done

# ------------------------------------------------------------------ tools
missing=""
command -v hugo >/dev/null 2>&1 || missing="$missing hugo"
command -v cmark >/dev/null 2>&1 || missing="$missing cmark"
[ -x /usr/bin/time ] || missing="$missing time"
command -v cc >/dev/null 2>&1 || missing="$missing gcc"
if [ -n "$missing" ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "bench: installing$missing"
		apt-get update -qq
		# shellcheck disable=SC2086 # one word per package
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
	else
		echo "bench: missing packages; run:"
		echo "  sudo apt-get install$missing"
		exit 1
	fi
fi
if [ ! -x "$sg" ]; then
	make -s -C "$root" gen/statusgen
fi
if [ ! -x "$mkcorpus" ] || [ "$here/mkcorpus.c" -nt "$mkcorpus" ]; then
	cc -O2 -o "$mkcorpus" "$here/mkcorpus.c"
fi

mkdir -p "$work"
work=$(cd "$work" && pwd)
if [ "${BENCH_KEEP:-0}" = 1 ]; then
	trap 'echo "bench: kept $work"' EXIT
else
	trap 'rm -rf "$work"' EXIT
fi
results=$work/results
: >"$results"

# Every run uses the same statusgen and templates, even if gen/ is rebuilt meanwhile.
cp "$sg" "$work/statusgen"
cp -R "$root/templates" "$work/templates"
sg=$work/statusgen
templates=$work/templates

# timed N TOOL STDOUT CMD... — runs CMD once, appends "N TOOL run wall rss_kb cpu" to results.
timed() {
	local n=$1 tool=$2 run=$3 out=$4 t0 t1 rss u s
	shift 4
	sync # start every run with no dirty pages: earlier runs' writeback is not charged to it
	t0=$EPOCHREALTIME
	if ! /usr/bin/time -f '%M %U %S' -o "$work/time.txt" "$@" >"$out" 2>"$work/stderr.txt"; then
		t1=$EPOCHREALTIME
		echo "bench: N=$n $tool failed: $*" >&2
		tail -n 20 "$work/stderr.txt" >&2
		exit 1
	fi
	t1=$EPOCHREALTIME
	read -r rss u s <"$work/time.txt"
	echo "$n $tool $run $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }') $rss \
$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')" >>"$results"
}

echo "bench: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); $("$sg" --version 2>&1 | head -n1)" \
	"($(sha256sum "$sg" | cut -c1-12)); $(hugo version | cut -d' ' -f1-2); cmark $(cmark --version | head -n1 | awk '{print $2}')"
echo "bench: sizes $sizes; $runs runs each; work folder $work"

if [ "${BENCH_SETTLE:-0}" != 0 ]; then
	echo "bench: waiting ${BENCH_SETTLE} s for the file system to settle (see BENCH_SETTLE)"
	sync
	sleep "$BENCH_SETTLE"
fi

# ------------------------------------------------------------------ corpora
for n in $sizes; do
	c=$work/n$n
	o=$work/out-$n
	mkdir -p "$o"
	t0=$EPOCHREALTIME
	"$mkcorpus" "$n" "$c"
	cp -R "$here/hugo/." "$c/"                           # Hugo's site: config and layouts,
	mkdir -p "$c/static" && cp "$root/templates/style.css" "$c/static/"   # and our stylesheet
	echo "bench: N=$n: corpus of $(find "$c/content" -maxdepth 1 -name '*.md' | wc -l) files," \
		"$(du -sk "$c/content" | cut -f1) KB written in" \
		"$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f s", b - a }')"

	# The corpus must pass the real checks, against its own snapshot (but
	# the phrase table's: its rows are for the project's content, not this
	# corpus's, so the check is given an OpenCC folder without one).
	mkdir -p "$work/no-phrase-table"
	if ! "$sg" check --content "$c/content" --iana "$c/iana.xml" --constants "$c/constants" \
		--opencc "$work/no-phrase-table" 2>"$work/check.txt" ||
		grep -q -E ': (error|warning): ' "$work/check.txt"; then
		echo "bench: N=$n: statusgen check fails on the generated corpus:" >&2
		grep -v ': note: ' "$work/check.txt" | head -n 20 >&2
		exit 1
	fi
	echo "bench: N=$n: statusgen check passes ($(grep -c ': note: ' "$work/check.txt") notes:" \
		"vendor meanings of IANA-assigned numbers)"

	sg_build() { timed "$n" statusgen "$1" /dev/null "$sg" build --content "$c/content" --iana "$c/iana.xml" --constants "$c/constants" \
		--templates "$templates" --out "$o/statusgen-$1"; }
	hugo_build() { timed "$n" hugo "$1" /dev/null hugo --quiet --noBuildLock --source "$c" \
		--cacheDir "$work/hugo-cache" --destination "$o/hugo-$1"; }
	cmark_all() {
		mkdir "$o/cmark-$1"
		cd "$c/bodies"
		timed "$n" cmark "$1" "$o/cmark-$1/all.html" cmark ./*.md
		cd "$root"
	}
	copy_out() { timed "$n" copy "$1" /dev/null cp -R "$o/statusgen-0" "$o/copy-$1"; }

	# Untimed warm-up; statusgen's output is what the copy runs copy.
	sg_build 0
	cmark_all 0
	for run in $(seq 1 "$runs"); do
		case $((run % 4)) in
		1) sg_build "$run"; hugo_build "$run"; cmark_all "$run"; copy_out "$run" ;;
		2) hugo_build "$run"; cmark_all "$run"; copy_out "$run"; sg_build "$run" ;;
		3) cmark_all "$run"; copy_out "$run"; sg_build "$run"; hugo_build "$run" ;;
		0) copy_out "$run"; sg_build "$run"; hugo_build "$run"; cmark_all "$run" ;;
		esac
		echo "bench: N=$n: run $run/$runs done"
	done
	echo "bench: N=$n: statusgen wrote $(find "$o/statusgen-1" -type f | wc -l) files," \
		"$(du -sk "$o/statusgen-1" | cut -f1) KB; hugo $(find "$o/hugo-1" -type f | wc -l) files," \
		"$(du -sk "$o/hugo-1" | cut -f1) KB"
done

# ------------------------------------------------------------------ real content
# Last, minutes after anything was deleted: on ext4 without a journal (this
# project's machine), creating a file skips, one by one, the inodes deleted
# in the last 60 s (360 s when their inode table is being written), so just
# after a test run or an earlier bench has deleted thousands of files every
# build is slower, and statusgen's 560-file site most of all (measured: the
# real build 0.13 s settled, 0.20-0.27 s right after such deletions).  The
# corpora above take that long; with small BENCH_SIZES only, set
# BENCH_SETTLE.
cd "$root"
mkdir -p "$work/real"
for run in $(seq 0 "$runs"); do
	timed real statusgen "$run" /dev/null "$sg" build --templates "$templates" --out "$work/real/out-$run"
done

# ------------------------------------------------------------------ report
# The floor of a run is that run's cmark time plus its copy time.
awk '$3 != 0' "$results" | awk '
	{ key = $1 " " $3; if ($2 == "cmark" || $2 == "copy") { fw[key] += $4; fm[key] = fm[key] > $5 ? fm[key] : $5; fc[key] += $6; nf[key]++ } }
	{ print }
	END { for (k in fw) if (nf[k] == 2) { split(k, a, " "); print a[1], "floor", a[2], fw[k], fm[k], fc[k] } }
' >"$work/all.txt"

echo "bench: load average at the end $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine shows as spread)"
rc=0
awk -v sizes="real $sizes" -v strict="${BENCH_STRICT:-0}" -f "$here/report.awk" "$work/all.txt" || rc=$?
[ "${BENCH_KEEP:-0}" = 1 ] || echo "bench: removing $work"
exit "$rc"
