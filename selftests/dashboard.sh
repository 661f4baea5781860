#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# On the build host: dist/lyncedge-dashboard.json, the Grafana dashboard.
# Debian ships no Grafana and no dashboard linter, so: its shape against
# dashboard.schema.jq; every query through Prometheus's own PromQL parser
# (promtool check rules, each query a recording rule, Grafana's variables
# given values); every metric one `show --prometheus` prints; the panels
# the README promises. Each check is shown to fail on a broken copy.
cd "$(dirname "$0")" || exit 1
. ./lib.sh
. ./prom_metrics.sh
PROMTOOL=$(bash ../scripts/promtool.sh) || exit 1
DASHBOARD=../dist/lyncedge-dashboard.json
SCHEMA=$PWD/dashboard.schema.jq
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

shape() { # FILE
	jq -e -f "$SCHEMA" "$1" >/dev/null
}

# Each query as a recording rule, with Grafana's variables given values.
parses() { # FILE
	{
		echo "groups:"
		echo "  - name: dashboard"
		echo "    rules:"
		jq -r '.panels[].targets[].expr' "$1" |
			sed 's/\$__rate_interval/5m/g; s/\$instance/.+/g' |
			jq -R -r '"      - record: dashboard:query_\(input_line_number)\n        expr: \(tojson)"'
	} >"$tmp/queries.yml"
	"$PROMTOOL" check rules "$tmp/queries.yml" >"$tmp/promtool.out" 2>&1 &&
		grep -q "SUCCESS: $(jq '[.panels[].targets[]] | length' "$1") rules found" "$tmp/promtool.out"
}

# The metrics the queries read that the tool does not print.
unknown() { # FILE
	jq -r '.panels[].targets[].expr' "$1" | prom_unknown
}

# A panel whose queries read METRIC summed by exactly LABELS, or unsummed.
reads() { # FILE METRIC [LABELS]
	jq -e --arg m "$2" --arg by "${3:+sum by ($3) }" \
		'any(.panels[].targets[].expr; startswith($by) and contains($m + "{"))' "$1" >/dev/null
}

promised() { # FILE
	reads "$1" lyncedge_rule_packets_total "instance, rule, name" &&
		reads "$1" lyncedge_drop_packets_total "instance, role, dir" &&
		reads "$1" lyncedge_diag_av_snat_packets_total &&
		reads "$1" lyncedge_diag_asymmetric_packets_total &&
		reads "$1" lyncedge_diag_outside_packets_total
}

check "dashboard: JSON with the shape Grafana's model needs (dashboard.schema.jq)" shape $DASHBOARD
for broken in '.panels[1].gridPos.x = 6' '.panels[3].id = 1' 'del(.panels[2].targets[0].expr)' \
	'.panels[4].targets[0].expr |= sub("instance=~\"\\$instance\""; "")' '.schemaVersion = 16'; do
	jq "$broken" $DASHBOARD >"$tmp/broken.json"
	check "dashboard: the shape check can fail: $broken" eval '! shape "$tmp/broken.json"'
done

parses $DASHBOARD
status=$?
sed 's/^/# promtool: /' "$tmp/promtool.out"
ktap $status "dashboard: promtool parses all $(jq '[.panels[].targets[]] | length' $DASHBOARD) queries"
jq '.panels[0].targets[0].expr |= sub("\\)\\)$"; ")")' $DASHBOARD >"$tmp/broken.json"
check "dashboard: the parse check can fail: an unbalanced parenthesis" eval '! parses "$tmp/broken.json"'

missing=$(unknown $DASHBOARD | tr '\n' ' ')
ktap $([ -z "$missing" ]; echo $?) \
	"dashboard: every metric a query reads is one show --prometheus prints${missing:+ (not: $missing)}"
sed 's/lyncedge_rollbacks_total/lyncedge_rollback_total/' $DASHBOARD >"$tmp/broken.json"
check "dashboard: the metric check can fail: a misspelt metric" \
	eval '[ "$(unknown "$tmp/broken.json")" = lyncedge_rollback_total ]'

check "dashboard: per-rule rates, drops by role and direction, the three diagnostics" \
	promised $DASHBOARD
jq 'del(.panels[] | select(.title == "Diagnostics"))' $DASHBOARD >"$tmp/broken.json"
check "dashboard: the panel check can fail: no diagnostics panel" eval '! promised "$tmp/broken.json"'

# The README's image: drawn from the dashboard as it is (the inputs it was
# drawn from recorded beside it), and drawable, every panel with data.
ktap $(cd .. && sha256sum --quiet -c docs/dashboard.sha256 >/dev/null 2>&1; echo $?) \
	"dashboard: docs/dashboard.png was drawn from this dashboard (scripts/dashboard-image.sh)"
jq '.panels[2].title = "Drops"' $DASHBOARD >"$tmp/broken.json"
sed "s|dist/lyncedge-dashboard.json|$tmp/broken.json|" ../docs/dashboard.sha256 >"$tmp/broken.sha256"
check "dashboard: the image check can fail: a dashboard changed since" \
	eval '! (cd .. && sha256sum --quiet -c "$tmp/broken.sha256" >/dev/null 2>&1)'
check "dashboard: scripts/dashboard-image.sh draws every panel, each query with data" \
	eval 'bash ../scripts/dashboard-image.sh "$tmp/image.png" $DASHBOARD >/dev/null'
jq '.panels[3].targets[0].expr |= sub("av_snat"; "av_nat")' $DASHBOARD >"$tmp/broken.json"
check "dashboard: the drawing fails on a query of no series" \
	eval '! bash ../scripts/dashboard-image.sh "$tmp/image.png" "$tmp/broken.json" 2>/dev/null'

ktap_finish
