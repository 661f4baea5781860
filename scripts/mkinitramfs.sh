#!/bin/bash
# Pack the VM's initramfs for one kernel: busybox, the real iproute2 `ip`
# (busybox's has no netns), kmod, nft, iptables-legacy, ipset, jq, promtool,
# keepalived and conntrackd, the Debian modules the tests
# need with their dependencies, lyncedge.ko, lyncedgectl, and the selftests.
# usage: mkinitramfs.sh KVER OUT.cpio.gz
set -euo pipefail
kver=$1
out=$2
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/kernel-paths.sh"
kernel_paths "$kver"
root=$(mktemp -d)
chmod 755 "$root"
trap 'rm -rf "$root"' EXIT

mkdir -p "$root"/{bin,sbin,usr/sbin,usr/bin,proc,sys,dev,tmp,run,etc,opt/lyncedge}
cp /bin/busybox "$root/bin/busybox"

# A dynamically linked program with every library it loads, at the same
# paths; one from a private library directory ($3) goes to the image's
# /usr/lib/x86_64-linux-gnu, where the loader looks.
copy_prog() { # $1 source path, $2 path in the image [$3 private library directory]
	local private=${3:-} lib to
	mkdir -p "$root/$(dirname "$2")"
	cp -L "$1" "$root/$2"
	LD_LIBRARY_PATH=$private ldd "$1" | grep -o '/[^ ]*' | while read -r lib; do
		to=$lib
		[ -n "$private" ] && [ "${lib#"$private"/}" != "$lib" ] &&
			to=/usr/lib/x86_64-linux-gnu/$(basename "$lib")
		mkdir -p "$root/$(dirname "$to")"
		cp -L "$lib" "$root/$to"
	done
}
copy_prog /usr/sbin/ip /usr/sbin/ip
copy_prog /usr/bin/kmod /usr/bin/kmod
for t in modprobe insmod rmmod lsmod modinfo; do
	ln -s /usr/bin/kmod "$root/sbin/$t"
done
copy_prog "$top/userspace/lyncedgectl" /usr/sbin/lyncedgectl
copy_prog "$top/build/lyncedgectl-san" /usr/sbin/lyncedgectl-san
# The output tests check JSON with jq and the Prometheus format with promtool.
copy_prog /usr/bin/jq /usr/bin/jq
# The gateway test publishes the edge with nftables NAT.
copy_prog /usr/sbin/nft /usr/sbin/nft
# The export test and the benchmarks hold lyncedge to iptables-legacy and ipset.
copy_prog /usr/sbin/xtables-legacy-multi /usr/sbin/xtables-legacy-multi
for t in iptables ip6tables; do
	for s in "" -restore -save; do
		ln -s xtables-legacy-multi "$root/usr/sbin/$t-legacy$s"
	done
done
mkdir -p "$root/usr/lib/x86_64-linux-gnu"
cp -r /usr/lib/x86_64-linux-gnu/xtables "$root/usr/lib/x86_64-linux-gnu/"
copy_prog /usr/sbin/ipset /usr/sbin/ipset
copy_prog "$("$top/scripts/promtool.sh")" /usr/bin/promtool
# The gateway pair (ha.sh): keepalived and conntrackd, unpacked from Debian's
# packages; each node's /etc/keepalived and /etc/conntrackd are bound in by
# `ip netns exec` from /etc/netns/NODE, its /run is a tmpfs of its own.
ha=$("$top/scripts/ha-tools.sh")
for t in keepalived conntrackd; do
	copy_prog "$ha/bin/$t" "/usr/sbin/$t" "$ha/lib"
done
mkdir -p "$root"/etc/{keepalived,conntrackd,netns} "$root/var"
ln -s /run "$root/var/run"
# keepalived runs its notify scripts as a user it looks up: root.
echo 'root:x:0:0:root:/root:/bin/sh' >"$root/etc/passwd"
echo 'root:x:0:' >"$root/etc/group"
# conntrackd looks the protocols of its filter up by name.
printf 'tcp\t6\tTCP\nudp\t17\tUDP\n' >"$root/etc/protocols"
ln -s /run/lock "$root/var/lock"

# Debian's modules and what they depend on, uncompressed (6.12 ships .ko.xz).
# The debug kernel has everything the tests need built in.
if [ "$KDEBUG" = 0 ]; then
	moddir=$root/lib/modules/$kver
	# The tree KMODULES is in: / for the machine's kernels.
	kroot=${KMODULES%/lib/modules/$kver}
	kroot=${kroot:-/}
	mkdir -p "$moddir"
	cp "$KMODULES"/modules.{order,builtin,builtin.modinfo} "$moddir/"
	# nft's named counters need nft_objref and nft_counter, modules of
	# their own in older kernels (objref before 6.2; counter in 5.10):
	# each taken where the kernel has it as a module.
	objref=$(for m in nft_objref nft_counter; do
		if modinfo -b "$kroot" -k "$kver" $m >/dev/null 2>&1; then echo $m; fi
	done)
	modprobe -d "$kroot" -S "$kver" -a --show-depends veth bridge nf_conntrack_netlink nf_conntrack nft_chain_nat nft_nat nft_masq nft_ct $objref pktgen \
		iptable_filter ip6table_filter xt_conntrack xt_comment xt_tcpudp xt_set \
		ip_set_bitmap_port |
		awk '$1 == "insmod" { print $2 }' | sort -u | while read -r m; do
			rel=${m#"$KMODULES"/}
			mkdir -p "$moddir/$(dirname "$rel")"
			case "$m" in
			*.xz) xz -dc "$m" >"$moddir/${rel%.xz}" ;;
			*.zst) zstd -qdc "$m" >"$moddir/${rel%.zst}" ;;
			*) cp "$m" "$moddir/$rel" ;;
			esac
		done
	depmod -b "$root" "$kver"
fi

cp "$top/build/$kver/lyncedge.ko" "$root/opt/lyncedge/"
if [ -e "$top/build/$kver/lyncedge_kunit.ko" ]; then
	cp "$top/build/$kver/lyncedge_kunit.ko" "$root/opt/lyncedge/"
fi
mkdir -p "$root/opt/lyncedge/selftests"
cp "$top/selftests/"*.sh "$top/selftests/"*.expected "$top/selftests/"*.jq \
	"$top/build/lyncedge_probe" \
	"$top/build/lyncedge_nlfuzz" \
	"$root/opt/lyncedge/selftests/"
cp -r "$top/selftests/editions" "$root/opt/lyncedge/selftests/"
cp -r "$top/dist/ha" "$root/opt/lyncedge/selftests/"
copy_prog "$top/build/lyncedge_nltest" /opt/lyncedge/selftests/lyncedge_nltest
mkdir -p "$root/opt/lyncedge/bench"
cp "$top/build/$kver/lyncedge_bench.ko" "$top/scripts/bench/guest.sh" "$root/opt/lyncedge/bench/"
cp "$top/scripts/vm-init.sh" "$root/init"
chmod +x "$root/init"

(cd "$root" && find . | cpio -o -H newc --quiet) | gzip -1 >"$out"
