#!/bin/bash
# Boot one Debian kernel under qemu (TCG: no KVM here) with the test
# initramfs and run MODE (check, demo or bench) inside it.
# usage: vm-run.sh KVER MODE LOG
# LYNCEDGE_TESTS (a comma-separated list of selftests/*.sh) runs only those
# in check mode: for working on one test, never in make check.
# Prints what the guest printed between its markers; exits non-zero when the
# guest did not finish, or when the kernel logged an oops, BUG or WARNING.
set -euo pipefail
kver=$1
mode=$2
log=$3
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/kernel-paths.sh"
. "$top/scripts/guest-log.sh"
kernel_paths "$kver"
initrd=$top/build/$kver/initramfs-$mode.cpio.gz

"$top/scripts/mkinitramfs.sh" "$kver" "$initrd"
# panic_on_warn and oops=panic end the run at the first splat; -no-reboot
# turns the panic's reboot into qemu exiting, and the missing end marker
# fails the run.
# The debug kernel runs several times slower (KASAN, lockdep) and KASAN's
# shadow takes an eighth of the memory.
if [ "$KDEBUG" = 1 ]; then
	limit=3600 mem=2048
else
	limit=900 mem=1024
fi
# The benchmarks count instructions: with -icount shift=0 the guest clock
# advances one nanosecond per instruction executed, on one CPU (with two the
# guest changes clocksource), so a time the guest measures is a path length,
# repeatable run to run. LYNCEDGE_BENCH (COUNT,ROUNDS,SCALES) goes to the guest.
if [ "$mode" = bench ]; then
	cpu="-accel tcg,thread=single -smp 1 -icount shift=0,align=off,sleep=off"
	limit=3000
else
	cpu="-accel tcg,thread=multi -smp 2"
fi
timeout $limit qemu-system-x86_64 -machine q35 $cpu -cpu max -m $mem \
	-display none -monitor none -serial stdio -no-reboot -nic none \
	-kernel "$KIMAGE" -initrd "$initrd" \
	-append "console=ttyS0 loglevel=1 panic=-1 oops=panic panic_on_warn=1 lyncedge.mode=$mode lyncedge.bench=${LYNCEDGE_BENCH:-} lyncedge.tests=${LYNCEDGE_TESTS:-}" \
	</dev/null >"$log" 2>&1 || true
tr -d '\r' <"$log" >"$log.tmp" && mv "$log.tmp" "$log"

sed -n '/^@@LYNCEDGE-BEGIN/,/^@@LYNCEDGE-END/{/^@@/d;p}' "$log"
guest_log_ok "vm-run: $kver" "$log"
