#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The internal networks: the internal side talks to hosts of the internal
# network only. On the edge itself (host deployment) and on a three-legged
# gateway in front of it (an Internet uplink and a LAN without roles, the
# edge's two segments with theirs): the front end reaches every internal
# port, counted on its rule; an Internet host reaches none, each attempt
# dropped, counted on the internal drop counter and in the `outside`
# diagnostic, and reported by an event; the edge's federation SIP forced
# out through its internal side is dropped (in audit mode passed), counted
# there too; correct traffic leaves the diagnostic at 0. IPv4 and IPv6.
# The operator's own networks, "any" said explicitly, and what is refused.
. ./lib.sh

n=0
# The internal rows toward the edge, from the seed as the tests transcribe
# it: "id proto port" in /tmp/in-rows, "proto port" in /tmp/in-ports. (Read
# by redirection, not through a pipe: a pipe's loop runs in a subshell,
# whose test results would be lost.)
awk '$2 == "internal" && $3 == "in" { print $1, $4, $5 }' "$EXPECTED" >/tmp/in-rows
cut -d' ' -f2,3 /tmp/in-rows >/tmp/in-ports
echo "tcp 5061" >/tmp/in-sip
echo "udp 3478" >/tmp/in-stun

# outside NS: the `outside` diagnostic of NS, in packets.
outside() {
	in_ns "$1" $CTL show dump | awk '$1 == "diagnostics" { print $4 }'
}

# reaches NS LOG FROM PROTO ADDR PORT ID ROLE DIR WHAT: a flow from FROM that
# must reach LOG's listener and count once on rule ID of NS, and nothing else
# (TCP's client may have sent its SYN twice, and both are the new flow's).
reaches() {
	n=$((n + 1))
	measure $1 in_ns "$(ns_of "$3")" "$PROBE" send "$4" "$5" "$6" i$n </dev/null
	got=$(grep -c " i$n\$" "$2")
	[ $rc -eq 0 ] && [ "$got" = 1 ] &&
		{ [ "$d" = "$7 $8 $9 +1," ] || { [ "$4" = tcp ] && [ "$d" = "$7 $8 $9 +2," ]; }; }
	ktap $? "internal: ${10}: $4/$6 to $5 passes, reaches its listener ($got), counts on rule $7 only [$d]"
}

# refused NS LOG FROM ADDR DIR WHAT < "proto port" lines: sent at once, each
# must reach no listener; together they count on drop internal DIR of NS
# only, at least once each, and the outside diagnostic grows by as much.
refused() {
	counters $1 >/tmp/before
	o0=$(outside $1)
	send_all "$(ns_of "$3")" "$4" r
	counters $1 >/tmp/after
	o1=$(outside $1)
	while read -r tok rc proto port; do
		[ "$rc" -eq 1 ] && ! grep -q " $tok\$" "$2"
		ktap $? "internal: $6: $proto/$port to $4 is dropped and reaches no listener"
	done </tmp/rcs
	d=$(deltas /tmp/before /tmp/after | tr '\n' ,)
	grew=$(echo "$d" | awk -v k="drop internal $5" -F, \
		'NF == 2 && index($1, k " +") == 1 { print substr($1, length(k) + 3) + 0 }')
	[ -n "$grew" ] && [ "$grew" -ge $count ]
	ktap $? "internal: $6: $count flows count on drop internal $5 only [$d]"
	[ $((o1 - o0)) -eq "${grew:-0}" ]
	ktap $? "internal: $6: the outside diagnostic counts each packet too (+$((o1 - o0)))"
}

# audit_sip NS LOG ADDR WHAT: with the internal role in audit mode, the
# edge's federation SIP to ADDR through the internal side reaches LOG's
# listener and counts on drop internal out of NS (not on rule 18; its SYN
# maybe twice), and each of its packets, both ways, is outside.
audit_sip() {
	o0=$(outside $1)
	n=$((n + 1))
	measure $1 in_ns $EDGE "$PROBE" send tcp "$3" 5061 i$n </dev/null
	grew=$(($(outside $1) - o0))
	[ $rc -eq 0 ] && [ "$(grep -c " i$n\$" "$2")" = 1 ] &&
		{ [ "$d" = "drop internal out +1," ] || [ "$d" = "drop internal out +2," ]; } &&
		[ $grew -ge 4 ]
	ktap $? "internal: $4: audit: the federation SIP passes, counts on drop internal out, not rule 18 [$d], each of its packets both ways outside (+$grew)"
}

load_module

# --- Host deployment: the edge itself. ---------------------------------
topology_up
trap topology_down EXIT
in_ns $EDGE $CTL enable xmpp
check "internal: host: set-role e0 external" in_ns $EDGE $CTL set-role e0 external
check "internal: host: set-role e1 internal" in_ns $EDGE $CTL set-role e1 internal
check "internal: the default is the private ranges" sh -c "$IP netns exec $EDGE $CTL showconf |
	grep -qx 'set-internal-networks 10.0.0.0/8 172.16.0.0/12 192.168.0.0/16 fc00::/7'"
listen $EDGE /tmp/in-edge.log $(awk '{ print $2 ":" $3 }' /tmp/in-rows) || exit 1
listen $LAN /tmp/in-lan.log tcp:5061 udp:3478 || exit 1

while read -r id proto port; do
	reaches $EDGE /tmp/in-edge.log lan $proto 172.16.1.1 $port $id internal in "the front end's"
	reaches $EDGE /tmp/in-edge.log lan $proto fd00:1::1 $port $id internal in "the front end's"
done </tmp/in-rows
reaches $EDGE /tmp/in-lan.log edge tcp 172.16.1.2 5061 18 internal out "the edge's SIP to the front end"
reaches $EDGE /tmp/in-lan.log edge tcp fd00:1::2 5061 18 internal out "the edge's SIP to the front end"
check "internal: host: a correct setup leaves the outside diagnostic at 0" [ "$(outside $EDGE)" = 0 ]

# An Internet host arriving on the internal NIC: the front end's namespace
# reaches the edge from Internet addresses, and the edge routes them back.
$IP -n $LAN addr add 203.0.113.66/32 dev l0
$IP -n $LAN addr add 2001:db8:66::66/128 dev l0 nodad
$IP -n $LAN route add 172.16.1.1/32 dev l0 src 203.0.113.66
$IP -n $LAN -6 route add fd00:1::1/128 dev l0 src 2001:db8:66::66
$IP -n $EDGE route add 203.0.113.66/32 via 172.16.1.2 dev e1
$IP -n $EDGE -6 route add 2001:db8:66::66/128 via fd00:1::2 dev e1
refused $EDGE /tmp/in-edge.log lan 172.16.1.1 in "host: from 203.0.113.66 on the internal NIC" </tmp/in-ports
refused $EDGE /tmp/in-edge.log lan fd00:1::1 in "host: from 2001:db8:66::66 on the internal NIC" </tmp/in-ports

in_ns $EDGE $CTL monitor >/tmp/in-monitor.log 2>&1 &
mon=$!
sleep 0.5
in_ns $LAN "$PROBE" send udp 172.16.1.1 3478 ev </dev/null
sleep 0.5
kill $mon
check "internal: the event says why: outside" grep -Eq \
	'^drop internal in e1 udp 203\.0\.113\.66:[0-9]+ > 172\.16\.1\.1:3478 len [0-9]+ outside$' \
	/tmp/in-monitor.log

# The edge's federation SIP to an Internet peer, forced out through its
# internal side (the peer, 203.0.113.66, is routed there).
refused $EDGE /tmp/in-lan.log edge 203.0.113.66 out "host: federation SIP out the internal side" </tmp/in-sip
refused $EDGE /tmp/in-lan.log edge 2001:db8:66::66 out "host: federation SIP out the internal side" </tmp/in-sip
check "internal: host: set-mode internal audit" in_ns $EDGE $CTL set-mode internal audit
audit_sip $EDGE /tmp/in-lan.log 203.0.113.66 host
o0=$(outside $EDGE)
n=$((n + 1))
measure $EDGE in_ns $EDGE "$PROBE" send udp 2001:db8:66::66 3478 i$n </dev/null
[ $rc -eq 0 ] && [ "$d" = "drop internal out +1," ] && [ $(($(outside $EDGE) - o0)) -eq 2 ]
ktap $? "internal: host: audit: one datagram out and its reply count 2 outside (+$(($(outside $EDGE) - o0))) [$d]"
check "internal: host: set-mode internal enforce" in_ns $EDGE $CTL set-mode internal enforce

# The operator's networks: a public block of the site's becomes internal.
check "internal: set-internal-networks with a public block" \
	in_ns $EDGE $CTL set-internal-networks 172.16.0.0/12 203.0.113.64/28 fc00::/7
reaches $EDGE /tmp/in-edge.log lan tcp 172.16.1.1 5062 20 internal in "from 203.0.113.66, now internal"
reaches $EDGE /tmp/in-edge.log lan udp 172.16.1.1 3478 21 internal in "from 203.0.113.66, now internal"
refused $EDGE /tmp/in-edge.log lan fd00:1::1 in "2001:db8:66::66 still outside" </tmp/in-stun
check "internal: show --json lists them" sh -c "$IP netns exec $EDGE $CTL show --json |
	jq -e '.config.internal_networks == [\"172.16.0.0/12\", \"203.0.113.64/28\", \"fc00::/7\"]' >/dev/null"
check "internal: show --prometheus lists them" sh -c "$IP netns exec $EDGE $CTL show --prometheus |
	grep -qx 'lyncedge_internal_network{prefix=\"203.0.113.64/28\"} 1'"

# Refused, and nothing changes.
in_ns $EDGE $CTL showconf >/tmp/in-conf.before
in_ns $EDGE $CTL set-internal-networks 2>/tmp/err
check "internal: no networks at all is refused" [ $? -eq 1 ]
check "internal: and the error says how to say any" grep -q "0.0.0.0/0" /tmp/err
in_ns $EDGE $CTL add-peer frontend 198.51.100.0/24 2>/tmp/err
check "internal: a peer outside the internal networks is refused" [ $? -eq 1 ]
check "internal: with the module's reason" grep -q "outside the internal networks" /tmp/err
check "internal: add-peer frontend 203.0.113.66/32, inside" in_ns $EDGE $CTL add-peer frontend 203.0.113.66/32
in_ns $EDGE $CTL set-internal-networks 172.16.0.0/12 fc00::/7 2>/tmp/err
check "internal: networks that leave a peer outside are refused" [ $? -eq 1 ]
check "internal: with the module's reason" grep -q "leave a peer outside" /tmp/err
in_ns $EDGE $CTL set-internal-networks 10.0.0.0/8 10.0.0.0/8 2>/tmp/err
check "internal: a network twice is refused" [ $? -eq 1 ]
in_ns $EDGE $CTL set-internal-networks 10.0.0.1/8 2>/tmp/err
check "internal: a network with host bits is refused" [ $? -eq 1 ]
check "internal: del-peer frontend 203.0.113.66/32" in_ns $EDGE $CTL del-peer frontend 203.0.113.66/32
in_ns $EDGE $CTL showconf >/tmp/in-conf.after
check "internal: the refused changes changed nothing" cmp -s /tmp/in-conf.before /tmp/in-conf.after

# Any address, said explicitly.
check "internal: set-internal-networks 0.0.0.0/0 ::/0" in_ns $EDGE $CTL set-internal-networks 0.0.0.0/0 ::/0
reaches $EDGE /tmp/in-edge.log lan udp fd00:1::1 3478 21 internal in "from 2001:db8:66::66, any address"
topology_down

# --- Gateway deployment: the three-legged firewall in front of the edge. ---
gateway_up
trap gateway_down EXIT
check "internal: gateway: set-deployment gateway" in_ns $GW $CTL set-deployment gateway
check "internal: gateway: enable xmpp" in_ns $GW $CTL enable xmpp
check "internal: gateway: set-role g1 external" in_ns $GW $CTL set-role g1 external
check "internal: gateway: set-role g2 internal" in_ns $GW $CTL set-role g2 internal
listen $EDGE /tmp/gw-in-edge.log $(awk '{ print $2 ":" $3 }' /tmp/in-rows) || exit 1
listen $INET /tmp/gw-in-inet.log tcp:5061 || exit 1
# The first flow of each family through the new links waits for neighbour
# discovery on three of them, near the probe's timeout under TCG (its SYN
# sent twice, or no answer in time): one each first, not measured.
for a in 10.0.2.10 fd00:2::10; do
	in_ns $LAN "$PROBE" send tcp $a 5061 warm </dev/null
done

while read -r id proto port; do
	reaches $GW /tmp/gw-in-edge.log lan $proto 10.0.2.10 $port $id internal in "gateway: the front end's"
	reaches $GW /tmp/gw-in-edge.log lan $proto fd00:2::10 $port $id internal in "gateway: the front end's"
done </tmp/in-rows
check "internal: gateway: a correct setup leaves the outside diagnostic at 0" [ "$(outside $GW)" = 0 ]
refused $GW /tmp/gw-in-edge.log inet 10.0.2.10 in "gateway: from the Internet (203.0.113.2)" </tmp/in-ports
refused $GW /tmp/gw-in-edge.log inet fd00:2::10 in "gateway: from the Internet (2001:db8:f::2)" </tmp/in-ports

# The edge's default route on its internal side: its federation SIP leaves
# through the gateway's internal-role interface.
$IP -n $EDGE route replace default via 10.0.2.1
$IP -n $EDGE -6 route replace default via fd00:2::1
refused $GW /tmp/gw-in-inet.log edge 203.0.113.2 out "gateway: federation SIP out the internal side" </tmp/in-sip
refused $GW /tmp/gw-in-inet.log edge 2001:db8:f::2 out "gateway: federation SIP out the internal side" </tmp/in-sip
check "internal: gateway: set-mode internal audit" in_ns $GW $CTL set-mode internal audit
audit_sip $GW /tmp/gw-in-inet.log 203.0.113.2 gateway
$IP -n $EDGE route replace default via 10.0.1.1 src 10.0.1.10
$IP -n $EDGE -6 route replace default via 2001:db8:e::1 src 2001:db8:e::10

ktap_finish
