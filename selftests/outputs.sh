#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# show --json against its documented schema (jq), show --prometheus
# against Prometheus's own parser (promtool check metrics), both with the
# same numbers as /proc, and names that need escaping.
. ./lib.sh

external_pair out
SCHEMA=$PWD/show.schema.jq
# A custom name with a quote, a backslash and a byte that is not UTF-8.
NAME=$(printf 'SIP "moved" \\ port \377')
in_ns $NS $CTL add-rule external in tcp 5070 $NAME
in_ns $NS $CTL add-peer frontend 172.16.1.0/24
in_ns $NS $CTL set-service access 192.0.2.1 2001:db8:e::1
listen $NS /tmp/out.log tcp:443 tcp:5070 || exit 1
in_ns $PEER "$PROBE" send tcp 192.0.2.1 443 o1
in_ns $PEER "$PROBE" send tcp 192.0.2.1 5070 o2
in_ns $PEER "$PROBE" send udp 192.0.2.1 9 o3
stop_ns $NS


# JSON
in_ns $NS $CTL show --json >/tmp/show.json
check "json: show --json exits 0" [ $? -eq 0 ]
check "json: one document that jq parses" jq -e . /tmp/show.json >/dev/null
check "json: it matches the documented schema" jq -e -f "$SCHEMA" /tmp/show.json >/dev/null
check "json: the schema check can fail: a missing key" \
	sh -c "! jq 'del(.rules[0].packets)' /tmp/show.json | jq -e -f $SCHEMA >/dev/null"
check "json: the schema check can fail: a wrong type" \
	sh -c "! jq '.drops[0].packets = \"1\"' /tmp/show.json | jq -e -f $SCHEMA >/dev/null"
check "json: the schema check can fail: an unknown word" \
	sh -c "! jq '.roles[0].role = \"dmz\"' /tmp/show.json | jq -e -f $SCHEMA >/dev/null"
check "json: the schema check can fail: a key too many" \
	sh -c "! jq '.config.extra = 1' /tmp/show.json | jq -e -f $SCHEMA >/dev/null"
check "json: the role and the interface it is bound to" \
	[ "$(jq -r '.roles[] | "\(.name) \(.role) \(.ifindex)"' /tmp/show.json)" = \
	  "t0 external $(in_ns $NS cat /sys/class/net/t0/ifindex)" ]
check "json: no change awaits confirmation" \
	[ "$(jq -c .confirm /tmp/show.json)" = '{"pending":false,"ms_left":0,"reverted":0}' ]
check "json: rule 5's packets are /proc's" \
	[ "$(jq '.rules[] | select(.id == 5) | .packets' /tmp/show.json)" = "$(packets $NS 5)" ]
check "json: and so are the drops" \
	[ "$(jq '.drops[] | select(.role == "external" and .dir == "in") | .packets' /tmp/show.json)" = \
	  "$(packets $NS drop external in)" ]
check "json: the custom rule, counted" \
	[ "$(jq '.rules[] | select(.custom) | .packets' /tmp/show.json)" = 1 ]
check "json: its name, escaped, with U+FFFD for the stray byte" \
	[ "$(jq -r '.rules[] | select(.custom) | .name' /tmp/show.json)" = \
	  "$(printf 'SIP "moved" \\ port \357\277\275')" ]
check "json: the configuration" \
	[ "$(jq -c '[.config.peers[0].prefix, .config.services.access, .config.media_range.min]' \
	     /tmp/show.json)" = '["172.16.1.0/24",["192.0.2.1","2001:db8:e::1"],50000]' ]

# Prometheus
in_ns $NS $CTL show --prometheus >/tmp/show.prom
check "prometheus: show --prometheus exits 0" [ $? -eq 0 ]
promtool check metrics </tmp/show.prom >/tmp/promtool.out 2>&1
status=$?
sed 's/^/# promtool: /' /tmp/promtool.out
ktap $status "prometheus: promtool check metrics accepts it, lint included"
check "prometheus: promtool can fail: a broken label" \
	sh -c "! sed 's/rule=\"5\"/rule=\"5/' /tmp/show.prom | promtool check metrics >/dev/null 2>&1"
check "prometheus: HELP and TYPE for every metric" \
	[ "$(grep -c '^# HELP lyncedge_' /tmp/show.prom)" -eq "$(grep -c '^# TYPE lyncedge_' /tmp/show.prom)" ]
check "prometheus: rule 5's packets are /proc's" \
	grep -q "^lyncedge_rule_packets_total{rule=\"5\",role=\"external\",dir=\"in\",proto=\"tcp\",ports=\"443\",.*} $(packets $NS 5)\$" /tmp/show.prom
check "prometheus: the drops with role and dir" \
	grep -qx "lyncedge_drop_packets_total{role=\"external\",dir=\"in\"} $(packets $NS drop external in)" /tmp/show.prom
check "prometheus: the custom name escaped" \
	grep -qF "name=\"$(printf 'SIP \\"moved\\" \\\\ port \357\277\275')\"} 1" /tmp/show.prom
check "prometheus: events suppressed" grep -q '^lyncedge_events_suppressed_total [0-9]*$' /tmp/show.prom
check "prometheus: the role, bound" \
	grep -qx 'lyncedge_interface_role{interface="t0",role="external",bound="yes"} 1' /tmp/show.prom
check "prometheus: no change awaits confirmation, none reverted" \
	sh -c "grep -qx 'lyncedge_confirm_pending 0' /tmp/show.prom &&
	       grep -qx 'lyncedge_rollbacks_total 0' /tmp/show.prom"

ktap_finish
