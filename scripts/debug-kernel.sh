#!/bin/bash
# Build the project's debug kernel and print its build directory (the image
# is arch/x86/boot/bzImage; external modules build against the directory),
# or with --release its release (what uname -r says in it).
#
# The source is Debian's linux-source-6.1 (bookworm): it is installed anyway
# (checkpatch and the kselftest headers come from it), it is the older of the
# two kernels lyncedge supports, whose APIs it must keep working on, and it
# needs no second download of a source tree. The configuration is
# allnoconfig plus scripts/debug-kernel/lyncedge.config: what the selftests
# need and the kernel's bug detectors, nothing else, so that it builds in
# minutes on two cores.
#
# Built once per source version and fragment, in a cache outside the
# checkout: later runs print the directory at once. The build's seconds are
# kept in its build-seconds file.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
frag=$top/scripts/debug-kernel/lyncedge.config
version=$(dpkg-query -W -f='${Version}' linux-source-6.1)
key=$({ echo "$version"; cat "$frag"; } | sha256sum | cut -c1-12)
dir=${XDG_CACHE_HOME:-$HOME/.cache}/lyncedge/debug-kernel/$version-$key
print() {
	if [ "${1:-}" = --release ]; then
		cat "$dir/include/config/kernel.release"
	else
		echo "$dir"
	fi
}
if [ -e "$dir/.built" ]; then
	print "${1:-}"
	exit 0
fi

# A half-built tree from an interrupted run is not trusted: start over.
rm -rf "$dir"
mkdir -p "$dir"
start=$(date +%s)
tarball=$(ls /usr/src/linux-source-6.1.tar.* | head -n 1)
tar -xf "$tarball" -C "$dir" --strip-components=1
log=$dir/build.log
{
	make -C "$dir" ARCH=x86_64 allnoconfig
	"$dir/scripts/kconfig/merge_config.sh" -m -O "$dir" "$dir/.config" "$frag"
	make -C "$dir" ARCH=x86_64 olddefconfig
} >"$log" 2>&1 || { cat "$log" >&2; exit 1; }

# Every line of the fragment must have taken: a dependency it lacks would
# otherwise drop a detector without a word.
missing=0
while IFS= read -r line; do
	case "$line" in
	CONFIG_*=n) want="# ${line%=n} is not set" ;;
	CONFIG_*) want=$line ;;
	*) continue ;;
	esac
	if ! grep -qxF "$want" "$dir/.config"; then
		echo "debug-kernel: $line did not take" >&2
		missing=1
	fi
done <"$frag"
[ $missing -eq 0 ] || exit 1

if ! make -C "$dir" ARCH=x86_64 -j"$(nproc)" >>"$log" 2>&1; then
	tail -n 40 "$log" >&2
	exit 1
fi
echo $(($(date +%s) - start)) >"$dir/build-seconds"
touch "$dir/.built"
print "${1:-}"
