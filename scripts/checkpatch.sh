#!/bin/bash
# checkpatch.pl --strict over the kernel sources. checkpatch comes from
# Debian's linux-source-6.1: the few files it needs are extracted once into
# a cache outside the checkout.
# usage: checkpatch.sh [FILE...]   (default: every kernel source file)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cache=${XDG_CACHE_HOME:-$HOME/.cache}/lyncedge/checkpatch
tarball=$(ls /usr/src/linux-source-6.1.tar.* | head -n 1)

if [ ! -x "$cache/scripts/checkpatch.pl" ] || [ "$tarball" -nt "$cache/scripts/checkpatch.pl" ]; then
	mkdir -p "$cache"
	tar -xf "$tarball" -C "$cache" --strip-components=1 \
		linux-source-6.1/scripts/checkpatch.pl \
		linux-source-6.1/scripts/spelling.txt \
		linux-source-6.1/scripts/const_structs.checkpatch
	touch "$cache/scripts/checkpatch.pl"
fi

cd "$top"
[ $# -gt 0 ] || set -- module/*.c module/*.h include/uapi/linux/lyncedge.h
"$cache/scripts/checkpatch.pl" --strict --no-tree --terse --show-types \
	--ignore FILE_PATH_CHANGES -f "$@"
