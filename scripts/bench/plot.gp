# SPDX-License-Identifier: GPL-2.0
# The plot of docs/performance.md: each filter's instructions (icount ns)
# per packet over the empty hook, by rule count, one panel per path, on a
# log scale (iptables-legacy's drops grow a hundredfold).
# gnuplot -e "data='results.tsv'; out='plot.png'" plot.gp
set terminal png size 1500,520 font ",11"
set output out
set datafile separator "\t"
set key top left
set grid ytics mytics
set logscale y
set yrange [10:300000]
set xrange [-0.3:2.3]
set xtics ("built-in" 0, "+100" 1, "+1000" 2)
set ylabel "instructions per packet over the empty hook"
set xlabel "custom UDP ranges on external in"
vs = "hooked lyncedge nft iptables ipset"
x(s) = s eq "built-in" ? 0 : (s eq "+100" ? 1 : 2)
rows(p, v) = sprintf("< awk -F'\t' '$1 == \"%s\" && $3 == \"%s\"' %s", p, v, data)
set multiplot layout 1,3
do for [p in "new est drop"] {
	set title sprintf("path: %s", p)
	# hooked's e0 has no role: on the drop path nothing drops its packets.
	plot for [i = (p eq "drop" ? 2 : 1):5] rows(p, word(vs, i)) \
		using (x(strcol(2))):6 with linespoints lw 2 pt 7 lt i title word(vs, i)
}
unset multiplot
