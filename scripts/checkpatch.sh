#!/bin/bash
# checkpatch.pl --strict over the kernel sources, from Debian's
# linux-source-6.1 (see linux-source.sh).
# usage: checkpatch.sh [FILE...]   (default: every kernel source file)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
src=$("$top/scripts/linux-source.sh")
cd "$top"
# The tree's own files (git's, tracked or new), not what a build left beside
# them (scripts/bench/hook/lyncedge_bench.mod.c, say).
if [ $# -eq 0 ]; then
	mapfile -t files < <(git ls-files --cached --others --exclude-standard -- \
		'module/*.c' 'module/*.h' include/uapi/linux/lyncedge.h 'scripts/bench/hook/*.c')
	set -- "${files[@]}"
fi
"$src/scripts/checkpatch.pl" --strict --no-tree --terse --show-types \
	--ignore FILE_PATH_CHANGES -f "$@"
