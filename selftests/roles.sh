#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Many roles in one namespace: the hooks find the first 8 in a table of
# their own and the others in the xarray (lyncedge_role()). A role beyond
# the table must be judged; when a role leaves the table, one from the
# xarray takes its slot and is still judged; with its role gone, the
# interface is untouched again.
. ./lib.sh

external_pair roles
listen $NS /tmp/roles.log tcp:22 udp:3478 || exit 1

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

# t0 gets its role after 8 other interfaces: the table is full.
check "roles: set-role t0 none" in_ns $NS $CTL set-role t0 none
i=1
while [ $i -le 8 ]; do
	$IP -n $NS link add d$i type veth peer name q$i
	check "roles: set-role d$i external" in_ns $NS $CTL set-role d$i external
	i=$((i + 1))
done
check "roles: set-role t0 external, the 9th role" in_ns $NS $CTL set-role t0 external
check "roles: show lists 9 interfaces with roles" \
	[ "$(in_ns $NS $CTL show dump | grep -c '^role')" -eq 9 ]
judged "the 9th role, beyond the table"

# d1 leaves the table: t0 takes its slot.
check "roles: set-role d1 none" in_ns $NS $CTL set-role d1 none
judged "8 roles, t0 moved into the freed slot"
i=2
while [ $i -le 8 ]; do
	check "roles: set-role d$i none" in_ns $NS $CTL set-role d$i none
	i=$((i + 1))
done
judged "t0's role alone"

check "roles: set-role t0 none, the last role" in_ns $NS $CTL set-role t0 none
flow untouched tcp 22
[ $rc -eq 0 ] && [ "$got" = 1 ] && [ -z "$d" ]
ktap $? "roles: without a role, tcp/22 to t0 passes ($rc), reaches its listener ($got), counts nothing [$d]"

ktap_finish
