#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Counters to trust: packets from two senders on two CPUs count exactly,
# and resets taken during traffic, two at a time, lose and share nothing:
# what the resets report plus what is counted after them is what was sent.
. ./lib.sh

external_pair cnt
# Rule 11 (external in udp 50000-59999, ocs2007): every datagram to a new
# port is a new flow, counted once.
in_ns $NS $CTL enable ocs2007
# Every datagram must reach the hook: none lost in the receive backlog.
echo 100000 >/proc/sys/net/core/netdev_max_backlog

N=1500
LEN=33 # 20 IPv4 + 8 UDP + 5 bytes of data
ALLOWED="50000 52000"
DROPPED="20000 22000"

# settle ID|drop [ROLE DIR]: wait until the row stops changing.
settle() {
	last=
	for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
		now=$(row $NS "$@")
		[ "$now" = "$last" ] && return 0
		last=$now
		sleep 0.2
	done
}

# two_senders PORT_A PORT_B: N datagrams from each of two senders, one
# pinned to each CPU; true when both sent all of theirs.
two_senders() {
	taskset -c 0 $IP netns exec $PEER "$PROBE" spray 192.0.2.1 "$1" $N &
	a=$!
	taskset -c 1 $IP netns exec $PEER "$PROBE" spray 192.0.2.1 "$2" $N &
	b=$!
	wait $a
	ra=$?
	wait $b
	rb=$?
	[ $ra -eq 0 ] && [ $rb -eq 0 ]
}

# Exact counting.
before=$(row $NS 11)
dbefore=$(row $NS drop external in)
check "exact: two senders on two CPUs sent $N allowed datagrams each" two_senders $ALLOWED
check "exact: and $N forbidden ones each" two_senders $DROPPED
settle 11
settle drop external in
after=$(row $NS 11)
dafter=$(row $NS drop external in)
check "exact: rule 11 counted all $((2 * N)) and their bytes" \
	[ "$(echo "$before $after" | awk '{ print $3 - $1, $4 - $2 }')" = "$((2 * N)) $((2 * N * LEN))" ]
check "exact: the drop counter counted all $((2 * N)) and their bytes" \
	[ "$(echo "$dbefore $dafter" | awk '{ print $3 - $1, $4 - $2 }')" = "$((2 * N)) $((2 * N * LEN))" ]

# Resets during traffic: one resetter clears rule 11 alone, the other
# everything, as fast as they can, while both senders send.
rm -f /tmp/cnt.done /tmp/cnt.one /tmp/cnt.all
resetter() { # OUT [ID]
	out=$1
	shift
	while [ ! -e /tmp/cnt.done ]; do
		in_ns $NS $CTL reset-counters "$@" >>"$out" || echo "reset failed" >>"$out"
	done
}
start=$(row $NS 11)
dstart=$(row $NS drop external in)
resetter /tmp/cnt.one 11 &
r1=$!
resetter /tmp/cnt.all &
r2=$!
two_senders 54000 56000
s1=$?
two_senders 24000 26000
s2=$?
touch /tmp/cnt.done
wait $r1 $r2
check "reset: both senders sent everything meanwhile" [ $((s1 + s2)) -eq 0 ]
check "reset: every reset succeeded" sh -c "! grep -q 'reset failed' /tmp/cnt.one /tmp/cnt.all"
settle 11
settle drop external in
echo "# resets: $(grep -c '^id' /tmp/cnt.one) of rule 11, $(grep -c '^id' /tmp/cnt.all) of all"
reported=$(awk '$1 == 11 { p += $8; b += $9 } END { print p + 0, b + 0 }' /tmp/cnt.one /tmp/cnt.all)
dreported=$(awk '$1 == "drop" && $2 == "external" && $3 == "in" { p += $8; b += $9 }
	END { print p + 0, b + 0 }' /tmp/cnt.all)
check "reset: rule 11: reported + counted after = before + sent, packets and bytes" \
	[ "$(echo "$reported $(row $NS 11) $start" | awk '{ print $1 + $3 - $5, $2 + $4 - $6 }')" = \
	  "$((2 * N)) $((2 * N * LEN))" ]
check "reset: drops: reported + counted after = before + sent, packets and bytes" \
	[ "$(echo "$dreported $(row $NS drop external in) $dstart" |
	     awk '{ print $1 + $3 - $5, $2 + $4 - $6 }')" = "$((2 * N)) $((2 * N * LEN))" ]
check "reset: the traffic fell into several resets (the test raced for real)" \
	[ "$(awk '$1 == 11 && $8 > 0' /tmp/cnt.one /tmp/cnt.all | wc -l)" -ge 3 ]
check "reset: no report is torn (none above what there was to count)" \
	[ "$(awk -v max=$((${start%% *} + 2 * N)) '$1 == 11 && $8 > max' /tmp/cnt.one /tmp/cnt.all |
	     wc -l)" -eq 0 ]

# The command itself.
in_ns $NS $CTL reset-counters >/tmp/cnt.last
check "cli: reset-counters prints every row it cleared" \
	[ "$(awk 'NR > 1' /tmp/cnt.last | wc -l)" -eq 32 ]
check "cli: after it every counter reads 0" \
	[ "$(in_ns $NS cat $RULES | awk 'NR > 1 && ($8 != 0 || $9 != 0)' | wc -l)" -eq 0 ]
in_ns $NS $CTL reset-counters 999 >/dev/null 2>/tmp/cnt.err
check "cli: reset-counters of an unknown id fails" [ $? -eq 1 ]
check "cli: and says why" grep -q 'no rule has this id' /tmp/cnt.err
in_ns $NS $CTL reset-counters x >/dev/null 2>/tmp/cnt.err
check "cli: a bad id fails" [ $? -eq 1 ]
check "cli: with the usage line" grep -q '^usage: lyncedgectl reset-counters' /tmp/cnt.err
in_ns $NS "$PROBE" asuser 65534 $CTL reset-counters >/dev/null 2>/tmp/cnt.err
check "cli: resetting needs CAP_NET_ADMIN" [ $? -eq 1 ]
check "cli: and says so" grep -q 'permission denied' /tmp/cnt.err

ktap_finish
