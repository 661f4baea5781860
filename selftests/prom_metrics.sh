# SPDX-License-Identifier: GPL-2.0
# Sourced by the build host's tests of the Prometheus files (alerts.sh,
# dashboard.sh); bash, not for the VM's busybox tests.

# prom_unknown: the lyncedge_ metrics the PromQL on standard input reads that
# `show --prometheus` does not print (show_prom.c names each one in quotes),
# one a line.
prom_unknown() {
	comm -13 <(grep -o '"lyncedge_[a-z_]*"' ../userspace/show_prom.c | tr -d '"' | sort -u) \
		<(grep -o 'lyncedge_[a-z_]*' | sort -u)
}
