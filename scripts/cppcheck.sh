#!/bin/bash
# cppcheck over the userspace C: the tool and the test programs. The
# kselftest headers (Debian's linux-source-6.1) are given so the harness
# macros parse, but findings inside them are not ours to fix. Kernel style
# declares variables at the top of a block, so variableScope is off.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
src=$("$top/scripts/linux-source.sh")
cd "$top"
cppcheck --enable=warning,style,performance,portability --error-exitcode=1 --quiet \
	--inline-suppr -Iinclude -I"$src/tools/testing/selftests" \
	--suppress=missingIncludeSystem --suppress=variableScope \
	--suppress="*:$src/*" \
	userspace selftests/*.c
