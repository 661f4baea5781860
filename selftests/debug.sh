#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# What only the project's debug kernel can tell, run last: the KUnit tests
# of the policy engine (lyncedge_kunit.ko), then whether kmemleak finds
# anything the whole suite left unreferenced. KASAN, UBSAN and lockdep
# report into the kernel log, which vm-run.sh reads. On Debian's kernels,
# which have neither KUnit nor kmemleak, it has nothing to report.
. ./lib.sh

KMEMLEAK=/sys/kernel/debug/kmemleak
KUNIT=/opt/lyncedge/lyncedge_kunit.ko
RESULTS=/sys/kernel/debug/kunit/lyncedge_policy/results

if [ ! -e $KMEMLEAK ]; then
	echo "# not the debug kernel: no KUnit, no kmemleak"
	ktap_finish
	exit
fi

check "debug: insmod lyncedge_kunit.ko runs its KUnit suite" /sbin/insmod $KUNIT
# Each test case as a result of its own (a parameterised case passes only
# if every parameter does); a skipped case is not a pass.
awk '/^    (not )?ok [0-9]+ / {
	line = $0
	sub(/^ +/, "", line)
	ok = line ~ /^ok / && line !~ /# SKIP/
	sub(/^(not )?ok [0-9]+ (- )?/, "", line)
	print (ok ? 0 : 1), line
     }' $RESULTS >/tmp/kunit.results
while read -r status name; do
	ktap "$status" "kunit: lyncedge_policy: $name"
done </tmp/kunit.results
check "debug: the KUnit suite ran its 18 cases" \
	[ "$(grep -c '^    \(not \)\{0,1\}ok [0-9]' $RESULTS)" -eq 18 ]
check "debug: the KUnit suite passed as a whole" grep -q '^ok 1 lyncedge_policy$' $RESULTS
check "debug: rmmod lyncedge_kunit" /sbin/rmmod lyncedge_kunit

# kmemleak reports only objects older than 5 s: wait that long after the
# last test (and its RCU callbacks), then scan twice.
sleep 6
echo scan >$KMEMLEAK
echo scan >$KMEMLEAK
# What start_kernel allocated (ACPI's caches, seen unreferenced only late
# in some boots) predates the module and every test: not theirs to answer.
awk '/^unreferenced object/ { flush(); rec = "" }
     { rec = rec $0 "\n" }
     function flush() { if (rec != "" && rec !~ /start_kernel/) printf "%s", rec }
     END { flush() }' $KMEMLEAK >/tmp/kmemleak
sed -n '1,200s/^/# /p' /tmp/kmemleak
check "debug: kmemleak finds nothing unreferenced after the whole suite" [ ! -s /tmp/kmemleak ]

ktap_finish
