#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build the Debian packages lyncedge-dkms and lyncedgectl (binary only, not
# signed) from the checkout as it is, uncommitted changes included, in a copy:
# build/pkg/lyncedge-VERSION/. Then lintian on the result, which must find no
# error and no warning. The .debs (with lyncedgectl's -dbgsym), .buildinfo and
# .changes go to build/deb/; the paths of the .debs are printed on stdout, one
# a line; the build's output is in build/pkg/lyncedge-VERSION.log.
#
#   scripts/package.sh [--version V] [--out DIR]
#
#   --version V  build the same tree as version V: a new top entry in
#                debian/changelog and PACKAGE_VERSION in dkms.conf, in the
#                copy only (an upgrade test builds a higher version so)
#   --out DIR    put the packages in DIR instead of build/deb
#
# Needs what scripts/install-deps.sh installs (debhelper, dh-dkms, lintian,
# libmnl-dev, ...); needs no root and no kernel headers.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
out=$top/build/deb
version=

usage() {
	sed -n 's/^#   //p' "$0"
}

say() {
	echo "package: $*" >&2
}

while [ $# -gt 0 ]; do
	case $1 in
	--version) [ $# -ge 2 ] || { usage >&2; exit 2; }; version=$2; shift 2 ;;
	--version=*) version=${1#*=}; shift ;;
	--out) [ $# -ge 2 ] || { usage >&2; exit 2; }; out=$2; shift 2 ;;
	--out=*) out=${1#*=}; shift ;;
	-h | --help) usage; exit 0 ;;
	*) usage >&2; exit 2 ;;
	esac
done

for tool in dpkg-buildpackage dpkg-parsechangelog dh dh_dkms lintian git; do
	command -v "$tool" >/dev/null || { say "no $tool: run scripts/install-deps.sh first"; exit 1; }
done

cd "$top"

# dkms finds the source in /usr/src/PACKAGE_NAME-PACKAGE_VERSION, which the
# package names after its own version: the two must be one.
dkms_version() { # dkms.conf
	sed -n 's/^PACKAGE_VERSION="\(.*\)"$/\1/p' "$1"
}
deb_version=$(dpkg-parsechangelog -l debian/changelog -S Version)
if [ "$(dkms_version dkms.conf)" != "$deb_version" ]; then
	say "dkms.conf has PACKAGE_VERSION \"$(dkms_version dkms.conf)\", debian/changelog $deb_version: make them one"
	exit 1
fi

# A native package's version: no Debian revision, and no epoch (dkms.conf
# and /usr/src/lyncedge-VERSION carry it as it is).
if [ -n "$version" ] && ! [[ $version =~ ^[0-9][A-Za-z0-9.+~]*$ ]]; then
	say "--version $version: want digits, letters and . + ~ only, starting with a digit"
	exit 2
fi
version=${version:-$deb_version}

name=lyncedge-$version
work=$top/build/pkg
src=$work/$name
log=$work/$name.log
rm -rf "$src"
mkdir -p "$src" "$out"
out=$(cd "$out" && pwd)

# The files git knows of, as they are in the work tree, and the new ones it
# does not ignore (a file being written, not yet added, is built too); a
# tracked file deleted in the work tree is left out, as it would be committed.
git ls-files -z --cached --others --exclude-standard |
	while IFS= read -r -d '' f; do
		if [ -e "$f" ] || [ -L "$f" ]; then
			printf '%s\0' "$f"
		fi
	done |
	tar -C "$top" --null --no-recursion -T - -cf - | tar -C "$src" -xf -

if [ "$version" != "$deb_version" ]; then
	{
		printf 'lyncedge (%s) %s; urgency=medium\n\n' "$version" \
			"$(dpkg-parsechangelog -l debian/changelog -S Distribution)"
		printf '  * Built by scripts/package.sh --version %s from the tree of %s.\n\n' \
			"$version" "$deb_version"
		printf ' -- %s  %s\n\n' "$(dpkg-parsechangelog -l debian/changelog -S Maintainer)" "$(date -R)"
		cat debian/changelog
	} >"$src/debian/changelog"
	sed -i "s/^PACKAGE_VERSION=\".*\"\$/PACKAGE_VERSION=\"$version\"/" "$src/dkms.conf"
	if [ "$(dkms_version "$src/dkms.conf")" != "$version" ] ||
		[ "$(dpkg-parsechangelog -l "$src/debian/changelog" -S Version)" != "$version" ]; then
		say "could not give the copy version $version"
		exit 1
	fi
fi

say "building $name in $src (log: $log)"
if ! (cd "$src" && dpkg-buildpackage -us -uc -b) >"$log" 2>&1; then
	tail -n 40 "$log" >&2
	say "dpkg-buildpackage failed: $log"
	exit 1
fi

changes=$work/${name/-/_}_$(dpkg-architecture -qDEB_HOST_ARCH).changes
[ -f "$changes" ] || { say "no $changes"; exit 1; }
# The files the .changes lists (its "Files:" lines: md5 size section priority name).
files=$(awk '/^Files:/ { on = 1; next } /^[^ ]/ { on = 0 } on && NF == 5 { print $5 }' "$changes")

say "lintian $(basename "$changes")"
lintian_rc=0
lintian --fail-on error,warning "$changes" >&2 || lintian_rc=$?

for f in $files; do
	mv -f "$work/$f" "$out/"
done
mv -f "$changes" "$out/"

if [ "$lintian_rc" -ne 0 ]; then
	say "lintian found errors or warnings (exit $lintian_rc)"
	exit 1
fi

for f in $files; do
	case $f in *.deb) echo "$out/$f" ;; esac
done
