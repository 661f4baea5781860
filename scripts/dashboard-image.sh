#!/bin/bash
# docs/dashboard.png: the Grafana dashboard (dist/lyncedge-dashboard.json)
# drawn from its own panels and queries. Debian ships no Grafana, so this
# does what Grafana would: every panel's query goes to a Prometheus server
# (Debian's, scripts/promtool.sh) holding a made-up day of two edges
# (scripts/dashboard-image/series.awk), and the answers are plotted with
# gnuplot where the panel's gridPos puts it, with its title, unit, legend
# (mean and max, as the dashboard asks) and, for a stat panel, the last
# value in its threshold's colour. Fails if a query gets no series: every
# query of every panel shows in the image. Writes dashboard.sha256 beside
# OUT, the inputs it was drawn from, which selftests/dashboard.sh checks
# are current. DASHBOARD, another dashboard file, is for that test.
# usage: scripts/dashboard-image.sh [OUT.png [DASHBOARD]]
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$top/docs/dashboard.png}
dash=${2:-$top/dist/lyncedge-dashboard.json}
dash=$(cd "$(dirname "$dash")" && pwd)/$(basename "$dash")
promtool=$("$top/scripts/promtool.sh")
prometheus=$(dirname "$promtool")/prometheus
tmp=$(mktemp -d)
pid=
trap '[ -z "$pid" ] || kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT

# The day: 2026-12-01 08:00 to 14:00 UTC, as series.awk writes it.
t0=1796112000
t1=$((t0 + 6 * 3600))
awk -f "$top/scripts/dashboard-image/series.awk" </dev/null >"$tmp/day.om"
"$promtool" tsdb create-blocks-from openmetrics "$tmp/day.om" "$tmp/data" >/dev/null
printf 'global:\n  scrape_interval: 30s\n' >"$tmp/prometheus.yml"
port=39090
"$prometheus" --config.file="$tmp/prometheus.yml" --storage.tsdb.path="$tmp/data" \
	--storage.tsdb.retention.time=100y --web.listen-address="127.0.0.1:$port" \
	>"$tmp/prometheus.log" 2>&1 &
pid=$!
api=http://127.0.0.1:$port
for _ in $(seq 100); do
	curl -sf "$api/-/ready" >/dev/null && break
	kill -0 "$pid" 2>/dev/null || { cat "$tmp/prometheus.log" >&2; exit 1; }
	sleep 0.2
done
curl -sf "$api/-/ready" >/dev/null || { echo "dashboard-image: prometheus not ready" >&2; exit 1; }

# query PANEL-INDEX TARGET-INDEX: the target's series as "legend<TAB>ts value..."
# lines (one line a series), queried as Grafana would: $instance all edges,
# $__rate_interval four scrapes; a stat panel's query at the end only.
query() {
	local expr legend type
	expr=$(jq -r ".panels[$1].targets[$2].expr" "$dash")
	legend=$(jq -r ".panels[$1].targets[$2].legendFormat" "$dash")
	type=$(jq -r ".panels[$1].type" "$dash")
	expr=${expr//\$instance/.*}
	expr=${expr//\$__rate_interval/2m}
	if [ "$type" = stat ]; then
		curl -sf "$api/api/v1/query" --data-urlencode "query=$expr" --data-urlencode "time=$t1"
	else
		curl -sf "$api/api/v1/query_range" --data-urlencode "query=$expr" \
			--data-urlencode "start=$t0" --data-urlencode "end=$t1" --data-urlencode step=60
	fi | jq -r --arg legend "$legend" '
		.data.result[] | . as $s
		| ($legend | gsub("{{ *(?<l>[a-z_]+) *}}"; $s.metric[.l] // "")) as $name
		| [$name] + [(.values // [.value])[] | "\(.[0]) \(.[1])"] | join("\t")'
}

# Grafana's colours of the thresholds the dashboard names, and of the series.
declare -A colour=([green]='#56a64b' [orange]='#ff780a' [red]='#e02f44' [yellow]='#e0b400')
palette=('#7eb26d' '#eab839' '#6ed0e0' '#ef843c' '#e24d42' '#1f78c1' '#ba43a9' '#705da0'
	'#508642' '#cca300' '#447ebc' '#c15c17' '#890f02' '#0a437c' '#6d1f62' '#584477')
declare -A units=([pps]='packets/s' [Bps]='bytes/s' [ops]='events/s' [s]='s' [short]='')

# The canvas: Grafana's 24 columns, rows of 36 px.
width=1600
rows=$(jq '[.panels[].gridPos | .y + .h] | max' "$dash")
height=$((rows * 36 + 40))
gp=$tmp/plot.gp
{
	echo "set terminal pngcairo size $width,$height font 'DejaVu Sans,9' background rgb '#f4f5f5'"
	echo "set output '$out'"
	echo "set termoption noenhanced"
	echo "set multiplot"
	echo "set xdata time; set timefmt '%s'; set format x '%H:%M'"
	echo "set grid lc rgb '#e4e4e8'; set border 3 lc rgb '#a0a0a8'; set tics nomirror"
} >"$gp"
top_px=40
npanels=$(jq '.panels | length' "$dash")
for ((p = 0; p < npanels; p++)); do
	read -r x y w h < <(jq -r ".panels[$p].gridPos | \"\(.x) \(.y) \(.w) \(.h)\"" "$dash")
	type=$(jq -r ".panels[$p].type" "$dash")
	title=$(jq -r ".panels[$p].title" "$dash")
	unit=$(jq -r ".panels[$p].fieldConfig.defaults.unit" "$dash")
	# The panel's box in screen coordinates, 4 px apart from its neighbours.
	x0=$(echo "$x $width" | awk '{ printf "%.4f", ($1 * $2 / 24 + 4) / $2 }')
	x1=$(echo "$x $w $width" | awk '{ printf "%.4f", (($1 + $2) * $3 / 24 - 4) / $3 }')
	y1=$(echo "$y $height $top_px" | awk '{ printf "%.4f", 1 - ($3 + $1 * 36 + 4) / $2 }')
	y0=$(echo "$y $h $height $top_px" | awk '{ printf "%.4f", 1 - ($4 + ($1 + $2) * 36 - 4) / $3 }')
	ntargets=$(jq ".panels[$p].targets | length" "$dash")
	: >"$tmp/series"
	for ((t = 0; t < ntargets; t++)); do
		query "$p" "$t" >"$tmp/target"
		if ! grep -q . "$tmp/target"; then
			echo "dashboard-image: panel '$title', query $((t + 1)): no series" >&2
			exit 1
		fi
		cat "$tmp/target" >>"$tmp/series"
	done
	{
		echo "unset label; unset object; unset key"
		[ "$p" -gt 0 ] || echo "set label 1 '$(jq -r .title "$dash"): a made-up day of two edges" \
			"(scripts/dashboard-image/series.awk)' at screen 0.005, screen 0.985 left font 'DejaVu Sans,12'"
		echo "set object 1 rect from screen $x0, screen $y0 to screen $x1, screen $y1" \
			"fc rgb '#ffffff' fs solid 1 border lc rgb '#d8d9da' behind"
		echo "set label 2 '$title' at screen $x0 + 0.005, screen $y1 - 0.012 left font 'DejaVu Sans,10'"
	} >>"$gp"
	if [ "$type" = stat ]; then
		# One value per edge, side by side, in its threshold's colour.
		n=$(wc -l <"$tmp/series")
		i=0
		while IFS=$'\t' read -r name sample; do
			value=$(echo "$sample" | awk '{ printf "%.0f", $2 }')
			c=$(jq -r --argjson v "$value" "[.panels[$p].fieldConfig.defaults.thresholds.steps[]
				| select(.value == null or .value <= \$v)] | last | .color" "$dash")
			cx=$(echo "$x0 $x1 $i $n" | awk '{ printf "%.4f", $1 + ($2 - $1) * ($3 + 0.5) / $4 }')
			[ "$unit" = s ] && value="$value s"
			echo "set label $((10 + 2 * i)) '$value' at screen $cx, screen ($y0 + $y1) / 2" \
				"center font 'DejaVu Sans,26' tc rgb '${colour[$c]}'"
			echo "set label $((11 + 2 * i)) '$name' at screen $cx, screen $y0 + 0.015" \
				"center font 'DejaVu Sans,9' tc rgb '#606068'"
			i=$((i + 1))
		done <"$tmp/series" >>"$gp"
		{
			echo "set lmargin at screen $x0; set rmargin at screen $x1"
			echo "set bmargin at screen $y0; set tmargin at screen $y1"
			echo "unset border; unset tics; unset grid"
			echo "plot [0:1] [0:1] NaN notitle"
			echo "set border 3; set tics; set grid"
		} >>"$gp"
		continue
	fi
	# A time series: the plot on the left, the legend as a table on the
	# right (name, mean, max), as the dashboard's legend options say.
	split=$(echo "$x0 $x1 $w" | awk '{ printf "%.4f", $1 + ($2 - $1) * ($3 == 24 ? 0.62 : 0.5) }')
	namew=$((w == 24 ? 62 : 30))
	{
		echo "set lmargin at screen $x0 + 0.035; set rmargin at screen $split"
		echo "set bmargin at screen $y0 + 0.025; set tmargin at screen $y1 - 0.03"
		echo "set ylabel '${units[$unit]}' offset 1.5,0 font 'DejaVu Sans,8'"
		echo "set xrange ['$t0':'$t1']; set yrange [0:*]"
		echo "set key at screen $split + 0.01, screen $y1 - 0.025 left top Left reverse" \
			"samplen 1 spacing 0.9 font 'DejaVu Sans Mono,7' noautotitle"
		echo "set label 3 sprintf('%-${namew}s %8s %8s', '', 'mean', 'max')" \
			"at screen $split + 0.01 + 0.012, screen $y1 - 0.012 left font 'DejaVu Sans Mono,7'"
	} >>"$gp"
	plots=()
	i=0
	while IFS=$'\t' read -r name samples; do
		echo "$samples" | tr '\t' '\n' >"$tmp/p$p-$i.dat"
		stats=$(awk '{ s += $2; if ($2 > m) m = $2 } END { printf "%8.2f %8.2f", s / NR, m }' "$tmp/p$p-$i.dat")
		label=$(printf "%-${namew}.${namew}s %s" "$name" "$stats" | sed "s/'/''/g")
		plots+=("'$tmp/p$p-$i.dat' using 1:2 with lines lw 1.5 lc rgb '${palette[i % 16]}' title '$label'")
		i=$((i + 1))
	done <"$tmp/series"
	(
		IFS=,
		echo "plot ${plots[*]}"
	) >>"$gp"
	echo "set ylabel ''" >>"$gp"
done
echo "unset multiplot" >>"$gp"
gnuplot "$gp"
(cd "$top" && sha256sum "${dash#"$top"/}" scripts/dashboard-image.sh \
	scripts/dashboard-image/series.awk) >"$(dirname "$out")/dashboard.sha256"
echo "$out"
