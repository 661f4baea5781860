#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# On the build host: dist/lyncedge-alerts.yml against Prometheus's own
# promtool. The rules load; every alert's unit tests (alerts.test.yml) pass;
# each metric an alert reads is one `show --prometheus` prints; and the tests
# can fail: with any one alert's expression made never to fire, or always
# to fire, promtool test rules fails on that alert.
cd "$(dirname "$0")" || exit 1
. ./lib.sh
. ./prom_metrics.sh
PROMTOOL=$(bash ../scripts/promtool.sh) || exit 1
RULES=../dist/lyncedge-alerts.yml
TESTS=alerts.test.yml
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$PROMTOOL" check rules $RULES >"$tmp/check.out" 2>&1
status=$?
sed 's/^/# promtool: /' "$tmp/check.out"
ktap $status "alerts: promtool check rules accepts $RULES"

"$PROMTOOL" test rules $TESTS >"$tmp/test.out" 2>&1
status=$?
sed 's/^/# promtool: /' "$tmp/test.out"
ktap $status "alerts: promtool test rules: every alert fires where it should and nowhere else"

alerts=$(sed -n 's/^ *- alert: *//p' $RULES)
check "alerts: the rules hold 9 alerts" [ "$(echo "$alerts" | wc -l)" -eq 9 ]

exprs=$(sed -n 's/^ *expr: //p' $RULES)
unknown=$(echo "$exprs" | prom_unknown | tr '\n' ' ')
ktap $([ -z "$unknown" ] && echo "$exprs" | grep -q 'lyncedge_[a-z_]'; echo $?) \
	"alerts: every metric an alert reads is one show --prometheus prints${unknown:+ (not: $unknown)}"

# Run the tests against a copy of the rules with ALERT's expression replaced.
mutated() { # ALERT EXPR
	mkdir -p "$tmp/m/dist" "$tmp/m/selftests"
	cp $TESTS "$tmp/m/selftests/"
	awk -v alert="$1" -v expr="$2" '
		/^ *- alert: / { this = ($3 == alert) }
		this && /^ *expr: / { sub(/expr: .*/, "expr: " expr); this = 0 }
		{ print }' $RULES >"$tmp/m/dist/lyncedge-alerts.yml"
	! cmp -s $RULES "$tmp/m/dist/lyncedge-alerts.yml" &&
		! (cd "$tmp/m/selftests" && "$PROMTOOL" test rules $TESTS >"$tmp/m/out" 2>&1) &&
		grep -q "alertname: *$1\b" "$tmp/m/out"
}

for a in $alerts; do
	check "alerts: the tests fail with $a never firing" mutated "$a" 'vector(0) > 1'
	check "alerts: the tests fail with $a always firing" mutated "$a" 'vector(1)'
done

ktap_finish
