#!/bin/bash
# Print the versions of the installed Debian cloud kernels that have both an
# image to boot and headers to build against, oldest first. Versions change
# with every security update, so they are found, never written down.
set -euo pipefail
for img in /boot/vmlinuz-*-cloud-amd64; do
	[ -e "$img" ] || continue
	v=${img#/boot/vmlinuz-}
	[ -d "/lib/modules/$v/build" ] && [ -d "/lib/modules/$v/kernel" ] && echo "$v"
done | sort -V
