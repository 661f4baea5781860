#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The netlink family under fire: lyncedge_nlfuzz sends random and mutated
# messages (half of them unprivileged) while traffic flows through an
# interface whose role the fuzzer keeps changing, and a monitor listens to
# the drop events. The kernel must come out
# intact: no splat (the harness checks the log), the family answering, the
# namespace's state still coherent, the module still unloadable
# (lifecycle.sh, after this).
. ./lib.sh

SEED=${LYNCEDGE_FUZZ_SEED:-1}
COUNT=${LYNCEDGE_FUZZ_COUNT:-100000}

load_module
FZ=fz-$$
PEER=fzp-$$
peer_pair $FZ $PEER
$IP -n $FZ link add t1 type veth peer name t2

in_ns $PEER "$PROBE" flood 192.0.2.1 3478 600 &
in_ns $PEER "$PROBE" flood 2001:db8:e::1 3479 600 &

# A listener, so that drop events are built and sent while everything churns.
in_ns $FZ $CTL monitor >/tmp/fuzz.events 2>&1 &
monitor=$!

in_ns $FZ ./lyncedge_nlfuzz "$SEED" "$COUNT" t0 t1 t2 lo
ktap $? "fuzz: $COUNT random and mutated messages (seed $SEED), the family still answers in full"
check "fuzz: the event listener is still there" kill -0 $monitor
echo "# fuzz: the listener printed $(grep -c . /tmp/fuzz.events) lines"
in_ns $FZ cat $RULES >/tmp/fuzz.rules
check "fuzz: /proc still has every rule and drop row" [ "$(grep -c . /tmp/fuzz.rules)" -eq 33 ]
check "fuzz: the traffic was judged while roles and features churned" \
	sh -c "awk 'NR > 1 { n += \$8 } END { exit !(n > 0) }' /tmp/fuzz.rules"
check "fuzz: the tool still works in the fuzzed namespace" sh -c "$IP netns exec $FZ $CTL show >/dev/null"
check "fuzz: set-role none on every interface is accepted" \
	sh -c "for i in t0 t1 t2; do $IP netns exec $FZ $CTL set-role \$i none || exit 1; done"
check "fuzz: then no interface has a role" sh -c "$IP netns exec $FZ $CTL show | grep -q 'changes nothing'"

ktap_finish
