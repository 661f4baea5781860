#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The policy with real traffic: every rule of the seed's tables on IPv4 and
# IPv6 passes, reaches its listener and counts on exactly its own counter;
# forbidden flows are dropped, reach no listener and count as drops; the
# optional features open exactly their rows; interfaces without a role and
# a module without roles change nothing.
. ./lib.sh

load_module
topology_up
trap topology_down EXIT

FORBIDDEN_TCP="22 3389 5060 49999 60000"
FORBIDDEN_UDP="3479"
# The internal side also has no media range and no XMPP proxy port.
FORBIDDEN_INTERNAL_TCP="50000 5269"

server_addr() { # ROLE DIR FAMILY
	case "$1 $2 $3" in
	"external in 4") echo 192.0.2.1 ;;
	"external in 6") echo 2001:db8:e::1 ;;
	"external out 4") echo 192.0.2.2 ;;
	"external out 6") echo 2001:db8:e::2 ;;
	"internal in 4") echo 172.16.1.1 ;;
	"internal in 6") echo fd00:1::1 ;;
	"internal out 4") echo 172.16.1.2 ;;
	"internal out 6") echo fd00:1::2 ;;
	esac
}

client_ns() { # ROLE DIR
	case "$1 $2" in
	"external in") echo $INET ;;
	"internal in") echo $LAN ;;
	*) echo $EDGE ;;
	esac
}

server_log() { # ROLE DIR
	case "$1 $2" in
	*" in") echo /tmp/edge.log ;;
	"external out") echo /tmp/inet.log ;;
	"internal out") echo /tmp/lan.log ;;
	esac
}

# rules [FEATURE-FILTER]: "id role dir proto port" for both ends of every
# expected rule (both ends of a range), optionally of one feature only. A
# rule on the same ports as an earlier one (the external in tcp 443 rows)
# counts apart only once service addresses are set: it is left out here.
rules() {
	grep -v '^#' "$EXPECTED" | awk -v f="$1" '!seen[$2 " " $3 " " $4 " " $5]++ && (f == "" || $6 == f) {
		split($5, p, "-")
		print $1, $2, $3, $4, p[1]
		if (p[2] != "") print $1, $2, $3, $4, p[2]
	}'
}

# forbidden ROLE DIR: "proto port" of flows no enabled rule allows by default.
forbidden() {
	for p in $FORBIDDEN_TCP; do echo "tcp $p"; done
	for p in $FORBIDDEN_UDP; do echo "udp $p"; done
	if [ "$1" = internal ]; then
		for p in $FORBIDDEN_INTERNAL_TCP; do echo "tcp $p"; done
	fi
	rules | awk -v r="$1" -v d="$2" '$2 == r && $3 == d { print $1, $4, $5 }' |
		while read -r id proto port; do
			grep -q "^$id .* core\$" "$EXPECTED" || echo "$proto $port"
		done
}

# The listeners: every port any flow of the test aims at, on the server side.
specs() { # ROLE-DIR...: listener specs for flows in these (role, dir)s
	for rd in "$@"; do
		r=${rd%-*}
		d=${rd#*-}
		rules | awk -v r="$r" -v d="$d" '$2 == r && $3 == d { print $4 ":" $5 }'
		forbidden "$r" "$d" | awk '{ print $1 ":" $2 }'
	done | sort -u
}
listen $EDGE /tmp/edge.log $(specs external-in internal-in) udp:22 || exit 1
listen $INET /tmp/inet.log $(specs external-out) || exit 1
listen $LAN /tmp/lan.log $(specs internal-out) || exit 1

n=0
# allowed ID ROLE DIR PROTO PORT FAMILY [PROBE-OPTION...]
allowed() {
	n=$((n + 1))
	tok=a$n
	measure $EDGE in_ns "$(client_ns "$2" "$3")" "$PROBE" send $7 $8 $9 "$4" \
		"$(server_addr "$2" "$3" "$6")" "$5" $tok </dev/null
	got=$(grep -c " $tok\$" "$(server_log "$2" "$3")")
	[ $rc -eq 0 ] && [ "$got" = 1 ] && [ "$d" = "$1 $2 $3 +1," ]
	ktap $? "policy: rule $1 $2 $3 $4/$5 IPv$6 $7 $8 $9 passes (exit $rc), reaches its listener ($got), counts once on rule $1 [$d]"
}

# dropped ROLE DIR FAMILY < "proto port" lines: sent in parallel, each must
# be dropped and reach no listener; together they count on the drop counter
# of (ROLE, DIR) and on nothing else.
dropped() {
	counters $EDGE >/tmp/before
	send_all "$(client_ns "$1" "$2")" "$(server_addr "$1" "$2" "$3")" f
	counters $EDGE >/tmp/after
	log=$(server_log "$1" "$2")
	while read -r tok rc proto port; do
		[ "$rc" -eq 1 ] && ! grep -q " $tok\$" "$log"
		ktap $? "policy: $1 $2 $proto/$port IPv$3 is dropped and reaches no listener"
	done </tmp/rcs
	d=$(deltas /tmp/before /tmp/after | tr '\n' ,)
	echo "$d" | awk -v k="drop $1 $2" -v c=$count -F, \
		'NF == 2 && index($1, k " +") == 1 && substr($1, length(k) + 3) + 0 >= c { ok = 1 }
		 END { exit !ok }'
	ktap $? "policy: $1 $2 IPv$3: $count forbidden flows count on drop $1 $2 only [$d]"
}

# untouched CLIENT-NS ADDR PROTO PORT DESCRIPTION: passes, nothing counts.
untouched() {
	n=$((n + 1))
	measure $EDGE in_ns "$1" "$PROBE" send "$3" "$2" "$4" u$n
	[ $rc -eq 0 ] && grep -q " u$n\$" /tmp/edge.log && [ -z "$d" ]
	ktap $? "policy: $5"
}

untouched $INET 192.0.2.1 tcp 22 "module loaded, no role set: tcp/22 to e0 passes, nothing counts"
untouched $INET 2001:db8:e::1 udp 3479 "module loaded, no role set: udp/3479 to e0 passes, nothing counts"

check "policy: set-role e0 external" in_ns $EDGE $CTL set-role e0 external
check "policy: set-role e1 internal" in_ns $EDGE $CTL set-role e1 internal
check "policy: show lists both roles" sh -c "$IP netns exec $EDGE $CTL show |
	grep -Eq '^ +e0 +external' && $IP netns exec $EDGE $CTL show | grep -Eq '^ +e1 +internal'"

# Loops read files, not pipes: a pipe would run them in a subshell and lose
# the KTAP count.
all_allowed() { # FEATURE
	rules "$1" >/tmp/flows
	for fam in 4 6; do
		while read -r id role dir proto port; do
			allowed "$id" "$role" "$dir" "$proto" "$port" $fam
		done </tmp/flows
	done
}

all_allowed core
for fam in 4 6; do
	for rd in "external in" "external out" "internal in" "internal out"; do
		forbidden $rd >/tmp/flows
		dropped $rd $fam </tmp/flows
	done
done

# A forbidden destination stays forbidden whatever the source port claims.
# The peer's own listener holds ports 443 and 53 there: stop it meanwhile.
stop_ns $INET
for a in 192.0.2.1 2001:db8:e::1; do
	counters $EDGE >/tmp/before
	in_ns $INET "$PROBE" send -s 443 tcp $a 22 s443
	[ $? -eq 1 ] && ! grep -q " s443\$" /tmp/edge.log
	ktap $? "policy: unsolicited tcp from port 443 to $a port 22 is dropped"
	in_ns $INET "$PROBE" send -s 53 udp $a 22 s53
	[ $? -eq 1 ] && ! grep -q " s53\$" /tmp/edge.log
	ktap $? "policy: unsolicited udp from port 53 to $a port 22 is dropped"
	counters $EDGE >/tmp/after
	[ "$(deltas /tmp/before /tmp/after | cut -d' ' -f1-3)" = "drop external in" ]
	ktap $? "policy: the source-port tricks to $a count as external in drops only"
done
listen $INET /tmp/inet.log $(specs external-out) || exit 1

# Packet shapes: fragments are judged once, whole, after conntrack's
# reassembly; extension headers are walked, not guessed at; a header cut
# short is dropped, never read past its end.
for fam in 4 6; do
	allowed 13 external in udp 3478 $fam -z 3000
	allowed 13 external in udp 3478 $fam -z 20000
done
allowed 13 external in udp 3478 6 -x
dropped_shape() { # DESCRIPTION COMMAND...: dropped, counted once as external in
	desc=$1
	shift
	measure $EDGE "$@"
	[ $rc -le 1 ] && [ "$d" = "drop external in +1," ]
	ktap $? "policy: $desc is dropped and counted once as an external in drop [$d]"
}
for a in 192.0.2.1 2001:db8:e::1; do
	dropped_shape "a fragmented 3000-byte udp/3479 datagram to $a" \
		in_ns $INET "$PROBE" send -z 3000 udp $a 3479 z3479
	dropped_shape "an ICMP echo request to $a" in_ns $INET ping -c 1 -W 1 $a
	dropped_shape "a udp header cut to 2 bytes to $a" in_ns $INET "$PROBE" raw 17 $a 2
	dropped_shape "a tcp header cut to 3 bytes to $a" in_ns $INET "$PROBE" raw 6 $a 3
done
dropped_shape "udp/3479 behind an IPv6 destination options header" \
	in_ns $INET "$PROBE" send -x udp 2001:db8:e::1 3479 x3479
check "policy: no shape test reached a listener" \
	sh -c "! grep -Eq ' (z3479|x3479)\$' /tmp/edge.log"

untouched $INET 203.0.113.1 tcp 22 "interface without a role: tcp/22 to e2 passes, nothing counts"
untouched $INET 2001:db8:f::1 tcp 3389 "interface without a role: tcp/3389 over IPv6 passes, nothing counts"
untouched $INET 203.0.113.1 udp 3479 "interface without a role: udp/3479 passes, nothing counts"

# Features open exactly their rows.
enabled_rows() {
	in_ns $EDGE cat $RULES | awk 'NR > 1 && $7 == "yes" { print $1 }' | tr '\n' ' '
}
core_rows=$(grep -v '^#' "$EXPECTED" | awk '$6 == "core" { print $1 }' | tr '\n' ' ')
check "features: by default exactly the core rows are enabled" [ "$(enabled_rows)" = "$core_rows" ]
check "features: enable xmpp" in_ns $EDGE $CTL enable xmpp
want=$(grep -v '^#' "$EXPECTED" | awk '$6 != "ocs2007" { print $1 }' | tr '\n' ' ')
check "features: xmpp enables exactly its rows" [ "$(enabled_rows)" = "$want" ]
check "features: show reports xmpp on" sh -c "$IP netns exec $EDGE $CTL show | grep -q 'xmpp on'"
all_allowed xmpp
printf 'tcp 50000\nudp 50000\nudp 59999\n' >/tmp/flows
dropped external in 4 </tmp/flows
check "features: enable ocs2007" in_ns $EDGE $CTL enable ocs2007
all_allowed ocs2007
check "features: disable xmpp ocs2007" in_ns $EDGE $CTL disable xmpp ocs2007
check "features: disabled again, exactly the core rows are enabled" [ "$(enabled_rows)" = "$core_rows" ]
printf 'tcp 5269\ntcp 50000\nudp 50000\n' >/tmp/flows
dropped external in 6 </tmp/flows
echo 'tcp 23456' >/tmp/flows
dropped internal in 4 </tmp/flows

# Audit mode: nothing is dropped, everything that would be still counts.
check "audit: set-mode external audit" in_ns $EDGE $CTL set-mode external audit
check "audit: show says so" sh -c "$IP netns exec $EDGE $CTL show | grep -q 'mode: external audit, internal enforce'"
for a in 192.0.2.1 2001:db8:e::1; do
	n=$((n + 1))
	measure $EDGE in_ns $INET "$PROBE" send tcp $a 22 u$n
	[ $rc -eq 0 ] && grep -q " u$n\$" /tmp/edge.log && [ "$d" = "drop external in +1," ]
	ktap $? "audit: tcp/22 to $a passes in audit mode and counts as an external in drop [$d]"
done
echo 'tcp 22' >/tmp/flows
dropped internal in 4 </tmp/flows
check "audit: set-mode external enforce" in_ns $EDGE $CTL set-mode external enforce
dropped external in 6 </tmp/flows

# The media range moves, and the media rows with it.
check "media: set-media-range 40000-40999" in_ns $EDGE $CTL set-media-range 40000-40999
check "media: /proc shows the media rows on the new range" \
	sh -c "[ \"\$($IP netns exec $EDGE cat $RULES | awk '\$5 == \"40000-40999\" { print \$1 }' | tr '\n' ' ')\" = '8 9 10 11 ' ]"
stop_ns $INET
listen $INET /tmp/inet.log $(specs external-out) tcp:40000 tcp:40999 || exit 1
for fam in 4 6; do
	allowed 8 external out tcp 40000 $fam
	allowed 8 external out tcp 40999 $fam
done
printf 'tcp 50000\ntcp 59999\ntcp 39999\ntcp 41000\n' >/tmp/flows
dropped external out 4 </tmp/flows
! in_ns $EDGE $CTL set-media-range 59999-50000 2>/tmp/err
ktap $? "media: a reversed range is refused"
check "media: and the error says why" grep -q "reversed" /tmp/err
! in_ns $EDGE $CTL set-media-range 100-200 2>/tmp/err
ktap $? "media: a range below 1024 is refused"
! in_ns $EDGE $CTL set-media-range 40000- 2>/tmp/err
ktap $? "media: a range with one end is refused"
check "media: a refused range changed nothing" \
	sh -c "$IP netns exec $EDGE $CTL show | grep -q 'media range: 40000-40999'"
check "media: set-media-range 50000-59999 again" in_ns $EDGE $CTL set-media-range 50000-59999
allowed 8 external out tcp 50000 4
echo 'tcp 40000' >/tmp/flows
dropped external out 6 </tmp/flows

# Peer allow-lists: an internal row that names peer groups takes only their
# peers once any are listed; the rows for Any take everyone still.
check "peers: add-peer frontend 172.16.1.99/32" in_ns $EDGE $CTL add-peer frontend 172.16.1.99/32
echo 'tcp 5061' >/tmp/flows
dropped internal in 4 </tmp/flows
dropped internal in 6 </tmp/flows
allowed 21 internal in udp 3478 4
allowed 22 internal in tcp 443 6
check "peers: add-peer director 172.16.1.2/32" in_ns $EDGE $CTL add-peer director 172.16.1.2/32
allowed 17 internal in tcp 5061 4
allowed 18 internal out tcp 5061 4
echo 'tcp 8057' >/tmp/flows
dropped internal in 4 </tmp/flows
check "peers: add-peer frontend fd00:1::/64" in_ns $EDGE $CTL add-peer frontend fd00:1::/64
allowed 19 internal in tcp 8057 6
allowed 18 internal out tcp 5061 6
check "peers: show lists them" sh -c "$IP netns exec $EDGE $CTL show |
	grep -q '^peers: frontend 172.16.1.99/32, frontend fd00:1::/64, director 172.16.1.2/32'"
! in_ns $EDGE $CTL add-peer director 172.16.1.2/32 2>/dev/null
ktap $? "peers: the same peer twice is refused"
! in_ns $EDGE $CTL del-peer branch 172.16.1.2/32 2>/dev/null
ktap $? "peers: deleting a peer that is not there is refused"
for p in "frontend 172.16.1.99/32" "director 172.16.1.2/32" "frontend fd00:1::/64"; do
	check "peers: del-peer $p" in_ns $EDGE $CTL del-peer $p
done
check "peers: none left" sh -c "$IP netns exec $EDGE $CTL show | grep -q '^peers: none'"
allowed 20 internal in tcp 5062 4
allowed 17 internal in tcp 5061 6

# Service addresses: an external row bound to a service matches only its
# addresses (the edge's end), and the three external in tcp 443 rows count
# apart: Access Edge SIP, Web Conferencing PSOM, A/V STUN/MSTURN.
for i in 3 4 5; do
	$IP -n $EDGE addr add 192.0.2.$i/24 dev e0
	$IP -n $EDGE addr add 2001:db8:e::$i/64 dev e0 nodad
done
check "services: set-service access 192.0.2.1 2001:db8:e::1" \
	in_ns $EDGE $CTL set-service access 192.0.2.1 2001:db8:e::1
check "services: set-service webconf 192.0.2.4 2001:db8:e::4" \
	in_ns $EDGE $CTL set-service webconf 192.0.2.4 2001:db8:e::4
check "services: set-service av 192.0.2.3 2001:db8:e::3" \
	in_ns $EDGE $CTL set-service av 192.0.2.3 2001:db8:e::3
check "services: show lists them" sh -c "$IP netns exec $EDGE $CTL show | grep -q \
	'^services: access 192.0.2.1 2001:db8:e::1; webconf 192.0.2.4 2001:db8:e::4; av 192.0.2.3 2001:db8:e::3'"
# to RULE|drop PROTO ADDR PORT: from the internet to one of the edge's addresses.
to() {
	n=$((n + 1))
	measure $EDGE in_ns $INET "$PROBE" send "$2" "$3" "$4" v$n </dev/null
	if [ "$1" = drop ]; then
		[ $rc -eq 1 ] && ! grep -q " v$n\$" /tmp/edge.log &&
			echo "$d" | grep -Eq '^drop external in \+[0-9]+,$'
	else
		[ $rc -eq 0 ] && grep -q " v$n\$" /tmp/edge.log && [ "$d" = "$1 external in +1," ]
	fi
	ktap $? "services: $2/$4 to $3: $1 [$d]"
}
for p in 192.0.2. 2001:db8:e::; do
	to 5 tcp ${p}1 443
	to 27 tcp ${p}4 443
	to 28 tcp ${p}3 443
	to drop tcp ${p}5 443
	to 6 tcp ${p}1 5061
	to drop tcp ${p}3 5061
	to 13 udp ${p}3 3478
	to drop udp ${p}1 3478
done
# The edge opens flows from its Access Edge address (e0's first): the A/V
# rows no longer take them, the Access rows do.
allowed 2 external out tcp 80 4
echo 'tcp 443' >/tmp/flows
dropped external out 4 </tmp/flows
for s in access webconf av; do
	check "services: set-service $s (no address: any again)" in_ns $EDGE $CTL set-service $s
done
to 5 tcp 192.0.2.3 443
to 5 tcp 2001:db8:e::5 443
to 6 tcp 192.0.2.3 5061
# One service with its address is enough to count its own: the row whose
# service lists the address wins over rows that take any.
check "services: set-service av 192.0.2.3 alone" in_ns $EDGE $CTL set-service av 192.0.2.3
to 28 tcp 192.0.2.3 443
to 5 tcp 192.0.2.1 443
check "services: set-service av (none again)" in_ns $EDGE $CTL set-service av

# Custom rules: a site moves a port; the rule gets an id, the same fast
# path and a counter of its own, and goes again with del-rule.
check "custom: add-rule external in tcp 5070 moved SIP" \
	in_ns $EDGE $CTL add-rule external in tcp 5070 moved SIP
cid=$(in_ns $EDGE $CTL show dump | awk -F'\t' '$1 == "rule" && $8 == "custom" && $12 == "moved SIP" { print $2 }')
check "custom: it has an id of its own ($cid)" [ "$cid" -ge 1001 ]
stop_ns $EDGE
listen $EDGE /tmp/edge.log $(specs external-in internal-in) udp:22 tcp:5070 || exit 1
for a in 192.0.2.1 2001:db8:e::1; do
	n=$((n + 1))
	measure $EDGE in_ns $INET "$PROBE" send tcp $a 5070 k$n
	[ $rc -eq 0 ] && grep -q " k$n\$" /tmp/edge.log && [ "$d" = "$cid external in +1," ]
	ktap $? "custom: tcp/5070 to $a passes and counts on rule $cid [$d]"
done
! in_ns $EDGE $CTL add-rule external in tcp 440-450 clash 2>/tmp/err
ktap $? "custom: a rule over a built-in port is refused"
check "custom: with the module's reason" grep -q "overlaps" /tmp/err
check "custom: del-rule $cid" in_ns $EDGE $CTL del-rule $cid
echo 'tcp 5070' >/tmp/flows
dropped external in 4 </tmp/flows
! in_ns $EDGE $CTL del-rule $cid 2>/dev/null
ktap $? "custom: deleting it twice is refused"

check "policy: set-role e0 none" in_ns $EDGE $CTL set-role e0 none
untouched $INET 192.0.2.1 tcp 22 "role taken away: tcp/22 to e0 passes, nothing counts"
check "policy: show no longer lists e0" sh -c "! $IP netns exec $EDGE $CTL show | grep -Eq '^ +e0 '"

ktap_finish
