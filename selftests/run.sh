#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Every selftest, in order: load.sh needs a fresh boot without the module,
# lifecycle.sh ends by unloading it, debug.sh's kmemleak scan comes last.
# lyncedge.tests=A.sh,B.sh on the kernel command line runs those alone (vm-run.sh).
rc=0
tests="load.sh netlink.sh sanitizers.sh policy.sh conf.sh counters.sh outputs.sh monitor.sh
	gateway.sh export.sh roles.sh confirm.sh churn.sh fuzz.sh lifecycle.sh debug.sh"
only=$(sed -n 's/.*lyncedge\.tests=\([^ ]*\).*/\1/p' /proc/cmdline | tr , ' ')
for t in ${only:-$tests}; do
	echo "# selftest: $t"
	start=$(cut -d' ' -f1 /proc/uptime)
	sh "./$t" || rc=1
	echo "# selftest: $t took $(awk -v s="$start" '{ printf "%d", $1 - s }' /proc/uptime) s"
done
exit $rc
