#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Every selftest, in order: load.sh needs a fresh boot without the module,
# lifecycle.sh ends by unloading it, debug.sh's kmemleak scan comes last.
rc=0
for t in load.sh netlink.sh sanitizers.sh policy.sh conf.sh counters.sh outputs.sh monitor.sh \
	gateway.sh export.sh roles.sh churn.sh fuzz.sh lifecycle.sh debug.sh; do
	echo "# selftest: $t"
	sh "./$t" || rc=1
done
exit $rc
