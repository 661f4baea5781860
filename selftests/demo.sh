#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# `make demo`: the main job end to end. Loads lyncedge, gives the edge its
# roles, sends allowed and forbidden traffic, and shows the counters; makes
# a change that locks the admin out and lets the kernel revert it; then the
# same on a gateway in front of the edge (gateway mode).
. ./lib.sh

say() { echo; echo "### $*"; }
try() { # LABEL CLIENT-NS PROTO ADDR PORT
	if in_ns "$2" "$PROBE" send "$3" "$4" "$5" "demo$5"; then
		echo "  passed:  $1"
	else
		echo "  dropped: $1"
	fi
}

topology_up
listen $EDGE /tmp/edge.log tcp:443 tcp:5061 tcp:22 udp:3478 tcp:8057 tcp:3389 tcp:5070 || exit 1
listen $INET /tmp/inet.log udp:53 tcp:80 tcp:5061 tcp:50000 tcp:25 || exit 1

say "insmod lyncedge.ko"
/sbin/insmod $MODULE
say "lyncedgectl set-role e0 external; lyncedgectl set-role e1 internal"
in_ns $EDGE $CTL set-role e0 external
in_ns $EDGE $CTL set-role e1 internal

say "traffic (IPv4 and IPv6)"
for a in 192.0.2.1 2001:db8:e::1; do
	try "remote user -> edge $a tcp/443 (SIP/TLS)" $INET tcp $a 443
	try "federation partner -> edge $a tcp/5061" $INET tcp $a 5061
	try "peer -> edge $a udp/3478 (STUN)" $INET udp $a 3478
	try "attacker -> edge $a tcp/22 (ssh)" $INET tcp $a 22
	try "attacker -> edge $a tcp/3389 (rdp)" $INET tcp $a 3389
done
try "edge -> DNS 192.0.2.2 udp/53" $EDGE udp 192.0.2.2 53
try "edge -> CRL 192.0.2.2 tcp/80" $EDGE tcp 192.0.2.2 80
try "edge -> media relay 192.0.2.2 tcp/50000" $EDGE tcp 192.0.2.2 50000
try "edge -> 192.0.2.2 tcp/25 (smtp)" $EDGE tcp 192.0.2.2 25
try "front end -> edge 172.16.1.1 tcp/8057 (PSOM)" $LAN tcp 172.16.1.1 8057
try "front end -> edge 172.16.1.1 tcp/22 (ssh)" $LAN tcp 172.16.1.1 22
# An Internet address on the internal segment: to the edge's second internal
# address the front end's namespace speaks from 203.0.113.66.
$IP -n $EDGE addr add 172.16.1.100/24 dev e1
$IP -n $EDGE route add 203.0.113.66/32 via 172.16.1.2 dev e1
$IP -n $LAN addr add 203.0.113.66/32 dev l0
$IP -n $LAN route add 172.16.1.100/32 dev l0 src 203.0.113.66
try "Internet host 203.0.113.66 on the internal side -> edge 172.16.1.100 tcp/8057 (not an internal network)" \
	$LAN tcp 172.16.1.100 8057

say "lyncedgectl show"
in_ns $EDGE $CTL show
say "cat /proc/net/lyncedge/rules"
in_ns $EDGE cat $RULES

say "fitting the policy to this edge"
for c in "set-service access 192.0.2.1 2001:db8:e::1" "set-service av 192.0.2.3" \
	"add-peer frontend 172.16.1.0/24" "add-rule external in tcp 5070 SIP on a moved port" \
	"set-mode internal audit"; do
	echo "  lyncedgectl $c"
	in_ns $EDGE $CTL $c
done
$IP -n $EDGE addr add 192.0.2.3/24 dev e0
try "remote user -> Access Edge 192.0.2.1 tcp/443" $INET tcp 192.0.2.1 443
try "peer -> A/V Edge 192.0.2.3 tcp/443" $INET tcp 192.0.2.3 443
try "federation partner -> A/V Edge 192.0.2.3 tcp/5061 (not its service)" $INET tcp 192.0.2.3 5061
try "site client -> edge 192.0.2.1 tcp/5070 (custom rule)" $INET tcp 192.0.2.1 5070
say "lyncedgectl show"
in_ns $EDGE $CTL show
say "lyncedgectl showconf"
in_ns $EDGE $CTL showconf

say "a change that locks the admin out, made safely: setconf --confirm 3 gives e2, the management side, a role"
try "admin 203.0.113.2 -> edge 203.0.113.1 tcp/22 (ssh, before)" $INET tcp 203.0.113.1 22
in_ns $EDGE $CTL showconf >/tmp/demo.conf
echo "set-role e2 external" >>/tmp/demo.conf
echo "  lyncedgectl setconf --confirm 3 edge.conf"
in_ns $EDGE $CTL setconf --confirm 3 /tmp/demo.conf | sed 's/^/  /'
try "admin -> edge 203.0.113.1 tcp/22 (ssh, locked out)" $INET tcp 203.0.113.1 22
in_ns $EDGE $CTL show | grep '^confirm:' | sed 's/^/  /'
echo "  (nobody runs lyncedgectl confirm; 4 s later)"
sleep 4
in_ns $EDGE $CTL show | grep '^confirm:' | sed 's/^/  /'
try "admin -> edge 203.0.113.1 tcp/22 (ssh, the kernel reverted the change)" $INET tcp 203.0.113.1 22
dmesg | grep 'is reverted' | tail -n 1 | sed 's/^\[[^]]*\] /  kernel: /'

say "lyncedgectl monitor (drop events, in the background) while forbidden traffic comes in"
# Started by a child shell, so that this one has no job to report killed.
sh -c "$IP netns exec $EDGE $CTL monitor >/tmp/demo.mon 2>&1 &"
sleep 1
try "attacker -> edge 192.0.2.1 tcp/22 (ssh)" $INET tcp 192.0.2.1 22
try "attacker -> edge 2001:db8:e::1 udp/161 (snmp)" $INET udp 2001:db8:e::1 161
in_ns $INET "$PROBE" raw 47 192.0.2.1 4 && echo "  sent:    attacker -> edge 192.0.2.1 GRE"
try "workstation -> edge 172.16.1.1 tcp/3389 (rdp; internal is in audit mode)" $LAN tcp 172.16.1.1 3389
sleep 1
stop_ns $EDGE
listen $EDGE /tmp/edge.log tcp:443 tcp:5061 tcp:22 udp:3478 tcp:8057 tcp:3389 tcp:5070 || exit 1
say "what lyncedgectl monitor printed"
cat /tmp/demo.mon

say "lyncedgectl show --json | jq -c '.roles, .config, .drops, .events, (.rules[] | select(.packets > 0))'"
in_ns $EDGE $CTL show --json >/tmp/demo.json
jq -Mc '.roles, .config, .drops, .events, (.rules[] | select(.packets > 0))' /tmp/demo.json
jq -e -f show.schema.jq /tmp/demo.json >/dev/null && echo "(the whole document matches the schema of lyncedgectl(8))"

say "lyncedgectl show --prometheus (without the zero and the enabled samples)"
in_ns $EDGE $CTL show --prometheus >/tmp/demo.prom
grep -Ev '^lyncedge_rule_[a-z_]*\{.*\} 0$|^lyncedge_rule_enabled\{' /tmp/demo.prom
promtool check metrics </tmp/demo.prom && echo "(promtool check metrics: accepted)"

say "lyncedgectl reset-counters (prints what it cleared)"
in_ns $EDGE $CTL reset-counters | awk 'NR == 1 || $8 > 0'
say "cat /proc/net/lyncedge/rules | awk '\$8 > 0' (nothing: all cleared)"
in_ns $EDGE cat $RULES | awk 'NR > 1 && $8 > 0'

say "lyncedgectl set-role e0 none: the external side is untouched again"
in_ns $EDGE $CTL set-role e0 none
try "attacker -> edge 192.0.2.1 tcp/22 (ssh)" $INET tcp 192.0.2.1 22

topology_down

say "gateway mode: lyncedge on the Linux firewall in front of the edge (drawn in lib.sh)"
gateway_up
listen $EDGE /tmp/gw-edge.log tcp:443 tcp:22 udp:3478 tcp:5061 || exit 1
listen $INET /tmp/gw-inet.log udp:53 tcp:5061 || exit 1
for c in "set-deployment gateway" "set-role g1 external" "set-role g2 internal" \
	"set-service access 10.0.1.10 2001:db8:e::10" "set-service av 10.0.1.12 2001:db8:e::12"; do
	echo "  lyncedgectl $c"
	in_ns $GW $CTL $c
done
say "nft list ruleset (on the gateway: the NAT that publishes the edge)"
in_ns $GW nft list ruleset
try "remote user -> 203.0.113.10 tcp/443 (DNAT to the Access Edge 10.0.1.10)" $INET tcp 203.0.113.10 443
try "peer -> 203.0.113.12 udp/3478 (DNAT to the A/V Edge 10.0.1.12)" $INET udp 203.0.113.12 3478
try "peer -> 203.0.113.10 udp/3478 (not the A/V Edge)" $INET udp 203.0.113.10 3478
try "attacker -> 203.0.113.10 tcp/22 (ssh)" $INET tcp 203.0.113.10 22
try "edge -> DNS 203.0.113.2 udp/53 (SNAT to 203.0.113.10)" $EDGE udp 203.0.113.2 53
try "front end -> edge 10.0.2.10 tcp/5061" $LAN tcp 10.0.2.10 5061
try "edge -> front end 10.0.3.2 tcp/22 (ssh)" $EDGE tcp 10.0.3.2 22
say "two mistakes: a source NAT toward the edge, and the edge's default gateway on its internal side"
in_ns $GW nft add table ip mistake
in_ns $GW nft add chain ip mistake post '{ type nat hook postrouting priority srcnat; }'
in_ns $GW nft add rule ip mistake post oifname g1 masquerade
echo "  nft add rule ip mistake post oifname g1 masquerade"
try "peer -> 203.0.113.12 udp/3478, its source NATed on the way in" $INET udp 203.0.113.12 3478
in_ns $GW nft delete table ip mistake
$IP -n $EDGE route replace default via 10.0.2.1
echo "  ip route replace default via 10.0.2.1 (on the edge)"
try "peer -> 203.0.113.12 udp/3478, the reply through the internal side" $INET udp 203.0.113.12 3478
say "lyncedgectl show (on the gateway)"
in_ns $GW $CTL show | awk '/^id / { table = 1 } !table || $8 > 0 || $1 == "id"'
gateway_down

say "rmmod lyncedge"
/sbin/rmmod lyncedge && echo "  unloaded"
