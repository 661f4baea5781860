#!/bin/bash
# `make bench`: lyncedge against no filter, an empty hook, nftables,
# iptables-legacy and iptables with ipset, on the same traffic in one VM boot
# under qemu's instruction counting (scripts/bench/guest.sh says what runs),
# then the classifier's instructions per lookup (scripts/bench/classifier.sh).
# Prints the table and the targets met or not; writes the data, the table
# and the plot into docs/performance/ (build/bench/ with --smoke).
# usage: bench.sh [--smoke]   (--smoke: a few packets, one round, built-in
#                              rules only: that it all still works)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

if [ "${1:-}" = --smoke ]; then
	smoke=1 count=500 rounds=1 scales=0 out=build/bench/smoke
else
	smoke=0 count=${BENCH_COUNT:-20000} rounds=${BENCH_ROUNDS:-5} scales=0-100-1000
	out=docs/performance
fi
mkdir -p "$out" build/bench

scripts/install-deps.sh
make -s userspace testprogs
# The newest installed Debian kernel.
kver=$(scripts/kernels.sh --installed | tail -n 1)
scripts/build-module.sh "$kver"
qemu=$(qemu-system-x86_64 --version | head -n 1)

log=build/bench/vm.log
LYNCEDGE_BENCH=$count,$rounds,$scales scripts/vm-run.sh "$kver" bench "$log" >build/bench/vm.out
grep '^@' build/bench/vm.out >"$out/runs.txt"
if grep '^@fail' "$out/runs.txt"; then
	echo "bench: the guest reported failures, see $log" >&2
	exit 1
fi

LOOKUPS=$([ $smoke = 1 ] && echo 1000 || echo 1000000) scripts/bench/classifier.sh \
	>"$out/classifier.txt"

# Medians over the rounds of each (variant, scale, path); a run whose pktgen
# idled more than 1 % of its time (receive work moved to ksoftirqd) is
# left out and counted.
awk -v kver="$kver" -v qemu="$qemu" -v count="$count" -v rounds="$rounds" '
function median(key,    n, i, j, t, v) {
	n = split(vals[key], v, " ")
	for (i = 1; i <= n; i++)
		for (j = i + 1; j <= n; j++)
			if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
	return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
}
$1 == "@run" {
	if ($7 > 10) { discarded++; next }
	key = $2 " " $3 " " $4
	vals[key] = vals[key] " " $6
	runs++
}
$1 == "@mem" { mem[++nmem] = $0 }
END {
	nv = split("none empty hooked lyncedge nft iptables ipset", V, " ")
	np = split("new est drop", P, " ")
	ns = split(scales, S, "-")
	printf "# %s, %s, icount shift=0: ns/packet = instructions/packet\n", kver, qemu
	printf "# %d packets a run, median of %d rounds; %d runs kept, %d left out (pktgen idle > 1 %%)\n",
		count, rounds, runs, discarded + 0
	printf "path\trules\tvariant\tns_per_packet\tover_none\tover_empty\n" > tsv
	for (p = 1; p <= np; p++)
		for (s = 1; s <= ns; s++)
			for (v = 1; v <= nv; v++) {
				key = V[v] " " S[s] " " P[p]
				if (!(key in vals)) continue
				c = median(key)
				cost[key] = c
				printf "%s\t%s\t%s\t%.1f\t%.1f\t%.1f\n", P[p], S[s] == 0 ? "built-in" : "+" S[s],
					V[v], c, c - median("none " S[s] " " P[p]),
					c - median("empty " S[s] " " P[p]) >> tsv
			}
	for (i = 1; i <= nmem; i++) print "# " mem[i]
}' scales="$scales" tsv="$out/results.tsv" "$out/runs.txt" >"$out/summary.txt"

# The table people read: per path and rule count, each variant's
# instructions per packet and its overhead over the empty hook.
{
	cat "$out/summary.txt"
	printf '%-5s %-9s' path rules
	for v in none empty hooked lyncedge nft iptables ipset; do printf ' %13s' "$v"; done
	echo
	awk -F'\t' 'NR > 1 {
		k = $1 " " $2
		if (!(k in seen)) { seen[k] = 1; order[++n] = k }
		cell[k, $3] = sprintf("%d (%+d)", $4, $6)
	} END {
		split("none empty hooked lyncedge nft iptables ipset", V, " ")
		for (i = 1; i <= n; i++) {
			split(order[i], f, " ")
			printf "%-5s %-9s", f[1], f[2]
			for (v = 1; v <= 7; v++) printf " %13s", ((order[i], V[v]) in cell) ? cell[order[i], V[v]] : "-"
			print ""
		}
	}' "$out/results.tsv"
	echo "# each cell: instructions per packet (overhead over the empty hook)"
	cat "$out/classifier.txt"
} >"$out/table.txt"
cat "$out/table.txt"

# The targets of docs/performance.md, each met or not.
awk -F'\t' '
NR > 1 { c[$1, $2, $3] = $4; e[$1, $2, $3] = $6; rules[$2] = 1; paths[$1] = 1 }
END {
	for (p in paths) for (r in rules) {
		if (!((p, r, "lyncedge") in c)) continue
		le = e[p, r, "lyncedge"]
		verdict("lyncedge over the empty hook, " p ", " r ": " le " <= 60", le <= 60)
		if (p != "est" || e[p, r, "nft"] > 0)
			verdict("lyncedge <= 0.2 x nft over the empty hook, " p ", " r ": " le " vs " \
				e[p, r, "nft"], le <= 0.2 * e[p, r, "nft"])
		verdict("lyncedge <= 0.25 x iptables-legacy over the empty hook, " p ", " r ": " le \
			" vs " e[p, r, "iptables"], le <= 0.25 * e[p, r, "iptables"])
	}
	for (p in paths) {
		if (!((p, "built-in", "lyncedge") in c) || !((p, "+1000", "lyncedge") in c)) continue
		d = (c[p, "+1000", "lyncedge"] - c[p, "built-in", "lyncedge"]) / c[p, "built-in", "lyncedge"]
		verdict(sprintf("lyncedge built-in vs +1000 ranges, %s: %+.2f %% (within 2 %%)", p, 100 * d),
			d <= 0.02 && d >= -0.02)
	}
}
function verdict(what, ok) { printf "target %s: %s\n", ok ? "met" : "NOT met", what }
' "$out/results.tsv" | sort | tee "$out/targets.txt"
awk '/instructions per lookup/ { split($0, a, ", "); n = a[2] + 0
	printf "target %s: classifier %s net instructions per lookup <= 40\n",
		n <= 40 ? "met" : "NOT met", $2 }' "$out/classifier.txt" | tee -a "$out/targets.txt"

[ $smoke = 1 ] || gnuplot -e "data='$out/results.tsv'; out='$out/plot.png'" scripts/bench/plot.gp
echo "bench: results in $out/"
