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
if ! make -C "$KBUILD" M="$out/src" W=1 C=2 KCFLAGS=-Werror modules \
	>"$log" 2>&1; then
	cat "$log" >&2
	exit 1
fi
if grep -E 'warning:|error:' "$log" >&2; then
	echo "build-module: $kver: the build is not clean, see $log" >&2
	exit 1
fi
cp "$out/src/module/lyncedge.ko" "$out/lyncedge.ko"
cp "$out/src/scripts/bench/hook/lyncedge_bench.ko" "$out/lyncedge_bench.ko"
# The KUnit tests exist only for a kernel with KUnit.
if [ -e "$out/src/module/lyncedge_kunit.ko" ]; then
	cp "$out/src/module/lyncedge_kunit.ko" "$out/lyncedge_kunit.ko"
fi
