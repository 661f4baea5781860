# SPDX-License-Identifier: GPL-2.0
# Sourced by the scripts that boot a guest (vm-run.sh, boot-test.sh), by
# check.sh and, in the boot test's guest, by selftests/boot/boot.sh: what in a
# kernel's log is a splat, and whether the guest finished.

LYNCEDGE_SPLAT='Oops|BUG:|WARNING:|UBSAN:|Kernel panic|Call Trace|general protection'

# guest_log_ok WHO LOG: the guest wrote its end marker and its kernel logged
# no splat; otherwise says which, as WHO, and fails.
guest_log_ok() {
	if ! grep -q '^@@LYNCEDGE-END' "$2"; then
		echo "$1: the guest did not finish, see $2" >&2
		return 1
	fi
	if grep -Eq "$LYNCEDGE_SPLAT" "$2"; then
		echo "$1: the kernel logged a splat, see $2" >&2
		return 1
	fi
}
