#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Loading on a fresh boot, the rule table, and the tool's answers to bad
# input. Runs before anything has loaded lyncedge or nf_conntrack.
. ./lib.sh

out=/tmp/load.out

! $CTL show >$out 2>&1
ktap $? "load: without the module, show fails"
check "load: without the module, the error says the module is not loaded" \
	grep -q "module is not loaded" $out

if [ -d /sys/module/nf_conntrack ] && ! grep -q "^nf_conntrack " /proc/modules; then
	# The project's debug kernel has it built in: there is nothing to load.
	echo "# nf_conntrack is built into this kernel"
	check "load: plain insmod works" /sbin/insmod $MODULE
else
	check "load: fresh boot has no nf_conntrack loaded" \
		sh -c '! grep -q "^nf_conntrack " /proc/modules'
	check "load: plain insmod works" /sbin/insmod $MODULE
	check "load: lyncedge loaded nf_conntrack itself" grep -q "^nf_conntrack " /proc/modules
fi

check "load: /proc/net/lyncedge/rules has the header" \
	sh -c "head -n 1 $RULES | grep -q '^id *role *dir *proto *ports *feature *enabled *packets *bytes *name'"
awk 'NR > 1 && $1 != "drop" { print $1, $2, $3, $4, $5, $6 }' $RULES >/tmp/rules.have
grep -v '^#' "$EXPECTED" >/tmp/rules.want
check "load: the rule table is the seed's, row for row" cmp -s /tmp/rules.have /tmp/rules.want
check "load: core rows are enabled, optional rows are not" \
	sh -c "awk 'NR > 1 && \$1 != \"drop\" && ((\$6 == \"core\") != (\$7 == \"yes\"))' $RULES | grep -q . && exit 1; exit 0"
check "load: one drop row per role and direction" \
	sh -c "[ \"\$(awk '\$1 == \"drop\" { print \$2, \$3, \$4, \$5, \$6 }' $RULES | tr '\n' ,)\" = \
'external in any - -,external out any - -,internal in any - -,internal out any - -,' ]"
check "load: every counter starts at zero" \
	sh -c "awk 'NR > 1 && (\$8 != 0 || \$9 != 0)' $RULES | grep -q . && exit 1; exit 0"

# The tool: usage, errors a person understands, exit codes.
check "cli: help exits 0" sh -c "$CTL help >/dev/null"
! $CTL >/dev/null 2>$out
ktap $? "cli: no subcommand exits 1"
check "cli: no subcommand prints usage" grep -q "^usage:" $out
! $CTL set-role lo bogus 2>$out
ktap $? "cli: bad role exits 1"
check "cli: bad role prints the set-role usage" grep -q "usage: lyncedgectl set-role" $out
# A role belongs to a name: one no interface has yet waits for it.
check "cli: set-role of a name no interface has succeeds" $CTL set-role nosuch0 external
check "cli: show says the role waits for its interface" \
	sh -c "$CTL show | grep -Eq '^ +nosuch0 +external +waiting for an interface'"
check "cli: set-role nosuch0 none takes it away" $CTL set-role nosuch0 none
! $CTL set-role 'bad/name' external 2>$out
ktap $? "cli: a name no interface can have exits 1"
check "cli: and the error says why" grep -q "is not a name an interface can have" $out
! $CTL set-role "$(printf 'x\ty')" external 2>$out
ktap $? "cli: a name with a control character exits 1"
! $CTL set-role lo external 2>$out
ktap $? "cli: loopback cannot have a role"
check "cli: the kernel's extack message reaches the user" grep -q "loopback interface cannot have a role" $out
"$PROBE" asuser 65534 $CTL set-role lo none 2>$out
ktap $(($? != 1)) "cli: set-role without CAP_NET_ADMIN exits 1"
check "cli: without CAP_NET_ADMIN the error says permission denied" grep -q "permission denied" $out
check "cli: show works without privilege" "$PROBE" asuser 65534 $CTL show >/dev/null
! $CTL enable core 2>$out
ktap $? "cli: core cannot be switched"
! $CTL enable nosuchfeature 2>/dev/null
ktap $? "cli: unknown feature exits 1"
check "cli: show with no roles says nothing is changed" sh -c "$CTL show | grep -q 'changes nothing'"

ktap_finish
