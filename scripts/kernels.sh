#!/bin/bash
# Print the versions of the Debian cloud kernels the suite runs on, oldest
# first: the machine's own that have both an image to boot and headers to
# build against, and those of other suites that fetch-kernel.sh unpacked
# (check.sh fetches them). --installed: the machine's own alone, for what
# runs on one kernel (make, the demo, the benchmark), which a fetch must not
# change. Versions change with every security update, so they are found,
# never written down.
set -euo pipefail
{
	for img in /boot/vmlinuz-*-cloud-amd64; do
		[ -e "$img" ] || continue
		v=${img#/boot/vmlinuz-}
		[ -d "/lib/modules/$v/build" ] && [ -d "/lib/modules/$v/kernel" ] && echo "$v"
	done
	for done in "${XDG_CACHE_HOME:-$HOME/.cache}"/lyncedge/kernel-*/.done; do
		[ -e "$done" ] && [ "${1:-}" != --installed ] || continue
		cat "$done"
	done
} | sort -V
