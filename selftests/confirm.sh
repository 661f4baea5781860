#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Changes that undo themselves: `setconf --confirm SECONDS` applies a file
# at once, and unless `lyncedgectl confirm` comes in time the kernel puts
# back the roles and configuration it replaced, with nobody left to ask:
# the shell that applied it is gone by then. The admin's own way in (tcp/22
# on the management interface m0) is what the bad file takes away.
#
#   PEER-PID p0 192.0.2.2 ---- t0 192.0.2.1  NS-PID (external)
#            a0 10.9.9.2  ---- m0 10.9.9.1   (management: no role, until the bad file)
. ./lib.sh

external_pair confirm
$IP link add m0 netns $NS type veth peer name a0 netns $PEER
$IP -n $NS addr add 10.9.9.1/24 dev m0
$IP -n $PEER addr add 10.9.9.2/24 dev a0
$IP -n $NS link set m0 up
$IP -n $PEER link set a0 up
listen $NS /tmp/confirm.log tcp:22 tcp:6001 || exit 1

ssh_in() { # TOKEN: "in" when tcp/22 to the management address reaches its listener
	in_ns $PEER "$PROBE" send tcp 10.9.9.1 22 "$1" </dev/null && grep -q " $1\$" /tmp/confirm.log &&
		echo in || echo out
}
stats() { in_ns $NS $CTL show dump | awk -F'\t' '$1 == "confirm" { print $2, $4 }'; }
conf() { in_ns $NS $CTL showconf; }

cat >/tmp/good.conf <<'CONF'
set-role t0 external
add-rule external in tcp 6001 the site's own
CONF
check "confirm: the starting configuration" in_ns $NS $CTL setconf /tmp/good.conf
conf >/tmp/conf.before
check "confirm: ssh to the management interface works" [ "$(ssh_in s1)" = in ]
check "confirm: the custom rule counts a flow" in_ns $PEER "$PROBE" send tcp 192.0.2.1 6001 c1
rid=$(in_ns $NS $CTL show dump | awk -F'\t' '$1 == "rule" && $8 == "custom" { print $2 }')
check "confirm: on its own id ($rid)" [ "$(packets $NS "$rid")" = 1 ]
check "confirm: no change awaits confirmation, none reverted" [ "$(stats)" = "none 0" ]

# The bad file: the management interface gets a role (and loses ssh), the
# custom rule is gone, the media range moves. Applied from a shell that
# exits at once.
cat >/tmp/bad.conf <<'CONF'
set-role t0 external
set-role m0 internal
set-media-range 40000-40999
CONF
# Long enough for the checks below on the debug kernel, too.
WAIT=20
start=$(date +%s)
sh -c "$IP netns exec $NS $CTL setconf --confirm $WAIT /tmp/bad.conf >/tmp/confirm.out"
ktap $? "confirm: setconf --confirm $WAIT of the bad file is applied"
check "confirm: and says it reverts unless confirmed" \
	grep -q "reverts in $WAIT s unless confirmed" /tmp/confirm.out
check "confirm: ssh is locked out by it" [ "$(ssh_in s2)" = out ]
check "confirm: show says a change awaits confirmation" \
	sh -c "$IP netns exec $NS $CTL show | grep -q 'a change reverts in [0-9]* s unless confirmed'"
check "confirm: and JSON" sh -c "$IP netns exec $NS $CTL show --json | jq -e '.confirm.pending and .confirm.ms_left > 0' >/dev/null"
! in_ns $NS $CTL setconf --confirm 60 /tmp/good.conf 2>/tmp/confirm.err
ktap $? "confirm: a second --confirm while one waits is refused"
check "confirm: saying why" grep -q "already awaits confirmation" /tmp/confirm.err
# A change on top of the waiting one is part of it.
check "confirm: set-mode external audit meanwhile" in_ns $NS $CTL set-mode external audit

# Nobody confirms: the kernel reverts by itself.
for _ in $(seq 1 120); do
	[ "$(stats)" = "none 1" ] && break
	sleep 0.5
done
took=$(($(date +%s) - start))
check "confirm: unconfirmed, the change is reverted after ${took} s ($WAIT asked)" \
	[ "$(stats) $((took >= WAIT && took <= WAIT + 30))" = "none 1 1" ]
conf >/tmp/conf.after
check "confirm: the roles and configuration are the starting ones, set-mode included" \
	cmp -s /tmp/conf.before /tmp/conf.after
check "confirm: ssh works again" [ "$(ssh_in s3)" = in ]
check "confirm: the custom rule is back with its id and its count" [ "$(packets $NS "$rid")" = 1 ]
check "confirm: and counts again" in_ns $PEER "$PROBE" send tcp 192.0.2.1 6001 c2
check "confirm: on the same id" [ "$(packets $NS "$rid")" = 2 ]
check "confirm: the kernel log says it" sh -c "dmesg | grep -q 'not confirmed within $WAIT s is reverted'"
check "confirm: Prometheus counts it" \
	sh -c "$IP netns exec $NS $CTL show --prometheus | grep -qx 'lyncedge_rollbacks_total 1'"

# Confirmed in time, it stays.
check "confirm: setconf --confirm 8 once more" in_ns $NS $CTL setconf --confirm 8 /tmp/bad.conf
check "confirm: lyncedgectl confirm keeps it" in_ns $NS $CTL confirm
sleep 10
check "confirm: past the 8 s it is still in force: ssh stays locked out" [ "$(ssh_in s4)" = out ]
check "confirm: nothing more reverted" [ "$(stats)" = "none 1" ]
! in_ns $NS $CTL confirm 2>/tmp/confirm.err
ktap $? "confirm: confirm with nothing waiting exits 1"
check "confirm: saying so" grep -q "no change awaits confirmation" /tmp/confirm.err

# Bad words change nothing.
conf >/tmp/conf.now
for bad in 0 3601 abc -5 ""; do
	in_ns $NS $CTL setconf --confirm "$bad" /tmp/good.conf 2>/tmp/confirm.err
	[ $? -eq 1 ] && grep -q "usage: lyncedgectl setconf" /tmp/confirm.err
	ktap $? "confirm: --confirm '$bad' is refused with the usage line"
done
conf >/tmp/conf.again
check "confirm: and nothing changed" cmp -s /tmp/conf.now /tmp/conf.again

# A rollback that waits while its namespace is deleted, and while the module is unloaded.
check "confirm: setconf --confirm 300 of the good file" in_ns $NS $CTL setconf --confirm 300 /tmp/good.conf
$IP netns add gone-$$
$IP -n gone-$$ link add g0 type veth peer name g1
check "confirm: in another namespace too" \
	sh -c "printf 'set-role g0 external\n' | $IP netns exec gone-$$ $CTL setconf --confirm 300 -"
$IP netns del gone-$$
check "confirm: the namespace is deleted with its change waiting" in_ns $NS $CTL show dump >/dev/null
check "confirm: rmmod with a change waiting" /sbin/rmmod lyncedge
check "confirm: insmod again" /sbin/insmod $MODULE
check "confirm: a fresh load awaits nothing" [ "$(in_ns $NS $CTL show dump | awk -F'\t' '$1 == "confirm" { print $2, $4 }')" = "none 0" ]

ktap_finish
