#!/bin/bash
# A Debian bookworm system with systemd, for the boot test (selftests/boot/):
# the cloud kernel with its headers, dkms and its compiler, nftables, D-Bus
# (which systemd-run needs; a Debian system with systemd has it) and
# systemd-networkd, as a root file system tarball built by mmdebstrap from
# the archive. Built once per input and kept under ~/.cache/lyncedge:
# the inputs are this script and the kernel packages the archive offers
# today, so a security update of the kernel builds a new one and nothing is
# downloaded twice otherwise.
# usage: debian-image.sh   (prints the tarball's path)
set -euo pipefail
cache=${LYNCEDGE_CACHE:-$HOME/.cache/lyncedge}/debian-image

MIRRORS=(
	"deb http://deb.debian.org/debian bookworm main"
	"deb http://deb.debian.org/debian bookworm-updates main"
	"deb http://deb.debian.org/debian-security bookworm-security main"
)
PACKAGES=systemd-sysv,dbus,udev,kmod,linux-image-cloud-amd64,linux-headers-cloud-amd64,dkms,libmnl0,nftables,iproute2,zstd

# The kernel the archive gives bookworm now: the host's lists name the same
# suites (install-deps.sh), so no download is needed to know it.
kernel=$(apt-cache policy linux-image-cloud-amd64 linux-headers-cloud-amd64 |
	awk '/Candidate:/ { print $2 }' | tr '\n' ' ')
key=$( (cat "$0"; echo "$kernel") | sha256sum | cut -c1-16)
out=$cache/$key
if [ -f "$out/root.tar" ]; then
	echo "$out/root.tar"
	exit 0
fi

rm -rf "$cache" && mkdir -p "$out"
start=$(date +%s)
# Customized for a VM that only runs the test: eth0 (net.ifnames=0) is
# brought up by systemd-networkd with qemu's user network; timers that
# would spend the emulated CPU on nothing are masked.
mmdebstrap --quiet --variant=apt --include="$PACKAGES" \
	--customize-hook='echo lyncedge-vm >"$1/etc/hostname"' \
	--customize-hook='echo "/dev/vda / ext4 defaults 0 1" >"$1/etc/fstab"' \
	--customize-hook='printf "[Match]\nName=eth0\n\n[Network]\nAddress=10.0.2.15/24\nGateway=10.0.2.2\n" >"$1/etc/systemd/network/10-eth0.network"' \
	--customize-hook='chroot "$1" systemctl enable systemd-networkd.service' \
	--customize-hook='chroot "$1" systemctl mask apt-daily.timer apt-daily-upgrade.timer e2scrub_all.timer fstrim.timer systemd-tmpfiles-clean.timer' \
	--customize-hook='chroot "$1" passwd -d root' \
	bookworm "$out/root.tar" "${MIRRORS[@]}" >&2
echo $(($(date +%s) - start)) >"$out/build-seconds"
echo "$kernel" >"$out/kernel"
echo "$out/root.tar"
