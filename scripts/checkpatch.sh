#!/bin/bash
# checkpatch.pl --strict over the kernel sources, from Debian's
# linux-source-6.1 (see linux-source.sh).
# usage: checkpatch.sh [FILE...]   (default: every kernel source file)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
src=$("$top/scripts/linux-source.sh")
cd "$top"
[ $# -gt 0 ] || set -- module/*.c module/*.h include/uapi/linux/lyncedge.h scripts/bench/hook/*.c
"$src/scripts/checkpatch.pl" --strict --no-tree --terse --show-types \
	--ignore FILE_PATH_CHANGES -f "$@"
