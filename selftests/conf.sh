#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The whole configuration as text: showconf prints it, roles first, setconf
# applies a file whole or not at all, every error with its line number, and
# `showconf | setconf -` changes nothing, whatever names the rules and
# interfaces have. Counters survive a setconf.
. ./lib.sh

external_pair conf
listen $NS /tmp/conf.log tcp:443 udp:40000 udp:50000 || exit 1

showconf() { in_ns $NS $CTL showconf; }

cat >/tmp/default.conf <<'CONF'
# lyncedge configuration: lyncedgectl statements, read by setconf
set-role t0 external
set-edition lync2013
set-media-range 50000-59999
set-mode external enforce
set-mode internal enforce
set-deployment host
set-event-rate 10 burst 50
set-internal-networks 10.0.0.0/8 172.16.0.0/12 192.168.0.0/16 fc00::/7
CONF
showconf >/tmp/conf.now
check "conf: showconf of a fresh namespace with one role is the default and the role" \
	cmp -s /tmp/conf.now /tmp/default.conf

check "conf: a flow to tcp/443 counts on rule 5" in_ns $PEER "$PROBE" send tcp 192.0.2.1 443 c1
check "conf: rule 5 has counted it" [ "$(packets $NS 5)" = 1 ]

cat >/tmp/good.conf <<'CONF'
# lyncedge configuration: lyncedgectl statements, read by setconf
set-role t0 external
set-role vlan.20 internal
set-edition lync2013
enable ocs2007
set-media-range 40000-40999
set-mode external enforce
set-mode internal audit
set-deployment host
set-event-rate 100 burst 200
set-service access 192.0.2.1 2001:db8:e::1
set-service av 192.0.2.1
set-internal-networks 10.0.0.0/8 172.16.0.0/12 192.168.0.0/16 fc00::/7
add-peer frontend 10.0.1.0/24
add-peer director fd00:10::10/128
add-peer branch 10.9.0.0/16
CONF
check "conf: setconf of a good file" in_ns $NS $CTL setconf /tmp/good.conf
showconf >/tmp/conf.now
check "conf: showconf prints back what setconf applied" cmp -s /tmp/conf.now /tmp/good.conf
check "conf: the file took effect at once: udp/40000 opens (rule 11 on the moved range)" \
	in_ns $PEER "$PROBE" send udp 192.0.2.1 40000 c2
in_ns $PEER "$PROBE" send udp 192.0.2.1 50000 c3
ktap $(($? != 1)) "conf: and udp/50000, off the moved range, is dropped"
check "conf: counters of rules setconf did not touch keep their values" [ "$(packets $NS 5)" = 1 ]

showconf | in_ns $NS $CTL setconf -
ktap $? "conf: showconf | setconf - is accepted"
showconf >/tmp/conf.again
check "conf: showconf | setconf - changes nothing" cmp -s /tmp/conf.again /tmp/good.conf

cat >/tmp/bad.conf <<'CONF'
enable xmpp
set-media-range 45000-45999
set-mode external audit
set-mode internal loud
CONF
! in_ns $NS $CTL setconf /tmp/bad.conf 2>/tmp/conf.err
ktap $? "conf: a file with one bad line is refused"
check "conf: the error names the file and line 4" grep -q "bad.conf:4: " /tmp/conf.err
showconf >/tmp/conf.now
check "conf: and nothing of the file took effect" cmp -s /tmp/conf.now /tmp/good.conf

printf 'bogus\nenable\nset-media-range 2-1\n\n# fine\nset-mode internal audit\nenable core\nadd-peer frontend 10.0.1.1/24\nadd-peer nobody 10.0.0.0/8\n' >/tmp/bad.conf
! in_ns $NS $CTL setconf /tmp/bad.conf 2>/tmp/conf.err
ktap $? "conf: a file with several bad lines is refused"
check "conf: every bad line is reported with its number" \
	sh -c "[ \"\$(grep -o 'bad.conf:[0-9]*:' /tmp/conf.err | tr '\n' ' ')\" = 'bad.conf:1: bad.conf:2: bad.conf:3: bad.conf:7: bad.conf:8: bad.conf:9: ' ]"

printf 'enable ocs2007\nset-media-range 3000-4000\n' >/tmp/clash.conf
! in_ns $NS $CTL setconf /tmp/clash.conf 2>/tmp/conf.err
ktap $? "conf: a file the module refuses (the media range takes in udp/3478) is refused"
check "conf: with the module's reason" grep -q "overlaps" /tmp/conf.err
showconf >/tmp/conf.now
check "conf: and nothing changed" cmp -s /tmp/conf.now /tmp/good.conf

! in_ns $NS $CTL setconf /nonexistent.conf 2>/tmp/conf.err
ktap $? "conf: a missing file is refused"
check "conf: naming it" grep -q "/nonexistent.conf" /tmp/conf.err

# A file without set-role lines leaves no role: setconf says so, and does it.
: >/tmp/empty.conf
check "conf: setconf of an empty file" sh -c "$IP netns exec $NS $CTL setconf /tmp/empty.conf 2>/tmp/conf.err"
check "conf: warns that the roles are gone" \
	grep -q "has no set-role line: the 2 roles this namespace had are gone" /tmp/conf.err
check "conf: and they are: show says lyncedge changes nothing" \
	sh -c "$IP netns exec $NS $CTL show | grep -q 'changes nothing'"
check "conf: a file with its set-role line brings the role back" \
	in_ns $NS $CTL setconf /tmp/default.conf
showconf >/tmp/conf.now
check "conf: and showconf is the default again" cmp -s /tmp/conf.now /tmp/default.conf
check "conf: setconf of a file with roles warns of nothing" \
	sh -c "$IP netns exec $NS $CTL setconf /tmp/default.conf 2>&1 | grep -q . && exit 1; exit 0"

# Names as users type them, through showconf | setconf: quotes, runs of
# blanks, '#', a backslash, UTF-8 and a byte of no charset; all kept to the
# byte, each rule with its id.
in_ns $NS $CTL add-rule external in tcp 6001 'a  b#c "q" \ x' &&
	in_ns $NS $CTL add-rule external in tcp 6002 " lead\"and\"trail " &&
	in_ns $NS $CTL add-rule external in tcp 6003 "$(printf 'caf\303\251 \377')" &&
	in_ns $NS $CTL add-rule external in tcp 6004 SIP on the site\'s moved port &&
	in_ns $NS $CTL set-role 've"th#1' internal
ktap $? "names: add-rule and set-role take names with quotes, blanks, '#', '\\' and any byte"
names() { in_ns $NS $CTL show dump | awk -F'\t' '$1 == "rule" && $8 == "custom" { print $2 "|" $12 } $1 == "role" { print $2 }'; }
names >/tmp/names.before
check "names: the module has them as typed" grep -qxF '1001|a  b#c "q" \ x' /tmp/names.before
check "names: a name of several words is the words with one blank between" \
	grep -qxF "1004|SIP on the site's moved port" /tmp/names.before
showconf >/tmp/names.conf
showconf | in_ns $NS $CTL setconf -
ktap $? "names: showconf | setconf - takes them back"
names >/tmp/names.after
check "names: every name and id unchanged" cmp -s /tmp/names.before /tmp/names.after
check "names: showconf quotes what needs it" grep -qxF 'add-rule external in tcp 6001 "a  b#c \"q\" \\ x"' /tmp/names.conf
! in_ns $NS $CTL add-rule external in tcp 6009 "$(printf 'x\nenable xmpp')" 2>/tmp/conf.err
ktap $? "names: a name with a new line is refused"
check "names: saying why" grep -q "no control characters" /tmp/conf.err
check "names: and nothing else changed (xmpp still off)" sh -c "! $IP netns exec $NS $CTL showconf | grep -q '^enable xmpp'"

# Ids are handed out by changes that happen: a refused one takes none.
in_ns $NS $CTL add-rule external in tcp 443 clash 2>/dev/null
ktap $(($? != 1)) "ids: a custom rule on a built-in rule's port is refused"
in_ns $NS $CTL add-rule external in tcp 6005 next
check "ids: the next rule gets the next id, 1005" \
	[ "$(in_ns $NS $CTL show dump | awk -F'\t' '$12 == "next" { print $2 }')" = 1005 ]
check "conf: back to the default" in_ns $NS $CTL setconf /tmp/default.conf

# show dump: one tab-separated record per line, for scripts.
in_ns $NS $CTL show dump >/tmp/dump
check "dump: the role and the ifindex it is bound to, tab-separated" \
	grep -qx "$(printf 'role\tt0\texternal\t')$(in_ns $NS cat /sys/class/net/t0/ifindex)" /tmp/dump
check "dump: 28 rule records of 12 fields" \
	sh -c "[ \$(awk -F'\t' '\$1 == \"rule\" && NF == 12' /tmp/dump | wc -l) -eq 28 ]"
check "dump: 4 drop records of 5 fields" \
	sh -c "[ \$(awk -F'\t' '\$1 == \"drop\" && NF == 5' /tmp/dump | wc -l) -eq 4 ]"
check "dump: the counters are /proc's" \
	[ "$(awk -F'\t' '$1 == "rule" && $2 == 5 { print $10 }' /tmp/dump)" = "$(packets $NS 5)" ]
check "dump: the configuration" grep -qx "$(printf 'media-range\t50000\t59999')" /tmp/dump

# 1,000 custom rules in one file: one request, a dump of many messages,
# the same fast path, and counters that survive setconf of the same file.
grep -v '^#' /tmp/default.conf >/tmp/many.conf
i=20000
while [ $i -lt 21000 ]; do
	echo "add-rule external in udp $i site rule $i" >>/tmp/many.conf
	i=$((i + 1))
done
check "many: setconf of 1,000 custom rules" in_ns $NS $CTL setconf /tmp/many.conf
in_ns $NS $CTL show dump >/tmp/dump
check "many: the dump has all 1,000 (and the 28 built-in)" \
	sh -c "[ \$(awk -F'\t' '\$1 == \"rule\" && \$8 == \"custom\"' /tmp/dump | wc -l) -eq 1000 ] &&
	       [ \$(awk -F'\t' '\$1 == \"rule\"' /tmp/dump | wc -l) -eq 1028 ]"
check "many: /proc lists them" sh -c "[ \$($IP netns exec $NS cat $RULES | grep -c ' custom ') -eq 1000 ]"
rid=$(awk -F'\t' '$1 == "rule" && $12 == "site rule 20777" { print $2 }' /tmp/dump)
stop_ns $NS
listen $NS /tmp/conf.log tcp:443 udp:20777 || exit 1
check "many: udp/20777 passes" in_ns $PEER "$PROBE" send udp 192.0.2.1 20777 m1
check "many: and counts on its rule ($rid)" [ "$(packets $NS "$rid")" = 1 ]
showconf | in_ns $NS $CTL setconf -
ktap $? "many: showconf | setconf - with 1,000 rules"
check "many: the rules keep their ids and counters" [ "$(packets $NS "$rid")" = 1 ]
check "many: showconf prints the rules back" sh -c "[ \$($IP netns exec $NS $CTL showconf | grep -c '^add-rule ') -eq 1000 ]"
printf 'add-rule external in tcp 443 clash\n' >/tmp/clash.conf
cat /tmp/many.conf >>/tmp/clash.conf
! in_ns $NS $CTL setconf /tmp/clash.conf 2>/dev/null
ktap $? "many: a file whose rule overlaps a built-in one is refused"
check "many: and the 1,000 rules are still there" [ "$(packets $NS "$rid")" = 1 ]
# What a change allocates (the configuration, its 1,000 rules and their
# per-CPU counters) is charged to the memory cgroup of the process that
# asked: changes are open to the admins of user namespaces. Debian's
# kernels have the memory controller; the project's debug kernel has not.
cg=/sys/fs/cgroup
[ -e $cg/cgroup.controllers ] || mount -t cgroup2 cgroup2 $cg 2>/dev/null
if grep -qw memory $cg/cgroup.controllers 2>/dev/null; then
	echo +memory >$cg/cgroup.subtree_control
	mkdir -p $cg/le-$$
	check "memcg: setconf of the default, from outside the cgroup" \
		in_ns $NS $CTL setconf /tmp/default.conf
	sleep 1
	m0=$(cat $cg/le-$$/memory.current)
	check "memcg: setconf of 1,000 rules from a memory cgroup" \
		sh -c "echo \$\$ >$cg/le-$$/cgroup.procs && exec $IP netns exec $NS $CTL setconf /tmp/many.conf"
	sleep 1
	m1=$(cat $cg/le-$$/memory.current)
	check "memcg: the configuration stays charged to the cgroup after the tool exits ($m0 -> $m1 bytes)" \
		[ $((m1 - m0)) -ge 300000 ]
else
	echo "# memcg: no memory controller in this kernel"
fi
check "many: setconf of the default drops them all" in_ns $NS $CTL setconf /tmp/default.conf
check "many: none left" sh -c "! $IP netns exec $NS cat $RULES | grep -q ' custom '"

if [ -d $cg/le-$$ ]; then
	sleep 1
	m2=$(cat $cg/le-$$/memory.current)
	check "memcg: replaced, the configuration is uncharged ($m1 -> $m2 bytes)" \
		[ $((m1 - m2)) -ge 300000 ]
	rmdir $cg/le-$$
fi

$IP netns add other-$$
in_ns $NS $CTL set-mode external audit
in_ns other-$$ $CTL showconf >/tmp/conf.other
$IP netns del other-$$
grep -v '^set-role' /tmp/default.conf >/tmp/conf.norole
check "conf: another namespace neither sees nor shares this configuration or its roles" \
	cmp -s /tmp/conf.other /tmp/conf.norole

ktap_finish
