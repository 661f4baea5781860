#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The gateway deployment: lyncedge on the firewall in front of the edge, which
# publishes the edge's private addresses with nftables DNAT and SNAT, as in
# the seed's picture. Allowed flows reach the edge through the NAT and count
# on their rule; forbidden ones are dropped at the gateway and count as
# drops; the edge's own flows out pass; the gateway's own traffic and traffic
# that touches no role interface are untouched; the two diagnostics count
# exactly the packets of their staged mistake and nothing otherwise. The
# topology is drawn in lib.sh (gateway_up).
. ./lib.sh

n=0

# send FROM TO PROTO ADDR PORT: one flow from FROM to the listener of TO,
# between two readings of the gateway's counters (rc, d: see measure); got
# is how many times TO's listener logged it.
send() {
	n=$((n + 1))
	measure $GW in_ns "$(ns_of "$1")" "$PROBE" send "$3" "$4" "$5" g$n </dev/null
	got=$(grep -c " g$n\$" "/tmp/gw-$2.log")
}

# passes ID ROLE DIR FROM TO PROTO ADDR PORT: the flow passes, reaches its
# listener and counts once, on rule ID only.
passes() {
	id=$1 role=$2 dir=$3
	shift 3
	send "$@"
	[ $rc -eq 0 ] && [ "$got" = 1 ] && [ "$d" = "$id $role $dir +1," ]
	ktap $? "gateway: $1 to $2 $3 $4/$5 passes (exit $rc), reaches the listener ($got), counts once on rule $id $role $dir [$d]"
}

# dropped ROLE DIR FROM TO PROTO ADDR PORT: the flow is dropped at the
# gateway, reaches no listener, and counts on the drop counter of (ROLE,
# DIR) only (TCP's client may have sent its SYN twice).
dropped() {
	role=$1 dir=$2
	shift 2
	send "$@"
	case "$d" in
	"drop $role $dir +1," | "drop $role $dir +2,") counted=0 ;;
	*) counted=1 ;;
	esac
	[ $rc -eq 1 ] && [ "$got" = 0 ] && [ $counted -eq 0 ]
	ktap $? "gateway: $1 to $2 $3 $4/$5 is dropped (exit $rc), reaches no listener ($got), counts as a drop $role $dir [$d]"
}

# untouched FROM TO PROTO ADDR PORT WHY: the flow passes and nothing counts.
untouched() {
	send "$1" "$2" "$3" "$4" "$5"
	[ $rc -eq 0 ] && [ "$got" = 1 ] && [ -z "$d" ]
	ktap $? "gateway: $1 to $2 $3 $4/$5 passes, reaches the listener, counts nothing: $6 [$d]"
}

# diag: "AV_SNAT ASYMMETRIC", the gateway's diagnostic counters.
diag() {
	in_ns $GW $CTL show dump | awk '$1 == "diagnostics" { print $2, $3 }'
}

load_module
gateway_up
trap gateway_down EXIT
listen $EDGE /tmp/gw-edge.log tcp:443 tcp:5061 udp:3478 tcp:22 tcp:4443 tcp:3389 || exit 1
listen $INET /tmp/gw-inet.log udp:53 tcp:80 tcp:5061 tcp:50000 udp:3478 tcp:22 || exit 1
listen $LAN /tmp/gw-lan.log tcp:5061 udp:53 tcp:22 || exit 1
listen $GW /tmp/gw-gw.log tcp:22 || exit 1

check "gateway: set-deployment gateway" in_ns $GW $CTL set-deployment gateway
check "gateway: set-role g1 external" in_ns $GW $CTL set-role g1 external
check "gateway: set-role g2 internal" in_ns $GW $CTL set-role g2 internal
check "gateway: set-service access, the edge's private addresses" \
	in_ns $GW $CTL set-service access 10.0.1.10 2001:db8:e::10
check "gateway: set-service av" in_ns $GW $CTL set-service av 10.0.1.12 2001:db8:e::12
check "gateway: show says so" sh -c "$IP netns exec $GW $CTL show | grep -q '^deployment: gateway'"
check "gateway: showconf says so" sh -c "$IP netns exec $GW $CTL showconf |
	grep -qx 'set-deployment gateway'"

# From the Internet to the published addresses: judged after the DNAT, on
# the edge's own addresses, as "external in".
passes 5 external in inet edge tcp 203.0.113.10 443
passes 6 external in inet edge tcp 203.0.113.10 5061
passes 13 external in inet edge udp 203.0.113.12 3478
passes 28 external in inet edge tcp 203.0.113.12 443
dropped external in inet edge tcp 203.0.113.10 22
dropped external in inet edge udp 203.0.113.10 3478
passes 5 external in inet edge tcp 2001:db8:e::10 443
passes 13 external in inet edge udp 2001:db8:e::12 3478
dropped external in inet edge tcp 2001:db8:e::10 3389

# The edge's own flows out, through the SNAT: "external out".
passes 4 external out edge inet udp 203.0.113.2 53
passes 2 external out edge inet tcp 203.0.113.2 80
passes 7 external out edge inet tcp 203.0.113.2 5061
passes 8 external out edge inet tcp 203.0.113.3 50000
passes 12 external out edge inet udp 203.0.113.3 3478
dropped external out edge inet tcp 203.0.113.2 22
passes 4 external out edge inet udp 2001:db8:f::2 53
passes 8 external out edge inet tcp 2001:db8:f::3 50000

# The internal side: "internal in" from the front end, "internal out" to it.
passes 17 internal in lan edge tcp 10.0.2.10 5061
passes 23 internal in lan edge tcp 10.0.2.10 4443
dropped internal in lan edge tcp 10.0.2.10 3389
passes 17 internal in lan edge tcp fd00:2::10 5061
passes 18 internal out edge lan tcp 10.0.3.2 5061
dropped internal out edge lan udp 10.0.3.2 53

# What the gateway deployment leaves alone.
untouched inet gw tcp 203.0.113.1 22 "the gateway's own traffic"
untouched edge gw tcp 10.0.1.1 22 "the gateway's own traffic on a role interface"
untouched inet lan tcp 10.0.3.2 22 "forwarded without touching a role interface"
check "gateway: no diagnostic without a mistake" [ "$(diag)" = "0 0" ]

# Back to host deployment: the gateway's own traffic on its role interface
# is judged, forwarded traffic is not.
check "gateway: set-deployment host" in_ns $GW $CTL set-deployment host
dropped external in edge gw tcp 10.0.1.1 22
untouched inet edge tcp 203.0.113.10 22 "host deployment judges no forwarded packet"
check "gateway: set-deployment gateway again" in_ns $GW $CTL set-deployment gateway
dropped external in inet edge tcp 203.0.113.10 22

# Mistake 1: a source NAT on the way in (the gateway masquerades what it
# sends to the edge). Counted for the A/V flow only, once, on its first packet.
in_ns $GW nft -f - <<'NFT'
table ip mistake {
	chain post {
		type nat hook postrouting priority srcnat; policy accept;
		oifname "g1" snat to 10.0.1.1
	}
}
NFT
check "gateway: staged a source NAT toward the edge" [ $? -eq 0 ]
passes 13 external in inet edge udp 203.0.113.12 3478
check "gateway: the NATed A/V flow counts once as av_snat" [ "$(diag)" = "1 0" ]
passes 5 external in inet edge tcp 203.0.113.10 443
check "gateway: a NATed flow of another service does not" [ "$(diag)" = "1 0" ]
in_ns $GW nft delete table ip mistake
passes 13 external in inet edge udp 203.0.113.12 3478
check "gateway: without the NAT, no more" [ "$(diag)" = "1 0" ]

# Mistake 2: the edge's default gateway on its internal side. The A/V Edge's
# reply comes back through g2, from its service address.
$IP -n $EDGE route replace default via 10.0.2.1
send inet edge udp 203.0.113.12 3478
check "gateway: a reply of the A/V Edge through the internal side counts once as asymmetric" \
	[ "$(diag)" = "1 1" ]
$IP -n $EDGE route replace default via 10.0.1.1 src 10.0.1.10
# And a route on the gateway that sends the A/V Edge's traffic through g2.
$IP -n $GW route add 10.0.1.12/32 via 10.0.2.10 dev g2
send inet edge udp 203.0.113.12 3478
check "gateway: a packet to the A/V Edge routed out through the internal side counts once" \
	[ "$(diag)" = "1 2" ]
$IP -n $GW route del 10.0.1.12/32
passes 13 external in inet edge udp 203.0.113.12 3478
check "gateway: mended, no more" [ "$(diag)" = "1 2" ]
check "gateway: show --json has the diagnostics" sh -c "$IP netns exec $GW $CTL show --json |
	jq -e '.config.deployment == \"gateway\" and .diagnostics.av_snat == 1 and .diagnostics.asymmetric == 2' >/dev/null"

ktap_finish
