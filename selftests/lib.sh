# SPDX-License-Identifier: GPL-2.0
# Shared by the selftests (busybox sh inside the VM): KTAP output, the
# programs under test, and the edge topology.
#
#   inet-PID (remote peers)        edge-PID (lyncedge)                lan-PID (front end)
#   +------------------+   +-------------------------------------+   +------------------+
#   | i0 192.0.2.2     |---| e0 192.0.2.1      role external     |   |                  |
#   |    2001:db8:e::2 |   |    2001:db8:e::1                    |   |                  |
#   |                  |   | e1 172.16.1.1     role internal     |---| l0 172.16.1.2    |
#   |                  |   |    fd00:1::1                        |   |    fd00:1::2     |
#   | i2 203.0.113.2   |---| e2 203.0.113.1    no role           |   |                  |
#   |    2001:db8:f::2 |   |    2001:db8:f::1                    |   |                  |
#   +------------------+   +-------------------------------------+   +------------------+

IP=/usr/sbin/ip
CTL=/usr/sbin/lyncedgectl
PROBE=$PWD/lyncedge_probe
MODULE=/opt/lyncedge/lyncedge.ko
RULES=/proc/net/lyncedge/rules
EXPECTED=$PWD/policy.expected

INET=inet-$$
EDGE=edge-$$
LAN=lan-$$
GW=gw-$$

le_tests=0
le_failed=0

echo "KTAP version 1"

# ktap STATUS DESCRIPTION: STATUS 0 is a pass.
ktap() {
	le_tests=$((le_tests + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $le_tests $2"
	else
		echo "not ok $le_tests $2"
		le_failed=$((le_failed + 1))
	fi
}

# check DESCRIPTION COMMAND...: one result from a command's exit status.
check() {
	desc=$1
	shift
	"$@"
	ktap $? "$desc"
}

ktap_finish() {
	echo "1..$le_tests"
	echo "# $le_tests tests, $le_failed failed"
	[ "$le_failed" -eq 0 ]
}

in_ns() {
	ns=$1
	shift
	$IP netns exec "$ns" "$@"
}

veth() { # NS1 DEV1 ADDR4 ADDR6 NS2 DEV2 ADDR4 ADDR6
	$IP link add "$2" netns "$1" type veth peer name "$6" netns "$5"
	$IP -n "$1" addr add "$3/24" dev "$2"
	$IP -n "$1" addr add "$4/64" dev "$2" nodad
	$IP -n "$5" addr add "$7/24" dev "$6"
	$IP -n "$5" addr add "$8/64" dev "$6" nodad
	$IP -n "$1" link set "$2" up
	$IP -n "$5" link set "$6" up
}

# load_module: insmod, unless an earlier selftest of this boot has.
load_module() {
	grep -q '^lyncedge ' /proc/modules || /sbin/insmod $MODULE
}

# peer_pair NS PEER: two namespaces joined by t0 in NS (192.0.2.1,
# 2001:db8:e::1) and p0 in PEER (.2, ::2), both gone when the test exits.
peer_pair() {
	$IP netns add "$1"
	$IP netns add "$2"
	trap "stop_ns $1; stop_ns $2; $IP netns del $1; $IP netns del $2" EXIT
	veth "$1" t0 192.0.2.1 2001:db8:e::1 "$2" p0 192.0.2.2 2001:db8:e::2
}

# external_pair NAME: the module loaded; namespaces NS (NAME-PID) and PEER
# (NAMEp-PID) as peer_pair makes them, NS's t0 with the role external.
external_pair() {
	load_module
	NS=$1-$$
	PEER=${1}p-$$
	peer_pair $NS $PEER
	in_ns $NS $CTL set-role t0 external
}

topology_up() {
	for ns in $INET $EDGE $LAN; do
		$IP netns add "$ns"
		$IP -n "$ns" link set lo up
	done
	veth $INET i0 192.0.2.2 2001:db8:e::2 $EDGE e0 192.0.2.1 2001:db8:e::1
	veth $EDGE e1 172.16.1.1 fd00:1::1 $LAN l0 172.16.1.2 fd00:1::2
	veth $INET i2 203.0.113.2 2001:db8:f::2 $EDGE e2 203.0.113.1 2001:db8:f::1
}

# stop_ns NS: end every process in NS (`ip netns exec` may fork, so the
# shell's $! is not always the listener itself) and wait until they are gone.
stop_ns() {
	pids=$($IP netns pids "$1" 2>/dev/null)
	[ -n "$pids" ] || return 0
	kill $pids 2>/dev/null
	for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
		[ -z "$($IP netns pids "$1" 2>/dev/null)" ] && return 0
		sleep 0.1
	done
	return 1
}

topology_down() {
	for ns in $INET $EDGE $LAN; do
		stop_ns "$ns"
		$IP netns del "$ns" 2>/dev/null
	done
}

# listen NS LOG SPEC...: a listener in NS logging to LOG; waits until bound.
listen() {
	ns=$1
	log=$2
	shift 2
	# The shell truncates LOG only once the probe runs: an older LOG's
	# "ready" must not pass for this one's.
	rm -f "$log"
	in_ns "$ns" "$PROBE" listen "$@" >"$log" &
	ready "$log" && return 0
	echo "# listener in $ns did not start"
	return 1
}

# ready LOG: waits up to 5 s (a real system's first boot is slow) for the
# probe's "ready" line in LOG. Its counter has a name of its own: a sh
# function's variables are the caller's (policy.sh counts flows in n).
ready() {
	ready_try=0
	while [ $ready_try -lt 50 ]; do
		grep -q ready "$1" 2>/dev/null && return 0
		sleep 0.1
		ready_try=$((ready_try + 1))
	done
	return 1
}

# send_all CLIENT-NS ADDR TAG < "proto port" lines: one flow to ADDR per
# line, all at once, each with its own token (TAG and the next n); then
# "TOKEN EXIT PROTO PORT" of each in /tmp/rcs, and in count how many.
send_all() {
	rm -f /tmp/rcs
	pids=
	count=0
	while read -r proto port; do
		n=$((n + 1))
		count=$((count + 1))
		(
			in_ns "$1" "$PROBE" send "$proto" "$2" "$port" "$3$n"
			echo "$3$n $? $proto $port" >>/tmp/rcs
		) </dev/null &
		pids="$pids $!"
	done
	wait $pids
}

# counters NS: "id role dir packets" of every row of the rules file.
counters() {
	in_ns "$1" cat $RULES | awk 'NR > 1 { print $1, $2, $3, $8 }'
}

# row NS ID|drop [ROLE DIR]: "packets bytes" of one row of NS's rules file
# (a drop counter: "drop" and its role and direction).
row() {
	in_ns "$1" cat $RULES | awk -v id="$2" -v role="${3:-}" -v dir="${4:-}" \
		'$1 == id && (role == "" || ($2 == role && $3 == dir)) { print $8, $9 }'
}

# packets NS ID|drop [ROLE DIR]: the packets of that row.
packets() {
	row "$@" | cut -d' ' -f1
}

# deltas BEFORE AFTER: "id role dir +N" for each row whose packets grew.
deltas() {
	awk 'NR == FNR { p[$1 " " $2 " " $3] = $4; next }
	     { k = $1 " " $2 " " $3; if ($4 != p[k]) print k, "+" ($4 - p[k]) }' "$1" "$2"
}

# measure NS COMMAND...: runs it between two readings of NS's counters;
# leaves its exit status in rc and the rows that grew in d ("ID ROLE DIR +N,"
# each, empty when none did).
measure() {
	mns=$1
	shift
	counters $mns >/tmp/before
	"$@"
	rc=$?
	counters $mns >/tmp/after
	d=$(deltas /tmp/before /tmp/after | tr '\n' ,)
}

# The gateway deployment's topology (gateway.sh, demo.sh): lyncedge on the
# firewall in front of the edge, publishing it with nftables DNAT and SNAT.
#   inet-PID              gw-PID (lyncedge, gateway, NAT)          edge-PID (no module)
#   w0 203.0.113.2,.3 --- g0 203.0.113.1 (.10 .12 published)
#      2001:db8:f::2,::3     2001:db8:f::1
#                         g1 10.0.1.1      role external -------- x0 10.0.1.10 access
#                            2001:db8:e::1                           10.0.1.12 av
#                                                                    2001:db8:e::10, ::12
#                         g2 10.0.2.1      role internal -------- n0 10.0.2.10
#                            fd00:2::1                               fd00:2::10
#   lan-PID l0 10.0.3.2 - g3 10.0.3.1      no role
#      fd00:3::2             fd00:3::1
gateway_down() {
	for ns in $INET $GW $EDGE $LAN; do
		stop_ns "$ns"
		$IP netns del "$ns" 2>/dev/null
	done
}

gateway_up() {
	for ns in $INET $GW $EDGE $LAN; do
		$IP netns add "$ns"
		$IP -n "$ns" link set lo up
	done
	veth $INET w0 203.0.113.2 2001:db8:f::2 $GW g0 203.0.113.1 2001:db8:f::1
	veth $GW g1 10.0.1.1 2001:db8:e::1 $EDGE x0 10.0.1.10 2001:db8:e::10
	veth $GW g2 10.0.2.1 fd00:2::1 $EDGE n0 10.0.2.10 fd00:2::10
	veth $GW g3 10.0.3.1 fd00:3::1 $LAN l0 10.0.3.2 fd00:3::2
	# The public addresses the gateway publishes the edge's services on.
	$IP -n $GW addr add 203.0.113.10/32 dev g0
	$IP -n $GW addr add 203.0.113.12/32 dev g0
	# A remote A/V Edge, the far end of the edge's own media flows.
	$IP -n $INET addr add 203.0.113.3/24 dev w0
	$IP -n $INET addr add 2001:db8:f::3/64 dev w0 nodad
	$IP -n $EDGE addr add 10.0.1.12/24 dev x0
	$IP -n $EDGE addr add 2001:db8:e::12/64 dev x0 nodad
	in_ns $GW sh -c 'echo 1 >/proc/sys/net/ipv4/ip_forward &&
		echo 1 >/proc/sys/net/ipv6/conf/all/forwarding'
	$IP -n $INET route add default via 203.0.113.1
	$IP -n $INET -6 route add default via 2001:db8:f::1
	$IP -n $LAN route add default via 10.0.3.1
	$IP -n $LAN -6 route add default via fd00:3::1
	# The edge: default gateway on its external side, from the Access
	# Edge's address; media to the remote A/V Edge from the A/V Edge's;
	# the internal network through its internal side.
	$IP -n $EDGE route add default via 10.0.1.1 src 10.0.1.10
	$IP -n $EDGE -6 route add default via 2001:db8:e::1 src 2001:db8:e::10
	$IP -n $EDGE route add 203.0.113.3/32 via 10.0.1.1 src 10.0.1.12
	$IP -n $EDGE -6 route add 2001:db8:f::3/128 via 2001:db8:e::1 src 2001:db8:e::12
	$IP -n $EDGE route add 10.0.3.0/24 via 10.0.2.1
	$IP -n $EDGE -6 route add fd00:3::/64 via fd00:2::1
	publish_edge $GW
}

# publish_edge NS: NS's nftables NAT publishes the edge's Access and A/V
# Edge addresses (10.0.1.10, .12) on 203.0.113.10 and .12, both ways.
publish_edge() {
	in_ns "$1" nft -f - <<'NFT'
table ip publish {
	chain pre {
		type nat hook prerouting priority dstnat; policy accept;
		ip daddr 203.0.113.10 dnat to 10.0.1.10
		ip daddr 203.0.113.12 dnat to 10.0.1.12
	}
	chain post {
		type nat hook postrouting priority srcnat; policy accept;
		oifname "g0" ip saddr 10.0.1.10 snat to 203.0.113.10
		oifname "g0" ip saddr 10.0.1.12 snat to 203.0.113.12
	}
}
NFT
}

ns_of() { # inet|gw|edge|lan
	case "$1" in
	inet) echo $INET ;;
	gw) echo $GW ;;
	edge) echo $EDGE ;;
	lan) echo $LAN ;;
	esac
}
