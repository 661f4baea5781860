#!/bin/bash
# Build lyncedge.ko for one kernel in its own directory, so that builds for
# several kernels never share object files: build/KVER/lyncedge.ko.
# The build must be clean: W=1 with warnings as errors, and sparse (C=2),
# whose warnings do not stop make and so are caught here.
set -euo pipefail
kver=$1
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/kernel-paths.sh"
kernel_paths "$kver"
out=$top/build/$kver
rm -rf "$out/src"
mkdir -p "$out/src"
cp -r "$top/module" "$top/include" "$top/Kbuild" "$out/src/"
# module/Kbuild takes the module's version from it.
mkdir -p "$out/src/debian"
cp "$top/debian/changelog" "$out/src/debian/"
mkdir -p "$out/src/scripts/bench"
cp -r "$top/scripts/bench/hook" "$out/src/scripts/bench/"
log=$out/build.log
# A kernel of another suite builds in that suite's chroot, with the
# compiler it was built with: the sources go in, the objects come out.
if [ -n "$KCHROOT" ]; then
	inside=/tmp/lyncedge-build
	rm -rf "$KCHROOT$inside"
	mkdir -p "$KCHROOT$inside"
	cp -r "$out/src" "$KCHROOT$inside/"
	# objtool reads /proc: the chroot gets one, in a mount namespace of
	# its own that goes with the build.
	make=(unshare --mount --fork sh -c 'mount -t proc proc "$0/proc" && exec chroot "$0" "$@"'
		"$KCHROOT" make -C "$KBUILD" M="$inside/src")
else
	make=(make -C "$KBUILD" M="$out/src")
fi
if ! "${make[@]}" W=1 C=2 KCFLAGS=-Werror modules >"$log" 2>&1; then
	cat "$log" >&2
	exit 1
fi
if [ -n "$KCHROOT" ]; then
	rm -rf "$out/src"
	mv "$KCHROOT$inside/src" "$out/src"
fi
if grep -E 'warning:|error:' "$log" >&2; then
	echo "build-module: $kver: the build is not clean, see $log" >&2
	exit 1
fi
# A kernel that finds no usable sparse turns C=2 off with only a note.
if ! grep -q ' CHECK ' "$log"; then
	echo "build-module: $kver: sparse did not run, see $log" >&2
	exit 1
fi
cp "$out/src/module/lyncedge.ko" "$out/lyncedge.ko"
cp "$out/src/scripts/bench/hook/lyncedge_bench.ko" "$out/lyncedge_bench.ko"
# The KUnit tests exist only for a kernel with KUnit.
if [ -e "$out/src/module/lyncedge_kunit.ko" ]; then
	cp "$out/src/module/lyncedge_kunit.ko" "$out/lyncedge_kunit.ko"
fi
