#!/bin/bash
# Build lyncedge.ko for one kernel in its own directory, so that builds for
# several kernels never share object files: build/KVER/lyncedge.ko.
# Warnings are errors here: the module must build clean with W=1.
set -euo pipefail
kver=$1
top=$(cd "$(dirname "$0")/.." && pwd)
out=$top/build/$kver
mkdir -p "$out/src"
cp -r "$top/module" "$top/include" "$top/Kbuild" "$out/src/"
make -s -C "/lib/modules/$kver/build" M="$out/src" W=1 ${C:+C=$C} \
	KCFLAGS=-Werror modules
cp "$out/src/module/lyncedge.ko" "$out/lyncedge.ko"
