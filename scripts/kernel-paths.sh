# Sourced by the scripts that build for, or boot, one kernel: kernel_paths
# KVER sets KBUILD (the tree external modules build against), KIMAGE (what
# qemu boots), KMODULES (that kernel's own modules), KCHROOT (the chroot
# to build in, whose compiler is the kernel's, or empty: the machine's)
# and KDEBUG (1 for the project's debug kernel, whose release ends in
# -lyncedge-debug, see debug-kernel.sh; 0 for Debian's). A Debian kernel is
# the machine's own or one fetch-kernel.sh unpacked into its suite's chroot.
kernel_paths() {
	local fetched
	KCHROOT=
	KDEBUG=0
	if [[ $1 == *-lyncedge-debug ]]; then
		KBUILD=$("$(dirname "${BASH_SOURCE[0]}")/debug-kernel.sh")
		KIMAGE=$KBUILD/arch/x86/boot/bzImage
		KMODULES=
		KDEBUG=1
	elif [ -e "/boot/vmlinuz-$1" ]; then
		KBUILD=/lib/modules/$1/build
		KIMAGE=/boot/vmlinuz-$1
		KMODULES=/lib/modules/$1
	else
		fetched=$(ls -d "${XDG_CACHE_HOME:-$HOME/.cache}/lyncedge/kernel-"*"-$1" 2>/dev/null | head -n 1)
		KCHROOT=$fetched
		KBUILD=/usr/src/linux-headers-$1
		# sid keeps the image beside the modules, older suites in /boot.
		KIMAGE=$fetched/boot/vmlinuz-$1
		[ -e "$KIMAGE" ] || KIMAGE=$fetched/usr/lib/modules/$1/vmlinuz
		KMODULES=$fetched/lib/modules/$1
	fi
}
