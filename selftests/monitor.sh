#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Drop events: one event per dropped packet with the right fields; a flood
# gives at most the configured rate, and every other drop is counted as
# suppressed; no listener, no events and nothing counted.
. ./lib.sh

external_pair mon
EV=/tmp/mon.json

events() { in_ns $NS $CTL show --json | jq -r '"\(.events.sent) \(.events.suppressed)"'; }
lines() { wc -l <"$1"; }
uptime_cs() { awk '{ print int($1 * 100) }' /proc/uptime; }

# wait_lines FILE N: until FILE has N lines (5 s at most).
wait_lines() {
	for _ in $(seq 50); do
		[ "$(lines "$1")" -ge "$2" ] && return 0
		sleep 0.1
	done
	return 1
}

# No listener: drops make no events and count nothing.
before=$(events)
in_ns $PEER "$PROBE" send udp 192.0.2.1 9 n1
check "quiet: without a listener no event is sent or suppressed" [ "$(events)" = "$before" ]

in_ns $NS $CTL set-event-rate 1000 burst 1000
in_ns $NS $CTL monitor --json >$EV 2>/tmp/mon.err &
# Joined once an event comes through.
for _ in $(seq 50); do
	in_ns $PEER "$PROBE" raw 47 192.0.2.1 4
	[ -s $EV ] && break
	sleep 0.1
done
check "monitor: it receives events" test -s $EV

# One dropped packet: exactly one event, with its fields.
n=$(lines $EV)
in_ns $PEER "$PROBE" send -s 40000 udp 192.0.2.1 9999 m1
wait_lines $EV $((n + 1))
sleep 0.5
check "event: one dropped packet, exactly one event" [ "$(lines $EV)" -eq $((n + 1)) ]
check "event: its fields" [ "$(tail -n 1 $EV | jq -c '[.action, .reason, .role, .dir, .ifname,
	.family, .proto, .saddr, .sport, .daddr, .dport, .len, .suppressed]')" = \
	'["drop","no-rule","external","in","t0","ipv4","udp","192.0.2.2",40000,"192.0.2.1",9999,30,0]' ]
check "event: ifindex is t0's" \
	[ "$(tail -n 1 $EV | jq .ifindex)" = "$($IP -n $NS -o link show t0 | cut -d: -f1)" ]

n=$(lines $EV)
in_ns $PEER "$PROBE" send -s 40001 udp 2001:db8:e::1 9998 m2
wait_lines $EV $((n + 1))
check "event: IPv6" [ "$(tail -n 1 $EV | jq -c '[.family, .saddr, .sport, .daddr, .dport]')" = \
	'["ipv6","2001:db8:e::2",40001,"2001:db8:e::1",9998]' ]
n=$(lines $EV)
in_ns $PEER "$PROBE" raw 47 192.0.2.1 4
wait_lines $EV $((n + 1))
check "event: another protocol has no ports" \
	[ "$(tail -n 1 $EV | jq -c '[.reason, .proto, .protocol, .sport, .dport]')" = '["protocol","47",47,null,null]' ]
n=$(lines $EV)
in_ns $PEER "$PROBE" raw 17 192.0.2.1 2
wait_lines $EV $((n + 1))
check "event: a truncated header is malformed" [ "$(tail -n 1 $EV | jq -r .reason)" = malformed ]

in_ns $NS $CTL set-mode external audit
n=$(lines $EV)
in_ns $PEER "$PROBE" send -s 40002 udp 192.0.2.1 9997 m3
wait_lines $EV $((n + 1))
check "event: audit mode says audit" [ "$(tail -n 1 $EV | jq -r '.action')" = audit ]
in_ns $NS $CTL set-mode external enforce

# A flood: at most rate * seconds + burst events, the rest suppressed.
RATE=5
BURST=5
FLOOD=400
in_ns $NS $CTL set-event-rate $RATE burst $BURST
sleep 0.5
n=$(lines $EV)
e0=$(events)
d0=$(packets $NS drop external in)
t0=$(uptime_cs)
in_ns $PEER "$PROBE" spray 192.0.2.1 20000 $FLOOD
t1=$(uptime_cs)
sleep 1
e1=$(events)
d1=$(packets $NS drop external in)
got=$(($(lines $EV) - n))
sent=$(echo "$e0 $e1" | awk '{ print $3 - $1 }')
suppressed=$(echo "$e0 $e1" | awk '{ print $4 - $2 }')
allowed=$(( (t1 - t0 + 100) * RATE / 100 + BURST + 1 ))
echo "# flood: $FLOOD drops in $((t1 - t0)) cs: $got events, $suppressed suppressed (at most $allowed events)"
check "flood: all $FLOOD were dropped and counted" [ $((d1 - d0)) -eq $FLOOD ]
check "flood: events and suppressed add up to the drops" [ $((got + suppressed)) -eq $FLOOD ]
check "flood: every event sent arrived" [ "$got" -eq "$sent" ]
check "flood: at most the rate allows" [ "$got" -le "$allowed" ]
check "flood: most were suppressed" [ "$suppressed" -ge $((FLOOD / 2)) ]
# The next event reports what was suppressed since the one before it.
sleep 0.5
in_ns $PEER "$PROBE" raw 47 192.0.2.1 4
wait_lines $EV $((n + got + 1))
check "flood: the next event carries the suppressed count" \
	[ "$(tail -n $((got + 1)) $EV | jq -s 'map(.suppressed) | add')" -eq "$suppressed" ]

# The same from both CPUs at once: the rate limit takes no lock, and every
# drop is still an event or a suppressed one, each suppressed one reported
# by exactly one event.
sleep 1
n=$(lines $EV)
e0=$(events)
d0=$(packets $NS drop external in)
taskset -c 0 $IP netns exec $PEER "$PROBE" spray 192.0.2.1 30000 $FLOOD &
p0=$!
taskset -c 1 $IP netns exec $PEER "$PROBE" spray 192.0.2.1 31000 $FLOOD &
p1=$!
wait $p0 $p1
sleep 1
e1=$(events)
d1=$(packets $NS drop external in)
got=$(($(lines $EV) - n))
sent=$(echo "$e0 $e1" | awk '{ print $3 - $1 }')
suppressed=$(echo "$e0 $e1" | awk '{ print $4 - $2 }')
echo "# flood from two CPUs: $((2 * FLOOD)) drops: $got events, $suppressed suppressed"
check "flood, two CPUs: all $((2 * FLOOD)) dropped and counted" [ $((d1 - d0)) -eq $((2 * FLOOD)) ]
check "flood, two CPUs: events and suppressed add up to the drops" \
	[ $((got + suppressed)) -eq $((2 * FLOOD)) ]
check "flood, two CPUs: every event sent arrived" [ "$got" -eq "$sent" ]
sleep 0.5
in_ns $PEER "$PROBE" raw 47 192.0.2.1 4
wait_lines $EV $((n + got + 1))
check "flood, two CPUs: the events report every suppressed drop once" \
	[ "$(tail -n $((got + 1)) $EV | jq -s 'map(.suppressed) | add')" -eq "$suppressed" ]

# The text form.
in_ns $NS $CTL set-event-rate 1000 burst 1000
in_ns $NS $CTL monitor >/tmp/mon.txt 2>&1 &
for _ in $(seq 50); do
	in_ns $PEER "$PROBE" send -s 40003 udp 192.0.2.1 9996 t1
	[ -s /tmp/mon.txt ] && break
done
check "text: one line per event" \
	grep -q '^drop external in t0 udp 192.0.2.2:40003 > 192.0.2.1:9996 len 30 no-rule$' /tmp/mon.txt

stop_ns $NS
# An unprivileged listener hears no event, drops or not. From 6.1 (6.6
# upstream, backported) genetlink refuses its bind; before, the module
# sends events only to sockets opened with CAP_NET_ADMIN, and the listener
# waits in vain until timeout ends it.
timeout 5 $IP netns exec $NS "$PROBE" asuser 65534 $CTL monitor >/tmp/mon.out 2>/tmp/mon.err &
mon=$!
sleep 1
for i in 1 2 3; do
	in_ns $PEER "$PROBE" send udp 192.0.2.1 9 u$i
done
wait $mon
rc=$?
check "cli: an unprivileged monitor hears no event" [ ! -s /tmp/mon.out ]
case $(uname -r) in
5.*)
	# busybox's timeout exits with the status of the program it killed.
	check "cli: before 6.1 it may join, and waits until timeout ends it [$rc]" \
		eval '[ $rc -eq 124 ] || [ $rc -eq 143 ]'
	;;
*)
	check "cli: monitoring needs CAP_NET_ADMIN" [ $rc -eq 1 ]
	check "cli: and says so" grep -q 'permission denied' /tmp/mon.err
	;;
esac
in_ns $NS $CTL monitor --xml >/dev/null 2>/tmp/mon.err
check "cli: a bad option gets the usage line" grep -q '^usage: lyncedgectl monitor' /tmp/mon.err
in_ns $NS $CTL set-event-rate 10001 2>/tmp/mon.err
check "cli: a rate above the maximum is refused" [ $? -eq 1 ]

# No listener again: nothing counted.
before=$(events)
in_ns $PEER "$PROBE" send udp 192.0.2.1 9 n2
check "quiet: the listener gone, nothing is counted" [ "$(events)" = "$before" ]

ktap_finish
