#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A pair of lyncedge gateways in front of the edge, run as users run one:
# keepalived (VRRP on a dedicated link) holds the public and inside
# addresses, conntrackd replicates the conntrack state, both from Debian's
# packages with the configuration shipped in dist/ha, and both nodes take
# the same lyncedge.conf. Five long-lived flows, of both directions, pass
# node1; node1's external link goes down; node2 takes over and the flows go
# on, none judged again. Without conntrackd every packet of an open flow is
# a new flow to node2: the UDP flow's, to an ephemeral port no rule allows,
# are dropped; a TCP flow goes on only if its next packet happens to be one
# to its service port, and node2 then counts it as a new flow of its rule.
#
#   inet-PID                  gw1-PID, gw2-PID (lyncedge, NAT)        edge-PID
#   w0 203.0.113.2, .3  [pub] g0 203.0.113.4 | .5  VIPs .1 .10 .12
#                             g1 10.0.1.2 | .3     VIP 10.0.1.1  [dmz] x0 10.0.1.10, .12
#                             g2 10.0.2.2 | .3     VIP 10.0.2.1  [int] n0 10.0.2.10
#                             h0 10.255.0.1 | .2   VRRP, conntrackd (gw1 h0 - gw2 h0)
# The three segments are bridges in sw-PID. IPv4 only: the pair's IPv6 is
# the same story with a second VRRP instance.
. ./lib.sh

GW1=gw1-$$
GW2=gw2-$$
SW=sw-$$
HA=$PWD/ha
n=0

ha_down() {
	for ns in $INET $GW1 $GW2 $EDGE $SW; do
		stop_ns "$ns"
		$IP netns del "$ns" 2>/dev/null
	done
	rm -rf "/etc/netns/$GW1" "/etc/netns/$GW2"
}

# plug NS DEV ADDR BRIDGE: DEV in NS, with ADDR/24, on BRIDGE of the switch.
plug() {
	n=$((n + 1))
	$IP link add "$2" netns "$1" type veth peer name "p$n" netns $SW
	$IP -n $SW link set "p$n" master "$4" up
	$IP -n "$1" addr add "$3/24" dev "$2"
	$IP -n "$1" link set "$2" up
}

# ha_up CONNTRACKD: the topology, lyncedge and NAT on both gateways, and
# keepalived (and, with CONNTRACKD 1, conntrackd) on each.
ha_up() {
	for ns in $INET $GW1 $GW2 $EDGE $SW; do
		$IP netns add "$ns"
		$IP -n "$ns" link set lo up
	done
	for br in pub dmz int; do
		$IP -n $SW link add $br type bridge
		$IP -n $SW link set $br up
	done
	plug $INET w0 203.0.113.2 pub
	$IP -n $INET addr add 203.0.113.3/24 dev w0
	plug $EDGE x0 10.0.1.10 dmz
	$IP -n $EDGE addr add 10.0.1.12/24 dev x0
	plug $EDGE n0 10.0.2.10 int
	plug $GW1 g0 203.0.113.4 pub
	plug $GW1 g1 10.0.1.2 dmz
	plug $GW1 g2 10.0.2.2 int
	plug $GW2 g0 203.0.113.5 pub
	plug $GW2 g1 10.0.1.3 dmz
	plug $GW2 g2 10.0.2.3 int
	$IP link add h0 netns $GW1 type veth peer name h0 netns $GW2
	$IP -n $GW1 addr add 10.255.0.1/24 dev h0
	$IP -n $GW2 addr add 10.255.0.2/24 dev h0
	$IP -n $GW1 link set h0 up
	$IP -n $GW2 link set h0 up
	$IP -n $INET route add default via 203.0.113.1
	$IP -n $EDGE route add default via 10.0.1.1 src 10.0.1.10
	$IP -n $EDGE route add 203.0.113.3/32 via 10.0.1.1 src 10.0.1.12
	# Ephemeral ports below the media range 50,000-59,999, so that no
	# packet of a broken flow falls into a media rule by chance.
	for ns in $INET $EDGE; do
		in_ns $ns sh -c 'echo "32768 49999" >/proc/sys/net/ipv4/ip_local_port_range'
	done
	node=0
	for gw in $GW1 $GW2; do
		node=$((node + 1))
		in_ns $gw sh -c 'echo 1 >/proc/sys/net/ipv4/ip_forward'
		publish_edge $gw
		in_ns $gw $CTL setconf "$HA/lyncedge.conf" || return 1
		# ip netns exec binds /etc/netns/NS/X over /etc/X.
		mkdir -p "/etc/netns/$gw/keepalived" "/etc/netns/$gw/conntrackd"
		cp "$HA/keepalived.conf" "$HA/conntrackd-failover.sh" "/etc/netns/$gw/keepalived/"
		# node2's conntrackd.conf swaps the two addresses of the shipped
		# file's UDP section, as its note says.
		if [ $node = 1 ]; then
			cp "$HA/conntrackd.conf" "/etc/netns/$gw/conntrackd/"
		else
			sed 's/10\.255\.0\.1$/OWN/; s/10\.255\.0\.2$/10.255.0.1/; s/OWN$/10.255.0.2/' \
				"$HA/conntrackd.conf" >"/etc/netns/$gw/conntrackd/conntrackd.conf"
		fi
		# Each node's daemons share a /run of their own (conntrackd's
		# socket, which the notify script talks to; the pid files).
		in_ns $gw sh -c "mount -t tmpfs run /run && mkdir /run/lock &&
			{ [ $1 = 0 ] || conntrackd -d; } &&
			exec keepalived -n -D -P -i node$node -f /etc/keepalived/keepalived.conf" \
			>"/tmp/ha-node$node.log" 2>&1 </dev/null &
	done
}

# holds NS: NS has the public VIP.
holds() {
	$IP -n "$1" -4 addr show dev g0 | grep -q ' 203\.0\.113\.1/'
}

# wait_for SECONDS COMMAND...: until COMMAND succeeds, in steps of 0.1 s.
wait_for() {
	wf_left=$(($1 * 10))
	shift
	until "$@"; do
		wf_left=$((wf_left - 1))
		[ $wf_left -gt 0 ] || return 1
		sleep 0.1
	done
}

# The flows: NAME SERVER-NS SERVER-ADDR CLIENT-NS CLIENT-TO PROTO PORT RULE.
# The client opens the flow through the gateway; the server then speaks
# every 200 ms and logs each answer (lyncedge_probe talkd).
FLOWS="sip443 edge 10.0.1.10 inet 203.0.113.10 tcp 443 5
sip5061 edge 10.0.1.10 inet 203.0.113.10 tcp 5061 6
fed5061 inet 203.0.113.2 edge 203.0.113.2 tcp 5061 7
mediatcp inet 203.0.113.3 edge 203.0.113.3 tcp 50000 8
stun inet 203.0.113.3 edge 203.0.113.3 udp 3478 12"

# flows_up: every flow open, each answered at least three times.
flows_up() {
	echo "$FLOWS" | while read -r name sns saddr cns to proto port rule; do
		# The shell truncates the log only once talkd runs: a log of
		# the scenario before must not pass for this one's "ready".
		rm -f "/tmp/ha-$name.log"
		in_ns "$(ns_of $sns)" "$PROBE" talkd $proto $saddr $port 200 >"/tmp/ha-$name.log" &
		ready "/tmp/ha-$name.log" || return 1
		in_ns "$(ns_of $cns)" "$PROBE" talk $proto $to $port </dev/null \
			>/dev/null 2>"/tmp/ha-$name.client" &
	done
	echo "$FLOWS" | while read -r name rest; do
		wait_for 10 sh -c "[ \$(grep -c ^back /tmp/ha-$name.log) -ge 3 ]" && continue
		echo "# ha: $name: $(grep -c ^back /tmp/ha-$name.log) answers"
		flows_debug
		return 1
	done
}

# flows_debug: where a flow that does not pass might be lost.
flows_debug() {
	for f in /tmp/ha-*.log /tmp/ha-*.client; do
		echo "# $f: $(tail -n 3 "$f" | tr '\n' '|')"
	done
	for ns in $INET $EDGE; do
		echo "# $ns neighbours:"
		$IP -n $ns neigh show | sed 's/^/#   /'
	done
	for gw in $GW1 $GW2; do
		echo "# $gw: addresses, links and conntrack:"
		$IP -n $gw -br addr show | sed 's/^/#   /'
		$IP -n $gw -br link show | sed 's/^/#   /'
		in_ns $gw cat /proc/net/nf_conntrack | sed 's/^/#   /'
		counters $gw | awk '$4 != 0' | sed 's/^/#   /'
	done
}

# answered NAME AFTER: how many answers of flow NAME came after time AFTER.
answered() {
	awk -v t="$2" '$1 == "back" && $3 > t { k++ } END { print k + 0 }' "/tmp/ha-$1.log"
}

# first_after NAME AFTER: the time of the flow's first answer after AFTER.
first_after() {
	awk -v t="$2" '$1 == "back" && $3 > t { print $3; exit }' "/tmp/ha-$1.log"
}

# forbidden GW TAG: SSH from the Internet to the published Access Edge
# address is dropped by GW and counted there as a drop, external in.
forbidden() {
	measure "$1" in_ns $INET "$PROBE" send tcp 203.0.113.10 22 "$2" </dev/null
	case "$d" in
	"drop external in +1," | "drop external in +2,") counted=0 ;;
	*) counted=1 ;;
	esac
	[ $rc -eq 1 ] && [ $counted -eq 0 ]
}

# failover CONNTRACKD TAG: the pair up, the flows open on node1, node1's
# external link down, node2 the master. Leaves t0, the time the link went
# down, and tv, the time node2 was seen holding the addresses: an answer
# between the two was already past node1's external link.
failover() {
	ha_up "$1"
	check "ha $2: both gateways take the same lyncedge.conf" [ $? -eq 0 ]
	wait_for 20 holds $GW1 && ! holds $GW2
	check "ha $2: keepalived: node1 holds the addresses, node2 none" [ $? -eq 0 ]
	counters $GW1 >/tmp/ha-gw1-before
	flows_up
	check "ha $2: five long-lived flows open through node1, each answered" [ $? -eq 0 ]
	counters $GW1 >/tmp/ha-gw1-after
	d=$(deltas /tmp/ha-gw1-before /tmp/ha-gw1-after | tr '\n' ,)
	check "ha $2: node1 counted each new flow once, on its rule [$d]" \
		[ "$d" = "5 external in +1,6 external in +1,7 external out +1,8 external out +1,12 external out +1," ]
	forbidden $GW1 ${2}a
	check "ha $2: SSH from the Internet is dropped and counted on node1 [$d]" [ $? -eq 0 ]
	counters $GW2 >/tmp/ha-gw2-before
	t0=$("$PROBE" now)
	$IP -n $GW1 link set g0 down
	wait_for 30 holds $GW2
	check "ha $2: node1's external link down, node2 takes the addresses over" [ $? -eq 0 ]
	tv=$("$PROBE" now)
	echo "# ha $2: node2 held the addresses $((tv - t0)) ms after node1's link went down"
	! holds $GW1 && ! $IP -n $GW1 -4 addr show dev g1 | grep -q ' 10\.0\.1\.1/'
	check "ha $2: node1 gave every address up, the inside ones too" [ $? -eq 0 ]
}

# resumed NAME: the flow was answered through node2.
resumed() {
	[ -n "$(first_after "$1" "$tv")" ]
}

# On a failure, what the daemons logged (through the syslogd below).
daemon_log() {
	[ "$le_failed" -eq 0 ] || sed 's/^/# /' /tmp/ha-syslog
}

load_module
modprobe -a bridge nf_conntrack_netlink
syslogd -n -O /tmp/ha-syslog &
syslog=$!
trap 'ha_down; daemon_log; kill $syslog' EXIT

# With conntrackd: every flow goes on through node2.
failover 1 conntrackd
for name in $(echo "$FLOWS" | cut -d' ' -f1); do
	wait_for 30 resumed $name
	check "ha conntrackd: $name goes on through node2" [ $? -eq 0 ]
done
worst=0
for name in $(echo "$FLOWS" | cut -d' ' -f1); do
	gap=$(($(first_after $name "$tv") - t0))
	[ $gap -gt $worst ] && worst=$gap
	echo "# ha conntrackd: $name answered again $gap ms after the link went down"
done
echo "# ha conntrackd: failover time, the longest of them: $worst ms"
mark=$("$PROBE" now)
sleep 2
for name in $(echo "$FLOWS" | cut -d' ' -f1); do
	got=$(answered $name "$mark")
	check "ha conntrackd: $name keeps passing, $got answers in the next 2 s" [ "$got" -ge 5 ]
done
counters $GW2 >/tmp/ha-gw2-after
d=$(deltas /tmp/ha-gw2-before /tmp/ha-gw2-after | grep -v '^drop' | tr '\n' ,)
check "ha conntrackd: node2 judged none of the open flows as new: their state came with conntrackd [$d]" \
	[ -z "$d" ]
forbidden $GW2 ctb
check "ha conntrackd: SSH from the Internet is dropped and counted on node2 [$d]" [ $? -eq 0 ]
listen $EDGE /tmp/ha-new.log tcp:443
measure $GW2 in_ns $INET "$PROBE" send tcp 203.0.113.12 443 ctc </dev/null
[ $rc -eq 0 ] && [ "$d" = "28 external in +1," ]
check "ha conntrackd: a new flow through node2 passes and counts there, once [$d]" [ $? -eq 0 ]
ha_down

# Without conntrackd: the same failover, and node2 has no state of the open
# flows. Each of their packets is a new flow to node2's conntrack, which
# picks a TCP flow up mid-stream from any packet (nf_conntrack_tcp_loose,
# on by default), and so to lyncedge: a packet to the flow's service port
# passes as a new flow of its rule, one to an ephemeral port is dropped.
# Whether a TCP flow goes on thus depends on which end sends next; the UDP
# flow, whose next packet is the Internet's to an ephemeral port, stops.
failover 0 plain
sleep 8
counters $GW2 >/tmp/ha-gw2-after
d=$(deltas /tmp/ha-gw2-before /tmp/ha-gw2-after | tr '\n' ,)
got=$(answered stun "$tv")
check "ha plain: without conntrackd, the UDP flow stops at the failover ($got answers through node2)" \
	[ "$got" = 0 ]
for name in $(echo "$FLOWS" | awk '$6 == "tcp" { print $1 }'); do
	rule=$(echo "$FLOWS" | awk -v n=$name '$1 == n { print $8 }')
	got=$(answered $name "$tv")
	case "$got,,$d" in
	0,*) how="stops" ;;
	*",$rule external "*) how="goes on as a new flow of rule $rule" ;;
	*) how="goes on, uncounted" ;;
	esac
	check "ha plain: $name $how at the failover ($got answers through node2)" \
		[ "$how" != "goes on, uncounted" ]
done
case ",$d" in
*",drop external in +"*) dropped=0 ;;
*) dropped=1 ;;
esac
check "ha plain: node2 drops the UDP flow's packets as new flows to an ephemeral port [$d]" \
	[ $dropped -eq 0 ]
ha_down

ktap_finish
