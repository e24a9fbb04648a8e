#!/usr/bin/env bash
# Runs each libFuzzer target for a bounded time from its seed corpus.
#   tests/fuzz/run.sh BUILD_DIR SECONDS TARGET...
# New inputs go to BUILD_DIR/corpus-TARGET, crashes to BUILD_DIR/crash-TARGET-*;
# the seeds in tests/fuzz/seeds/ and the dictionaries in tests/fuzz/dict/ (the
# tokens of hostile input: deep nesting, control characters, entity-encoded
# newlines) are only read.
set -u
build=$1 secs=$2
shift 2
cd "$(dirname "$0")/../.."
pass=0 fail=0
for t in "$@"; do
	name=${t#fuzz_}
	work=$build/corpus-$t
	mkdir -p "$work"
	dict=()
	[ -f "tests/fuzz/dict/$name.dict" ] && dict=(-dict="tests/fuzz/dict/$name.dict")
	"$build/$t" -max_total_time="$secs" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
		"${dict[@]}" -artifact_prefix="$build/crash-$t-" "$work" "tests/fuzz/seeds/$name" \
		>"$build/$t.log" 2>&1
	rc=$?
	execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$build/$t.log" | grep -o '[0-9]*$')
	cov=$(grep -o 'cov: [0-9]*' "$build/$t.log" | tail -1)
	if [ $rc = 0 ]; then
		pass=$((pass + 1))
		echo "PASS $t: ${execs:-?} runs in ${secs}s, $cov, corpus $(ls "$work" | wc -l) inputs"
	else
		fail=$((fail + 1))
		echo "FAIL $t (exit $rc): see $build/$t.log"
		grep -E -A20 'ERROR:|SUMMARY:' "$build/$t.log" | head -40
	fi
done
echo "fuzz: $pass passed, $fail failed"
[ $fail = 0 ]
