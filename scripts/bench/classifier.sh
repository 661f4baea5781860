#!/bin/bash
# Instructions per lookup of the module's classifier, lyncedge_policy_lookup(),
# counted by callgrind in a host build of module/compile.c, editions.c and policy.c
# (see scripts/bench/classifier/classifier.c), for the built-in policy and
# for it with 1,000 custom port ranges on one portset.
#
# Per configuration: one native run for lookups/s (for the record only), and
# two callgrind runs, each collecting the program's loop (bench_loop) alone.
# Raw: per lookup, the loop's own instructions (tuple load, arguments,
# indirect call, sum) and lookup_one()'s, which is the inline
# lyncedge_policy_lookup() as the hooks have it. Loop: the same loop calling
# a function that only returns 0. Net = raw - loop: the lookup's
# instructions beyond such a call. Setup is in neither: compiling and
# checking run outside the loop, and its prologue is once per run.
# Counted here, not in the kernel, where the hooks' code around it differs
# (an ftrace nop and an endbr64 per function, the kernel's own popcount).
# usage: LOOKUPS=N classifier.sh  (N lookups per run, default 1,000,000)
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
lookups=${LOOKUPS:-1000000}
if ! [[ $lookups =~ ^[1-9][0-9]*$ ]]; then
	echo "classifier.sh: LOOKUPS must be a positive integer, not '$lookups'" >&2
	exit 2
fi
src=scripts/bench/classifier
out=build/bench
bin=$out/classifier
mkdir -p "$out"

# As the kernel compiles the module: gnu11, -O2, no strict aliasing; popcnt
# because the kernel patches it in for hweight_long() (see the shim). -g
# only for callgrind_annotate's per-line costs.
gcc -std=gnu11 -O2 -mpopcnt -fno-strict-aliasing -g -Wall -Wextra -Werror \
	-I"$src/shim" -iquote module -o "$bin" \
	"$src/classifier.c" module/compile.c module/editions.c module/policy.c

# The Ir callgrind collected in bench_loop in a run of configuration $1,
# calling the lookup, or with "empty" the function that does nothing.
# Called in $(...), where set -e does not hold: fail explicitly, since
# callgrind writes its totals even when the checks failed.
instructions() { # CONFIG lookup|empty
	local file=$out/callgrind.$1.$2.out

	valgrind --tool=callgrind --toggle-collect=bench_loop --callgrind-out-file="$file" \
		-q "$bin" "$1" "$lookups" $([ "$2" = empty ] && echo empty) >/dev/null || return 1
	awk '/^totals:/ { print $2; found = 1 } END { exit !found }' "$file"
}

for config in builtin ranges1000; do
	rate=$("$bin" "$config" "$lookups" | sed -n 's/.*, \([0-9]*\) lookups\/s$/\1/p')
	[ -n "$rate" ]
	raw=$(instructions "$config" lookup)
	empty=$(instructions "$config" empty)
	awk -v c="$config" -v raw="$raw" -v empty="$empty" -v n="$lookups" -v rate="$rate" \
		'BEGIN { printf "classifier %s: %.1f instructions per lookup (callgrind), %.1f net of the loop'"'"'s %.1f, %s lookups, %s lookups/s\n",
			c, raw / n, (raw - empty) / n, empty / n, n, rate }'
done
"$bin" sizes
echo "per line: callgrind_annotate --auto=yes $out/callgrind.CONFIG.lookup.out"
