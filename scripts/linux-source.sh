#!/bin/bash
# Extract the few files the project uses from Debian's linux-source-6.1
# (checkpatch and the kselftest headers) into a cache outside the checkout,
# once, and print that directory.
set -euo pipefail
cache=${XDG_CACHE_HOME:-$HOME/.cache}/lyncedge/linux-source-6.1
tarball=$(ls /usr/src/linux-source-6.1.tar.* | head -n 1)
files=(
	scripts/checkpatch.pl
	scripts/spelling.txt
	scripts/const_structs.checkpatch
	tools/testing/selftests/kselftest.h
	tools/testing/selftests/kselftest_harness.h
)
stamp=$cache/.extracted
if [ ! -e "$stamp" ] || [ "$tarball" -nt "$stamp" ] ||
	[ "$(cat "$stamp")" != "${files[*]}" ]; then
	mkdir -p "$cache"
	tar -xf "$tarball" -C "$cache" --strip-components=1 "${files[@]/#/linux-source-6.1/}"
	echo "${files[*]}" >"$stamp"
fi
echo "$cache"
