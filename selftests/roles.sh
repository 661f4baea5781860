#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Many roles in one namespace, changing under traffic. The hooks find a
# packet's role in the snapshot, scanning a few bindings and searching
# more; a change swaps the whole snapshot. t0's role never changes while
# twelve other interfaces take and lose theirs as fast as the tool can:
# a SYN flood at t0 must reach no socket and count on the drop counter to
# the packet. (With the cache of eight roles this replaced, a removal moved
# a role into a freed slot before the count went down: a packet could find
# no role there and pass unjudged, and conntrack then passed its flow.)
. ./lib.sh

CHURN=12
SYNS=${LYNCEDGE_ROLES_SYNS:-3000}

external_pair roles
listen $NS /tmp/roles.log tcp:22 udp:3478 || exit 1

i=1
while [ $i -le $CHURN ]; do
	$IP -n $NS link add d$i type veth peer name q$i
	i=$((i + 1))
done
# t0 the ninth role, after eight others: where the old cache of eight kept
# it out of its table, and moved it in when one of the eight went.
in_ns $NS $CTL set-role t0 none
i=1
while [ $i -le 8 ]; do
	in_ns $NS $CTL set-role d$i internal
	i=$((i + 1))
done
check "roles: t0 external, the ninth role" in_ns $NS $CTL set-role t0 external

# TCP segments the namespace's stack received: one that got past the hooks.
insegs() {
	in_ns $NS awk '$1 == "Tcp:" && $2 ~ /^[0-9]/ { print $11 }' /proc/net/snmp
}
# Packets the receive backlogs dropped, before any hook (every CPU).
backlog_drops() {
	n=0
	for v in $(cut -d' ' -f2 /proc/net/softnet_stat); do
		n=$((n + 0x$v))
	done
	echo $n
}

in0=$(insegs)
drop0=$(packets $NS drop external in)
lost0=$(backlog_drops)
# The churn: each of the twelve's role taken away and given again, over and
# over, until the flood is over (at most 60 s).
(
	CTL=$CTL CHURN=$CHURN
	export CTL CHURN
	in_ns $NS sh -c '
		end=$(($(date +%s) + 60))
		while [ "$(date +%s)" -lt $end ] && [ ! -e /tmp/roles.stop ]; do
			i=1
			while [ $i -le $CHURN ]; do
				$CTL set-role d$i none || exit 1
				i=$((i + 1))
			done
			i=1
			while [ $i -le $CHURN ]; do
				$CTL set-role d$i internal || exit 1
				i=$((i + 1))
			done
		done' 2>/tmp/roles.churn
) &
churner=$!
sent=$(in_ns $PEER "$PROBE" syn 192.0.2.1 22 $SYNS)
syn_rc=$?
touch /tmp/roles.stop
wait $churner
churn_rc=$?
rm -f /tmp/roles.stop
delivered=$(($(insegs) - in0))
counted=$(($(packets $NS drop external in) - drop0))
lost=$(($(backlog_drops) - lost0))
echo "# roles: $sent SYNs sent, $lost lost in receive backlogs, $counted counted, $delivered delivered"
check "roles: the probe sent every SYN" [ "$syn_rc $sent" = "0 $SYNS" ]
check "roles: twelve roles came and went all along, without an error" \
	sh -c "[ $churn_rc -eq 0 ] && ! grep -q . /tmp/roles.churn"
check "roles: no SYN reached t0's TCP stack ($delivered)" [ "$delivered" -eq 0 ]
check "roles: every SYN counted on the drop counter of external in ($counted + $lost lost of $sent)" \
	[ $((counted + lost)) -eq "$sent" ]
check "roles: no listener saw a connection" sh -c "! grep -q '^tcp' /tmp/roles.log"

# flow TOKEN PROTO PORT: one flow from PEER to t0 (rc, d: see measure).
flow() {
	measure $NS in_ns $PEER "$PROBE" send "$2" 192.0.2.1 "$3" "$1" </dev/null
	got=$(grep -c " $1\$" /tmp/roles.log)
}

# judged WHEN: tcp/22 is dropped and counted, udp/3478 passes on rule 13.
judged() {
	flow "$1-a" tcp 22
	[ $rc -eq 1 ] && [ "$got" = 0 ] && [ "$(echo "$d" | cut -d' ' -f1-3)" = "drop external in" ]
	ktap $? "roles: $1: tcp/22 to t0 is dropped, reaches no listener ($got), counts as a drop [$d]"
	flow "$1-b" udp 3478
	[ $rc -eq 0 ] && [ "$got" = 1 ] && [ "$d" = "13 external in +1," ]
	ktap $? "roles: $1: udp/3478 to t0 passes ($rc), reaches its listener ($got), counts on rule 13 [$d]"
}

# Thirteen bound roles: more than the hooks scan, so they search.
i=1
while [ $i -le $CHURN ]; do
	in_ns $NS $CTL set-role d$i internal
	i=$((i + 1))
done
check "roles: show lists 13 roles, all bound" \
	[ "$(in_ns $NS $CTL show dump | awk -F'\t' '$1 == "role" && $4 != "-"' | wc -l)" -eq 13 ]
judged "13 roles, searched"
i=1
while [ $i -le $CHURN ]; do
	in_ns $NS $CTL set-role d$i none
	i=$((i + 1))
done
judged "t0's role alone, scanned"

check "roles: set-role t0 none, the last role" in_ns $NS $CTL set-role t0 none
flow untouched tcp 22
[ $rc -eq 0 ] && [ "$got" = 1 ] && [ -z "$d" ]
ktap $? "roles: without a role, tcp/22 to t0 passes ($rc), reaches its listener ($got), counts nothing [$d]"

ktap_finish
