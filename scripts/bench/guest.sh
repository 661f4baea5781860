#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The benchmark inside the VM, which scripts/bench.sh boots under qemu's
# instruction counting (one guest nanosecond per instruction).
#
# pktgen in namespace gen sends UDP through a veth pair into namespace edge,
# whose e0 is the edge's external interface, on three paths:
#   drop  to port 9, which no rule allows;
#   new   to port 3478 (rule 13, STUN/TURN in): a flow that has sent no reply
#         yet, so conntrack calls every packet of it new and every filter
#         judges each one in full;
#   est   from port 53 to port 40000: the replies of a DNS flow the edge
#         opened (rule 4), which every filter passes on conntrack's state.
# Allowed packets end at a socket that is never read (lyncedge_probe sink),
# the same cheap end in every variant. Variants, interleaved round after
# round at each scale (built-in rules only, then 100 and 1,000 custom UDP
# ranges on external in, the path measured):
#   none      conntrack only (lyncedge_bench hook=0)
#   empty     conntrack and hooks that judge nothing (lyncedge_bench)
#   lyncedge  the module, e0 external
#   hooked    the module with its hooks, but the role on another interface:
#             what finding out that e0 has none costs
#   nft       lyncedgectl export nft
#   iptables  lyncedgectl export iptables, with iptables-legacy
#   ipset     lyncedgectl export ipset and iptables-ipset
# Prints "@run VARIANT SCALE PATH ROUND NS_PER_PACKET IDLE_PERMILLE" per run,
# "@check ..." for what each run must have counted, "@mem ..." for memory,
# and "@fail WHAT" on anything wrong.
# lyncedge.bench=COUNT,ROUNDS,SCALE-SCALE...[,VARIANT-VARIANT...] on the kernel
# command line.
IP=/usr/sbin/ip
CTL=/usr/sbin/lyncedgectl
PROBE=/opt/lyncedge/selftests/lyncedge_probe
LYNCEDGE=/opt/lyncedge/lyncedge.ko
BENCH=/opt/lyncedge/bench/lyncedge_bench.ko
PATHS="drop new est"

args=$(sed -n 's/.*lyncedge\.bench=\([0-9a-z,-]*\).*/\1/p' /proc/cmdline)
COUNT=${args%%,*}
ROUNDS=$(echo "$args" | cut -d, -f2)
SCALES=$(echo "$args" | cut -d, -f3 | tr - ' ')
VARIANTS=$(echo "$args" | cut -d, -f4 | tr - ' ')
VARIANTS=${VARIANTS:-none empty hooked lyncedge nft iptables ipset}
[ -n "$COUNT" ] && [ -n "$ROUNDS" ] && [ -n "$SCALES" ] || {
	echo "@fail no lyncedge.bench=COUNT,ROUNDS,SCALES on the command line"
	exit 1
}

fail() {
	echo "@fail $*"
	failed=1
}
failed=0

in_edge() { $IP netns exec edge "$@"; }
in_gen() { $IP netns exec gen "$@"; }

# The two namespaces, IPv4 only (no IPv6 chatter in the runs), static
# neighbours (no ARP in the runs).
setup() {
	modprobe -a veth pktgen nf_conntrack iptable_filter xt_conntrack xt_comment xt_tcpudp \
		xt_set ip_set_bitmap_port nft_ct || fail "modprobe"
	rmmod iptable_filter
	for ns in gen edge; do
		$IP netns add $ns
		$IP netns exec $ns sh -c 'echo 1 >/proc/sys/net/ipv6/conf/all/disable_ipv6 &&
			echo 1 >/proc/sys/net/ipv6/conf/default/disable_ipv6'
		$IP -n $ns link set lo up
	done
	$IP link add g0 netns gen type veth peer name e0 netns edge
	$IP -n gen addr add 10.9.0.2/24 dev g0
	$IP -n edge addr add 10.9.0.1/24 dev e0
	$IP -n gen link set g0 up
	# Another interface, for the variant whose role is not e0's.
	$IP -n edge link add x0 type veth peer name x1
	$IP -n edge link set e0 up
	gmac=$($IP -n gen link show g0 | awk '/ether/ { print $2 }')
	emac=$($IP -n edge link show e0 | awk '/ether/ { print $2 }')
	$IP -n edge neigh replace 10.9.0.2 lladdr "$gmac" dev e0 nud permanent
	$IP -n gen neigh replace 10.9.0.1 lladdr "$emac" dev g0 nud permanent
	pg kpktgend_0 rem_device_all
	pg kpktgend_0 "add_device g0"
	for w in "clone_skb 0" "pkt_size 60" "delay 0" "dst 10.9.0.1" "dst_mac $emac"; do
		pg g0 "$w"
	done
}

pg() { # FILE COMMAND: one pktgen command, in gen's /proc/net/pktgen
	in_gen sh -c "echo '$2' >/proc/net/pktgen/$1" || fail "pktgen $1: $2"
}

# The configuration of a scale: N custom ranges of 2 ports on external in
# UDP, clear of every built-in rule.
scale_conf() { # N
	i=0
	while [ "$i" -lt "$1" ]; do
		echo "add-rule external in udp $((10000 + 4 * i))-$((10001 + 4 * i)) bench range $i"
		i=$((i + 1))
	done
}

# Every ruleset the variants load, from lyncedge's own table.
exports() {
	insmod $LYNCEDGE || fail "insmod lyncedge"
	for s in $SCALES; do
		scale_conf "$s" >/tmp/scale-$s.conf
		# setconf replaces the roles too: the role comes after it.
		in_edge $CTL setconf /tmp/scale-$s.conf || fail "setconf scale $s"
		in_edge $CTL set-role e0 external || fail "set-role scale $s"
		for f in nft iptables ipset iptables-ipset; do
			in_edge $CTL export $f >/tmp/export-$s.$f || fail "export $f scale $s"
		done
	done
	rmmod lyncedge
}

up() { # VARIANT SCALE
	case $1 in
	none) insmod $BENCH hook=0 ;;
	empty) insmod $BENCH ;;
	lyncedge) insmod $LYNCEDGE && in_edge $CTL setconf /tmp/scale-$2.conf &&
		in_edge $CTL set-role e0 external ;;
	hooked) insmod $LYNCEDGE && in_edge $CTL setconf /tmp/scale-$2.conf &&
		in_edge $CTL set-role x0 external ;;
	nft) in_edge nft -f /tmp/export-$2.nft ;;
	iptables) in_edge iptables-legacy-restore --noflush /tmp/export-$2.iptables ;;
	ipset) in_edge ipset restore </tmp/export-$2.ipset &&
		in_edge iptables-legacy-restore --noflush /tmp/export-$2.iptables-ipset ;;
	esac || fail "up $1 $2"
}

# Each variant leaves nothing behind: iptable_filter's hooks stay in a
# namespace until the module goes, even with its chains empty.
down() { # VARIANT
	case $1 in
	none | empty) rmmod lyncedge_bench ;;
	lyncedge | hooked) rmmod lyncedge ;;
	nft) in_edge nft delete table inet lyncedge ;;
	iptables | ipset) in_edge iptables-legacy -F && in_edge iptables-legacy -X &&
		rmmod iptable_filter && { [ $1 = iptables ] || in_edge ipset destroy; } ;;
	esac || fail "down $1"
}

# hits VARIANT PATH: the count of the counter the path must raise, or "-"
# for the floors (nothing counts there) and the established path (return
# traffic is not counted by any variant).
hits() {
	case "$1 $2" in
	none* | empty* | hooked* | *est) echo - ;;
	"lyncedge new") in_edge awk '$1 == 13 { print $8 }' /proc/net/lyncedge/rules ;;
	"lyncedge drop") in_edge awk '$1 == "drop" && $2 == "external" && $3 == "in" { print $8 }' \
		/proc/net/lyncedge/rules ;;
	"nft new") in_edge nft list counter inet lyncedge rule_13 | awk '$1 == "packets" { print $2 }' ;;
	"nft drop") in_edge nft list counter inet lyncedge drop_external_in |
		awk '$1 == "packets" { print $2 }' ;;
	"ipset new") in_edge ipset list lyncedge-external-in-udp | awk '$1 == 3478 { print $3 }' ;;
	*) in_edge iptables-legacy-save -c | awk -v k="$( [ $2 = new ] && echo rule_13 ||
		echo drop_external_in)" '/^\[/ && (index($0, "--comment \"" k " ") ||
		index($0, "--comment " k " ")) { n = $1; gsub(/[[]/, "", n);
		split(n, c, ":"); p += c[1] } END { print p + 0 }' ;;
	esac
}

# Every process in edge is a sink; `ip netns exec` may fork, so $! is not
# always the sink itself. One left behind would make every later lookup of
# its port pick among more sockets.
stop_sinks() {
	pids=$($IP netns pids edge)
	[ -z "$pids" ] || kill $pids
	while [ -n "$($IP netns pids edge)" ]; do sleep 0.1; done
	wait
}

# run VARIANT SCALE PATH ROUND: one pktgen run of COUNT packets.
run() {
	case $3 in
	drop) sport=1234 dport=9 ;;
	new) sport=1234 dport=3478 ;;
	est) sport=53 dport=40000 ;;
	esac
	sink=
	case $3 in
	new) in_edge $PROBE sink 3478 >/tmp/sink &
		sink=1 ;;
	est) in_edge $PROBE sink 40000 10.9.0.2 53 >/tmp/sink &
		sink=1 ;;
	esac
	[ -z "$sink" ] || while ! grep -q ready /tmp/sink 2>/dev/null; do sleep 0.1; done
	[ "$1 $3" != "empty drop" ] || echo 1 >/sys/module/lyncedge_bench/parameters/drop
	for w in "count $COUNT" "udp_src_min $sport" "udp_src_max $sport" \
		"udp_dst_min $dport" "udp_dst_max $dport"; do
		pg g0 "$w"
	done
	before=$(hits "$1" "$3")
	in_gen sh -c 'echo start >/proc/net/pktgen/pgctrl'
	after=$(hits "$1" "$3")
	[ "$1 $3" != "empty drop" ] || echo 0 >/sys/module/lyncedge_bench/parameters/drop
	[ -z "$sink" ] || stop_sinks
	# Result: OK: 6049(c6037+d12) usec, 20000 (60byte,0frags)
	set -- "$@" $(in_gen cat /proc/net/pktgen/g0 |
		sed -n 's/.*Result: OK: \([0-9]*\)(c[0-9]*+d\([0-9]*\)) usec, \([0-9]*\) .*/\1 \2 \3/p')
	if [ $# -ne 7 ] || [ "$7" -ne "$COUNT" ]; then
		fail "run $1 $2 $3 $4: no pktgen result"
		return
	fi
	echo "@run $1 $2 $3 $4 $(($5 * 1000 / COUNT)).$(($5 * 10000 / COUNT % 10)) $(($6 * 1000 / $5))"
	if [ "$before" != - ]; then
		echo "@check $1 $2 $3 $4 counted $((after - before)) of $COUNT"
		[ $((after - before)) -eq "$COUNT" ] || fail "$1 $2 $3 $4 counted $((after - before))"
	fi
}

# Memory: MemFree before and after 20 namespaces with a role (against 20
# without), and before and after 1,000 custom rules in one.
memfree() {
	sync
	echo 3 >/proc/sys/vm/drop_caches
	awk '$1 == "MemFree:" { print $2 }' /proc/meminfo
}
memory() {
	insmod $LYNCEDGE || fail "insmod lyncedge"
	for with in 0 1; do
		m0=$(memfree)
		i=0
		while [ $i -lt 20 ]; do
			$IP netns add m$i
			$IP -n m$i link add d0 type veth peer name d1
			[ $with = 0 ] || $IP netns exec m$i $CTL set-role d0 external
			i=$((i + 1))
		done
		m1=$(memfree)
		echo "@mem namespaces role=$with 20 $((m0 - m1)) kB"
		i=0
		while [ $i -lt 20 ]; do
			$IP netns del m$i
			i=$((i + 1))
		done
		sleep 1
	done
	scale_conf 1000 >/tmp/rules.conf
	m0=$(memfree)
	in_edge $CTL setconf /tmp/rules.conf || fail "setconf 1000 rules"
	m1=$(memfree)
	echo "@mem rules 1000 $((m0 - m1)) kB"
	rmmod lyncedge
}

setup
exports
# The first runs of a boot read high (caches of the kernel's own filling):
# one of each path, not reported.
up none 0
for p in $PATHS; do
	run none 0 $p 0 >/tmp/warmup
	grep '^@fail' /tmp/warmup
done
down none
echo "@info kernel $(uname -r) count $COUNT rounds $ROUNDS scales $SCALES"
for s in $SCALES; do
	r=1
	while [ $r -le "$ROUNDS" ]; do
		for v in $VARIANTS; do
			up $v $s
			for p in $PATHS; do
				run $v $s $p $r
			done
			down $v
		done
		r=$((r + 1))
	done
done
memory
exit $failed
