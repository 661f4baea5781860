#!/bin/bash
# A Debian cloud kernel of another suite than the machine's (bullseye's
# 5.10, sid's 7.x), without touching the machine's apt sources: the suite's newest
# kernel is found through a private apt configuration, and a chroot of the
# suite (mmdebstrap) holds its headers and the compiler it was built with;
# its image and modules are unpacked into the same tree. Cached outside the
# checkout by suite and kernel version, ~/.cache/lyncedge/kernel-SUITE-KVER;
# a newer version (a security update) replaces the older one. Prints KVER.
# usage: fetch-kernel.sh SUITE
set -euo pipefail
suite=$1
cache=${XDG_CACHE_HOME:-$HOME/.cache}/lyncedge
apt=$cache/apt-$suite
mkdir -p "$apt/lists/partial" "$apt/archives/partial"
sources=("deb http://deb.debian.org/debian $suite main")
# A stable suite's kernel updates come through its security archive.
[ "$suite" = sid ] ||
	sources+=("deb http://security.debian.org/debian-security $suite-security main")
# Debian's archive keyring, which has every release's keys; mmdebstrap
# takes it by itself.
printf '%s\n' "${sources[@]}" |
	sed 's|^deb |deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] |' >"$apt/sources.list"
papt=(-o Dir::Etc::sourcelist="$apt/sources.list" -o Dir::Etc::sourceparts=-
	-o Dir::State::Lists="$apt/lists" -o Dir::State::status=/dev/null
	-o Dir::Cache="$apt" -o Dir::Cache::archives="$apt/archives" -o APT::Architecture=amd64
	-o APT::Sandbox::User=root -o Acquire::Check-Valid-Until=false)
for try in 1 2 3; do
	apt-get -qq "${papt[@]}" update && break
	[ $try -lt 3 ] || exit 1
	sleep $((try * 10))
done
# The metapackage names the current kernel: linux-headers-KVER.
kver=$(apt-cache "${papt[@]}" depends linux-headers-cloud-amd64 |
	sed -n 's/^ *Depends: linux-headers-\(.*-cloud-amd64\)$/\1/p' | sort -V | tail -n 1)
[ -n "$kver" ] || { echo "fetch-kernel: no cloud kernel in $suite" >&2; exit 1; }
root=$cache/kernel-$suite-$kver
if [ ! -e "$root/.done" ]; then
	rm -rf "$root"
	# A mirror may serve sid's index past its Valid-Until date.
	mmdebstrap --quiet --variant=apt --aptopt='Acquire::Check-Valid-Until "false"' \
		--include="build-essential,sparse,kmod,linux-headers-$kver" \
		"$suite" "$root" "${sources[@]}" >&2
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	chmod 755 "$tmp"
	# The image, and the packages of the same version it depends on where
	# the suite splits it (sid: linux-binary-KVER, linux-modules-KVER).
	pkgs=$(apt-cache "${papt[@]}" depends "linux-image-$kver" |
		sed -n "s/^ *Depends: \(linux-[a-z]*-$kver\)$/\1/p")
	# shellcheck disable=SC2086 # one word per package
	(cd "$tmp" && apt-get -qq "${papt[@]}" download "linux-image-$kver" $pkgs) >&2
	for deb in "$tmp"/*.deb; do
		dpkg-deb -x "$deb" "$root"
	done
	depmod -b "$root" "$kver"
	echo "$kver" >"$root/.done"
	# The version it replaces.
	for old in "$cache/kernel-$suite-"*; do
		[ "$old" = "$root" ] || rm -rf "$old"
	done
fi
# Newer kernels' Makefile (7.2's; not yet 6.12's) asks
# scripts/checker-valid.sh whether sparse works, and turns C=2 off without
# it, but Debian's headers do not ship it: ours runs sparse on a line of C
# and says 1 if it ran clean.
common=$(ls -d "$root/usr/src/linux-headers-"*-common 2>/dev/null || true)
if [ -n "$common" ] && grep -q checker-valid.sh "$common/Makefile" &&
	[ ! -e "$common/scripts/checker-valid.sh" ]; then
	printf '%s\n' '#!/bin/sh' \
		'echo "int lyncedge_checker;" | "$@" - >/dev/null 2>&1 && echo 1' \
		>"$common/scripts/checker-valid.sh"
	chmod 755 "$common/scripts/checker-valid.sh"
fi
echo "$kver"
