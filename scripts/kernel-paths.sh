# Sourced by the scripts that build for, or boot, one kernel: kernel_paths
# KVER sets KBUILD (the tree external modules build against), KIMAGE (what
# qemu boots) and KDEBUG (1 for the project's debug kernel, whose release
# ends in -lyncedge-debug, see debug-kernel.sh; 0 for Debian's).
kernel_paths() {
	if [[ $1 == *-lyncedge-debug ]]; then
		KBUILD=$("$(dirname "${BASH_SOURCE[0]}")/debug-kernel.sh")
		KIMAGE=$KBUILD/arch/x86/boot/bzImage
		KDEBUG=1
	else
		KBUILD=/lib/modules/$1/build
		KIMAGE=/boot/vmlinuz-$1
		KDEBUG=0
	fi
}
