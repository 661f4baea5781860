#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Editions with real traffic: each edition's rule table against its own
# transcription of Microsoft's page (editions/*.expected), and every row that
# differs from Lync 2013, both ways (what opens, what closes), IPv4 and
# IPv6, each flow on its listener and on the counter of its exact rule;
# features an edition lacks refused, changing nothing; the counters of the
# rules that stay kept across a switch; the edition in show, dump, JSON,
# Prometheus and showconf.
. ./lib.sh

load_module
topology_up
trap topology_down EXIT

SHOW="$IP netns exec $EDGE $CTL show"

# The listeners: the media range's ends, XMPP's ports, and a port per side.
listen $EDGE /tmp/edge.log tcp:5269 tcp:50000 udp:50000 tcp:59999 udp:59999 tcp:23456 ||
	exit 1
listen $INET /tmp/inet.log udp:50000 udp:59999 tcp:5269 tcp:80 || exit 1
check "editions: set-role e0 external" in_ns $EDGE $CTL set-role e0 external
check "editions: set-role e1 internal" in_ns $EDGE $CTL set-role e1 internal

addr() { # FAMILY SIDE: the far end's address (in: the edge's; out: the peer's)
	case "$1 $2" in
	"4 in") echo 192.0.2.1 ;;
	"6 in") echo 2001:db8:e::1 ;;
	"4 out") echo 192.0.2.2 ;;
	"6 out") echo 2001:db8:e::2 ;;
	"4 lan") echo 172.16.1.1 ;;
	"6 lan") echo fd00:1::1 ;;
	esac
}

n=0
# flow RULE|drop SIDE PROTO PORT FAMILY: from the Internet (in), from the
# edge (out) or from the front end (lan); RULE: passes and counts once on
# that rule alone; drop: reaches no listener, counts on the side's drop row
# alone.
flow() {
	n=$((n + 1))
	case $2 in
	in) ns=$INET log=/tmp/edge.log row="external in" ;;
	out) ns=$EDGE log=/tmp/inet.log row="external out" ;;
	lan) ns=$LAN log=/tmp/edge.log row="internal in" ;;
	esac
	measure $EDGE in_ns $ns "$PROBE" send "$3" "$(addr "$5" "$2")" "$4" w$n </dev/null
	got=$(grep -c " w$n\$" $log)
	if [ "$1" = drop ]; then
		# a TCP SYN may be sent again before the probe gives up
		[ $rc -eq 1 ] && [ "$got" = 0 ] && echo "$d" | grep -Eqx "drop $row \+[0-9]+,"
	else
		[ $rc -eq 0 ] && [ "$got" = 1 ] && [ "$d" = "$1 $row +1," ]
	fi
	ktap $? "editions: $edition: $2 $3/$4 IPv$5: $1 (exit $rc, listener $got) [$d]"
}

both() { # RULE|drop SIDE PROTO PORT: flow, IPv4 and IPv6
	flow "$@" 4
	flow "$@" 6
}

# table EDITION FILE: /proc's rows with a feature are the file's, row for
# row; the others are feature none and never enabled; every name of the
# edition's rows cites its page's tables, not the seed's.
table() {
	in_ns $EDGE cat $RULES | awk 'NR > 1 && $1 != "drop" && $6 != "none" {
		print $1, $2, $3, $4, $5, $6 }' >/tmp/have
	grep -v '^#' "$2" | sort -n >/tmp/want
	sort -n /tmp/have | cmp -s - /tmp/want
	ktap $? "editions: $1: the rule table is $(basename "$2")'s, row for row ($(wc -l </tmp/want) rules)"
	absent=$(in_ns $EDGE cat $RULES | awk 'NR > 1 && $6 == "none" { print $1 }' | tr '\n' ' ')
	want=$(seq 1 28 | grep -vxF -f /tmp/want.ids 2>/dev/null | tr '\n' ' ')
	check "editions: $1: rules $absent are not part of it, and not enabled" sh -c "
		[ \"$absent\" = \"$want\" ] &&
		! $IP netns exec $EDGE cat $RULES | awk 'NR > 1 && \$6 == \"none\" && \$7 != \"no\"' | grep -q ."
	check "editions: $1: its rows cite its own page" sh -c \
		"! $IP netns exec $EDGE cat $RULES | awk 'NR > 1 && \$6 != \"none\"' | grep -q 'pim#'"
}
ids() { grep -v '^#' "$1" | awk '{ print $1 }' >/tmp/want.ids; }

# --- Lync 2013, the default: the seed's media and XMPP rows. -----------------
edition=lync2013
check "editions: show says lync2013 by default" sh -c "$SHOW | grep -q '^edition: lync2013, Lync Server 2013'"
both drop out udp 50000
both drop out udp 59999
check "editions: lync2013: enable ocs2007" in_ns $EDGE $CTL enable ocs2007
both 9 out udp 59999
both 10 in tcp 50000
both 11 in udp 59999

# An edition without the feature is refused while it is on, and changes nothing.
! in_ns $EDGE $CTL set-edition sfb2015 2>/tmp/err
ktap $? "editions: set-edition sfb2015 with ocs2007 on is refused"
check "editions: and the error says what to do" grep -q "disable ocs2007" /tmp/err
check "editions: the refusal changed nothing" sh -c "$SHOW | grep -q '^edition: lync2013'"
both 10 in tcp 59999
check "editions: lync2013: disable ocs2007" in_ns $EDGE $CTL disable ocs2007

# --- SfB 2015: media relaying is core, the OCS 2007 rows are gone. ----------
check "editions: set-edition sfb2015" in_ns $EDGE $CTL set-edition sfb2015
edition=sfb2015
ids editions/sfb2015.expected
table sfb2015 editions/sfb2015.expected
check "editions: sfb2015: show says it" sh -c "$SHOW | grep -q '^edition: sfb2015, Skype for Business Server 2015'"
both 9 out udp 50000
both 9 out udp 59999
both drop in tcp 50000
both drop in udp 59999
! in_ns $EDGE $CTL enable ocs2007 2>/tmp/err
ktap $? "editions: sfb2015: enable ocs2007 is refused"
check "editions: sfb2015: with the module's reason" grep -q "no OCS 2007 rows" /tmp/err
both drop in udp 50000
check "editions: sfb2015: enable xmpp" in_ns $EDGE $CTL enable xmpp
both 1 in tcp 5269
both 15 out tcp 5269
both 16 lan tcp 23456

# The counters of the rules that stay, across the switch to 2019.
r9=$(packets $EDGE 9)
r2=$(packets $EDGE 2)
r1=$(packets $EDGE 1)
! in_ns $EDGE $CTL set-edition sfb2019 2>/tmp/err
ktap $? "editions: set-edition sfb2019 with xmpp on is refused"
check "editions: and the error says what to do" grep -q "disable xmpp" /tmp/err
check "editions: the refusal changed nothing" sh -c "$SHOW | grep -q '^edition: sfb2015'"
both 1 in tcp 5269
r1=$((r1 + 2))
check "editions: sfb2015: disable xmpp" in_ns $EDGE $CTL disable xmpp

# --- SfB 2019 and Subscription Edition: no XMPP. --------------------------------
for edition in sfb2019 sfbse; do
	check "editions: set-edition $edition" in_ns $EDGE $CTL set-edition $edition
	ids editions/sfb2019.expected
	table $edition editions/sfb2019.expected
	check "editions: $edition: the counters of rules 9 and 2 are kept ($r9, $r2)" \
		[ "$(packets $EDGE 9) $(packets $EDGE 2)" = "$r9 $r2" ]
	check "editions: $edition: and rule 1's, out of the edition, too ($r1)" \
		[ "$(packets $EDGE 1)" = "$r1" ]
	! in_ns $EDGE $CTL enable xmpp 2>/tmp/err
	ktap $? "editions: $edition: enable xmpp is refused"
	check "editions: $edition: with the module's reason" grep -q "no XMPP rows" /tmp/err
	both drop in tcp 5269
	both drop out tcp 5269
	both drop lan tcp 23456
	both 9 out udp 50000
	r9=$((r9 + 2))
	both drop in tcp 59999
done
check "editions: show says sfbse follows 2019's table" \
	sh -c "$SHOW | grep -q '^edition: sfbse, .*2019.s table'"

# --- What the tool says of the edition. ----------------------------------------
check "editions: show dump has the edition" sh -c "$SHOW dump | grep -qx 'edition	sfbse'"
check "editions: show dump: rule 1 has feature none" \
	sh -c "$SHOW dump | awk -F'\t' '\$1 == \"rule\" && \$2 == 1 { print \$8, \$9 }' | grep -qx 'none no'"
check "editions: JSON: config.edition, and rule 15 not in it" sh -c "$SHOW --json | jq -e '
	.config.edition == \"sfbse\" and
	(.rules[] | select(.id == 15) | .feature == \"none\" and .enabled == false) and
	(.rules[] | select(.id == 9) | .feature == \"core\" and .enabled)' >/dev/null"
check "editions: JSON: the document still follows the schema" \
	sh -c "$SHOW --json | jq -e -f show.schema.jq >/dev/null"
check "editions: Prometheus: lyncedge_edition labels it" \
	sh -c "$SHOW --prometheus | grep -qx 'lyncedge_edition{edition=\"sfbse\"} 1'"
check "editions: Prometheus: rule 16 has feature none, not enabled" \
	sh -c "$SHOW --prometheus | grep -q '^lyncedge_rule_enabled{rule=\"16\",.*feature=\"none\".* 0\$'"
check "editions: showconf says set-edition sfbse" \
	sh -c "$IP netns exec $EDGE $CTL showconf | grep -qx 'set-edition sfbse'"
in_ns $EDGE $CTL showconf >/tmp/conf.1
check "editions: showconf | setconf - keeps it" sh -c \
	"$IP netns exec $EDGE $CTL setconf - </tmp/conf.1 && $IP netns exec $EDGE $CTL showconf | cmp -s - /tmp/conf.1"
in_ns $EDGE $CTL export nft >/tmp/export.nft
check "editions: export nft follows it: media relaying out, no 5269" sh -c \
	"grep -q '50000-59999 : jump rule_9' /tmp/export.nft && ! grep -q 5269 /tmp/export.nft"

# --- Back to Lync 2013: what 2019 opened closes again. ---------------------------
check "editions: set-edition lync2013" in_ns $EDGE $CTL set-edition lync2013
edition=lync2013
check "editions: lync2013: the table is the seed's again" sh -c \
	"[ \"\$($IP netns exec $EDGE cat $RULES | awk 'NR > 1 && \$1 != \"drop\" && \$6 == \"none\"' | wc -l)\" = 0 ]"
both drop out udp 50000
check "editions: lync2013: the counter of rule 9 is kept ($r9)" [ "$(packets $EDGE 9)" = "$r9" ]
! in_ns $EDGE $CTL set-edition sfb2020 2>/tmp/err
ktap $? "editions: an unknown edition is refused"
check "editions: with the tool's usage" grep -q "usage: lyncedgectl set-edition" /tmp/err

ktap_finish
