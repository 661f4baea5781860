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
# module/compat.h is where the tests of the kernel's version belong, which
# checkpatch rightly refuses in code merged into the kernel (it never needs
# one): there alone, LINUX_VERSION_CODE and its comparison are allowed.
rc=0
for f in "$@"; do
	ignore=FILE_PATH_CHANGES
	[ "$f" != module/compat.h ] || ignore=$ignore,LINUX_VERSION_CODE,CONSTANT_COMPARISON
	"$src/scripts/checkpatch.pl" --strict --no-tree --terse --show-types \
		--ignore "$ignore" -f "$f" || rc=1
done
exit $rc
