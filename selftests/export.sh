#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# lyncedgectl export, held to the module by a differential test: the same
# flows go through lyncedge, then through the nftables ruleset it exported,
# then through the iptables-legacy rulesets (IPv4 and IPv6); each flow must
# get the same verdict (did the listener get it?) and grow the counter of the
# same rule in all three. The configuration uses what the rulesets must
# translate: service addresses that tell the three external in tcp/443 rows
# apart, peers of one family only (::/0 among them, which takes no IPv4
# address in any of the three), internal networks that leave an internal
# host outside (both ways), a custom range, an optional feature, and one
# role in audit mode. It runs once per edition: the same flows, each
# edition's own rules (XMPP and the media rows differ).
. ./lib.sh

load_module
topology_up
trap topology_down EXIT

# More addresses of the edge, for the services; and a far end on the
# external side that the edge reaches from the A/V Edge's address.
$IP -n $EDGE addr add 192.0.2.11/24 dev e0
$IP -n $EDGE addr add 192.0.2.12/24 dev e0
$IP -n $EDGE addr add 2001:db8:e::12/64 dev e0 nodad
$IP -n $INET addr add 192.0.2.3/24 dev i0
$IP -n $INET addr add 2001:db8:e::3/64 dev i0 nodad
$IP -n $EDGE route add 192.0.2.3/32 dev e0 src 192.0.2.12
$IP -n $EDGE -6 route add 2001:db8:e::3/128 dev e0 src 2001:db8:e::12
# An internal host outside the front end's prefix; and one outside the
# internal networks.
$IP -n $EDGE addr add 10.20.0.1/24 dev e1
$IP -n $LAN addr add 10.20.0.2/24 dev l0
$IP -n $EDGE addr add 10.30.0.1/24 dev e1
$IP -n $LAN addr add 10.30.0.2/24 dev l0

# The flows: CLIENT DESTINATION PROTO PORT.
cat >/tmp/flows <<'FLOWS'
inet 192.0.2.1 tcp 443
inet 2001:db8:e::1 tcp 443
inet 192.0.2.11 tcp 443
inet 192.0.2.12 tcp 443
inet 2001:db8:e::12 tcp 443
inet 192.0.2.1 udp 3478
inet 192.0.2.12 udp 3478
inet 2001:db8:e::12 udp 3478
inet 192.0.2.1 tcp 5061
inet 2001:db8:e::1 tcp 5269
inet 192.0.2.12 tcp 5061
inet 192.0.2.1 udp 40000
inet 2001:db8:e::1 udp 40009
inet 192.0.2.1 udp 40010
inet 192.0.2.12 udp 50000
inet 2001:db8:e::12 tcp 59999
inet 192.0.2.1 tcp 22
edge 192.0.2.2 udp 53
edge 2001:db8:e::2 tcp 53
edge 192.0.2.2 tcp 80
edge 2001:db8:e::2 tcp 5061
edge 192.0.2.2 tcp 5269
edge 192.0.2.3 udp 3478
edge 2001:db8:e::3 tcp 443
edge 192.0.2.3 tcp 50000
edge 192.0.2.3 udp 50000
edge 2001:db8:e::3 udp 59999
edge 192.0.2.2 udp 3478
edge 192.0.2.2 tcp 22
lan 172.16.1.1 tcp 5061
lan fd00:1::1 tcp 5061
lan 172.16.1.1 tcp 4443
lan 172.16.1.1 tcp 23456
lan fd00:1::1 udp 3478
lan 172.16.1.1 tcp 50001
lan 172.16.1.1 tcp 22
lan 10.20.0.1 tcp 5062
lan fd00:1::1 tcp 5062
lan 10.30.0.1 udp 3478
lan 10.30.0.1 tcp 5061
edge 172.16.1.2 tcp 5061
edge fd00:1::2 tcp 5061
edge 172.16.1.2 tcp 22
edge 10.30.0.2 tcp 5061
FLOWS

# The listeners: every port of a flow, on the side it goes to.
ports() { # CLIENT...: listener specs of those clients' flows
	for c in "$@"; do
		awk -v c="$c" '$1 == c { print $3 ":" $4 }' /tmp/flows
	done | sort -u
}
listen $EDGE /tmp/edge.log $(ports inet lan) || exit 1
listen $INET /tmp/inet.log $(awk '$1 == "edge" && $2 !~ /^(172\.16\.1\.|fd00:1:|10\.30\.)/ { print $3 ":" $4 }' \
	/tmp/flows | sort -u) || exit 1
listen $LAN /tmp/lan.log $(awk '$1 == "edge" && $2 ~ /^(172\.16\.1\.|fd00:1:|10\.30\.)/ { print $3 ":" $4 }' \
	/tmp/flows | sort -u) || exit 1

# Counter readers, one per filter: "KEY PACKETS" lines, the key being the
# lyncedge rule (rule_ID, drop_ROLE_DIR) the counter stands for.
read_lyncedge() {
	counters $EDGE | awk '{ print ($1 == "drop" ? "drop_" $2 "_" $3 : "rule_" $1), $4 }'
}
read_nft() {
	in_ns $EDGE nft list counters table inet lyncedge |
		awk '$1 == "counter" { k = $2 } $1 == "packets" { print k, $2 }'
}
# iptables-restore made a rule of each address of a list: sum them per key.
read_iptables() {
	{ in_ns $EDGE iptables-legacy-save -c; in_ns $EDGE ip6tables-legacy-save -c; } |
		awk '/^\[/ && /--comment/ {
			n = $1
			gsub(/[[]/, "", n)
			split(n, c, ":")
			for (i = 2; i < NF; i++) if ($i == "--comment") k = $(i + 1)
			gsub(/"/, "", k)
			p[k] += c[1]
		} END { for (k in p) print k, p[k] }'
}

# run FILTER: every flow, recording "VERDICT KEYS" per line in /tmp/FILTER.out:
# passed or dropped, and the keys whose counters grew.
run() {
	: >/tmp/$1.out
	i=0
	while read -r client dst proto port; do
		i=$((i + 1))
		tok=$1-$i
		read_$1 >/tmp/before
		in_ns "$(ns_of "$client")" "$PROBE" send "$proto" "$dst" "$port" $tok </dev/null
		read_$1 >/tmp/after
		keys=$(awk 'NR == FNR { p[$1] = $2; next } $2 != p[$1] { print $1 }' \
			/tmp/before /tmp/after | sort | tr '\n' , )
		if grep -q " $tok\$" /tmp/edge.log /tmp/inet.log /tmp/lan.log; then
			echo "passed ${keys:-none}" >>/tmp/$1.out
		else
			echo "dropped ${keys:-none}" >>/tmp/$1.out
		fi
	done </tmp/flows
}

# configure EDITION: the configuration, in that edition (xmpp where it has it).
configure() {
	{
		echo "set-edition $1"
		[ "$1" = sfb2019 ] || [ "$1" = sfbse ] || echo "enable xmpp"
		cat <<'CONF'
set-mode internal audit
set-service access 192.0.2.1 2001:db8:e::1
set-service webconf 192.0.2.11
set-service av 192.0.2.12 2001:db8:e::12
set-internal-networks 172.16.1.0/24 10.20.0.0/16 ::/0
add-peer frontend 172.16.1.0/24
add-peer branch ::/0
add-rule external in udp 40000-40009 site range
CONF
	} >/tmp/export.conf
	check "export: $1: the configuration is set" in_ns $EDGE $CTL setconf /tmp/export.conf
	check "export: $1: set-role e0 external" in_ns $EDGE $CTL set-role e0 external
	check "export: $1: set-role e1 internal" in_ns $EDGE $CTL set-role e1 internal
}

# differential EDITION: the flows through lyncedge, its nft export and its
# iptables export, in that edition, and the verdicts and counters compared.
differential() {
	run lyncedge
	in_ns $EDGE $CTL export nft >/tmp/export.nft
	check "export: $1: export nft" [ $? -eq 0 ]
	in_ns $EDGE $CTL export iptables >/tmp/export.ipt4
	check "export: $1: export iptables" [ $? -eq 0 ]
	in_ns $EDGE $CTL export ip6tables >/tmp/export.ipt6
	check "export: $1: export ip6tables" [ $? -eq 0 ]
	# Roles off: the module changes nothing, the exported rules do the work.
	in_ns $EDGE $CTL set-role e0 none && in_ns $EDGE $CTL set-role e1 none
	check "export: $1: roles cleared, lyncedge judges nothing" [ $? -eq 0 ]

	check "export: $1: nft -f loads the exported ruleset" in_ns $EDGE nft -f /tmp/export.nft
	check "export: $1: loading it again replaces it" in_ns $EDGE nft -f /tmp/export.nft
	run nft
	in_ns $EDGE nft delete table inet lyncedge

	check "export: $1: iptables-legacy-restore loads the IPv4 rules" \
		in_ns $EDGE iptables-legacy-restore --noflush /tmp/export.ipt4
	check "export: $1: ip6tables-legacy-restore loads the IPv6 rules" \
		in_ns $EDGE ip6tables-legacy-restore --noflush /tmp/export.ipt6
	run iptables

	# The flows must have shown both verdicts and many rules, or the
	# comparison proves little.
	passed=$(grep -c '^passed rule_[0-9]*,$' /tmp/lyncedge.out)
	dropped=$(grep -c '^dropped drop_' /tmp/lyncedge.out)
	audited=$(grep -c '^passed drop_internal_' /tmp/lyncedge.out)
	check "export: $1: lyncedge passed and counted 18+ flows on rules ($passed), dropped 8+ ($dropped), let 2+ pass in audit ($audited)" \
		[ "$passed" -ge 18 -a "$dropped" -ge 8 -a "$audited" -ge 2 ]

	i=0
	while read -r client dst proto port; do
		i=$((i + 1))
		l=$(sed -n ${i}p /tmp/lyncedge.out)
		f=$(sed -n ${i}p /tmp/nft.out)
		t=$(sed -n ${i}p /tmp/iptables.out)
		# One counter per flow: the rule's, or the drop counter of its role and direction.
		echo "$l" | grep -Eq '^(passed|dropped) (rule_[0-9]+|drop_[a-z]+_[a-z]+),$' &&
			[ "$l" = "$f" ] && [ "$l" = "$t" ]
		ktap $? "export: $1: $client -> $dst $proto/$port: lyncedge $l nft $f iptables $t"
	done </tmp/flows
	in_ns $EDGE iptables-legacy -F && in_ns $EDGE iptables-legacy -X &&
		in_ns $EDGE ip6tables-legacy -F && in_ns $EDGE ip6tables-legacy -X
	check "export: $1: the iptables rules are gone again" [ $? -eq 0 ]
}

# LYNCEDGE_EXPORT_EDITIONS: fewer, where run.sh says so.
for edition in ${LYNCEDGE_EXPORT_EDITIONS:-lync2013 sfb2015 sfb2019 sfbse}; do
	configure $edition
	differential $edition
done

ktap_finish
