#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The tool built with AddressSanitizer, LeakSanitizer and UBSan, through
# every subcommand, good input and bad, against the real module: each call
# must exit as it should, with no sanitizer report.
. ./lib.sh

SAN=/usr/sbin/lyncedgectl-san
export ASAN_OPTIONS=detect_leaks=1:exitcode=99
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=98

load_module
NS=san-$$
$IP netns add $NS
trap '$IP netns del $NS' EXIT
$IP -n $NS link add t0 type veth peer name t1

# san EXPECTED-EXIT ARGS...
san() {
	want=$1
	shift
	in_ns $NS $SAN "$@" >/tmp/san.out 2>&1
	rc=$?
	[ $rc -eq "$want" ] && ! grep -Eq 'Sanitizer|runtime error' /tmp/san.out
	ktap $? "sanitizers: lyncedgectl $* exits $want (got $rc), no sanitizer report"
	[ $rc -eq "$want" ] || cat /tmp/san.out
}

san 0 help
san 1
san 1 nosuchcommand
san 1 set-role t0
san 1 set-role t0 bogus
san 1 set-role "" external
san 1 set-role abcdefghijklmnopq external
san 0 set-role nosuch0 external
san 0 set-role nosuch0 none
san 1 set-role a/b external
san 1 set-role lo external
san 0 set-role t0 external
san 0 set-role t1 internal
san 0 show
san 0 show dump
san 1 show bogus
san 0 enable xmpp ocs2007
san 0 show
san 1 enable core
san 1 enable
san 1 disable nosuchfeature
san 0 disable xmpp ocs2007
san 0 set-media-range 40000-40999
san 1 set-media-range 40999-40000
san 1 set-media-range 40000
san 1 set-media-range x-y
san 1 set-media-range 1-99999
san 0 set-mode internal audit
san 1 set-mode internal loud
san 1 set-mode none audit
san 0 show
san 0 set-service access 192.0.2.1 2001:db8::1
san 1 set-service access 192.0.2.1 192.0.2.1
san 1 set-service nothing 192.0.2.1
san 1 set-service av 192.0.2.300
san 0 set-service av
san 0 add-peer frontend 10.0.1.0/24
san 0 add-peer director fd00::10
san 1 add-peer frontend 10.0.1.0/24
san 1 add-peer frontend 10.0.1.1/24
san 1 add-peer frontend 10.0.1.0/33
san 1 add-peer nobody 10.0.0.0/8
san 1 add-peer frontend not-an-address
san 0 show
san 0 showconf
in_ns $NS $SAN showconf >/tmp/san.conf
san 0 setconf /tmp/san.conf
printf 'bogus\nset-media-range 9-1\nenable\n' >/tmp/san.bad
san 1 setconf /tmp/san.bad
san 1 setconf /nonexistent
san 1 setconf
san 0 setconf --confirm 60 /tmp/san.conf
san 1 setconf --confirm 60 /tmp/san.conf
san 0 show
san 0 show --json
san 0 confirm
san 1 confirm
san 1 confirm now
san 1 setconf --confirm 0 /tmp/san.conf
san 1 setconf --confirm 60
printf 'add-rule external in tcp 5071 "unclosed\n' >/tmp/san.bad
san 1 setconf /tmp/san.bad
san 0 del-peer frontend 10.0.1.0/24
san 1 del-peer frontend 10.0.1.0/24
san 0 del-peer director fd00::10/128
san 0 add-rule external in tcp 5070 moved SIP
san 1 add-rule external in tcp 5070 moved SIP
san 1 add-rule external in tcp 443 clash
san 1 add-rule nowhere in tcp 5070 x
san 1 add-rule external in tcp 5070
san 0 add-rule external in tcp 5072 "a  b#c \"q\" \\ x"
san 0 showconf
san 1 add-rule external in tcp 5073 "$(printf 'x\ny')"
san 0 show
san 0 show --json
san 0 show --prometheus
san 0 showconf
san 0 set-event-rate 20 burst 40
san 0 set-event-rate 0
san 1 set-event-rate 10001
san 1 set-event-rate 5 burst 0
san 1 set-event-rate 5 bursty 5
san 0 set-deployment gateway
san 0 show dump
san 0 set-deployment host
san 1 set-deployment router
san 1 set-deployment
san 0 reset-counters
san 0 reset-counters 5
san 1 reset-counters 999
san 1 reset-counters 5 6
san 1 monitor --xml
san 1 del-rule 99
san 1 del-rule 999999
san 0 set-mode internal enforce
san 0 set-media-range 50000-59999
san 0 set-role t0 none
san 0 set-role t1 none
san 0 show
in_ns $NS "$PROBE" asuser 65534 $SAN set-role t0 external >/tmp/san.out 2>&1
rc=$?
[ $rc -eq 1 ] && ! grep -Eq 'Sanitizer|runtime error' /tmp/san.out
ktap $? "sanitizers: lyncedgectl set-role without privilege exits 1 (got $rc), no sanitizer report"

ktap_finish
