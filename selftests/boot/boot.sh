#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The boot test, inside a real Debian bookworm system booted by qemu
# (scripts/boot-test.sh): the packages installed, the module built by dkms,
# lyncedge.service started by systemd from /etc/lyncedge/lyncedge.conf
# alone. lyncedge-boottest.service runs this once per boot, after
# multi-user.target; KTAP goes to the serial console.
#
# Boot 1 and boot 2 (a reboot of the same qemu process): the unit ran before
# network-pre.target; eth0 (systemd-networkd's) has its role; le0, a veth
# made now, binds as it appears and is judged: allowed flows reach their
# listener and count on their rule, forbidden ones are dropped and counted.
# Boot 2 then: the unit's hardening, reload (a good file, a bad file), an
# upgrade to the packages in upgrade/ under a flood of forbidden packets,
# setconf --confirm from a session that is gone, stop, and the file as the
# package installs it (the unit does nothing).
cd /opt/lyncedge-test || exit 1
. ./lib.sh
. ./guest-log.sh

STATE=/var/lib/lyncedge-test
CONF=/etc/lyncedge/lyncedge.conf
mkdir -p $STATE
boot=$(($(cat $STATE/boot 2>/dev/null || echo 0) + 1))
echo $boot >$STATE/boot
echo "# boot $boot: $(uname -r), lyncedgectl $(dpkg-query -W -f '${Version}' lyncedgectl)"
# A panic reboots (panic=-1 would loop): a third boot ends the run, failed.
if [ $boot -gt 2 ]; then
	ktap 1 "boot$boot: the VM booted again on its own (a panic?)"
	ktap_finish
	systemctl poweroff
	exit 1
fi

# mono UNIT PROPERTY: a monotonic timestamp of the unit, in microseconds.
mono() {
	systemctl show -P "$2" "$1"
}
# bound IFNAME ROLE: IFNAME has ROLE and an interface (an ifindex, not "-").
bound() {
	$CTL show dump | awk -F'\t' -v i="$1" -v r="$2" \
		'$1 == "role" && $2 == i && $3 == r && $4 ~ /^[0-9]+$/ { f = 1 } END { exit !f }'
}
both_bound() {
	bound eth0 internal && bound le0 external
}
not() {
	! "$@" 2>/dev/null
}
# drops: the packets of the external role's inbound drop row.
drops() {
	packets "" drop external in
}
# Here the edge is the init namespace: in_ns with an empty name runs the
# command in it, so lib.sh's helpers serve both sides.
in_ns() {
	ns=$1
	shift
	if [ -n "$ns" ]; then $IP netns exec "$ns" "$@"; else "$@"; fi
}

# edge_listen LOG SPEC...: a listener here, its pid in lpid; edge_unlisten
# ends it.
edge_listen() {
	log=$1
	shift
	"$PROBE" listen "$@" >"$log" &
	lpid=$!
	ready "$log" && return 0
	echo "# the listener did not start"
	return 1
}
edge_unlisten() {
	kill $lpid
	wait $lpid 2>/dev/null
}

# le0 192.0.2.1 / 2001:db8:e::1 here, li0 .2 / ::2 in the namespace inet.
le0_up() {
	$IP netns add inet
	$IP -n inet link set lo up
	$IP link add le0 type veth peer name li0 netns inet
	$IP addr add 192.0.2.1/24 dev le0
	$IP addr add 2001:db8:e::1/64 dev le0 nodad
	$IP -n inet addr add 192.0.2.2/24 dev li0
	$IP -n inet addr add 2001:db8:e::2/64 dev li0 nodad
	$IP link set le0 up
	$IP -n inet link set li0 up
}

# traffic TAG: from inet to the edge, what the policy allows (SIP/TLS 443,
# rule 5; STUN 3478, rule 13; IPv6 too) reaches the listener and counts on
# its rule; SSH and 8057 from the Internet do not, and count as drops.
traffic() {
	edge_listen /tmp/listen.$1 tcp:443 udp:3478 tcp:22 tcp:8057 || return 1
	r5=$(packets "" 5) r13=$(packets "" 13) dr=$(drops)
	printf 'tcp 443\nudp 3478\ntcp 22\ntcp 8057\n' | send_all inet 192.0.2.1 "$1-4-"
	printf 'tcp 443\nudp 3478\ntcp 22\ntcp 8057\n' | send_all inet 2001:db8:e::1 "$1-6-"
	edge_unlisten
	check "$1: SIP/TLS 443 and STUN 3478 reach the edge (IPv4, IPv6)" \
		sh -c "[ \$(grep -cE '^(tcp 443|udp 3478) $1-' /tmp/listen.$1) -eq 4 ]"
	check "$1: SSH and 8057 from the Internet do not" \
		sh -c "! grep -qE '^tcp (22|8057) ' /tmp/listen.$1"
	check "$1: rule 5 counted its 2 flows, rule 13 its 2" \
		[ $(($(packets "" 5) - r5)) -eq 2 -a $(($(packets "" 13) - r13)) -eq 2 ]
	check "$1: the drop row counted the 4 forbidden flows" [ $(($(drops) - dr)) -ge 4 ]
}

started() {
	local t=boot$boot
	check "$t: lyncedge.service is active" systemctl is-active -q lyncedge.service
	check "$t: dkms built the module for $(uname -r), and it is the one loaded" \
		sh -c "dkms status lyncedge | grep -q '$(uname -r).*installed' &&
			[ \"\$(modinfo -F srcversion lyncedge)\" = \"\$(cat /sys/module/lyncedge/srcversion)\" ]"
	local done pre nd
	done=$(mono lyncedge.service ExecMainExitTimestampMonotonic)
	pre=$(mono network-pre.target ActiveEnterTimestampMonotonic)
	nd=$(mono systemd-networkd.service ExecMainStartTimestampMonotonic)
	echo "# $t: lyncedge done at ${done} us, network-pre.target at ${pre} us, networkd started at ${nd} us"
	check "$t: lyncedge.service finished before network-pre.target, and networkd came after" \
		[ "$done" -gt 0 -a "$done" -le "$pre" -a "$pre" -le "$nd" ]
	check "$t: eth0, brought up by systemd-networkd, has the role internal" bound eth0 internal
	check "$t: and its address" sh -c "$IP -4 addr show eth0 | grep -q 10.0.2.15"
	check "$t: le0 has no interface yet" sh -c "$CTL show dump | grep -qP '^role\tle0\texternal\t-$'"
	le0_up
	check "$t: le0, made after boot, is bound as it appears" bound le0 external
	traffic "$t"
}

hardening() {
	# --man=no: the image has no man-db to look Documentation= up in.
	systemd-analyze verify --man=no lyncedge.service >/tmp/verify.out 2>&1
	sed 's/^/# verify: /' /tmp/verify.out
	check "boot2: systemd-analyze verify finds nothing in the unit" test ! -s /tmp/verify.out
	score=$(systemd-analyze security lyncedge.service --no-pager |
		sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
	echo "# boot2: systemd-analyze security: exposure $score; what it counts against the unit:"
	systemd-analyze security lyncedge.service --no-pager | awk '$NF ~ /^[0-9.]+$/ && $NF > 0 { print "#   " $0 }'
	# 2.1 is the floor for what the unit must do: load a module
	# (CAP_SYS_MODULE, no ProtectKernelModules), change netfilter
	# (CAP_NET_ADMIN, AF_NETLINK), as root in the host's network namespace.
	check "boot2: systemd-analyze security rates the unit 2.1 or better (exposure $score)" \
		awk -v s="$score" 'BEGIN { exit !(s != "" && s + 0 <= 2.1) }'
}

reload() {
	cp $CONF /tmp/lyncedge.conf.orig
	echo "enable xmpp" >>$CONF
	check "reload: systemctl reload with a changed file succeeds" systemctl reload lyncedge
	check "reload: and the change is in force" sh -c "$CTL show dump | grep -qP '^feature\txmpp\ton$'"
	$CTL show dump | grep -v '^rule\|^drop\|^confirm\|^events' >/tmp/before.dump
	lines=$(wc -l <$CONF)
	echo "set-media-range 60000-59999" >>$CONF
	check "reload: with a bad file, systemctl reload fails" sh -c '! systemctl reload lyncedge'
	$CTL show dump | grep -v '^rule\|^drop\|^confirm\|^events' >/tmp/after.dump
	check "reload: and nothing changed" cmp -s /tmp/before.dump /tmp/after.dump
	check "reload: the journal names the file's line ($CONF:$((lines + 1)))" \
		sh -c "journalctl -u lyncedge.service --no-pager | grep -q 'lyncedge.conf:$((lines + 1))'"
	check "reload: the unit is still active" systemctl is-active -q lyncedge.service
	cp /tmp/lyncedge.conf.orig $CONF
	check "reload: the original file back" systemctl reload lyncedge
}

upgrade() {
	local old new
	old=$(cat /sys/module/lyncedge/version)
	edge_listen /tmp/flood.listen udp:9 || return 1
	in_ns inet "$PROBE" flood 192.0.2.1 9 600 &
	in_ns inet "$PROBE" flood 2001:db8:e::1 9 600 &
	sleep 2
	d0=$(drops)
	check "upgrade: the flood of UDP 9 (forbidden) is being dropped" [ "$d0" -gt 0 ]
	start=$(date +%s)
	DEBIAN_FRONTEND=noninteractive dpkg -i --force-confold upgrade/*.deb >/tmp/dpkg.log 2>&1
	ktap $? "upgrade: dpkg -i of the next version's packages ($(ls upgrade | tr '\n' ' '))"
	echo "# upgrade: dpkg -i took $(($(date +%s) - start)) s"
	sleep 2
	d1=$(drops)
	stop_ns inet
	edge_unlisten
	new=$(cat /sys/module/lyncedge/version)
	check "upgrade: the restart replaced the module ($old, now $new)" [ "$new" != "$old" ]
	check "upgrade: the journal says the stand-in held the policy meanwhile" \
		sh -c "journalctl -u lyncedge.service --no-pager | grep -q 'holds as nftables table inet lyncedge_standin'"
	check "upgrade: the stand-in table is gone again" sh -c '! nft list table inet lyncedge_standin 2>/dev/null'
	check "upgrade: the new module judges the flood (its drop row counts from 0: $d1)" [ "$d1" -gt 0 ]
	check "upgrade: not one flood packet reached the edge" sh -c '! grep -q "^udp 9" /tmp/flood.listen'
	check "upgrade: the file's roles are in force" both_bound
	traffic upgrade
}

# A restart with a bad file: closed, not open. The stand-in the stop put up
# stays and holds the policy until the file is fixed.
badfile() {
	cp $CONF /tmp/lyncedge.conf.good
	echo "frobnicate" >>$CONF
	check "bad file: systemctl restart fails" sh -c '! systemctl restart lyncedge'
	check "bad file: the stand-in table holds the policy" nft list table inet lyncedge_standin
	edge_listen /tmp/listen.bad tcp:22 tcp:443 || return 1
	printf 'tcp 22\ntcp 443\n' | send_all inet 192.0.2.1 bad-
	edge_unlisten
	check "bad file: SIP/TLS 443 still passes, SSH is still dropped" \
		sh -c "grep -q '^tcp 443 bad-' /tmp/listen.bad && ! grep -q '^tcp 22 ' /tmp/listen.bad"
	cp /tmp/lyncedge.conf.good $CONF
	check "bad file: fixed, systemctl restart succeeds" systemctl restart lyncedge
	check "bad file: the stand-in is gone" not nft list table inet lyncedge_standin
	check "bad file: the module has the roles again" both_bound
}

# A file without eth0's role, applied with --confirm from a transient unit
# that ends at once: the admin's session is gone, the kernel reverts it.
confirm() {
	grep -v 'set-role eth0' $CONF >/tmp/no-eth0.conf
	systemd-run --wait --quiet --unit=lyncedge-try $CTL setconf --confirm 10 /tmp/no-eth0.conf \
		>/tmp/run.out 2>&1
	ktap $? "confirm: setconf --confirm 10 from a transient unit"
	{ cat /tmp/run.out; journalctl -u lyncedge-try --no-pager -q; } | sed 's/^/# lyncedge-try: /'
	check "confirm: eth0 has lost its role" not bound eth0 internal
	sleep 13
	check "confirm: not confirmed, eth0 has its role back after 10 s" bound eth0 internal
	check "confirm: show counts the rollback" sh -c "$CTL show dump | grep -qP '^confirm\tnone\t0\t1$'"
}

stopped() {
	check "stop: systemctl stop lyncedge" systemctl stop lyncedge
	check "stop: no interface has a role" sh -c "! $CTL show dump | grep -qP '^role\t'"
	check "stop: the module stays loaded" test -d /sys/module/lyncedge
	check "stop: no stand-in table" sh -c '! nft list table inet lyncedge_standin 2>/dev/null'
	edge_listen /tmp/listen.stop tcp:22 || return 1
	printf 'tcp 22\n' | send_all inet 192.0.2.1 stop-
	edge_unlisten
	check "stop: SSH reaches the edge again" grep -q '^tcp 22 stop-' /tmp/listen.stop
}

# The file as the package installs it gives no interface a role: the unit
# does nothing then, not even load the module (its ExecCondition).
as_installed() {
	modprobe -r lyncedge
	dpkg-deb --fsys-tarfile upgrade/lyncedgectl_*_amd64.deb | tar -xO ./etc/lyncedge/lyncedge.conf >$CONF
	check "as installed: the package's lyncedge.conf gives no interface a role" \
		not grep -Eq '^[[:blank:]]*set-role' $CONF
	systemctl start lyncedge
	echo "# as installed: systemctl start lyncedge: exit $?, result $(systemctl show -P Result lyncedge)"
	check "as installed: the unit was skipped by its condition" \
		sh -c '[ "$(systemctl show -P Result lyncedge)" = exec-condition ] && ! systemctl -q is-active lyncedge'
	check "as installed: and the module was not loaded" test ! -d /sys/module/lyncedge
}

# splats: nothing the kernel logged this boot is a splat (the console, under
# "quiet", shows no WARNING-level line; dmesg has them all).
splats() {
	! dmesg | grep -E "$LYNCEDGE_SPLAT"
}

started
if [ $boot -eq 1 ]; then
	check "boot1: the kernel logged no oops, BUG or WARNING" splats
	ktap_finish
	systemctl reboot
	exit 0
fi
hardening
reload
upgrade
badfile
confirm
stopped
as_installed
check "boot2: the kernel logged no oops, BUG or WARNING" splats
ktap_finish
echo "@@LYNCEDGE-END"
systemctl poweroff
