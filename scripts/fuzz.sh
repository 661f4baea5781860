#!/bin/bash
# Every libFuzzer target of userspace/fuzz (conf: configuration files; args:
# the command line; replies: the kernel's answers; roundtrip: statements as
# typed, through showconf and setconf): first its seeds and its
# regression inputs (each a crash once found, kept so it stays fixed), then
# SECONDS of fuzzing from the seeds. New inputs go to build/fuzz, never into
# the repository. Prints KTAP; exits non-zero when a target crashed, leaked,
# hung, or did not build.
# usage: fuzz.sh [SECONDS]
set -uo pipefail
shopt -s nullglob
secs=${1:-60}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
# The selftests' KTAP helpers (ktap, ktap_finish); its VM paths go unused.
. selftests/lib.sh

make -s fuzzers
ktap $? "fuzz: the targets build (clang, -fsanitize=fuzzer,address,undefined)"
for t in conf args replies roundtrip; do
	bin=build/fuzz/fuzz_$t
	[ -x "$bin" ] || { ktap 1 "fuzz: $t: no target"; continue; }
	seeds=(userspace/fuzz/corpus/$t/*)
	regress=(userspace/fuzz/regress/$t/*)
	"$bin" -close_fd_mask=3 "${seeds[@]}" "${regress[@]}" >"build/fuzz/$t-replay.log" 2>&1
	status=$?
	[ $status -eq 0 ] || grep -E 'ERROR|SUMMARY|Running' "build/fuzz/$t-replay.log" | sed 's/^/# /'
	ktap $status "fuzz: $t: its ${#seeds[@]} seeds and ${#regress[@]} regression inputs run clean"

	work=build/fuzz/corpus-$t
	rm -rf "$work"
	mkdir -p "$work"
	"$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -close_fd_mask=3 \
		-print_final_stats=1 -artifact_prefix="build/fuzz/$t-" "$work" \
		"userspace/fuzz/corpus/$t" >"build/fuzz/$t.log" 2>&1
	status=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "build/fuzz/$t.log")
	echo "# fuzz: $t: ${execs:-no} executions in $secs s, corpus $(ls "$work" | wc -l) inputs"
	[ $status -eq 0 ] || grep -E 'ERROR|SUMMARY|artifact|runtime error' "build/fuzz/$t.log" |
		sed 's/^/# /'
	ktap $status "fuzz: $t: $secs s of libFuzzer with ASan, UBSan and LSan: no crash, leak or hang"
done
ktap_finish
