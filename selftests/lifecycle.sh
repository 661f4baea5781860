#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Interfaces and namespaces that go away while they have roles, and
# unloading the module while traffic flows. Ends with the module unloaded.
. ./lib.sh

load_module
topology_up
trap topology_down EXIT
listen $EDGE /tmp/edge.log tcp:22 tcp:443 udp:3478 udp:3479 || exit 1

roles() { in_ns $EDGE $CTL show | awk '/^interfaces:/ { on = 1; next } /^features:/ { on = 0 } on'; }

check "lifecycle: set-role e0 external" in_ns $EDGE $CTL set-role e0 external
in_ns $INET "$PROBE" send tcp 192.0.2.1 22 l1
check "lifecycle: with the role, tcp/22 to e0 is dropped" [ $? -eq 1 ]

# The interface goes away: its role goes with it, and a new interface that
# gets the same name (or the same index) starts without one.
$IP -n $EDGE link del e0
check "lifecycle: a deleted interface loses its role" sh -c "! $IP netns exec $EDGE $CTL show | grep -q ' e0 '"
veth $INET i0 192.0.2.2 2001:db8:e::2 $EDGE e0 192.0.2.1 2001:db8:e::1
check "lifecycle: an interface re-created with the same name has no role" \
	sh -c "$IP netns exec $EDGE $CTL show | grep -q 'changes nothing'"
check "lifecycle: and tcp/22 to it passes again" in_ns $INET "$PROBE" send tcp 192.0.2.1 22 l2

# Renamed, it keeps its role: roles belong to interfaces, not to names.
check "lifecycle: set-role e0 external again" in_ns $EDGE $CTL set-role e0 external
$IP -n $EDGE link set e0 down
$IP -n $EDGE link set e0 name ext0
$IP -n $EDGE link set ext0 up
check "lifecycle: a renamed interface keeps its role" sh -c "$IP netns exec $EDGE $CTL show | grep -Eq '^ +ext0 +external'"

# An interface moved to another namespace leaves its role behind.
$IP netns add move-$$
$IP -n $EDGE link set ext0 netns move-$$
check "lifecycle: an interface moved out of the namespace loses its role" \
	sh -c "$IP netns exec $EDGE $CTL show | grep -q 'changes nothing'"
check "lifecycle: and has none in its new namespace" \
	sh -c "$IP netns exec move-$$ $CTL show | grep -q 'changes nothing'"
$IP netns del move-$$
# Its peer goes with it, asynchronously; then the topology is whole again.
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	$IP -n $INET link show i0 >/dev/null 2>&1 || break
	sleep 0.1
done
veth $INET i0 192.0.2.2 2001:db8:e::2 $EDGE e0 192.0.2.1 2001:db8:e::1

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
in_ns $LAN "$PROBE" flood 198.51.100.1 3478 4 &
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
