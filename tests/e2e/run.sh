#!/usr/bin/env bash
# End-to-end golden tests: tests/e2e/<case>/ holds a small content/ and what
# statusgen must do with it:
#   args             the command line after `statusgen` (default: build)
#   iana.xml         the snapshot to use (default: ../iana-small.xml)
#   templates/       the templates to use (default: the project's, unless args
#                    gives --templates)
#   constants/       the libraries' lists of names (default: the project's)
#   before/          a previous site, copied to out/ before the run
#   expected.status  the exit status
#   expected.stderr  the diagnostics, byte for byte
#   expected/        files the output must contain, byte for byte
#   unchanged        (empty file) out/ must still equal before/ after the run
#   today            the date the run takes as today (default 2026-11-01)
#   fsize            the largest file the run may write, in KiB (ulimit -f):
#                    a disk that fills up
#   setup            a script run in the case folder first, for inputs too large
#                    or too odd to commit; what it makes is removed afterwards
# Every case runs twice, on one thread and on four, and both runs must give
# the golden output.  Every case runs; each failure prints a diff; the last
# line counts them.
#   tests/e2e/run.sh [--update] [CASE…]
set -u
cd "$(dirname "$0")" || exit 2
export LC_ALL=C.UTF-8 TZ=UTC
# No conversion cache (zhconv.c): every case runs OpenCC, as on a new machine.
export STATUSGEN_CACHE=
gen=${STATUSGEN:-../../../gen/statusgen}
update=0
if [ "${1:-}" = --update ]; then
	update=1
	shift
fi
cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
	for d in */; do cases+=("${d%/}"); done
fi

# Runs case $1 with STATUSGEN_JOBS=$2; returns 0 when it gave the golden output.
run_case() (
	c=$1 jobs=$2
	cd "$c" || exit 1
	if [ ! -d content ]; then
		echo "$c: no content/ folder"
		exit 1
	fi
	rm -rf out out.new-* out.lock
	[ -d before ] && cp -a before out
	args=build
	[ -f args ] && args=$(cat args)
	export STATUSGEN_TODAY=2026-11-01 STATUSGEN_JOBS=$jobs
	[ -f today ] && STATUSGEN_TODAY=$(cat today)
	made=""
	if [ -x setup ]; then
		made=$(./setup) || {
			echo "$c: setup failed"
			exit 1
		}
	fi
	iana=../iana-small.xml
	[ -f iana.xml ] && iana=iana.xml
	extra=(--iana "$iana")
	tmpl=../../../templates
	[ -d templates ] && tmpl=templates
	consts=../../../data/constants
	[ -d constants ] && consts=constants
	case "$args" in build* | check*) extra+=(--constants "$consts") ;; esac
	case "$args" in build*) extra+=(--opencc ../../../data/opencc --out out) ;; esac
	case "$args" in build*--templates*) ;; build*) extra+=(--templates "$tmpl") ;; esac
	(
		if [ -f fsize ]; then
			trap '' XFSZ # a write past the limit fails with EFBIG instead
			ulimit -f "$(cat fsize)"
		fi
		# shellcheck disable=SC2086 # args holds several words
		# A case that hangs fails (exit 124) instead of stopping the suite.
		exec timeout 60 $gen $args --content content "${extra[@]}"
	) 2>actual.stderr
	echo $? >actual.status
	ok=1
	if [ $update = 1 ] && [ "$jobs" = 1 ]; then
		cp actual.status expected.status
		cp actual.stderr expected.stderr
		if [ -d expected ]; then
			(cd expected && find . -type f) | while read -r f; do cp "out/$f" "expected/$f"; done
		fi
	fi
	diff -u expected.status actual.status || ok=0
	diff -u expected.stderr actual.stderr || ok=0
	if [ -d expected ]; then
		while read -r f; do
			diff -u "expected/$f" "out/$f" || ok=0
		done < <(cd expected && find . -type f | sort)
	fi
	if [ -f unchanged ]; then
		diff -r before out || {
			echo "$c: out/ changed although the build failed"
			ok=0
		}
	fi
	if ls -d out.new-* >/dev/null 2>&1; then
		echo "$c: a temporary build folder was left behind"
		ok=0
	fi
	# shellcheck disable=SC2086 # one word per file the setup made
	rm -rf out out.lock actual.status actual.stderr $made
	[ $ok = 1 ]
)

pass=0 fail=0
for c in "${cases[@]}"; do
	if run_case "$c" 1 && run_case "$c" 4; then
		pass=$((pass + 1))
		echo "PASS $c"
	else
		fail=$((fail + 1))
		echo "FAIL $c"
	fi
done
echo "e2e: $pass passed, $fail failed"
[ $fail = 0 ]
