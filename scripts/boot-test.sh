#!/bin/bash
# The boot test: a real Debian bookworm system (scripts/debian-image.sh)
# with this tree's two packages installed and the module built by dkms for
# the image's own kernel, booted by qemu from that kernel and initrd; inside
# it, selftests/boot/boot.sh runs at each of two boots (the guest reboots in
# the same qemu process) and upgrades to a second build of the packages with
# a higher version.
# usage: boot-test.sh LOG
# Prints the guest's KTAP; exits non-zero when the guest did not finish or
# its kernel logged a splat.
set -euo pipefail
log=$1
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/guest-log.sh"
work=$top/build/boot
rm -rf "$work"
mkdir -p "$work"
start=$(date +%s)

# This tree's packages, and the same tree as the next version, for the upgrade.
version=$(dpkg-parsechangelog -l "$top/debian/changelog" -SVersion)
"$top/scripts/package.sh" --out "$work/deb" >"$work/package.log" 2>&1 ||
	{ cat "$work/package.log" >&2; exit 1; }
"$top/scripts/package.sh" --version "$version+1" --out "$work/deb-next" >>"$work/package.log" 2>&1 ||
	{ cat "$work/package.log" >&2; exit 1; }
make -s -C "$top" build/lyncedge_probe
image=$("$top/scripts/debian-image.sh")

# The image's root: the cached system, the packages installed as an admin
# would (dkms builds the module in the postinst), the test and its
# configuration, the serial console left to the test.
root=$work/root
mkdir "$root"
tar -C "$root" -xf "$image"
mkdir "$root/tmp/debs"
cp "$work"/deb/*.deb "$root/tmp/debs/"
unshare -m --propagation private sh -ec "
	mount -t proc proc '$root/proc'
	mount -t sysfs sys '$root/sys'
	mount --bind /dev '$root/dev'
	DEBIAN_FRONTEND=noninteractive chroot '$root' sh -c 'dpkg -i /tmp/debs/*.deb'
" >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; exit 1; }
rm -rf "$root/tmp/debs"
t=$root/opt/lyncedge-test
mkdir -p "$t/upgrade"
cp "$top/selftests/boot/boot.sh" "$top/selftests/lib.sh" "$top/scripts/guest-log.sh" "$top/build/lyncedge_probe" "$t/"
cp "$work"/deb-next/*.deb "$t/upgrade/"
cp "$top/selftests/boot/lyncedge.conf" "$root/etc/lyncedge/lyncedge.conf"
cp "$top/selftests/boot/lyncedge-boottest.service" "$root/etc/systemd/system/"
ln -s ../lyncedge-boottest.service "$root/etc/systemd/system/multi-user.target.wants/"
ln -s /dev/null "$root/etc/systemd/system/serial-getty@ttyS0.service"
cp "$root"/boot/vmlinuz-* "$work/vmlinuz"
cp "$root"/boot/initrd.img-* "$work/initrd"
mke2fs -q -F -t ext4 -L root -d "$root" "$work/disk.img" 4G
rm -rf "$root"
prepared=$(($(date +%s) - start))

# panic_on_warn and oops=panic: a splat ends the boot, which boot.sh then
# counts as a third boot; timeout as a last resort.
boot=$(date +%s)
timeout 1800 qemu-system-x86_64 -machine q35 -accel tcg,thread=multi -smp 2 -cpu max -m 2048 \
	-display none -monitor none -serial stdio \
	-nic user,model=virtio-net-pci,restrict=on \
	-drive file="$work/disk.img",if=virtio,format=raw \
	-kernel "$work/vmlinuz" -initrd "$work/initrd" \
	-append "root=/dev/vda rw console=ttyS0 net.ifnames=0 panic_on_warn=1 oops=panic quiet systemd.show_status=0" \
	</dev/null >"$log" 2>&1 || true
tr -d '\r' <"$log" >"$log.tmp" && mv "$log.tmp" "$log"
rm -f "$work/disk.img"

grep -E '^(not )?ok [0-9]+ |^# ' "$log" || true
echo "# boot-test: packages and image prepared in $prepared s, the two boots took $(($(date +%s) - boot)) s"
guest_log_ok boot-test "$log"
