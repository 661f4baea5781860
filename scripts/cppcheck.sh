#!/bin/bash
# cppcheck over the userspace C: the tool and the test programs. The
# kselftest headers (Debian's linux-source-6.1) and libmnl's header are
# given so their macros parse, but findings inside them are not ours to fix.
# Kernel style declares variables at the top of a block, so variableScope
# is off.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
src=$("$top/scripts/linux-source.sh")
cd "$top"
cppcheck --enable=warning,style,performance,portability --error-exitcode=1 --quiet \
	--inline-suppr -Iinclude -I"$src/tools/testing/selftests" \
	--include=/usr/include/libmnl/libmnl.h \
	--suppress=missingIncludeSystem --suppress=variableScope \
	--suppress="*:$src/*" --suppress="*:/usr/include/*" \
	userspace selftests/*.c
