#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Faults and churn, meant for the debug kernel's detectors (and run on every
# kernel): rmmod while pktgen floods a role interface, and insmod again into
# the flood; namespaces created and destroyed by the thousand, with the
# memory coming back; roles and features changed by two processes while a
# third dumps the rules, every dump consistent or flagged as interrupted.
# (Interfaces deleted, renamed and re-created with a role, and a namespace
# deleted with roles and traffic, are lifecycle.sh's.)
. ./lib.sh

NETNS_COUNT=${LYNCEDGE_CHURN_NETNS:-1000}
CHURN_SECONDS=${LYNCEDGE_CHURN_SECONDS:-10}

load_module
NS=churn-$$
PEER=churnp-$$
peer_pair $NS $PEER
in_ns $NS $CTL set-role t0 external

# pktgen in PEER: UDP to port 9 of t0 (no rule: every packet is a drop),
# as fast as it can, until stopped.
pg() { # FILE COMMAND
	in_ns $PEER sh -c "echo '$2' >/proc/net/pktgen/$1"
}
# Built into the debug kernel, a module in Debian's.
check "churn: pktgen is there" sh -c "[ -d /proc/net/pktgen ] || /sbin/modprobe pktgen"
mac=$(in_ns $NS cat /sys/class/net/t0/address)
pg kpktgend_0 rem_device_all
pg kpktgend_0 "add_device p0"
for c in "count 0" "delay 0" "pkt_size 60" "dst 192.0.2.1" "dst_mac $mac" \
	"udp_dst_min 9" "udp_dst_max 9"; do
	pg p0 "$c"
done
in_ns $PEER sh -c 'echo start >/proc/net/pktgen/pgctrl' &
sleep 1
drops() { packets $NS drop external in; }
check "churn: pktgen floods t0, the drop counter climbs" [ "$(drops)" -gt 0 ]
check "churn: rmmod while pktgen floods the role interface" /sbin/rmmod lyncedge
check "churn: the module is gone" sh -c "! grep -q '^lyncedge ' /proc/modules"
check "churn: insmod into the flood" /sbin/insmod $MODULE
check "churn: set-role t0 external again" in_ns $NS $CTL set-role t0 external
sleep 1
check "churn: the flood is judged again" [ "$(drops)" -gt 0 ]
check "churn: rmmod under the flood once more" /sbin/rmmod lyncedge
in_ns $PEER sh -c 'echo stop >/proc/net/pktgen/pgctrl'
wait
check "churn: insmod after the flood" /sbin/insmod $MODULE

# Namespaces by the thousand: a tenth through ip, each with a veth and a
# role (lyncedge's hooks and conntrack taken and given back), the rest by
# the probe, each dropped as the next is made. Unreclaimable slab after
# them, once the dying namespaces are gone and the caches shrunk (which
# also empties KASAN's quarantine), must be back where it was, within
# 2 MiB: lyncedge's own state is some 5 KiB a namespace, so a leak of it
# would show several times over.
shrink() {
	for f in /sys/kernel/slab/*/shrink; do echo 1 >"$f"; done 2>/dev/null
}
slab() {
	shrink
	awk '/^SUnreclaim:/ { print $2 }' /proc/meminfo
}
netns_roles() { # FIRST COUNT
	i=$1
	while [ $i -lt $(($1 + $2)) ]; do
		$IP netns add lec$i
		$IP -n lec$i link add v0 type veth peer name v1
		in_ns lec$i $CTL set-role v0 external
		$IP netns del lec$i
		i=$((i + 1))
	done
}
# settle BEFORE: until a reading is within 2 MiB of BEFORE, at most 30 s.
settle() {
	for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do
		after=$(slab)
		[ $((after - $1)) -le 2048 ] && return 0
		sleep 2
	done
	return 1
}
netns_roles 0 10
"$PROBE" netns 100
sleep 2
before=$(slab)
start=$(date +%s)
netns_roles 10 $((NETNS_COUNT / 10))
check "churn: the probe makes and drops $((NETNS_COUNT - NETNS_COUNT / 10)) more" \
	"$PROBE" netns $((NETNS_COUNT - NETNS_COUNT / 10))
settle "$before"
ktap $? "churn: $NETNS_COUNT namespaces made and gone in $(($(date +%s) - start)) s: unreclaimable slab ${before} kB before, ${after} kB after"
check "churn: the module still answers" sh -c "$IP netns exec $NS $CTL show dump >/dev/null"

# Two writers and a reader, for a bounded time. A dump is consistent when
# the optional rules agree with each other (one configuration's) and the
# four media rows have one range; the tool retries a dump a change
# interrupted and warns when every try was.
stop_at=$(($(date +%s) + CHURN_SECONDS))
in_ns $NS $IP link add t1 type veth peer name t2
(
	while [ "$(date +%s)" -lt $stop_at ]; do
		in_ns $NS $CTL set-role t1 internal
		in_ns $NS $CTL set-role t0 none
		in_ns $NS $CTL set-role t0 external
		in_ns $NS $CTL set-role t1 none
	done
) 2>/tmp/churn.roles &
roles=$!
(
	while [ "$(date +%s)" -lt $stop_at ]; do
		in_ns $NS $CTL enable xmpp ocs2007
		in_ns $NS $CTL set-media-range 40000-44999
		in_ns $NS $CTL disable xmpp ocs2007
		in_ns $NS $CTL set-media-range 50000-59999
	done
) 2>/tmp/churn.features &
features=$!
dumps=0 bad=0 flagged=0
while [ "$(date +%s)" -lt $stop_at ]; do
	in_ns $NS $CTL show dump >/tmp/churn.dump 2>/tmp/churn.err || bad=$((bad + 1))
	dumps=$((dumps + 1))
	if grep -q "rules changed in all" /tmp/churn.err; then
		flagged=$((flagged + 1))
		continue
	fi
	awk -F'\t' '$1 == "rule" && ($2 == 1 || $2 == 15 || $2 == 16) { x[$9]++ }
		    $1 == "rule" && ($2 == 9 || $2 == 10 || $2 == 11) { o[$9]++ }
		    $1 == "rule" && $2 >= 8 && $2 <= 11 { m[$6 "-" $7]++ }
		    $1 == "rule" { n++ }
		    END { exit !(length(x) == 1 && length(o) == 1 && length(m) == 1 && n == 28) }' \
		/tmp/churn.dump || bad=$((bad + 1))
done
wait $roles $features
echo "# churn: $dumps dumps, $flagged flagged as interrupted in every try, $bad inconsistent"
check "churn: every dump during the churn was consistent or flagged" [ $dumps -gt 0 -a $bad -eq 0 ]
check "churn: the writers met no error" sh -c '! grep -q . /tmp/churn.roles /tmp/churn.features'

ktap_finish
