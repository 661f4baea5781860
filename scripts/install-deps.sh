#!/bin/bash
# Install everything the build, the VM harness and the tests need, with apt only.
# Idempotent: safe to run on every `make demo` / `make check`.
#
# Two Debian cloud kernels are installed side by side: bookworm's (6.1) and
# bookworm-backports' (6.12). Their versioned package names change with every
# security update, so they are resolved from the metapackages, never written here.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo

BPO_LIST=/etc/apt/sources.list.d/lyncedge-bookworm-backports.sources
STAMP=/var/lib/lyncedge-deps.stamp
# Bump when the package set changes, so machines that already ran us install the rest.
DEPS_VERSION=8

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$DEPS_VERSION" ] && [ -z "${LYNCEDGE_FORCE_DEPS:-}" ]; then
	exit 0
fi

if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
	$SUDO tee "$BPO_LIST" >/dev/null <<'SRC'
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
fi

# A mirror hiccup should not fail a CI run: try each apt step a few times.
retry() {
	local i
	for i in 1 2 3; do
		"$@" && return 0
		echo "install-deps: '$*' failed (try $i of 3)" >&2
		sleep $((i * 10))
	done
	return 1
}

retry $SUDO apt-get update -qq

# The concrete image/headers packages a metapackage version points at.
versioned() { # $1 metapackage, $2 suite
	local ver
	ver=$(apt-cache madison "$1" | awk -v s="$2/" '$0 ~ s { print $3; exit }')
	[ -n "$ver" ] || { echo "install-deps: no $1 in $2" >&2; exit 1; }
	apt-cache depends "$1=$ver" | awk '/Depends: linux-(image|headers)-[0-9]/ { print $2 }'
}

kpkgs=()
for suite in 'bookworm' 'bookworm-backports'; do
	kpkgs+=($(versioned linux-image-cloud-amd64 "$suite"))
	kpkgs+=($(versioned linux-headers-cloud-amd64 "$suite"))
done

retry $SUDO apt-get install -y -qq --no-install-recommends \
	build-essential pkg-config libmnl-dev sparse flex bison bc libelf-dev \
	busybox-static kmod cpio zstd xz-utils iproute2 nftables iptables ipset jq mandoc clang \
	libclang-rt-14-dev valgrind gnuplot-nox curl fonts-dejavu-core \
	linux-source-6.1 "${kpkgs[@]}" >/dev/null
# The Debian packages (scripts/package.sh) and the VM test that installs them
# in a Debian image built from the archive.
retry $SUDO apt-get install -y -qq --no-install-recommends \
	debhelper dh-dkms dkms lintian fakeroot mmdebstrap e2fsprogs >/dev/null
retry $SUDO apt-get install -y -qq --no-install-recommends -t bookworm-backports \
	qemu-system-x86 >/dev/null

echo "$DEPS_VERSION" | $SUDO tee "$STAMP" >/dev/null
