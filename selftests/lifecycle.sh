#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Roles follow interface names: an interface deleted, re-created, renamed,
# moved in and out, each time judged exactly while it has the name; a
# namespace that goes away with roles and traffic, and unloading the module
# while traffic flows. Ends with the module unloaded.
. ./lib.sh

load_module
topology_up
trap topology_down EXIT
listen $EDGE /tmp/edge.log tcp:22 tcp:443 udp:3478 udp:3479 || exit 1

# judged WHEN ADDR: tcp/22 to ADDR from INET is dropped, reaches no
# listener and counts as a drop of external in: the interface has the role.
judged() {
	before=$(packets $EDGE drop external in)
	in_ns $INET "$PROBE" send tcp "$2" 22 "j$le_tests" </dev/null
	rc=$?
	got=$(grep -c " j$le_tests\$" /tmp/edge.log)
	after=$(packets $EDGE drop external in)
	[ $rc -eq 1 ] && [ "$got" = 0 ] && [ $((after - before)) -ge 1 ]
	ktap $? "lifecycle: $1: tcp/22 to $2 is dropped ($rc), reaches no listener ($got), counts as a drop (+$((after - before)))"
}

# untouched WHEN ADDR: the same flow passes and counts nothing: no role.
untouched() {
	before=$(packets $EDGE drop external in)
	in_ns $INET "$PROBE" send tcp "$2" 22 "u$le_tests" </dev/null
	rc=$?
	got=$(grep -c " u$le_tests\$" /tmp/edge.log)
	after=$(packets $EDGE drop external in)
	[ $rc -eq 0 ] && [ "$got" = 1 ] && [ "$after" = "$before" ]
	ktap $? "lifecycle: $1: tcp/22 to $2 passes ($rc), reaches its listener ($got), counts nothing"
}

# state NAME: "bound" or "waiting", as show says of the role of NAME.
state() {
	in_ns $EDGE $CTL show dump | awk -F'\t' -v n="$1" '$1 == "role" && $2 == n {
		print ($4 == "-" ? "waiting" : "bound") }'
}

check "lifecycle: set-role e0 external" in_ns $EDGE $CTL set-role e0 external
judged "with the role" 192.0.2.1

# Roles belong to names, as nftables' iifname: the interface goes, the
# role waits for the next interface of that name, which has it at once.
$IP -n $EDGE link del e0
check "lifecycle: a deleted interface's role waits for its name" [ "$(state e0)" = waiting ]
veth $INET i0 192.0.2.2 2001:db8:e::2 $EDGE e0 192.0.2.1 2001:db8:e::1
check "lifecycle: an interface created with the name has the role" [ "$(state e0)" = bound ]
judged "re-created under the name" 192.0.2.1

# Renamed away from the name, it loses the role; renamed back, it has it.
# (Down for the rename: 6.1 renames no interface that is up.)
rename() { # OLD NEW
	$IP -n $EDGE link set "$1" down && $IP -n $EDGE link set "$1" name "$2" &&
		$IP -n $EDGE link set "$2" up
}
check "lifecycle: e0 renamed to ext0" rename e0 ext0
check "lifecycle: renamed away, the role waits again" [ "$(state e0)" = waiting ]
untouched "renamed to ext0" 192.0.2.1
check "lifecycle: ext0 renamed back to e0" rename ext0 e0
judged "renamed back to e0" 192.0.2.1

# Moved in under a name with a role, an interface has it; moved out, it
# leaves the role behind, and has none where it goes.
$IP netns add move-$$
check "lifecycle: set-role e5 external, no e5 yet" in_ns $EDGE $CTL set-role e5 external
$IP link add e5 netns move-$$ type veth peer name i5 netns $INET
$IP -n $INET addr add 100.64.0.2/30 dev i5
$IP -n $INET link set i5 up
$IP -n move-$$ link set e5 netns $EDGE
$IP -n $EDGE addr add 100.64.0.1/30 dev e5
$IP -n $EDGE link set e5 up
check "lifecycle: e5 moved into the namespace has the role" [ "$(state e5)" = bound ]
judged "moved in as e5" 100.64.0.1
$IP -n $EDGE link set e5 netns move-$$
check "lifecycle: moved out, its role waits" [ "$(state e5)" = waiting ]
check "lifecycle: and it has none in its new namespace" \
	sh -c "$IP netns exec move-$$ $CTL show | grep -q 'changes nothing'"
check "lifecycle: set-role e5 none" in_ns $EDGE $CTL set-role e5 none
$IP netns del move-$$

# A namespace deleted while it has roles and traffic.
$IP netns add gone-$$
$IP link add g0 netns gone-$$ type veth peer name g1 netns $INET
$IP -n gone-$$ addr add 192.0.2.129/25 dev g0
$IP -n gone-$$ link set g0 up
$IP -n $INET addr add 192.0.2.130/25 dev g1
$IP -n $INET link set g1 up
in_ns gone-$$ $CTL set-role g0 external
in_ns $INET "$PROBE" flood 192.0.2.129 3479 3 &
flood=$!
sleep 1
check "lifecycle: the flood is being dropped in the doomed namespace" \
	sh -c "$IP netns exec gone-$$ cat $RULES | awk '\$1 == \"drop\" && \$2 == \"external\" && \$3 == \"in\" && \$8 > 0' | grep -q ."
$IP netns del gone-$$
wait $flood
check "lifecycle: deleting a namespace with roles and traffic leaves the module usable" \
	sh -c "$IP netns exec $EDGE $CTL show >/dev/null"

# Unload while traffic flows through a role interface, both ways.
check "lifecycle: set-role e1 internal" in_ns $EDGE $CTL set-role e1 internal
check "lifecycle: set-role e0 external once more" in_ns $EDGE $CTL set-role e0 external
in_ns $INET "$PROBE" flood 192.0.2.1 3478 4 &
f1=$!
in_ns $INET "$PROBE" flood 2001:db8:e::1 3479 4 &
f2=$!
in_ns $LAN "$PROBE" flood 172.16.1.1 3478 4 &
f3=$!
sleep 1
check "lifecycle: rmmod while traffic flows" /sbin/rmmod lyncedge
wait $f1 $f2 $f3
check "lifecycle: the module is gone" sh -c "! grep -q '^lyncedge ' /proc/modules"
check "lifecycle: /proc/net/lyncedge is gone" sh -c "[ ! -e /proc/net/lyncedge ] && ! $IP netns exec $EDGE test -e /proc/net/lyncedge"
check "lifecycle: the netlink family is gone" sh -c "$CTL show 2>&1 | grep -q 'module is not loaded'"
check "lifecycle: with the module gone, tcp/22 to e0 passes" in_ns $INET "$PROBE" send tcp 192.0.2.1 22 l3
check "lifecycle: insmod again" /sbin/insmod $MODULE
check "lifecycle: a fresh load starts with no roles" sh -c "$IP netns exec $EDGE $CTL show | grep -q 'changes nothing'"
check "lifecycle: rmmod again" /sbin/rmmod lyncedge

ktap_finish
